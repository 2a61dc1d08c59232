"""The documents the JSON benchmark reads and writes.

`synthetic_report()` is the benchmark's document: a report generated in code, deterministically, to the
size of the one in docs' performance reference (about 50 KB of compact JSON, about 800 JSON objects).
It has what a long investigative report has: declared people, organisations, source documents and
legal instruments; sections and subsections of paragraphs with emphasis, links, inline quotes with
provenance, legal citations and editorial marks; block quotes with occasions and translations; lists,
figures, an editor's note and promos; related reports, reader comments and corrections.

`example_report()` is the project's hand-written example (``examples/build_example.py``) when it
can be imported: real prose, longer runs of text and fewer objects per kilobyte than the synthetic one.
The benchmark reports both, since the ratio to msgspec depends on the objects-per-byte mix.
"""

from __future__ import annotations

import importlib.util
import random
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import msgspec

from newsmodel.build import (
    blockquote,
    br,
    cite,
    elision,
    em,
    figure,
    inlines,
    insertion,
    item,
    link,
    note,
    ol,
    p,
    q,
    report,
    scare,
    section,
    sic,
    strong,
    ul,
    work,
)
from newsmodel.formats.json import dumps
from newsmodel.model import (
    Block,
    BlockQuote,
    Comment,
    Comments,
    Correction,
    CorrectionKind,
    Identifier,
    Inline,
    Instrument,
    InstrumentKind,
    ItemList,
    LegalStatus,
    Occasion,
    Organization,
    Paragraph,
    Person,
    Promo,
    RelatedReport,
    Relation,
    Report,
    Section,
    SourceDocument,
    Translation,
)

__all__ = ["count_objects", "documents", "example_report", "synthetic_report"]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "build_example.py"
SITE = "https://ledger.example"
CET = timezone(timedelta(hours=1))

#: The seed and the number of sections that give about 50 KB and 800 objects.
SEED = 20240611
SECTIONS = 11

_PROSE = (
    "the commission said council ministry port authority contract tender budget audit report budgetary "
    "province officials residents company shipping water grid survey figures quarter annual hearing "
    "inspection licence permit record documents suppliers workers union court appeal ruling statement "
    "policy review draft law article paragraph rights data privacy cameras sensors harbour terminal "
    "cranes dredging contractor subcontractor invoice payment deadline delay cost overrun engineers "
    "safety notice letter complaint evidence minutes meeting vote members committee chair"
)
_WORDS = tuple(_PROSE.split())


