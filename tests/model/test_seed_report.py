"""The model carries the whole reference report without loss.

`build_seed_report` rebuilds the report of ``../shared/reference/seed-report.txt`` as a `Report`. Every word
of it comes from that file at run time: the builder knows only line numbers (those of seed-inventory.md),
the markers the plain text uses ("[UN]", "[...]", "…", "[emphasis added]", "(article 36)", "Label:",
" on Apr 21, 2020"), and what the text does not say (ids, the article numbers of unnumbered quotes of law,
instrument titles and statuses, the names of two bodies, language codes). The file's sentences are not
ours, so none is typed here.

Choices the plain text leaves open, made here and checked below:

- The figure's file name is kept as printed, spaces and all, as `Image.src`.
- Quotation marks the inventory does not classify stay typed characters in the text: the document title
  on line 36, "covenants" on line 84 and the two phrases of comment 3 (line 123).
- "[emphasis added]" does not say which words; Q1's last sentence and Q3's words after "[...]" get it.
- Lines 82-88 follow the EU Charter heading, so they belong to that level-3 section.

The tests then check that the report builds, survives native JSON, has the inventory's counts, holds every
word of the text it was built from, and renders back to the seed's lines (less a short, explicit list of
lines the model holds as structure rather than as text).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from newsmodel.build import blockquote, cite, em, figure, inlines, item, note, p, q, scare, section, sic, work
from newsmodel.formats.json import dumps, loads
from newsmodel.model import (
    Agent,
    Block,
    BlockQuote,
    Citation,
    Comment,
    Comments,
    EditorsNote,
    Elision,
    ElisionMark,
    Emphasis,
    Figure,
    Inline,
    InlineQuote,
    Insertion,
    Instrument,
    InstrumentKind,
    ItemList,
    LegalStatus,
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
    WorkTitle,
)
from newsmodel.model.legal import path_text
from newsmodel.tree import find

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "reference" / "seed-report.txt"
LEGAL = SHARED / "legal"

# --- ids and the facts the text does not state (names may be typed; sentences may not) ----------------

TEAM, PUBLISHER, COMPANY = "ipvm-team", "ipvm", "hikvision"
SOCIETY, CHAIR, OFFICIAL = "cshrs", "cshrs-chair", "official"
COMMISSION, UN = "ahrc", "un"
ESSAY, FACTSHEET, ESG = "cshrs-text", "un-factsheet", "esg-report"
INTL_BILL, UDHR, ICCPR, ICESCR = "intl-bill", "udhr", "iccpr", "icescr"
PRC, US, EU, UNGPS = "prc-constitution", "us-constitution", "eu-charter", "ungps"
#: The id of the block quote of the investor call (Q1), which three inline quotes re-quote.
Q1 = "q1"

INTL_BILL_TITLE = "International Bill of Human Rights"
UDHR_TITLE = "Universal Declaration of Human Rights"
ICCPR_TITLE = "International Covenant on Civil and Political Rights"
ICESCR_TITLE = "International Covenant on Economic, Social and Cultural Rights"
UNGPS_TITLE = "Guiding Principles on Business and Human Rights"

#: Language names the text uses for the original of a translated quote.
LANGUAGE_CODES = {"Chinese": "zh"}

#: Said by the model, never typed as text: the editor's emphasis is `Emphasis(origin=Origin.EDITOR)`.
EMPHASIS_ADDED = "[emphasis added]"
#: How the page printed the list bullets of an `ItemList`.
BULLET = "•"

#: Seed lines the model holds as structure, not as text; each is checked in `test_structure_lines`.
NOT_TEXT = {
    3: "byline: Report.authors (a team of the publisher), Report.publisher, Report.published",
    106: "heading of the cited_by relation; its number is the count of those related reports",
    115: "Comments.count",
    129: "heading of the related relation",
    152: "heading of the recent relation",
}
#: Seed lines whose words live in the Text nodes of the body and the comments.
TEXT_LINES = (*range(5, 105), *range(117, 128))
#: Lines in those ranges held in a field that is not a Text node.
NOT_IN_TEXT_NODES = {7: "Figure.image.src (the figure's file name)"}


# --- reading the seed --------------------------------------------------------------------------------


class Seed:
    """The seed report's lines, numbered from 1 as seed-inventory.md numbers them."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()

    def __getitem__(self, number: int) -> str:
        return self._lines[number - 1]

    def numbered(self) -> Iterator[tuple[int, str]]:
        """(number, line) for every line that is not blank."""
        for i, line in enumerate(self._lines, start=1):
            if line.strip():
                yield i, line

    def bullet(self, number: int) -> str:
        """A list item's line without its indent and bullet."""
        line = self[number].strip()
        assert line.startswith(BULLET), (number, line)
        return line.removeprefix(BULLET).strip()


def read_seed() -> Seed:
    """The seed report, or a skip when ../shared is not checked out beside the project."""
    if not SEED.is_file():
        pytest.skip(f"{SEED} is not available")
    return Seed(SEED.read_text(encoding="utf-8"))


# --- small text operations ----------------------------------------------------------------------------

