"""Tests for the markdown exporter: discovery through the entry point, each element, escaping, options.

Run from anywhere after ``pip install -e plugins/newsmodel-markdown``:

    pytest plugins/newsmodel-markdown/tests

The tests that parse the output need markdown-it-py (a CommonMark reference parser) and the property
tests need hypothesis; both skip when those are missing (``pip install -e '...[test]'`` has them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from newsmodel_markdown import render as render_module
from newsmodel_markdown.render import export, format_moment, is_safe_url, parse_options, render

import newsmodel.api
from newsmodel.cli import run
from newsmodel.model import (
    BlockQuote,
    Citation,
    Comment,
    Comments,
    Correction,
    CorrectionKind,
    EditorsNote,
    Elision,
    ElisionMark,
    Emphasis,
    Figure,
    Image,
    Inline,
    InlineQuote,
    Insertion,
    Instrument,
    InstrumentKind,
    ItemList,
    LineBreak,
    Link,
    ListItem,
    Occasion,
    Organization,
    Origin,
    Paragraph,
    Person,
    Promo,
    Provenance,
    ProvisionRef,
    ProvisionStep,
    RelatedReport,
    Relation,
    Report,
    ScareQuote,
    Section,
    Sic,
    SourceDocument,
    Strong,
    Text,
    Translation,
)
from newsmodel.plugin.registry import get_registry, reset_registry

try:
    import hypothesis
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - the property tests skip
    hypothesis = None  # type: ignore[assignment]

BEIJING = timezone(timedelta(hours=8))


def t(s: str) -> Text:
    return Text(text=s)


def para(*content: Inline) -> Paragraph:
    return Paragraph(content=content)


def report_with(*content: Inline, **fields: Any) -> Report:
    """A one-paragraph report around `content`."""
    return Report(id="urn:test:one", headline="One", body=(para(*content),), **fields)


def body_of(report: Report, **options: Any) -> str:
    """The rendered Markdown after the headline line."""
    return render(report, **options).split("\n\n", 1)[1]


def sample_report() -> Report:
    """A report with one of everything the exporter writes."""
    agents = (
        Organization(id="paper", name="The Daily Example", url="https://paper.example"),
        Person(id="reporter", name="Ana Ruiz", role="reporter"),
        Person(id="editor", name="Sam Lee", role="editor"),
        Person(id="wang", name="Wang Wenbin", role="foreign ministry spokesperson"),
        Person(id="translator", name="Li Ming", role="translator"),
        Person(id="official", role="a senior official"),
    )
    sources = (
        SourceDocument(id="statement", title="Statement on the visit", url="https://gov.example/statement"),
    )
    instruments = (
        Instrument(
            id="udhr",
            title="Universal Declaration of Human Rights",
            short_name="UDHR",
            kind=InstrumentKind.DECLARATION,
            url="https://www.un.org/udhr",
        ),
        Instrument(id="constitution", title="Constitution of Examplia", kind=InstrumentKind.CONSTITUTION),
    )
    quote = InlineQuote(
        content=(
            t("the "),
            Insertion(content=(t("UN"),)),
            t(" must "),
            Emphasis(content=(t("never"),), origin=Origin.EDITOR),
            t(" act "),
            Elision(),
            t(" alone, "),
            Strong(content=(t("ever"),), origin=Origin.EDITOR),
            t(" in "),
            Sic(content=(t("Geneve"),), correction="Geneva"),
        ),
        provenance=Provenance(speaker="official"),
        translations=(Translation(language="fr", content=(t("jamais"),), translator="translator"),),
    )
    body = (
        para(
            t("Plain "),
            Emphasis(content=(t("emphasis"),)),
            t(", "),
            Strong(content=(t("strong"),)),
            t(", "),
            Link(url="https://example.org/page", content=(t("a link"),), title="Page"),
            t(" and a break"),
            LineBreak(),
            t("after it."),
        ),
        para(
            t("An official said "),
            quote,
            t(", then "),
            InlineQuote(content=(t("bare "), Elision(mark=ElisionMark.BARE), t(" end")), marks="«»"),
            t(" about "),
            ScareQuote(content=(t("re-education"),)),
            t(" under "),
            Citation(
                instrument="udhr",
                path=(ProvisionStep(unit="article", number="19"),),
                content=(t("article 19"),),
            ),
            t(" and "),
            Citation(instrument="constitution", path=(ProvisionStep(unit="article", number="36"),)),
            t("."),
        ),
        Section(
            heading=(t("Background"),),
            content=(
                para(t("Section text.")),
                Section(heading=(t("Details"),), level=3, content=(para(t("Subsection text.")),)),
            ),
        ),
        ItemList(
            ordered=True,
            start=3,
            items=(
                ListItem(label=(t("Religion:"),), content=(para(t("restricted")),)),
                ListItem(content=(para(t("fourth")),)),
            ),
        ),
        ItemList(items=(ListItem(content=(para(t("apples")),)), ListItem(content=(para(t("pears")),)))),
        Figure(
            image=Image(src="https://paper.example/photo.jpg", alt="A crowd outside the court"),
            caption=(t("Protesters on Monday."),),
            credit=(t("Photo: Ana Ruiz"),),
        ),
        BlockQuote(
            content=(para(t("We "), Strong(content=(t("will"),), origin=Origin.EDITOR), t(" respond.")),),
            provenance=Provenance(
                speaker="wang",
                occasion=Occasion(name="Press conference", date=date(2023, 4, 1)),
                language="en",
                original_language="zh",
                translator="translator",
            ),
        ),
        BlockQuote(
            content=(para(t("Everyone has the right to freedom of opinion.")),),
            provenance=Provenance(
                source="statement",
                provision=ProvisionRef(instrument="udhr", path=(ProvisionStep(unit="article", number="19"),)),
                date=datetime(2023, 4, 2, 9, 30, tzinfo=BEIJING),
            ),
        ),
        EditorsNote(content=(para(t("This story has been updated.")),), date=date(2023, 4, 5)),
        Promo(content=(t("Sign up for the newsletter"),), kind="newsletter", url="https://paper.example/nl"),
    )
    return Report(
        id="urn:test:sample",
        headline="Court hears *the* case",
        standfirst=(t("What the court heard, and what it did not."),),
        authors=("reporter", "editor"),
        publisher="paper",
        published=date(2023, 4, 3),
        modified=datetime(2023, 4, 5, 10, 0, tzinfo=UTC),
        language="en",
        agents=agents,
        sources=sources,
        instruments=instruments,
        body=body,
        related=(
            RelatedReport(relation=Relation.RECENT, title="Recent one", url="https://paper.example/r"),
            RelatedReport(relation=Relation.CITED_BY, title="A study", url="https://uni.example/study"),
            RelatedReport(
                relation=Relation.CITED_BY, title="An op-ed", date=date(2023, 5, 1), teaser="It argues..."
            ),
            RelatedReport(relation=Relation.RELATED, title="Related one"),
        ),
        comments=Comments(
            count=5,
            items=(
                Comment(
                    content=(para(t("Good piece.")),),
                    author="reader1",
                    author_url="https://reader.example",
                    date=date(2023, 4, 4),
                ),
            ),
        ),
        corrections=(
            Correction(
                date=date(2023, 4, 5),
                content=(t("An earlier version misspelled Wang's name."),),
                kind=CorrectionKind.CORRECTION,
            ),
        ),
    )


# --- discovery ----------------------------------------------------------------------------------------


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process-wide registry rebuilt from the installed entry points, with no env controls."""
    for name in (
        "NEWSMODEL_DISABLE_PLUGINS",
        "NEWSMODEL_PLUGINS",
        "NEWSMODEL_BLOCK",
        "NEWSMODEL_PREFER",
        "NEWSMODEL_STRICT_PLUGINS",
    ):
        monkeypatch.delenv(name, raising=False)
    reset_registry()
    try:
        yield
    finally:
        reset_registry()