class _Writer:
    """Deterministic prose and ids for one generated report."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.block = 0
        self.quote = 0
        self.quotes = 0

    def words(self, low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        return " ".join(self.rng.choice(_WORDS) for _ in range(n))

    def sentence(self, low: int = 3, high: int = 6) -> str:
        s = self.words(low, high)
        return s[0].upper() + s[1:] + ". "

    def t(self, low: int = 1, high: int = 4) -> str:
        """A run of words and a space."""
        return self.words(low, high) + " "

    def block_id(self, prefix: str) -> str:
        self.block += 1
        return f"{prefix}-{self.block}"

    def quote_id(self) -> str:
        self.quote += 1
        return f"q-{self.quote}"

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)


_PEOPLE = tuple(f"p{i}" for i in range(8))
_ORGS = ("ledger", "ledger-desk", "port", "council", "harbourco", "union", "watchdog")
_SOURCES = ("audit-2023", "tender-notice", "minutes-march", "union-letter")
_INSTRUMENTS = ("charter", "procurement-act", "iccpr", "ports-regulation")


def _agents() -> tuple[Person | Organization, ...]:
    orgs = (
        Organization(id="ledger", name="The Harbour Ledger", short_name="Ledger", url=SITE),
        Organization(id="ledger-desk", name="Ledger Investigations Desk", parent="ledger"),
        Organization(id="port", name="Northbay Port Authority", short_name="NPA", url="https://npa.example"),
        Organization(id="council", name="Northbay City Council", url="https://council.example"),
        Organization(id="harbourco", name="HarbourCo Dredging Ltd.", short_name="HarbourCo"),
        Organization(id="union", name="Dock Workers' Union, Northbay branch"),
        Organization(id="watchdog", name="Office of the Public Procurement Auditor", short_name="OPPA"),
    )
    roles = ("reporter", "port director", "councillor", "chief engineer", "union steward", "auditor")
    people = tuple(
        Person(
            id=pid,
            name=f"Person {pid.upper()} Example" if i != 7 else None,
            role=roles[i % len(roles)] if i != 7 else "an official familiar with the tender",
            url=f"{SITE}/people/{pid}" if i % 3 == 0 else None,
            affiliation=_ORGS[i % len(_ORGS)],
        )
        for i, pid in enumerate(_PEOPLE)
    )
    return orgs + people


def _sources() -> tuple[SourceDocument, ...]:
    return (
        SourceDocument(
            id="audit-2023",
            title="Audit of harbour dredging contracts, 2019-2023",
            kind="audit report",
            author="watchdog",
            publisher="watchdog",
            url="https://oppa.example/reports/2023-dredging.pdf",
            date=date(2023, 11, 2),
            language="en",
        ),
        SourceDocument(
            id="tender-notice", title="Tender notice NPA-2021-044", kind="tender", publisher="port"
        ),
        SourceDocument(
            id="minutes-march",
            title="Minutes of the council's ports committee, 14 March 2024",
            kind="minutes",
            publisher="council",
            date=date(2024, 3, 14),
        ),
        SourceDocument(id="union-letter", title="Letter to the port director", author="union", language="en"),
    )


def _instruments() -> tuple[Instrument, ...]:
    return (
        Instrument(
            id="charter",
            title="Charter of Fundamental Rights of the European Union",
            kind=InstrumentKind.CHARTER,
            short_name="EU Charter",
            aliases=("the Charter",),
            jurisdiction="EU",
            adopted=date(2000, 12, 7),
            status=LegalStatus.BINDING,
            identifiers=(Identifier(scheme="celex", value="12012P/TXT"),),
        ),
        Instrument(
            id="procurement-act",
            title="Public Procurement Act",
            kind=InstrumentKind.STATUTE,
            jurisdiction="NB",
            issuing_body="Northbay Assembly",
            adopted=date(2015, 6, 1),
            status=LegalStatus.BINDING,
            identifiers=(
                Identifier(scheme="eli", value="eli/nb/act/2015/12"),
                Identifier(scheme="urn:lex", value="nb:act:2015-06-01;12"),
            ),
            url="https://laws.example/procurement-act",
        ),
        Instrument(
            id="iccpr",
            title="International Covenant on Civil and Political Rights",
            kind=InstrumentKind.TREATY,
            short_name="ICCPR",
            jurisdiction="international",
            adopted=date(1966, 12, 16),
            status=LegalStatus.BINDING_ON_PARTIES,
            status_note="Binds the states party to it.",
        ),
        Instrument(
            id="ports-regulation",
            title="Ports Safety Regulation",
            kind=InstrumentKind.REGULATION,
            jurisdiction="NB",
            status=LegalStatus.BINDING,
            part_of="procurement-act",
        ),
    )


def _provenance(w: _Writer, i: int) -> dict[str, Any]:
    """Where quoted words come from, as the keyword arguments of `newsmodel.build.provenance`."""
    if i % 5 == 0:
        return {"source": w.pick(_SOURCES), "date": date(2024, 1 + i % 12, 1 + i % 27)}
    if i % 5 == 1:
        hearing = Occasion(
            name="Ports committee hearing",
            date=datetime(2024, 3, 14, 10, 30, tzinfo=CET),
            place="Northbay city hall",
        )
        return {"speaker": w.pick(_PEOPLE), "occasion": hearing}
    if i % 5 == 2:
        return {"speaker": w.pick(_PEOPLE), "language": "en", "original_language": "nl", "translator": "p0"}
    if i % 5 == 3:
        return {"provision": f"article {3 + i}(2)", "instrument": w.pick(_INSTRUMENTS)}
    return {"speaker": w.pick(_PEOPLE)}


def _quoted(w: _Writer, i: int) -> tuple[str | Inline, ...]:
    """Quoted words, sometimes with the editorial marks quotes carry."""
    if i % 4 == 0:
        return (w.t(), insertion("the port", reason="clarification"), w.t(2, 5))
    if i % 4 == 1:
        return (w.t(2, 5), elision(), w.t(2, 5))
    if i % 4 == 2:
        return (w.t(2, 5), em(w.words(1, 3), editor=True), w.t(2, 4))
    return (sic("recieved", correction="received"), w.t(2, 6))


def _inlines(w: _Writer, i: int) -> list[str | Inline]:
    """The runs of one paragraph: plain text mixed with the inline nodes reports use."""
    out: list[str | Inline] = [w.sentence()]
    kinds = ("em", "link", "quote", "cite", "strong", "scare", "work", "link")
    for k in range(3):
        kind = kinds[(i + k) % len(kinds)]
        if kind == "em":
            out.append(em(w.words(1, 4)))
        elif kind == "strong":
            out.append(strong(w.words(1, 3)))
        elif kind == "link":
            url = f"{SITE}/{w.pick(_WORDS)}/{i}-{k}"
            out.append(link(url, w.words(2, 4), title=None if k else "Earlier coverage"))
        elif kind == "work":
            out.append(work(w.words(2, 4), source="audit-2023"))
        elif kind == "scare":
            out.append(scare(w.words(1, 2), marks="‘’"))
        elif kind == "quote":
            w.quotes += 1
            out.append(
                q(
                    *_quoted(w, w.quotes),
                    **_provenance(w, i + k),
                    id=w.quote_id() if (i + k) % 3 == 0 else None,
                    marks="“”",
                )
            )
        else:
            article = f"article {1 + i % 40}"
            out.append(cite(w.pick(_INSTRUMENTS), article, article))
        out.append(w.t(1, 4))
    if i % 7 == 3:
        out.extend((br(), w.sentence(3, 6)))
    return out


def _paragraph(w: _Writer, i: int, with_id: bool) -> Paragraph:
    return p(*_inlines(w, i), id=w.block_id("p") if with_id else None)


def _block_quote(w: _Writer, i: int) -> BlockQuote:
    translations = (
        [Translation(language="nl", content=inlines(w.sentence()), translator="p0")] if i % 2 else []
    )
    return blockquote(
        p(w.sentence(5, 10), w.t()),
        **_provenance(w, i + 1),
        id=w.block_id("bq"),
        translations=translations,
    )


def _list(w: _Writer, i: int) -> ItemList:
    items = [
        item(w.sentence(4, 9), label=[strong(f"{w.pick(_WORDS).title()}:")] if i % 2 else [])
        for _ in range(3)
    ]
    if i % 2:
        return ol(*items, start=2 if i % 4 == 1 else None, id=w.block_id("l"))
    return ul(*items, id=w.block_id("l"))


def _section(w: _Writer, i: int) -> Section:
    blocks: list[Block] = [_paragraph(w, 4 * i + k, with_id=k == 0) for k in range(3)]
    blocks.append(_block_quote(w, i))
    if i % 2 == 0:
        blocks.append(_list(w, i))
    if i % 3 == 1:
        blocks.append(
            figure(
                f"{SITE}/media/{i}.jpg",
                alt=w.words(4, 8),
                media_type="image/jpeg",
                width=1600,
                height=900,
                caption=w.sentence(),
                credit=["Photo: ", em("The Harbour Ledger")],
                id=w.block_id("fig"),
            )
        )
    if i % 3 == 2:
        sub = section(w.words(3, 6), _paragraph(w, 4 * i + 3, with_id=True), level=3, id=w.block_id("s"))
        blocks.append(sub)
    if i == 4:
        blocks.append(note(w.sentence(6, 10), date=date(2024, 4, 2), id=w.block_id("note")))
    if i % 4 == 3:
        blocks.append(
            Promo(  # newsmodel.build has no helper for page furniture
                content=inlines("Get the Ledger's morning briefing on the port"),
                kind="newsletter",
                url=f"{SITE}/newsletter",
                id=w.block_id("promo"),
            )
        )
    return section(w.words(3, 7), *blocks, id=w.block_id("s"))


def _related(w: _Writer) -> tuple[RelatedReport, ...]:
    relations = tuple(Relation)
    return tuple(
        RelatedReport(
            relation=relations[i % len(relations)],
            title=w.sentence(4, 8).strip(),
            url=f"{SITE}/reports/{i}",
            date=date(2023, 1 + i % 12, 1 + i),
            teaser=w.words(5, 9) + "...",
        )
        for i in range(8)
    )


def _comments(w: _Writer) -> Comments:
    items = tuple(
        Comment(
            content=(p(w.sentence(4, 9)),),
            id=f"c{i}",
            author=f"reader{i}" if i % 3 else None,
            date=datetime(2024, 4, 3, 8 + i, 5 * i, tzinfo=CET),
        )
        for i in range(6)
    )
    notice = inlines("Comments are open to subscribers. ", link(f"{SITE}/login", "Sign in"))
    return Comments(items=items, count=9, notice=notice)


def synthetic_report(sections: int = SECTIONS, seed: int = SEED) -> Report:
    """The benchmark's report: built fresh, the same on every call with the same arguments."""
    w = _Writer(seed)
    body: list[Block] = [_paragraph(w, -1, with_id=True), _paragraph(w, -2, with_id=False)]
    body.extend(_section(w, i) for i in range(sections))
    return report(
        "How the Port Authority Paid Twice for the Same Dredging",
        id="urn:uuid:6b2c1f0e-3a57-4d2b-8f61-0c9e7a5d4b12",
        url=f"{SITE}/reports/port-dredging",
        standfirst=[w.sentence(12, 20), em("Ledger"), w.t()],
        authors=["ledger-desk", "p0"],
        publisher="ledger",
        published=date(2024, 4, 2),
        modified=datetime(2024, 4, 3, 9, 15, tzinfo=CET),
        language="en",
        dateline="NORTHBAY",
        topics=["ports", "procurement", "audits"],
        tags=["HarbourCo", "Northbay Port Authority", "dredging", "tenders"],
        agents=_agents(),
        sources=_sources(),
        instruments=_instruments(),
        body=body,
        related=_related(w),
        comments=_comments(w),
        corrections=(
            Correction(
                date=date(2024, 4, 3),
                content=inlines("An earlier version gave the wrong year for the second tender."),
                anchors=("p-1",),
            ),
            Correction(
                date=datetime(2024, 4, 3, 9, 15, tzinfo=CET),
                content=inlines("We have added the port authority's response."),
                kind=CorrectionKind.UPDATE,
            ),
        ),
    )


def example_report() -> Report | None:
    """The project's example report, or None when ``examples/build_example.py`` cannot be used."""
    if not EXAMPLE.is_file():
        return None
    spec = importlib.util.spec_from_file_location("newsmodel_bench_example", EXAMPLE)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        report = module.build_report()
    except Exception:  # another helper may be editing it; the benchmark still runs without it
        return None
    return report if isinstance(report, Report) else None


def count_objects(data: bytes) -> int:
    """The number of JSON objects in a document (the wrapper included)."""

    def walk(value: object) -> int:
        if isinstance(value, dict):
            return 1 + sum(walk(v) for v in value.values())
        if isinstance(value, list):
            return sum(walk(v) for v in value)
        return 0

    return walk(msgspec.json.decode(data))


def documents() -> dict[str, Report]:
    """The benchmark's documents by name: the synthetic one first, then the example when available."""
    out = {"synthetic": synthetic_report()}
    example = example_report()
    if example is not None:
        out["example"] = example
    return out


if __name__ == "__main__":
    for name, doc in documents().items():
        data = dumps(doc, indent=None)
        print(f"{name}: {len(data):,} bytes compact, {count_objects(data)} objects")