#: Opening quotation mark -> closing mark.
PAIRS = {'"': '"', "“": "”", "'": "'", "‘": "’"}
_EDITORIAL = re.compile(r"(\[[^\]]*\]|…)")
_CITATION = re.compile(r"\s*(?P<cited>\((?P<provision>article \d+)\))(?P<tail>.*)")
_LISTED = re.compile(r"(?P<title>.+) on (?P<date>[A-Z][a-z]{2} \d{2}, \d{4})")
_BYLINE = re.compile(r"By: (?P<team>(?P<publisher>.+?) Team), Published on (?P<date>.+)")


def split_quote(text: str, opening: str) -> tuple[str, str, str, str]:
    """(before, quoted words, after, marks) around the first span of `text` that opens with `opening`."""
    closing = PAIRS[opening]
    before, found, rest = text.partition(opening)
    assert found, (opening, text)
    words, found, after = rest.partition(closing)
    assert found, (closing, text)
    return before, words, after, opening + closing


def without_marker(line: str) -> str:
    """`line` without its trailing "[emphasis added]": the model says that with `Origin.EDITOR`."""
    assert line.endswith(" " + EMPHASIS_ADDED), line
    return line.removesuffix(" " + EMPHASIS_ADDED)


def editorial(text: str) -> tuple[Inline, ...]:
    """`text` as inlines, the editor's marks as nodes: "[...]" and bare "…" elide, "[word]" is inserted."""
    out: list[Inline] = []
    for piece in _EDITORIAL.split(text):
        assert piece != EMPHASIS_ADDED, "strip the emphasis marker first"
        if piece == "…":
            out.append(Elision(mark=ElisionMark.BARE))
        elif piece == "[...]":
            out.append(Elision(mark=ElisionMark.BRACKETED))
        elif piece.startswith("["):
            out.append(Insertion(content=inlines(piece[1:-1])))
        elif piece:
            out.append(Text(text=piece))
    return tuple(out)


def replace_in(content: tuple[Inline, ...], phrase: str, make: Callable[[str], Inline]) -> tuple[Inline, ...]:
    """`content` with the first `phrase` inside one of its Text runs replaced by ``make(phrase)``."""
    for i, node in enumerate(content):
        if isinstance(node, Text) and phrase in node.text:
            before, _, after = node.text.partition(phrase)
            return (*content[:i], *inlines(before, make(phrase), after), *content[i + 1 :])
    raise AssertionError(f"{phrase!r} is in no Text run")


def editor_emphasis(content: tuple[Inline, ...], phrase: str) -> tuple[Inline, ...]:
    """`content` with `phrase` emphasised by the editor."""
    return replace_in(content, phrase, lambda words: em(words, editor=True))


def cite_whole(content: tuple[Inline, ...], phrase: str, instrument: str) -> tuple[Inline, ...]:
    """`content` with `phrase` as a citation of a whole `instrument` (empty path)."""
    return replace_in(content, phrase, lambda words: cite(instrument, "", words))


def day(text: str, form: str) -> date:
    """A calendar date from `text` in strptime `form`: the day, with no invented time of day."""
    return datetime.strptime(text, form).date()


def split_semicolon(line: str) -> tuple[str, str]:
    """(quoted words, list punctuation): a ";" closing a list line belongs to the list, not the quote."""
    words = line.removesuffix(";")
    return words, line[len(words) :]


# --- the report, part by part -------------------------------------------------------------------------


def declared_agents(seed: Seed) -> tuple[Agent, ...]:
    """Everyone who writes, speaks or publishes, with names read from the text where it gives them."""
    byline = _BYLINE.fullmatch(seed[3])
    assert byline, seed[3]
    company = seed[1].partition(":")[0]
    society = seed[34].partition("summed up by the ")[2].partition(", ")[0]
    chair_words = seed[34].partition("chaired by ")[2].removesuffix(".").split()
    official = re.match(r", (.+?) recently", split_quote(seed[104], '"')[2])
    assert official, seed[104]
    return (
        Organization(id=PUBLISHER, name=byline["publisher"]),
        Organization(id=TEAM, name=byline["team"], parent=PUBLISHER),
        Organization(id=COMPANY, name=company),
        Organization(id=SOCIETY, name=society),
        # The text names him last, after his offices; that he chairs the society is the affiliation.
        Person(
            id=CHAIR, name=" ".join(chair_words[-2:]), role=" ".join(chair_words[:-2]), affiliation=SOCIETY
        ),
        Person(id=OFFICIAL, role=official[1]),
        Organization(id=COMMISSION, name="Australian Human Rights Commission"),
        Organization(id=UN, name="United Nations", short_name="UN"),
    )


def declared_sources(seed: Seed) -> tuple[SourceDocument, ...]:
    """The documents quoted that are not law: the society's text, the UN fact sheet, the ESG report."""
    factsheet = re.search(r"as stated in an? (.+):$", seed[84])
    esg = re.search(r"'s (.+? Report),", seed[94])
    assert factsheet, seed[84]
    assert esg, seed[94]
    return (
        SourceDocument(id=ESSAY, title=split_quote(seed[36], '"')[1], publisher=SOCIETY),
        SourceDocument(id=FACTSHEET, title=factsheet[1], kind="fact sheet", publisher=UN),
        SourceDocument(
            id=ESG, title=esg[1], kind="ESG report", author=COMPANY, publisher=COMPANY, language="en"
        ),
    )