@pytest.mark.usefixtures("fresh_registry")
def test_discovered_through_the_entry_point() -> None:
    data = newsmodel.api.dumps(sample_report(), "markdown")
    assert data.startswith(b"# Court hears")
    registry = get_registry()
    assert registry.format_provider("markdown") == "markdown"
    spec = registry.format("markdown")
    assert (spec.media_type, spec.extensions, spec.importer) == ("text/markdown", (".md",), None)
    (info,) = [p for p in registry.plugins if p.name == "markdown"]
    assert (info.distribution, info.version, info.builtin) == ("newsmodel-markdown", "0.1.0", False)
    assert "newsmodel_register_formats" in info.hooks
    assert not [f for f in registry.failures if f.plugin == "markdown"]


@pytest.mark.usefixtures("fresh_registry")
def test_cli_lists_the_format_and_its_distribution(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["formats"]) == 0
    (line,) = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("markdown ")]
    assert line.split()[:5] == ["markdown", "-w", ".md", "text/markdown", "markdown"]
    assert run(["plugins"]) == 0
    (line,) = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("markdown ")]
    assert line.split()[:3] == ["markdown", "newsmodel-markdown", "0.1.0"]


@pytest.mark.usefixtures("fresh_registry")
def test_cli_converts_to_markdown_by_name_and_by_extension(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    newsmodel.api.dump(sample_report(), "json", source)
    assert run(["convert", str(source), "-t", "markdown", "-o", str(tmp_path / "a.txt")]) == 0
    assert run(["convert", str(source), "-o", str(tmp_path / "b.md")]) == 0
    expected = export(sample_report(), {})
    assert (tmp_path / "a.txt").read_bytes() == (tmp_path / "b.md").read_bytes() == expected


def test_registers_without_the_entry_point() -> None:
    # How to test a plugin module before it is installed: newsmodel.testing.plugins.registered.
    pytest.importorskip("hypothesis", reason="importing newsmodel.testing needs hypothesis")
    from newsmodel_markdown import plugin

    from newsmodel.testing.plugins import registered

    with registered(plugin) as registry:
        assert registry.format_provider("markdown") == "plugin-0"
        assert newsmodel.api.dumps(sample_report(), "markdown") == export(sample_report(), {})


@pytest.mark.usefixtures("fresh_registry")
def test_blocking_the_plugin_removes_the_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSMODEL_BLOCK", "markdown")
    reset_registry()
    assert "markdown" not in get_registry().format_names()


# --- elements -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_md() -> str:
    return render(sample_report(), promos=True)


@pytest.mark.parametrize(
    "expected",
    [
        # heading and metadata
        "# Court hears \\*the\\* case\n\n",
        "By Ana Ruiz and Sam Lee · The Daily Example · 3 April 2023 · updated 5 April 2023, 10:00 UTC\n\n",
        "\n\nWhat the court heard, and what it did not.\n\n",
        # inline markup
        'Plain *emphasis*, **strong**, [a link](https://example.org/page "Page") and a break\\\nafter it.',
        # quotes and editorial marks
        "“the [UN] must *never* act […] alone, **ever** in Geneve [sic]” [emphasis added]",
        " (French, translated by Li Ming: “jamais”)",
        "«bare … end»",
        "“re-education”",
        # citations: linked when the instrument has a URL, the instrument and path when content is empty
        '[article 19](https://www.un.org/udhr "Universal Declaration of Human Rights, article 19")',
        " and Constitution of Examplia, article 36.",
        # sections and lists
        "\n\n## Background\n\nSection text.\n\n### Details\n\nSubsection text.\n\n",
        "\n\n3. **Religion:** restricted\n4. fourth\n\n",
        "\n\n- apples\n- pears\n\n",
        # figure
        "\n\n![A crowd outside the court](https://paper.example/photo.jpg)\n\n"
        "Protesters on Monday. — Photo: Ana Ruiz\n\n",
        # block quotes with attribution lines
        "> We **will** respond.\n>\n"
        "> — Wang Wenbin, Press conference, 1 April 2023 (translated from Chinese by Li Ming)"
        " [emphasis added]\n\n",
        "> Everyone has the right to freedom of opinion.\n>\n"
        "> — [Statement on the visit](https://gov.example/statement), "
        '[UDHR, article 19](https://www.un.org/udhr "Universal Declaration of Human Rights, article 19"), '
        "2 April 2023, 09:30 UTC+08:00\n\n",
        # editor's note and promo
        "> **Editor's note:** This story has been updated.\n>\n> *5 April 2023*\n\n",
        "**Promotion (newsletter):** [Sign up for the newsletter](https://paper.example/nl)",
        # after the body
        "## Corrections\n\n**Correction, 5 April 2023:** An earlier version misspelled Wang's name.",
        "## Cited by\n\n- [A study](https://uni.example/study)\n- An op-ed (1 May 2023): It argues...\n\n",
        "## Related\n\n- Related one\n\n## Recent\n\n- [Recent one](https://paper.example/r)",
        "## Comments (5)\n\n*Showing 1 of 5 comments.*\n\n"
        "**[reader1](https://reader.example)** · 4 April 2023\n\n> Good piece.\n",
    ],
)
def test_renders_element(sample_md: str, expected: str) -> None:
    assert expected in sample_md


def test_sections_come_in_order(sample_md: str) -> None:
    heads = [ln for ln in sample_md.splitlines() if ln.startswith("#")]
    assert heads == [
        "# Court hears \\*the\\* case",
        "## Background",
        "### Details",
        "## Corrections",
        "## Cited by",
        "## Related",
        "## Recent",
        "## Comments (5)",
    ]


def test_emphasis_added_once_per_quote_and_only_for_the_editors_emphasis() -> None:
    md = body_of(
        report_with(
            InlineQuote(
                content=(
                    Emphasis(content=(t("a"),), origin=Origin.EDITOR),
                    t(" "),
                    Strong(content=(t("b"),), origin=Origin.EDITOR),
                )
            ),
            t(" and "),
            InlineQuote(content=(Emphasis(content=(t("c"),)),)),
            t(" and "),
            Emphasis(content=(t("outside any quote"),), origin=Origin.EDITOR),
        )
    )
    assert md == "“*a* **b**” [emphasis added] and “*c*” and *outside any quote*\n"


def test_emphasis_note_belongs_to_the_innermost_quote() -> None:
    inner = InlineQuote(content=(Emphasis(content=(t("x"),), origin=Origin.EDITOR),))
    md = body_of(report_with(InlineQuote(content=(t("he said "), inner, t(" twice")))))
    assert md == "“he said ‘*x*’ [emphasis added] twice”\n"


def test_emphasis_note_option() -> None:
    r = report_with(InlineQuote(content=(Emphasis(content=(t("x"),), origin=Origin.EDITOR),)))
    assert body_of(r, emphasis_note="our emphasis") == "“*x*” [our emphasis]\n"
    assert body_of(r, emphasis_note="") == "“*x*”\n"
    data = newsmodel.api.dumps(r, "markdown", options={"emphasis_note": "italics ours"})
    assert data.endswith("“*x*” [italics ours]\n".encode())


def test_promos_are_left_out_unless_asked_for() -> None:
    promo = Promo(content=(t("Subscribe"),), url="https://paper.example/s")
    r = Report(id="urn:test:p", headline="P", body=(promo, para(t("text"))))
    assert "Subscribe" not in render(r)
    assert "**Promotion:** [Subscribe](https://paper.example/s)" in render(r, promos=True)
    assert "Subscribe" in export(r, {"promos": True}).decode()


def test_line_break_is_a_backslash_and_never_ends_a_paragraph() -> None:
    assert body_of(report_with(t("a"), LineBreak(), t("b"), LineBreak())) == "a\\\nb\n"
    heading = Section(heading=(t("one"), LineBreak(), t("line")))
    assert render(Report(id="x", headline="h", body=(heading,))).endswith("## one line\n")


def test_anonymous_speaker_and_translation_without_translator() -> None:
    r = Report(
        id="urn:test:a",
        headline="A",
        language="en",
        agents=(Person(id="o", role="a senior official"),),
        body=(
            BlockQuote(
                content=(para(t("No comment.")),),
                provenance=Provenance(speaker="o", original_language="zh"),
            ),
        ),
    )
    assert "> — a senior official (translated from Chinese)\n" in render(r)


def test_a_bold_label_is_not_bolded_twice() -> None:
    item = ListItem(label=(Strong(content=(t("Faith:"),)),), content=(para(t("restricted")),))
    md = body_of(Report(id="x", headline="h", body=(ItemList(items=(item,)),)))
    assert md == "- **Faith:** restricted\n"


def test_adjacent_lists_stay_separate() -> None:
    def bullets(*words: str) -> ItemList:
        return ItemList(items=tuple(ListItem(content=(para(t(w)),)) for w in words))

    r = Report(id="x", headline="h", body=(bullets("a"), bullets("b"), bullets("c")))
    assert body_of(r) == "- a\n\n* b\n\n- c\n"


def test_list_items_with_several_blocks_are_indented() -> None:
    item = ListItem(content=(para(t("one")), para(t("two"), LineBreak(), t("three"))))
    r = Report(id="x", headline="h", body=(ItemList(items=(item,), ordered=True, start=10),))
    assert body_of(r) == "10. one\n\n    two\\\n    three\n"


def test_dates() -> None:
    assert format_moment(date(2024, 2, 29)) == "29 February 2024"
    assert format_moment(datetime(2024, 2, 29, 23, 5, tzinfo=UTC)) == "29 February 2024, 23:05 UTC"
    minus = timezone(-timedelta(hours=3, minutes=30))
    assert format_moment(datetime(2024, 1, 1, 0, 0, tzinfo=minus)) == "1 January 2024, 00:00 UTC-03:30"


# --- escaping and URLs --------------------------------------------------------------------------------


def test_text_cannot_make_emphasis_or_links() -> None:
    md = body_of(report_with(t("*not emphasis* [x](javascript:alert(1))")))
    assert md == "\\*not emphasis\\* \\[x\\](javascript:alert(1))\n"


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("2) not a list", "2\\) not a list"),
        ("> not a quote", "\\> not a quote"),
        ("<b>no html</b> &amp; no entity", "\\<b\\>no html\\</b\\> \\&amp; no entity"),
        ("`no code`", "\\`no code\\`"),
        ("    not code", "not code"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("~~~", "\\~\\~\\~"),
        ("a_b_c | d", "a\\_b\\_c \\| d"),
        ("back\\slash", "back\\\\slash"),
        ("Wow!", "Wow\\!"),
    ],
)
def test_escaping(text: str, markdown: str) -> None:
    assert body_of(report_with(t(text))) == markdown + "\n"


