"""Building invalid nodes raises ValidationError naming the field (and, for report-wide rules, the
`$.path`); the valid equivalent builds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from newsmodel.errors import ValidationError
from newsmodel.model import (
    BlockQuote,
    Citation,
    Comment,
    Comments,
    Correction,
    EditorsNote,
    Image,
    InlineQuote,
    Instrument,
    InstrumentKind,
    ItemList,
    ListItem,
    Organization,
    Paragraph,
    Person,
    Provenance,
    ProvisionRef,
    ProvisionStep,
    Report,
    ScareQuote,
    Section,
    SourceDocument,
    Text,
    Translation,
)
from tests.samples import KATHMANDU, full_report, minimal_report


def refused(build: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        build()
    return info.value


def t(s: str) -> Text:
    return Text(text=s)


def quote(provenance: Provenance, id: str | None = None) -> Paragraph:
    return Paragraph(content=(InlineQuote(content=(t("words"),), provenance=provenance, id=id),))


PERSON = Person(id="ana", name="Ana")
LAW = Instrument(id="udhr", title="UDHR", kind=InstrumentKind.DECLARATION)
DOC = SourceDocument(id="doc", title="A document")


# --- references --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "path", "kind"),
    [
        ({"authors": ("ana", "ghost")}, "$.authors[1]", "Report.agents"),
        ({"publisher": "ghost"}, "$.publisher", "Report.agents"),
        (
            {"body": (quote(Provenance(speaker="ghost")),)},
            "$.body[0].content[0].provenance.speaker",
            "agents",
        ),
        (
            {"body": (quote(Provenance(translator="ghost")),)},
            "$.body[0].content[0].provenance.translator",
            "agents",
        ),
        (
            {"agents": (PERSON, Person(id="b", name="B", affiliation="ghost"))},
            "$.agents[1].affiliation",
            "agents",
        ),
        ({"sources": (SourceDocument(id="s", title="S", author="ghost"),)}, "$.sources[0].author", "agents"),
        (
            {"body": (Paragraph(content=(Citation(instrument="ghost"),)),)},
            "$.body[0].content[0].instrument",
            "Instrument",
        ),
        (
            {"body": (quote(Provenance(provision=ProvisionRef(instrument="ghost"))),)},
            "$.body[0].content[0].provenance.provision.instrument",
            "Instrument",
        ),
        (
            {"instruments": (Instrument(id="x", title="X", kind=InstrumentKind.OTHER, part_of="ghost"),)},
            "$.instruments[0].part_of",
            "Instrument",
        ),
        (
            {"body": (quote(Provenance(source="ghost")),)},
            "$.body[0].content[0].provenance.source",
            "SourceDocument",
        ),
        (
            {"body": (quote(Provenance(requotes="ghost")),)},
            "$.body[0].content[0].provenance.requotes",
            "quote",
        ),
        (
            {"body": (BlockQuote(content=(), provenance=Provenance(requotes="ghost")),)},
            "$.body[0].provenance.requotes",
            "quote",
        ),
        (
            {"corrections": (Correction(date=date(2020, 1, 1), content=(), anchors=("ghost",)),)},
            "$.corrections[0].anchors[0]",
            "block",
        ),
    ],
)
def test_undeclared_reference(fields: dict[str, Any], path: str, kind: str) -> None:
    base: dict[str, Any] = {"agents": (PERSON,), "instruments": (LAW,), "sources": (DOC,)}
    err = refused(lambda: minimal_report(**{**base, **fields}))
    (problem,) = err.problems
    assert problem.path == path
    assert "'ghost'" in problem.message
    assert kind in problem.message
    assert path in str(err)


def test_declared_references_build() -> None:
    report = minimal_report(
        authors=("ana",),
        publisher="org",
        agents=(PERSON, Organization(id="org", name="Org")),
        instruments=(LAW,),
        sources=(DOC,),
        body=(
            quote(
                Provenance(
                    speaker="ana", source="doc", provision=ProvisionRef(instrument="udhr"), translator="ana"
                ),
                id="q1",
            ),
            BlockQuote(content=(), provenance=Provenance(requotes="q1"), id="bq"),
            Paragraph(content=(Citation(instrument="udhr"),), id="p"),
        ),
        corrections=(Correction(date=date(2020, 1, 1), content=(), anchors=("bq", "p")),),
    )
    assert report.authors == ("ana",)
    assert full_report().id  # the rich sample declares everything it names


def test_a_quote_id_is_not_a_block_anchor_but_a_block_quote_is_both() -> None:
    err = refused(
        lambda: minimal_report(
            body=(quote(Provenance(), id="q1"),),
            corrections=(Correction(date=date(2020, 1, 1), content=(), anchors=("q1",)),),
        )
    )
    assert err.problems[0].path == "$.corrections[0].anchors[0]"
    minimal_report(
        body=(BlockQuote(content=(), id="bq"), quote(Provenance(requotes="bq"))),
        corrections=(Correction(date=date(2020, 1, 1), content=(), anchors=("bq",)),),
    )


def test_every_problem_is_listed() -> None:
    err = refused(lambda: minimal_report(authors=("a", "b"), publisher="c"))
    assert [p.path for p in err.problems] == ["$.authors[0]", "$.authors[1]", "$.publisher"]
    assert "(and 2 more problems)" in str(err)


# --- ids ---------------------------------------------------------------------------------------------


def test_duplicate_block_ids() -> None:
    err = refused(lambda: minimal_report(body=(Paragraph(content=(), id="a"), Paragraph(content=(), id="a"))))
    (problem,) = err.problems
    assert problem.path == "$.body[1].id"
    assert "duplicate id 'a'" in problem.message
    assert "$.body[0].id" in problem.message


def test_duplicate_ids_across_blocks_and_quotes() -> None:
    err = refused(
        lambda: minimal_report(body=(Section(heading=(), id="x", content=(quote(Provenance(), id="x"),)),))
    )
    assert err.problems[0].path == "$.body[0].content[0].content[0].id"


def test_duplicate_block_id_in_a_list_item() -> None:
    items = ItemList(items=(ListItem(content=(), id="x"),), id="x")
    err = refused(lambda: minimal_report(body=(items,)))
    assert "duplicate id 'x'" in str(err)


def test_duplicate_agent_ids() -> None:
    err = refused(lambda: minimal_report(agents=(PERSON, Organization(id="ana", name="Ana Inc."))))
    assert err.problems[0].path == "$.agents[1].id"


def test_same_id_in_different_namespaces_is_fine() -> None:
    minimal_report(
        agents=(Person(id="x", name="X"),),
        instruments=(Instrument(id="x", title="X", kind=InstrumentKind.OTHER),),
        sources=(SourceDocument(id="x", title="X"),),
        body=(Paragraph(content=(), id="x"),),
    )


@pytest.mark.parametrize("bad", ["1abc", "a b", "", "-a", "a:b", "é", "a" * 129])
def test_bad_id(bad: str) -> None:
    err = refused(lambda: Paragraph(content=(), id=bad))
    assert "Paragraph.id" in str(err)
    err = refused(lambda: Person(id=bad, name="X"))
    assert "Person.id" in str(err)


@pytest.mark.parametrize("good", ["a", "_a", "A.b-c_d", "a1", "a" * 128])
def test_good_id(good: str) -> None:
    assert Paragraph(content=(), id=good).id == good


def test_bad_report_id() -> None:
    assert "Report.id" in str(refused(lambda: Report(id="has space", headline="h")))
    assert "Report.id" in str(refused(lambda: Report(id="", headline="h")))
    assert Report(id="urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", headline="h").id


# --- sections ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("level", [1, 7, 0, -2])
def test_heading_level_out_of_range(level: int) -> None:
    err = refused(lambda: Section(heading=(t("h"),), level=level))
    assert "Section.level" in str(err)
    assert "2..6" in str(err)


@pytest.mark.parametrize("level", [2, 3, 4, 5, 6])
def test_heading_levels_in_range(level: int) -> None:
    assert Section(heading=(), level=level).level == level


def test_heading_level_must_be_an_int() -> None:
    assert "Section.level" in str(refused(lambda: Section(heading=(), level=True)))
    assert "Section.level" in str(refused(lambda: Section(heading=(), level="3")))  # type: ignore[arg-type]


@pytest.mark.parametrize("inner", [2, 3])
def test_nested_section_must_be_deeper(inner: int) -> None:
    err = refused(lambda: Section(heading=(), level=3, content=(Section(heading=(), level=inner),)))
    assert "Section.content[0].level" in str(err)


def test_nested_section_deeper_builds() -> None:
    s = Section(heading=(), level=2, content=(Paragraph(content=()), Section(heading=(), level=4)))
    assert s.content[1].level == 4  # type: ignore[union-attr]


# --- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda m: minimal_report(published=m),
        lambda m: minimal_report(modified=m),
        lambda m: Correction(date=m, content=()),
        lambda m: EditorsNote(content=(), date=m),
        lambda m: Comment(content=(), date=m),
        lambda m: SourceDocument(id="s", title="S", date=m),
        lambda m: Provenance(date=m),
    ],
    ids=["published", "modified", "correction", "note", "comment", "source", "provenance"],
)
def test_naive_datetime(build: Callable[[object], object]) -> None:
    err = refused(lambda: build(datetime(2023, 4, 3, 8, 15)))
    assert "timezone" in str(err)
    build(datetime(2023, 4, 3, 8, 15, tzinfo=KATHMANDU))
    build(date(2023, 4, 3))


@pytest.mark.parametrize("value", ["2023-04-03", 20230403, None])
def test_moment_must_be_a_date_or_datetime(value: object) -> None:
    if value is None:
        with pytest.raises(ValidationError, match=r"Correction\.date"):
            Correction(date=value, content=())  # type: ignore[arg-type]
        return
    with pytest.raises(ValidationError, match=r"Report\.published"):
        minimal_report(published=value)


def test_sub_minute_offset_is_refused() -> None:
    odd = timezone(timedelta(minutes=19, seconds=32))
    err = refused(lambda: minimal_report(published=datetime(1930, 6, 1, tzinfo=odd)))
    assert "Report.published" in str(err)


def test_modified_before_published() -> None:
    err = refused(lambda: minimal_report(published=date(2020, 1, 2), modified=date(2020, 1, 1)))
    (problem,) = err.problems
    assert problem.path == "$.modified"
    assert "before published" in problem.message
    refused(
        lambda: minimal_report(
            published=datetime(2020, 1, 2, 12, tzinfo=UTC), modified=datetime(2020, 1, 2, 11, 59, tzinfo=UTC)
        )
    )
    refused(lambda: minimal_report(published=date(2020, 1, 2), modified=datetime(2020, 1, 1, 23, tzinfo=UTC)))


def test_modified_after_or_with_published_builds() -> None:
    minimal_report(published=date(2020, 1, 2), modified=date(2020, 1, 2))
    minimal_report(published=date(2020, 1, 2), modified=datetime(2020, 1, 2, 0, 1, tzinfo=UTC))
    minimal_report(published=datetime(2020, 1, 2, 12, tzinfo=UTC), modified=date(2020, 1, 2))  # same day
    minimal_report(published=datetime(2020, 1, 2, tzinfo=UTC), modified=datetime(2020, 1, 2, tzinfo=UTC))
    minimal_report(modified=date(2020, 1, 1))  # no publication date to compare with


def test_modified_later_in_another_offset_builds() -> None:
    published = datetime(2020, 1, 2, 0, 30, tzinfo=KATHMANDU)
    modified = datetime(2020, 1, 1, 20, 0, tzinfo=UTC)
    assert modified > published
    minimal_report(published=published, modified=modified)


# --- text --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("\ud800", "U+D800"),
        ("\udfff", "U+DFFF"),
        ("\x00", "U+0000"),
        ("\r", "U+000D"),
        ("\ufffe", "U+FFFE"),
        ("\uffff", "U+FFFF"),
        ("\x1b", "U+001B"),
        ("\x0b", "U+000B"),
    ],
    ids=repr,
)
def test_characters_no_format_can_carry(bad: str, code: str) -> None:
    err = refused(lambda: Text(text=f"a{bad}b"))
    assert "Text.text" in str(err)
    assert code in str(err)
    assert "offset 1" in str(err)
    assert "Report.headline" in str(refused(lambda: Report(id="r", headline=f"head{bad}line")))
    assert "Image.alt" in str(refused(lambda: Image(src="a.jpg", alt=bad)))
    assert "Report.topics[1]" in str(refused(lambda: minimal_report(topics=("ok", bad))))


@pytest.mark.parametrize(
    "good", ["tab\there", "line\nbreak", "\u2028", "\x7f", "😀", "e\u0301", "\u00a0", ""]
)
def test_characters_every_format_can_carry(good: str) -> None:
    assert Text(text=good).text == good


def test_text_must_be_a_string() -> None:
    assert "Text.text" in str(refused(lambda: Text(text=5)))  # type: ignore[arg-type]
    assert "Text.text" in str(refused(lambda: Text(text=b"bytes")))  # type: ignore[arg-type]


def test_required_text_must_not_be_blank() -> None:
    assert "Report.headline" in str(refused(lambda: Report(id="r", headline="  ")))
    assert "Organization.name" in str(refused(lambda: Organization(id="o", name="")))


# --- languages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["english", "e", "en_GB", "en-", "zh Hans", "", "12"])
def test_bad_language_tag(bad: str) -> None:
    assert "Report.language" in str(refused(lambda: minimal_report(language=bad)))
    assert "Translation.language" in str(refused(lambda: Translation(language=bad, content=())))
    assert "Provenance.original_language" in str(refused(lambda: Provenance(original_language=bad)))


@pytest.mark.parametrize("good", ["en", "eng", "zh-Hans", "pt-BR", "sr-Latn-RS", "EN"])
def test_good_language_tag(good: str) -> None:
    assert minimal_report(language=good).language == good


# --- agents, comments, provisions, quote marks -------------------------------------------------------


def test_person_needs_a_name_or_a_role() -> None:
    err = refused(lambda: Person(id="p"))
    assert "Person.role" in str(err)
    assert Person(id="p", name="Named").anonymous is False
    assert Person(id="p", role="a senior official").anonymous is True


def test_comments_count_below_the_comments_shown() -> None:
    two = (Comment(content=()), Comment(content=()))
    err = refused(lambda: Comments(items=two, count=1))
    assert "Comments.count" in str(err)
    assert Comments(items=two, count=2).count == 2
    assert Comments(items=two, count=40).count == 40
    assert Comments(items=two).count is None
    assert "Comments.count" in str(refused(lambda: Comments(count=-1)))


@pytest.mark.parametrize(
    ("unit", "number"),
    [
        ("Article", "1"),
        ("art icle", "1"),
        ("", "1"),
        ("1st", "1"),
        ("article", "#1"),
        ("article", ""),
        ("article", "1 a"),
    ],
)
def test_bad_provision_step(unit: str, number: str) -> None:
    err = refused(lambda: ProvisionStep(unit=unit, number=number))
    assert "ProvisionStep." in str(err)
    assert ("ProvisionStep.unit" in str(err)) == (unit != "article")


@pytest.mark.parametrize(
    ("unit", "number"), [("article", "36"), ("amendment", "IV"), ("paragraph", "2a"), ("sub_section", "1.2")]
)
def test_good_provision_step(unit: str, number: str) -> None:
    assert ProvisionStep(unit=unit, number=number).number == number


def test_repeated_unit_in_a_path() -> None:
    path = (ProvisionStep(unit="article", number="1"), ProvisionStep(unit="article", number="2"))
    assert "ProvisionRef.path" in str(refused(lambda: ProvisionRef(instrument="x", path=path)))
    assert "Citation.path" in str(refused(lambda: Citation(instrument="x", path=path)))
    assert "'article'" in str(refused(lambda: Citation(instrument="x", path=path)))
    good = (ProvisionStep(unit="article", number="1"), ProvisionStep(unit="paragraph", number="2"))
    assert Citation(instrument="x", path=good).path == good


@pytest.mark.parametrize("marks", ['"', "«»»", "ab", "12", "", "  "])
def test_quote_marks_of_wrong_length(marks: str) -> None:
    assert "InlineQuote.marks" in str(refused(lambda: InlineQuote(content=(), marks=marks)))
    assert "ScareQuote.marks" in str(refused(lambda: ScareQuote(content=(), marks=marks)))


@pytest.mark.parametrize("marks", ["“”", "«»", '""', "‘’", "「」", None])
def test_good_quote_marks(marks: str | None) -> None:
    assert InlineQuote(content=(), marks=marks).marks == marks
    assert ScareQuote(content=(), marks=marks).marks == marks


# --- types of fields ---------------------------------------------------------------------------------


def test_wrong_node_types() -> None:
    assert "Paragraph.content" in str(refused(lambda: Paragraph(content=(Paragraph(content=()),))))  # type: ignore[arg-type]
    assert "Paragraph.content" in str(refused(lambda: Paragraph(content=[t("list, not tuple")])))  # type: ignore[arg-type]
    assert "Report.body" in str(refused(lambda: minimal_report(body=(t("inline"),))))
    assert "ItemList.start" in str(refused(lambda: ItemList(items=(), start=-1)))
    assert "ItemList.ordered" in str(refused(lambda: ItemList(items=(), ordered=1)))  # type: ignore[arg-type]
    assert "Image.width" in str(refused(lambda: Image(src="a.jpg", width=0)))
    assert "Image.src" in str(refused(lambda: Image(src="   ")))
    assert (
        Image(src="file name as printed.jpg").src == "file name as printed.jpg"
    )  # a file name may hold spaces
    assert "Instrument.kind" in str(refused(lambda: Instrument(id="i", title="T", kind="treaty")))  # type: ignore[arg-type]


def test_nodes_are_frozen() -> None:
    import attrs

    p = Paragraph(content=())
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.id = "x"  # type: ignore[misc]
    assert p.type == "Paragraph"