def declared_instruments() -> tuple[Instrument, ...]:
    """The law the report quotes or names, with what binds whom (the report's argument turns on it)."""
    return (
        Instrument(
            id=INTL_BILL, title=INTL_BILL_TITLE, kind=InstrumentKind.COLLECTION, status=LegalStatus.MIXED
        ),
        Instrument(
            id=UDHR,
            title=UDHR_TITLE,
            short_name="UDHR",
            kind=InstrumentKind.DECLARATION,
            status=LegalStatus.NON_BINDING,
            part_of=INTL_BILL,
        ),
        Instrument(
            id=ICCPR,
            title=ICCPR_TITLE,
            short_name="ICCPR",
            kind=InstrumentKind.TREATY,
            status=LegalStatus.BINDING_ON_PARTIES,
            part_of=INTL_BILL,
        ),
        Instrument(
            id=ICESCR,
            title=ICESCR_TITLE,
            short_name="ICESCR",
            kind=InstrumentKind.TREATY,
            status=LegalStatus.BINDING_ON_PARTIES,
            part_of=INTL_BILL,
        ),
        Instrument(
            id=PRC,
            title="Constitution of the People's Republic of China",
            kind=InstrumentKind.CONSTITUTION,
            jurisdiction="CN",
            status=LegalStatus.BINDING,
        ),
        Instrument(
            id=US,
            title="Constitution of the United States",
            kind=InstrumentKind.CONSTITUTION,
            jurisdiction="US",
            status=LegalStatus.BINDING,
        ),
        Instrument(
            id=EU,
            title="Charter of Fundamental Rights of the European Union",
            kind=InstrumentKind.CHARTER,
            jurisdiction="EU",
            status=LegalStatus.BINDING,
        ),
        Instrument(
            id=UNGPS,
            title=UNGPS_TITLE,
            short_name="UN Guiding Principles",
            kind=InstrumentKind.GUIDELINES,
            status=LegalStatus.NON_BINDING,
        ),
    )


def lede_and_figure(seed: Seed) -> tuple[Block, ...]:
    """Line 5, whose two quoted words re-quote Q1, and line 7, a figure known only by its file name."""
    before, words, after, marks = split_quote(seed[5], "“")
    lede = p(before, q(words, speaker=COMPANY, requotes=Q1, marks=marks), after)
    return lede, figure(seed[7])


def investor_call(seed: Seed) -> BlockQuote:
    """Q1 (line 15): the company's words on a Chinese-language call, printed in English."""
    call = re.search(r"(\w+ \d{1,2}, \d{4}) call", seed[11])
    spoken = re.search(r"(\w+)-language (investor call)", seed[92])
    assert call, seed[11]
    assert spoken, seed[92]
    words = without_marker(seed[15])
    last_sentence = words.rpartition(". ")[2]
    content = editor_emphasis(editorial(words), last_sentence)
    content = cite_whole(content, INTL_BILL_TITLE, INTL_BILL)
    return blockquote(
        Paragraph(content=content),
        id=Q1,
        speaker=COMPANY,
        occasion=Occasion(name=spoken[2], date=day(call[1], "%B %d, %Y")),
        original_language=LANGUAGE_CODES[spoken[1]],
        language="en",
    )


def position(seed: Seed) -> Section:
    """Lines 9-18: the call, with 're-education' in scare quotes, Q1 and the editor's note."""
    before, words, after, marks = split_quote(seed[11], "‘")
    return section(
        seed[9],
        p(before, scare(words, marks=marks), after),
        p(seed[13]),
        investor_call(seed),
        note(seed[18]),
    )


def constitution_item(line: str) -> ListItem:
    """One labelled item of lines 27-30: label, quoted article, then its citation "(article N)"."""
    label, _, rest = line.partition(": ")
    before, words, after, marks = split_quote(rest, rest[0])
    assert not before, line
    cited = _CITATION.fullmatch(after)
    assert cited, after
    article = cited["provision"]
    return item(
        q(words, provision=article, instrument=PRC, marks=marks),
        " ",
        cite(PRC, article, cited["cited"]),
        cited["tail"],
        label=line[: len(label) + 1],
    )


def exceptions(seed: Seed) -> Section:
    """Lines 20-30: the newsletter promos and the labelled list of PRC constitution articles (Q2)."""
    promos = [Promo(content=inlines(seed[n]), kind="newsletter") for n in (24, 25)]
    items = [constitution_item(seed.bullet(n)) for n in range(27, 31)]
    return section(seed[20], p(seed[22]), *promos, ItemList(items=tuple(items)))


def characteristics(seed: Seed) -> Section:
    """Lines 32-42: a heading that quotes a slogan, and Q3, three paragraphs of the society's text."""
    _, slogan, _, marks = split_quote(seed[32], '"')
    last = without_marker(seed[42])
    essay = blockquote(
        p(seed[38]),
        Paragraph(content=editorial(seed[40])),
        Paragraph(content=editor_emphasis(editorial(last), last.partition("[...]")[2].strip())),
        source=ESSAY,
    )
    before, title, after, title_marks = split_quote(seed[36], '"')
    named = p(before, work(title, source=ESSAY, marks=title_marks), after)
    return section([q(slogan, marks=marks)], p(seed[34]), named, essay)