def test_line_start_escaping_after_a_line_break() -> None:
    md = body_of(report_with(t("a"), LineBreak(), t("- b"), LineBreak(), t("3. c")))
    assert md == "a\\\n\\- b\\\n3\\. c\n"


def test_editorial_brackets_cannot_make_links() -> None:
    md = body_of(report_with(Insertion(content=(t("x"),)), t("(https://evil.example)")))
    assert md == "\\[x\\](https://evil.example)\n"
    md = body_of(report_with(t("a "), Insertion(content=(t("x"),)), t(": b")))
    assert md == "a [x\\]: b\n"


def test_brackets_inside_link_text_are_escaped() -> None:
    link = Link(url="https://e.example", content=(t("the "), Insertion(content=(t("UN"),)), t(" report")))
    assert body_of(report_with(link)) == "[the \\[UN\\] report](https://e.example)\n"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "%6Aavascript:alert(1)",
    ],
)
def test_unsafe_links_are_plain_text(url: str) -> None:
    md = body_of(report_with(t("see "), Link(url=url, content=(t("click"),)), t(".")))
    assert md == "see click.\n"
    fig = Figure(image=Image(src=url, alt="a chart"))
    assert body_of(Report(id="x", headline="h", body=(fig,))) == "a chart\n"


@pytest.mark.usefixtures("commonmark")
def test_entities_in_urls_stay_undecoded() -> None:
    # A relative reference (path "jav&", fragment "x61;..."): written with "&" escaped, so a parser does
    # not decode "&#x61;" to "a" and the link cannot turn into javascript:.
    md = body_of(report_with(Link(url="jav&#x61;script:alert(1)", content=(t("x"),))))
    assert md == "[x](jav\\&#x61;script:alert\\(1\\))\n"
    assert 'href="jav&amp;#x61;script:alert(1)"' in _html(md)