def international(seed: Seed) -> Section:
    """Lines 44-56: Q4, four unnumbered UDHR articles in one block quote."""
    lines = []
    for n, article in ((50, "article 18"), (52, "article 9"), (54, "article 2"), (56, "article 19")):
        words, tail = split_semicolon(seed[n])
        lines.append(p(q(words, provision=article, instrument=UDHR), tail))
    udhr = section(seed[48], blockquote(*lines, instrument=UDHR), level=3)
    return section(seed[44], p(seed[46]), udhr)


def criticism(seed: Seed) -> Section:
    """Lines 58-64: Q5 re-quotes Q1; line 64 names the International Bill of Human Rights."""
    before, words, after, marks = split_quote(seed[60], '"')
    return section(
        seed[58],
        p(before, q(words, speaker=COMPANY, requotes=Q1, marks=marks), after),
        p(seed[62]),
        Paragraph(content=cite_whole(inlines(seed[64]), INTL_BILL_TITLE, INTL_BILL)),
    )


def provision_list(seed: Seed, numbered: Iterable[tuple[int, str]], instrument: str) -> ItemList:
    """A bulleted list of unnumbered quotes of `instrument`'s provisions, each line's ";" outside."""
    items = []
    for n, provision in numbered:
        words, tail = split_semicolon(seed.bullet(n))
        items.append(item(q(*editorial(words), provision=provision, instrument=instrument), tail))
    return ItemList(items=tuple(items))


def us_and_eu(seed: Seed) -> Section:
    """Lines 66-88: Q6 (US), Q7 (EU, bare elisions), then Q8 and Q9 on who the covenants bind.

    Lines 82-88 follow the EU heading with no heading of their own, so they sit in its section, as a
    document outline would put them.
    """
    us = provision_list(seed, ((72, "amendment 4"), (73, "amendment 1")), US)
    eu = provision_list(seed, ((77, "article 10(1)"), (78, "article 21(1)"), (79, "article 11(1)")), EU)
    before, words, after, marks = split_quote(seed[82], "'")
    distance = p(before, scare(words, marks=marks), after)
    before, words, after, marks = split_quote(seed[84], '"')
    binding = p(before, q(words, speaker=COMMISSION, marks=marks), after)
    factsheet = blockquote(p(seed[86]), source=FACTSHEET)
    return section(
        seed[66],
        p(seed[68]),
        section(seed[70], us, level=3),
        section(seed[75], eu, distance, binding, factsheet, p(seed[88]), level=3),
    )


def esg_quote(seed: Seed) -> BlockQuote:
    """Q10 (line 96): four whole instruments cited by name, one with the source's "HumanRights" typo."""
    typo = re.search(r"\b[A-Z][a-z]+[A-Z][a-z]+\b", seed[96])
    assert typo, seed[96]
    corrected = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", typo[0])

    def udhr(words: str) -> Citation:
        content = replace_in(inlines(words), typo[0], lambda t: sic(t, correction=corrected))
        return Citation(instrument=UDHR, content=content)

    content = replace_in(inlines(seed[96]), UDHR_TITLE.replace(corrected, typo[0]), udhr)
    content = cite_whole(content, ICCPR_TITLE, ICCPR)
    content = cite_whole(content, ICESCR_TITLE, ICESCR)
    content = cite_whole(content, f"UN {UNGPS_TITLE}", UNGPS)
    return blockquote(Paragraph(content=content), source=ESG)


def contradiction(seed: Seed) -> Section:
    """Lines 90-96: the English ESG report against the Chinese-language call."""
    return section(seed[90], p(seed[92]), p(seed[94]), esg_quote(seed))


def echo(seed: Seed) -> Section:
    """Lines 98-104: Q11, an anonymous official, and Q12, which re-quotes Q1."""
    _, official, rest, marks = split_quote(seed[104], '"')
    middle, company, after, company_marks = split_quote(rest, '"')
    return section(
        seed[98],
        p(seed[100]),
        p(seed[102]),
        p(
            q(official, speaker=OFFICIAL, marks=marks),
            middle,
            q(company, speaker=COMPANY, requotes=Q1, marks=company_marks),
            after,
        ),
    )


def listed_reports(seed: Seed, first: int, last: int, relation: Relation) -> list[RelatedReport]:
    """Lines `first`..`last`, pairs of "Title on Mon DD, YYYY" and a teaser line."""
    out = []
    for n in range(first, last + 1, 2):
        listed = _LISTED.fullmatch(seed[n])
        assert listed, seed[n]
        out.append(
            RelatedReport(
                relation=relation,
                title=listed["title"],
                date=day(listed["date"], "%b %d, %Y"),
                teaser=seed[n + 1],
            )
        )
    return out


def comments(seed: Seed) -> Comments:
    """Lines 115-127: the announced count, the members-only notice and four anonymous comments."""
    count = re.search(r"\((\d+)\)", seed[115])
    assert count, seed[115]
    before, words, after, marks = split_quote(seed[119], "'")
    return Comments(
        count=int(count[1]),
        notice=inlines(seed[117]),
        items=(
            Comment(content=(p(before, scare(words, marks=marks), after),)),
            Comment(content=(p(seed[121]),)),
            Comment(content=(p(seed[123]),)),
            # A link title whose link the plain text lost, then a line of text: two paragraphs.
            Comment(content=(p(seed[125]), p(seed[127]))),
        ),
    )


def build_seed_report(seed: Seed) -> Report:
    """The seed report as a `Report`, every word read from `seed`."""
    byline = _BYLINE.fullmatch(seed[3])
    assert byline, seed[3]
    return Report(
        id=re.sub(r"\W+", "-", seed[1].lower()).strip("-"),
        headline=seed[1],
        authors=(TEAM,),
        publisher=PUBLISHER,
        published=day(byline["date"], "%B %d, %Y"),
        language="en",
        agents=declared_agents(seed),
        sources=declared_sources(seed),
        instruments=declared_instruments(),
        body=(
            *lede_and_figure(seed),
            position(seed),
            exceptions(seed),
            characteristics(seed),
            international(seed),
            criticism(seed),
            us_and_eu(seed),
            contradiction(seed),
            echo(seed),
        ),
        related=(
            *listed_reports(seed, 108, 113, Relation.CITED_BY),
            *listed_reports(seed, 131, 150, Relation.RELATED),
            *listed_reports(seed, 154, 171, Relation.RECENT),
        ),
        comments=comments(seed),
    )


# --- reading the model back ---------------------------------------------------------------------------


def render(content: Iterable[Inline]) -> str:
    """Inlines as the plain-text page showed them: quote marks and editor's brackets back in place."""
    out = []
    for n in content:
        if isinstance(n, Text):
            out.append(n.text)
        elif isinstance(n, InlineQuote | ScareQuote | WorkTitle):
            opening, closing = (n.marks[0], n.marks[1]) if n.marks else ("", "")
            out.append(opening + render(n.content) + closing)
        elif isinstance(n, Insertion):
            out.append(f"[{render(n.content)}]")
        elif isinstance(n, Elision):
            out.append("[...]" if n.mark is ElisionMark.BRACKETED else "…")
        elif isinstance(n, Emphasis | Strong | Sic | Citation | Link):
            out.append(render(n.content))
        elif isinstance(n, LineBreak):
            out.append("\n")
        else:
            raise AssertionError(f"no rendering for {type(n).__name__}")
    return "".join(out)


def render_blocks(blocks: Iterable[Block]) -> Iterator[str]:
    """Blocks as the page's lines: a heading or paragraph per line, a list item per line."""
    for b in blocks:
        if isinstance(b, Section):
            yield render(b.heading)
            yield from render_blocks(b.content)
        elif isinstance(b, Paragraph | Promo):
            yield render(b.content)
        elif isinstance(b, BlockQuote | EditorsNote):
            yield from render_blocks(b.content)
        elif isinstance(b, ItemList):
            for i in b.items:
                yield " ".join((render(i.label), *render_blocks(i.content))).strip()
        elif isinstance(b, Figure):
            yield b.image.src
        else:
            raise AssertionError(f"no rendering for {type(b).__name__}")


def render_report(report: Report) -> list[str]:
    """Every line of text the report holds, in page order: headline, body, related reports, comments."""
    lines = [report.headline, *render_blocks(report.body)]
    for r in report.related:
        assert r.date is not None
        assert r.teaser is not None
        lines += [f"{r.title} on {r.date:%b %d, %Y}", r.teaser]
    assert report.comments is not None
    lines.append(render(report.comments.notice))
    for c in report.comments.items:
        lines.extend(render_blocks(c.content))
    return lines


def normalised(line: str) -> str:
    """`line` without list bullets, the derived "[emphasis added]" and runs of white space."""
    line = line.replace(" " + EMPHASIS_ADDED, "").strip().removeprefix(BULLET)
    return " ".join(line.split())


def words(text: str) -> list[str]:
    """The words of `text`, punctuation and quotation marks left out."""
    return re.findall(r"\w+", text)


def quotations(report: Report) -> list[BlockQuote | InlineQuote | ItemList]:
    """The quotations as seed-inventory.md numbers them, Q1 to Q12, in page order.

    How the inventory counts: a quotation is a quoted passage with one attribution, in the content of the
    sections. The lede's two quoted words (line 5) precede the first section and the inventory lists them
    with the lede, as a re-quote of Q1; the quoted slogan of the line-32 heading is a heading and names
    no source. Otherwise a block quote is one quotation however many paragraphs or provisions it holds (Q3
    has three paragraphs, Q4 four UDHR articles); a list whose items all quote one instrument is one (Q2,
    Q6, Q7); and every other attributed inline quote is one (Q5, Q8, Q11, Q12).
    """
    out: list[BlockQuote | InlineQuote | ItemList] = []

    def visit(blocks: Iterable[Block]) -> None:
        for b in blocks:
            if isinstance(b, Section):
                visit(b.content)
            elif isinstance(b, BlockQuote):
                out.append(b)
            elif isinstance(b, ItemList):
                if any(find(b, InlineQuote)):
                    out.append(b)  # `attribution` checks that its quotes share one instrument
            else:
                out.extend(x for x in find(b, InlineQuote) if x.provenance != Provenance())

    visit(b for b in report.body if isinstance(b, Section))
    return out