@pytest.mark.parametrize(
    ("url", "destination"),
    [
        ("https://example.org/a_(b)?c=1&d=<2>", "https://example.org/a_\\(b\\)?c=1\\&d=\\<2\\>"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("mailto:desk@paper.example", "mailto:desk@paper.example"),
        ("/relative/path", "/relative/path"),
        ("page.html#top", "page.html#top"),
        ("#top", "#top"),
        ("?q=1:2", "?q=1:2"),
        ("//cdn.example/x", "//cdn.example/x"),
    ],
)
def test_safe_links(url: str, destination: str) -> None:
    assert is_safe_url(url)
    assert body_of(report_with(Link(url=url, content=(t("x"),)))) == f"[x]({destination})\n"


def test_link_without_text_shows_its_url() -> None:
    assert body_of(report_with(Link(url="https://e.example/", content=()))) == (
        "[https://e.example/](https://e.example/)\n"
    )


def test_quote_marks_are_escaped() -> None:
    assert body_of(report_with(ScareQuote(content=(t("x"),), marks="**"))) == "\\*x\\*\n"


# --- options and output contract -----------------------------------------------------------------------


def test_unknown_options_are_named() -> None:
    with pytest.raises(ValueError, match=r"unknown options 'colour', 'width'"):
        export(sample_report(), {"colour": "red", "width": 80, "promos": True})
    # Through the API, newsmodel checks the declared writer options before the exporter runs.
    with pytest.raises(newsmodel.errors.OptionError, match=r"has no option 'colour'"):
        newsmodel.api.dumps(sample_report(), "markdown", options={"colour": "red"})


@pytest.mark.usefixtures("fresh_registry")
def test_cli_reports_a_bad_option_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.json"
    newsmodel.api.dump(sample_report(), "json", source)
    assert run(["convert", str(source), "-t", "markdown", "-W", "colour=red"]) == 2  # a usage error
    assert capsys.readouterr().err == (
        "newsmodel: error: writer 'markdown' has no option 'colour' "
        "(options: emphasis_note, link_citations, promos)\n"
    )


@pytest.mark.parametrize(
    "options",
    [{"promos": "yes"}, {"promos": 1}, {"emphasis_note": None}, {"link_citations": "no"}],
)
def test_bad_option_values(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        parse_options(options)


def test_citations_can_be_left_unlinked() -> None:
    md = render(sample_report(), link_citations=False)
    assert " under article 19 and " in md


def test_output_is_deterministic_utf8_with_one_final_newline() -> None:
    first = export(sample_report(), {"promos": True})
    assert first == export(sample_report(), {"promos": True})
    text = first.decode("utf-8")
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert "\r" not in text
    assert "\n\n\n" not in text
    assert not any(line != line.rstrip() for line in text.splitlines())
    assert not any(ch in text for ch in "\x01\x02\x03\x04\x05\x06")


def test_minimal_report() -> None:
    assert render(Report(id="x", headline="Just a headline")) == "# Just a headline\n"


# --- parsed with a CommonMark parser ---------------------------------------------------------------------


def _markdown_it() -> Any:
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return None
    md = MarkdownIt("commonmark")
    # markdown-it refuses javascript: links itself; accept everything so the tests see what we write.
    md.validateLink = lambda url: True
    return md


def _html(markdown: str) -> str:
    return str(_markdown_it().render(markdown))


def _tokens(markdown: str) -> list[Any]:
    out = []
    stack = list(reversed(_markdown_it().parse(markdown)))
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(reversed(tok.children or []))
    return out


@pytest.fixture
def commonmark() -> None:
    pytest.importorskip("markdown_it")


@pytest.mark.usefixtures("commonmark")
def test_sample_parses_as_intended(sample_md: str) -> None:
    html = _html(sample_md)
    assert "<h1>Court hears *the* case</h1>" in html
    assert "“the [UN] must <em>never</em> act […] alone, <strong>ever</strong> in Geneve [sic]”" in html
    assert '<ol start="3">\n<li><strong>Religion:</strong> restricted</li>' in html
    assert '<img src="https://paper.example/photo.jpg" alt="A crowd outside the court" />' in html
    assert "<blockquote>\n<p>We <strong>will</strong> respond.</p>\n<p>— Wang Wenbin, Press" in html
    assert "<p><strong>Editor's note:</strong> This story has been updated.</p>" in html
    assert html.count("<ul>") == 4  # apples, and three groups of related reports


@pytest.mark.usefixtures("commonmark")
def test_text_parses_to_itself() -> None:
    html = _html(body_of(report_with(t("*not emphasis* [x](javascript:alert(1))"))))
    assert html == "<p>*not emphasis* [x](javascript:alert(1))</p>\n"
    nasty = "*a* _b_ **c** [d](e) ![f](g) <h> &amp; `i` \\ ~~j~~ | k | <http://l.example>"
    html = _html(body_of(report_with(t(nasty))))
    assert html == "<p>" + nasty.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>\n"


@pytest.mark.usefixtures("commonmark")
@pytest.mark.parametrize(
    ("content", "html"),
    [
        # a delimiter between a letter and punctuation would not open: written as HTML instead
        ((t("a"), Emphasis(content=(t("(b)"),)), t("c")), "a<em>(b)</em>c"),
        ((Emphasis(content=(t("x"),)), Emphasis(content=(t("y"),))), "<em>x</em><em>y</em>"),
        ((Emphasis(content=(Emphasis(content=(t("x"),)),)),), "<em><em>x</em></em>"),
        ((Strong(content=(Emphasis(content=(t("x"),)),)),), "<strong><em>x</em></strong>"),
        ((t("in"), Strong(content=(t("side"),)), t("word")), "in<strong>side</strong>word"),
        ((Emphasis(content=(t(" padded "),)),), "<em>padded</em>"),
        ((t("a "), Emphasis(content=(t(" "),)), t("b")), "a  b"),
    ],
)
def test_emphasis_parses_as_intended(content: tuple[Inline, ...], html: str) -> None:
    assert _html(body_of(report_with(*content))) == f"<p>{html}</p>\n"


# --- property tests -------------------------------------------------------------------------------------


def _property(max_examples: int, **strategies: Callable[[], Any]) -> Callable[[Callable[..., None]], Any]:
    """Hypothesis's ``@given`` (strategies built lazily), or a skip when hypothesis is not installed."""
    if hypothesis is None:
        return pytest.mark.skip(reason="needs hypothesis")
    given = hypothesis.given(**{name: st.deferred(make) for name, make in strategies.items()})
    return lambda test: hypothesis.settings(max_examples=max_examples, deadline=None)(given(test))


_SAFE_HREF = re.compile(r"(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


def _reports() -> Any:
    from newsmodel.testing.strategies import reports

    return reports()


@pytest.mark.usefixtures("commonmark")
@_property(150, report=_reports)
def test_any_report_renders_safely(report: Report) -> None:
    data = export(report, {"promos": True})
    assert data == export(report, {"promos": True})
    text = data.decode("utf-8")
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    for tok in _tokens(text):
        assert tok.type not in ("html_block", "code_block", "fence", "code_inline", "hr"), tok
        if tok.type == "html_inline":
            assert tok.content in ("<em>", "</em>", "<strong>", "</strong>"), tok
        if tok.type == "heading_open":
            assert tok.markup.startswith("#"), tok
        if tok.type in ("link_open", "image"):
            href = tok.attrGet("href") or tok.attrGet("src") or ""
            assert _SAFE_HREF.match(href), href


# Inline trees made of awkward text, checked against the HTML they should parse to.

_AWKWARD = [
    *"\\`*_[]<>#&~|!-+=.():0123456789 \t\n\"'“”",
    "&amp;",
    "&#58;",
    "javascript:",
    "    ",
    "***",
    "---",
    "1. ",
    "> ",
    "<div>",
    "[a](b)",
    "![a](b)",
    "\u00a0",
    "€",
    "é",
]
_URLS = [
    "https://e.example/a_(b)*c",
    "javascript:alert(1)",
    "/rel?x=1&y=<2>",
    "mailto:a@b.example",
    "data:text/html,<b>",
    "#frag",
    "a\\b",
]


def _text_strategy() -> Any:
    chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    return st.lists(st.one_of(st.sampled_from(_AWKWARD), st.text(chars, max_size=2)), max_size=5).map("".join)


def _inline_strategy() -> Any:
    def many(children: Any) -> Any:
        return st.lists(children, max_size=3).map(tuple)

    leaves = st.one_of(
        _text_strategy().map(t),
        st.just(LineBreak()),
        st.sampled_from(ElisionMark).map(lambda m: Elision(mark=m)),
    )
    return st.recursive(
        leaves,
        lambda kids: st.one_of(
            st.builds(lambda c, o: Emphasis(content=c, origin=o), many(kids), st.sampled_from(Origin)),
            st.builds(lambda c, o: Strong(content=c, origin=o), many(kids), st.sampled_from(Origin)),
            st.builds(lambda c, u: Link(url=u, content=c), many(kids), st.sampled_from(_URLS)),
            many(kids).map(lambda c: Insertion(content=c)),
            many(kids).map(lambda c: Sic(content=c)),
            st.builds(lambda c, m: ScareQuote(content=c, marks=m), many(kids), st.sampled_from([None, "‘’"])),
            many(kids).map(lambda c: InlineQuote(content=c)),
        ),
        max_leaves=10,
    )


class _Expected:
    """The HTML a CommonMark parser should make of the exporter's Markdown for some inlines."""

    def __init__(self) -> None:
        from markdown_it import MarkdownIt
        from markdown_it.common.utils import escapeHtml

        self.escape = escapeHtml
        self.normalize_link = MarkdownIt("commonmark").normalizeLink
        self.quotes: list[bool] = []

    def inlines(self, content: tuple[Inline, ...], in_link: bool = False, depth: int = 0) -> str:
        return "".join(self.inline(n, in_link, depth) for n in content)

    def inline(self, node: Inline, in_link: bool, depth: int) -> str:
        esc = self.escape
        if isinstance(node, Text):
            return str(esc(node.text.replace("\n", " ")))
        if isinstance(node, LineBreak):
            return "<br />\n"
        if isinstance(node, Elision):
            return "[…]" if node.mark is ElisionMark.BRACKETED else "…"
        if isinstance(node, (Emphasis, Strong)):
            if node.origin is Origin.EDITOR and self.quotes:
                self.quotes[-1] = True
            tag = "strong" if isinstance(node, Strong) else "em"
            inner = self.inlines(node.content, in_link, depth)
            m = re.fullmatch(r"((?:<br />\n|[^\S\n])*)(.*?)((?:<br />\n|[^\S\n])*)", inner, re.DOTALL)
            assert m is not None
            return f"{m[1]}<{tag}>{m[2]}</{tag}>{m[3]}" if m[2] else inner
        if isinstance(node, Link):
            if in_link or not is_safe_url(node.url):
                return self.inlines(node.content, in_link, depth)
            inner = self.inlines(node.content, True, depth)
            href = esc(self.normalize_link(node.url))
            return f'<a href="{href}">{inner if inner.strip() else esc(node.url)}</a>'
        if isinstance(node, Insertion):
            return f"[{self.inlines(node.content, in_link, depth)}]"
        if isinstance(node, Sic):
            return f"{self.inlines(node.content, in_link, depth)} [sic]"
        if isinstance(node, (ScareQuote, InlineQuote)):
            marks = node.marks or ("“”", "‘’")[depth % 2]
            if isinstance(node, InlineQuote):
                self.quotes.append(False)
            inner = self.inlines(node.content, in_link, depth + 1)
            note = isinstance(node, InlineQuote) and self.quotes.pop()
            return f"{esc(marks[0])}{inner}{esc(marks[1])}" + (" [emphasis added]" if note else "")
        raise AssertionError(node)


def _normal(html: str) -> str:
    html = re.sub(r"[ \t]*<br />\n[ \t]*", "<br />\n", html)
    return re.sub(r"\A(?:<br />\n|\s)+|(?:<br />\n|\s)+\Z", "", html)


@pytest.mark.usefixtures("commonmark")
@_property(400, content=lambda: st.lists(_inline_strategy(), min_size=1, max_size=4).map(tuple))
def test_inlines_parse_to_the_intended_html(content: tuple[Inline, ...]) -> None:
    markdown = render(report_with(*content)).split("\n\n", 1)
    expected = _normal(_Expected().inlines(content))
    if not expected:
        assert len(markdown) == 1
        return
    html = _html(markdown[1])
    assert html.startswith("<p>")
    assert html.endswith("</p>\n")
    assert _normal(html[3:-5]) == expected, markdown[1]


def test_module_exports() -> None:
    assert set(render_module.__all__) <= set(dir(render_module))