def attribution(x: BlockQuote | InlineQuote | ItemList) -> str | None:
    """Whom a quotation is attributed to: its speaker, its source document or the instrument it quotes."""
    if isinstance(x, ItemList):
        (only,) = {attribution(i) for i in find(x, InlineQuote)}
        return only
    prov = x.provenance
    return prov.speaker or prov.source or (prov.provision.instrument if prov.provision else None)


def provisions(report: Report) -> set[tuple[str, tuple[ProvisionStep, ...]]]:
    """Every (instrument, path) of a provision the report quotes or cites; whole instruments left out."""
    refs: list[ProvisionRef | Citation] = list(find(report, Citation))
    quotes: list[InlineQuote | BlockQuote] = [*find(report, InlineQuote), *find(report, BlockQuote)]
    for quoted in quotes:
        if quoted.provenance.provision is not None:
            refs.append(quoted.provenance.provision)
    return {(r.instrument, r.path) for r in refs if r.path}


def law_quotes(report: Report, instrument: str) -> list[InlineQuote]:
    """The inline quotes of `instrument`'s provisions."""
    return [
        x
        for x in find(report, InlineQuote)
        if x.provenance.provision is not None and x.provenance.provision.instrument == instrument
    ]


def by_id(report: Report) -> dict[str, object]:
    """Declared agents, sources and instruments by id."""
    declared: dict[str, object] = {a.id: a for a in report.agents}
    declared.update((s.id, s) for s in report.sources)
    declared.update((i.id, i) for i in report.instruments)
    return declared


def plain(node: Block | Inline) -> str:
    """The Text of `node`, editor's insertions left out: the words as their speaker said them."""
    inserted = {id(t) for i in find(node, Insertion) for t in find(i, Text)}
    return " ".join("".join(t.text for t in find(node, Text) if id(t) not in inserted).split())


# --- fixtures -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Seed:
    return read_seed()


@pytest.fixture(scope="module")
def report(seed: Seed) -> Report:
    return build_seed_report(seed)


# --- (1) it builds, (2) it round-trips ----------------------------------------------------------------


def test_the_seed_report_builds(seed: Seed) -> None:
    # Construction validates every node and every reference; a report that builds is a valid one.
    built = build_seed_report(seed)
    assert isinstance(built, Report)
    assert built == build_seed_report(seed)


def test_native_json_round_trip_is_exact(report: Report) -> None:
    again = loads(dumps(report))
    assert again == report
    assert type(again.published) is date
    assert dumps(again) == dumps(report)


# --- (3) the inventory's counts -----------------------------------------------------------------------


def test_eleven_sections_eight_at_level_two_three_at_level_three(report: Report) -> None:
    sections = list(find(report, Section))
    assert len(sections) == 11
    assert Counter(s.level for s in sections) == {2: 8, 3: 3}
    assert all(isinstance(b, Section) for b in report.body[2:])
    heading_quotes = [s for s in sections if any(isinstance(h, InlineQuote) for h in s.heading)]
    assert len(heading_quotes) == 1
    assert heading_quotes[0].level == 2
    slogan = heading_quotes[0].heading[0]
    assert isinstance(slogan, InlineQuote)
    assert slogan.marks == '""'
    assert slogan.provenance == Provenance()


def test_twelve_quotations_as_the_inventory_counts_them(report: Report) -> None:
    found = quotations(report)
    assert [type(x).__name__ for x in found] == [
        "BlockQuote",  # Q1 the investor call
        "ItemList",  # Q2 four PRC constitution articles
        "BlockQuote",  # Q3 the society's text, three paragraphs
        "BlockQuote",  # Q4 four UDHR articles
        "InlineQuote",  # Q5 re-quotes Q1
        "ItemList",  # Q6 two US amendments
        "ItemList",  # Q7 three EU Charter articles
        "InlineQuote",  # Q8 the Australian commission
        "BlockQuote",  # Q9 the UN fact sheet
        "BlockQuote",  # Q10 the ESG report
        "InlineQuote",  # Q11 an anonymous official
        "InlineQuote",  # Q12 re-quotes Q1
    ]
    assert [attribution(x) for x in found] == [
        COMPANY, PRC, ESSAY, UDHR, COMPANY, US, EU, COMMISSION, FACTSHEET, ESG, OFFICIAL, COMPANY
    ]  # fmt: skip
    # Beside them, the lede's re-quote and the heading's slogan: 19 inline quotes and 5 block quotes in all.
    assert len(list(find(report, InlineQuote))) == 1 + 1 + 4 + 4 + 1 + 2 + 3 + 1 + 2
    assert len(list(find(report, BlockQuote))) == 5


def test_thirteen_provisions_of_four_instruments(report: Report) -> None:
    found = provisions(report)
    assert len(found) == 13
    assert {(i, path_text(p)) for i, p in found} == {
        (PRC, "article 36"), (PRC, "article 28"), (PRC, "article 52"), (PRC, "article 38"),
        (UDHR, "article 18"), (UDHR, "article 9"), (UDHR, "article 2"), (UDHR, "article 19"),
        (US, "amendment 4"), (US, "amendment 1"),
        (EU, "article 10 paragraph 1"), (EU, "article 21 paragraph 1"), (EU, "article 11 paragraph 1"),
    }  # fmt: skip


def test_twenty_two_related_reports_in_three_relations(report: Report, seed: Seed) -> None:
    counts = Counter(r.relation for r in report.related)
    assert counts == {Relation.CITED_BY: 3, Relation.RELATED: 10, Relation.RECENT: 9}
    assert counts[Relation.CITED_BY] == int(seed[106].split()[0])
    assert all(type(r.date) is date and r.teaser for r in report.related)


def test_four_anonymous_comments(report: Report) -> None:
    assert report.comments is not None
    assert report.comments.count == 4
    assert len(report.comments.items) == 4
    assert all(c.anonymous for c in report.comments.items)
    assert [len(c.content) for c in report.comments.items] == [1, 1, 1, 2]
    assert not list(find(report.comments, Link))
    assert report.comments.notice


def test_three_scare_quotes_none_of_them_a_quotation(report: Report) -> None:
    scares = [render(s.content) for s in find(report, ScareQuote)]
    assert sorted(scares) == ["human rights", "obey", "re-education"]
    assert not {render(x.content) for x in find(report, InlineQuote)} & set(scares)


# --- (4) nothing dropped, nothing added ---------------------------------------------------------------


def test_every_word_of_the_text_is_in_a_text_node(report: Report, seed: Seed) -> None:
    assert len(NOT_IN_TEXT_NODES) == 1
    expected = Counter(
        w
        for n in TEXT_LINES
        if n not in NOT_IN_TEXT_NODES
        for w in words(seed[n].replace(EMPHASIS_ADDED, ""))
    )
    carried = Counter(words(" ".join(t.text for t in find(report, Text))))
    assert carried - expected == Counter(), "words in the model that the seed does not have"
    assert expected - carried == Counter(), "words of the seed the model dropped"
    assert EMPHASIS_ADDED not in " ".join(t.text for t in find(report, Text))


# --- (5) every line comes back ------------------------------------------------------------------------


def test_the_model_renders_back_to_every_line(report: Report, seed: Seed) -> None:
    assert len(NOT_TEXT) <= 5, "keep the lines held only as structure few and explicit"
    expected = Counter(normalised(line) for n, line in seed.numbered() if n not in NOT_TEXT)
    rendered = Counter(normalised(line) for line in render_report(report))
    assert expected - rendered == Counter(), "seed lines the model does not carry"
    assert rendered - expected == Counter(), "lines the model renders that the seed does not have"


def test_structure_lines(report: Report, seed: Seed) -> None:
    # What each line of NOT_TEXT says, the model holds as structure.
    agents = by_id(report)
    team = agents[report.authors[0]]
    assert isinstance(team, Organization)
    assert team.parent == report.publisher
    publisher = agents[PUBLISHER]
    assert isinstance(publisher, Organization)
    assert seed[3] == f"By: {team.name}, Published on {report.published:%B %d, %Y}"
    assert team.name == f"{publisher.name} Team"
    assert report.published == date(2019, 5, 28)
    assert type(report.published) is date
    assert int(seed[106].split()[0]) == sum(r.relation is Relation.CITED_BY for r in report.related)
    assert report.comments is not None
    assert seed[115].endswith(f"({report.comments.count})")
    order = [r.relation for r in report.related]
    assert order == sorted(order, key=[Relation.CITED_BY, Relation.RELATED, Relation.RECENT].index)


# --- the inventory's elements, one by one -------------------------------------------------------------


def test_lede_figure_and_requotes(report: Report, seed: Seed) -> None:
    lede, fig = report.body[:2]
    assert isinstance(lede, Paragraph)
    (lede_quote,) = find(lede, InlineQuote)
    assert lede_quote.marks == "“”"
    assert isinstance(fig, Figure)
    assert fig.image.src == seed[7]
    assert fig.image.alt is None
    assert not fig.caption
    call = next(b for b in find(report, BlockQuote) if b.id == Q1)
    requotes = [x for x in find(report, InlineQuote) if x.provenance.requotes == Q1]
    assert requotes[0] is lede_quote
    assert len(requotes) == 3
    for x in requotes:
        assert x.provenance.speaker == call.provenance.speaker
        assert plain(x) in plain(call)


def test_the_investor_call(report: Report) -> None:
    call = next(b for b in find(report, BlockQuote) if b.id == Q1)
    prov = call.provenance
    speaker = by_id(report)[str(prov.speaker)]
    assert isinstance(speaker, Organization)
    assert prov.occasion is not None
    assert prov.occasion.date == date(2019, 5, 10)
    assert (prov.original_language, prov.language, prov.translated) == ("zh", "en", True)
    assert [render(i.content) for i in find(call, Insertion)] == ["UN"]
    (emphasis,) = find(call, Emphasis)
    assert emphasis.origin is Origin.EDITOR
    (paragraph,) = call.content
    assert isinstance(paragraph, Paragraph)
    assert paragraph.content[-1] is emphasis
    assert render(paragraph.content).rpartition(". ")[2] == render(emphasis.content)
    assert [c.instrument for c in find(call, Citation)] == [INTL_BILL]


def test_editors_note_and_promos(report: Report) -> None:
    assert len(list(find(report, EditorsNote))) == 1
    promos = list(find(report, Promo))
    assert len(promos) == 2
    assert promos[0] == promos[1]
    assert promos[0].kind == "newsletter"


def test_labelled_constitution_list(report: Report) -> None:
    lists = [x for x in find(report, ItemList) if all(i.label for i in x.items)]
    assert len(lists) == 1
    marks = []
    for i in lists[0].items:
        assert render(i.label).endswith(":")
        (paragraph,) = i.content
        assert isinstance(paragraph, Paragraph)
        quoted, citation = paragraph.content[0], paragraph.content[2]
        assert isinstance(quoted, InlineQuote)
        assert isinstance(citation, Citation)
        assert quoted.provenance.provision == ProvisionRef(instrument=PRC, path=citation.path)
        assert render(citation.content) == f"({path_text(citation.path)})"
        marks.append(quoted.marks)
    assert marks == ['""', "“”", '""', '""']


def test_the_societys_text(report: Report) -> None:
    essay = next(b for b in find(report, BlockQuote) if b.provenance.source == ESSAY)
    assert len(essay.content) == 3
    declared = by_id(report)
    source = declared[ESSAY]
    assert isinstance(source, SourceDocument)
    society = declared[str(source.publisher)]
    assert isinstance(society, Organization)
    chair = declared[CHAIR]
    assert isinstance(chair, Person)
    assert chair.name
    assert chair.role
    assert chair.affiliation == society.id
    assert [render(i.content) for i in find(essay, Insertion)] == ["economic"]
    assert [e.mark for e in find(essay, Elision)] == [ElisionMark.BRACKETED]
    assert [e.origin for e in find(essay, Emphasis)] == [Origin.EDITOR]


def test_unnumbered_law(report: Report) -> None:
    whole_udhr = ProvisionRef(instrument=UDHR)
    udhr = next(b for b in find(report, BlockQuote) if b.provenance.provision == whole_udhr)
    tails = []
    for paragraph in udhr.content:
        assert isinstance(paragraph, Paragraph)
        assert isinstance(paragraph.content[0], InlineQuote)
        assert not re.search(r"\d", render(paragraph.content[0].content))
        tails.append(render(paragraph.content[1:]))
    assert tails == [";", ";", ";", ""]
    assert [e.mark for x in law_quotes(report, EU) for e in find(x, Elision)] == [ElisionMark.BARE] * 3
    us = [x.provenance.provision for x in law_quotes(report, US)]
    assert [path_text(ref.path) for ref in us if ref] == ["amendment 4", "amendment 1"]


def test_quoted_law_is_the_law_it_claims_to_be(report: Report) -> None:
    # The article numbers are ours, not the text's: check them against the shared legal texts.
    if not LEGAL.is_dir():
        pytest.skip(f"{LEGAL} is not available")
    files = {UDHR: "udhr", US: "us-constitution", EU: "eu-charter"}
    checked = 0
    for x in find(report, InlineQuote):
        ref = x.provenance.provision
        if ref is None or ref.instrument not in files:
            continue
        articles = json.loads((LEGAL / files[ref.instrument] / "en.json").read_text(encoding="utf-8"))
        head = ref.path[0]
        key = head.number if head.unit == "article" else f"{head.unit}-{head.number}"
        law = " ".join(articles["articles"][key]).casefold()
        for piece in find(x, Text):
            assert piece.text.strip().casefold() in law, (path_text(ref.path), piece.text)
        checked += 1
    assert checked == 9


def test_quotes_of_bodies_documents_and_an_anonymous_official(report: Report) -> None:
    declared = by_id(report)
    speakers = {x.provenance.speaker for x in find(report, InlineQuote)} - {None, COMPANY}
    assert speakers == {COMMISSION, OFFICIAL}
    assert isinstance(declared[COMMISSION], Organization)
    official = declared[OFFICIAL]
    assert isinstance(official, Person)
    assert official.anonymous
    assert official.role
    factsheet = next(b for b in find(report, BlockQuote) if b.provenance.source == FACTSHEET)
    assert isinstance(declared[FACTSHEET], SourceDocument)
    assert len(factsheet.content) == 1


def test_the_esg_report_cites_whole_instruments(report: Report) -> None:
    esg = next(b for b in find(report, BlockQuote) if b.provenance.source == ESG)
    citations = list(find(esg, Citation))
    assert [(c.instrument, c.path) for c in citations] == [(UDHR, ()), (ICCPR, ()), (ICESCR, ()), (UNGPS, ())]
    (typo,) = find(esg, Sic)
    assert typo.correction == "Human Rights"
    assert render(typo.content).replace(" ", "") == typo.correction.replace(" ", "")
    assert list(find(citations[0], Sic)) == [typo]


def test_instruments_and_their_status(report: Report) -> None:
    instruments = {i.id: i for i in report.instruments}
    assert instruments[UDHR].status is LegalStatus.NON_BINDING
    assert instruments[ICCPR].status is instruments[ICESCR].status is LegalStatus.BINDING_ON_PARTIES
    assert {i.id for i in report.instruments if i.part_of == INTL_BILL} == {UDHR, ICCPR, ICESCR}
    assert instruments[INTL_BILL].kind is InstrumentKind.COLLECTION
    assert instruments[INTL_BILL].status is LegalStatus.MIXED
    assert instruments[UNGPS].kind is InstrumentKind.GUIDELINES
    assert {instruments[x].kind for x in (PRC, US)} == {InstrumentKind.CONSTITUTION}
    assert instruments[EU].kind is InstrumentKind.CHARTER
