"""The example report uses every part of the model and every element of the seed inventory."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import newsmodel.model as m
from newsmodel.model import (
    AGENT_TYPES,
    BLOCK_TYPES,
    INLINE_TYPES,
    BlockQuote,
    Citation,
    Comment,
    Comments,
    Elision,
    ElisionMark,
    Emphasis,
    Figure,
    InlineQuote,
    Insertion,
    Instrument,
    ItemList,
    LegalStatus,
    Link,
    Organization,
    Origin,
    Paragraph,
    Person,
    Promo,
    ProvisionRef,
    RelatedReport,
    Relation,
    Report,
    ScareQuote,
    Section,
    Sic,
    SourceDocument,
    Text,
)
from newsmodel.tree import iter_nodes

HERE = Path(__file__).resolve().parent
SCRIPT = HERE.parents[1] / "examples" / "build_example.py"
SEED = HERE.parents[2] / "shared" / "reference" / "seed-report.txt"
LEGAL = HERE.parents[2] / "shared" / "legal"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_example", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_example = _load_script()


@pytest.fixture(scope="module")
def report() -> Report:
    built = build_example.build_report()
    assert isinstance(built, Report)
    return built


def every_node(root: Any) -> Iterator[Any]:
    """Every node under `root`, itself first, as `iter_nodes` walks them."""
    for _, n in iter_nodes(root):
        yield n


def every_attrs_instance(root: Any) -> Iterator[Any]:
    """Every attrs instance under `root`, found without the model's own field tables."""
    yield root
    for field in attrs.fields(type(root)):
        value = getattr(root, field.name)
        for v in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(v)):
                yield from every_attrs_instance(v)


@pytest.fixture(scope="module")
def nodes(report: Report) -> list[Any]:
    return list(every_node(report))


def of(nodes: list[Any], cls: type) -> list[Any]:
    return [n for n in nodes if type(n) is cls]


def plain(inlines: tuple[Any, ...]) -> str:
    """The text of some inlines, without marks, elisions or breaks."""
    out = []
    for n in inlines:
        for x in every_node(n):
            if isinstance(x, Text):
                out.append(x.text)
    return "".join(out)


def model_classes() -> set[type]:
    return {obj for name in m.__all__ if isinstance(obj := getattr(m, name), type) and attrs.has(obj)}


# --- coverage of the model ---------------------------------------------------------------------------


def test_every_family_member_occurs(nodes: list[Any]) -> None:
    seen = {type(n) for n in nodes}
    for family in (BLOCK_TYPES, INLINE_TYPES, AGENT_TYPES):
        missing = [cls.__name__ for cls in family if cls not in seen]
        assert not missing, f"never used: {missing}"


def test_every_model_class_occurs(nodes: list[Any]) -> None:
    seen = {type(n) for n in nodes}
    missing = sorted(cls.__name__ for cls in model_classes() - seen)
    assert not missing, f"never used: {missing}"


def test_every_enum_value_that_matters_occurs(report: Report, nodes: list[Any]) -> None:
    assert {r.relation for r in report.related} == set(Relation)
    origins = {n.origin for n in nodes if hasattr(n, "origin") and isinstance(n.origin, Origin)}
    assert origins == set(Origin)
    assert {n.mark for n in of(nodes, Elision)} == set(ElisionMark)
    assert {LegalStatus.BINDING, LegalStatus.NON_BINDING, LegalStatus.BINDING_ON_PARTIES} <= {
        i.status for i in report.instruments
    }
    assert len({c.kind for c in report.corrections}) >= 2


def test_iter_nodes_reaches_every_node(report: Report, nodes: list[Any]) -> None:
    # The coverage tests below rely on iter_nodes opening every attrs field that holds nodes.
    assert Counter(map(type, nodes)) == Counter(map(type, every_attrs_instance(report)))


def test_every_reference_resolves(report: Report, nodes: list[Any]) -> None:
    # The report checks this itself on construction; this says the example really uses references.
    declared: dict[str, set[str]] = {}
    used: list[tuple[str, str]] = []
    for n in nodes:
        for f in attrs.fields(type(n)):
            value = getattr(n, f.name)
            if value is None:
                continue
            for kind in f.metadata.get("declares", ()):
                declared.setdefault(kind, set()).add(value)
            if "refers" in f.metadata:
                refs = value if isinstance(value, tuple) else (value,)
                used.extend((f.metadata["refers"], r) for r in refs)
    dangling = [(kind, ref) for kind, ref in used if ref not in declared.get(kind, set())]
    assert not dangling
    assert len(used) > 60


# --- metadata ---------------------------------------------------------------------------------------


def test_metadata(report: Report) -> None:
    assert report.headline
    assert type(report.published) is date
    assert isinstance(report.modified, datetime)
    assert report.modified.utcoffset() is not None
    assert report.language == "en"
    assert report.url
    assert report.id
    assert report.standfirst
    assert report.dateline
    assert report.topics
    assert report.tags


def test_byline_is_a_team_of_the_publisher_and_a_person(report: Report) -> None:
    agents = {a.id: a for a in report.agents}
    kinds = [type(agents[a]) for a in report.authors]
    assert Organization in kinds
    assert Person in kinds
    teams = [agents[a] for a in report.authors if isinstance(agents[a], Organization)]
    assert teams
    assert isinstance(teams[0], Organization)
    assert teams[0].parent == report.publisher


def test_agents(report: Report) -> None:
    people = [a for a in report.agents if isinstance(a, Person)]
    assert any(p.anonymous and p.role for p in people)
    assert any(p.name and p.role and p.affiliation for p in people)
    assert any(isinstance(a, Organization) and a.parent for a in report.agents)


def test_sources(report: Report) -> None:
    full = [
        s for s in report.sources if s.author and s.publisher and s.url and s.date and s.language and s.kind
    ]
    assert full
    assert all(isinstance(s, SourceDocument) for s in report.sources)


def test_instruments(report: Report) -> None:
    by_id = {i.id: i for i in report.instruments}
    collections = [i for i in report.instruments if i.kind.value == "collection"]
    assert len(collections) == 1
    members = {i.short_name for i in report.instruments if i.part_of == collections[0].id}
    assert {"UDHR", "ICCPR", "ICESCR"} <= members
    for i in report.instruments:
        assert isinstance(i, Instrument)
        assert i.jurisdiction
        assert i.issuing_body
    assert by_id["iccpr"].status is LegalStatus.BINDING_ON_PARTIES
    assert by_id["iccpr"].status_note
    assert by_id["udhr"].status is LegalStatus.NON_BINDING
    assert sum(bool(i.identifiers) for i in report.instruments) >= 4


# --- body -------------------------------------------------------------------------------------------


def test_lede_requotes_the_investor_call(report: Report, nodes: list[Any]) -> None:
    lede = report.body[0]
    assert isinstance(lede, Paragraph)
    q = next(n for n in lede.content if isinstance(n, InlineQuote))
    call = next(b for b in of(nodes, BlockQuote) if b.id == q.provenance.requotes)
    assert plain(q.content) in plain(tuple(x for p in call.content for x in p.content))
    requotes = [n for n in of(nodes, InlineQuote) if n.provenance.requotes == call.id]
    assert len(requotes) >= 3


def test_figures(nodes: list[Any]) -> None:
    figures = of(nodes, Figure)
    bare = [f for f in figures if f.image.alt is None and not f.caption and not f.credit]
    assert bare
    assert "/" not in bare[0].image.src
    assert any(f.image.alt and f.caption and f.credit and f.image.src.startswith("https://") for f in figures)


def test_sections(nodes: list[Any]) -> None:
    sections = of(nodes, Section)
    assert sum(s.level == 2 for s in sections) >= 8
    assert any(any(isinstance(h, InlineQuote) for h in s.heading) for s in sections if s.level == 2)
    level3 = [s for s in sections if s.level == 3]
    assert len(level3) == 3
    for s in level3:
        instruments = {
            n.provenance.provision.instrument
            for n in every_node(s)
            if isinstance(n, InlineQuote) and n.provenance.provision is not None
        }
        assert len(instruments) == 1, s.heading


def test_the_translated_investor_call(nodes: list[Any]) -> None:
    call = next(
        b
        for b in of(nodes, BlockQuote)
        if b.provenance.original_language not in (None, b.provenance.language)
    )
    prov = call.provenance
    assert prov.original_language == "zh"
    assert prov.language == "en"
    assert prov.translated
    assert prov.translator
    assert prov.speaker
    assert prov.occasion is not None
    assert prov.occasion.date is not None
    assert prov.occasion.place
    assert prov.occasion.url
    inside = list(every_node(call))
    assert of(inside, Insertion)
    assert any(e.origin is Origin.EDITOR for e in of(inside, Emphasis))


def test_labelled_constitution_list(nodes: list[Any]) -> None:
    labelled = [lst for lst in of(nodes, ItemList) if all(i.label for i in lst.items)]
    assert labelled
    items = labelled[0].items
    assert len(items) >= 4
    for i in items:
        assert plain(i.label).endswith(":")
        (p,) = i.content
        q = next(n for n in p.content if isinstance(n, InlineQuote))
        c = next(n for n in p.content if isinstance(n, Citation))
        assert p.content.index(q) < p.content.index(c)
        assert q.provenance.provision == ProvisionRef(instrument=c.instrument, path=c.path)
        assert re.fullmatch(r"\(article \d+\)", plain(c.content))
    assert {'""', "“”"} <= {
        n.marks for i in items for p in i.content for n in p.content if isinstance(n, InlineQuote)
    }


def test_three_paragraph_essay_quote(report: Report, nodes: list[Any]) -> None:
    sources = {s.id: s for s in report.sources}
    agents = {a.id: a for a in report.agents}
    essay = next(b for b in of(nodes, BlockQuote) if len(b.content) == 3 and b.provenance.source in sources)
    source = sources[essay.provenance.source]
    assert source.author is not None
    chair = agents[source.author]
    assert isinstance(chair, Person)
    assert chair.role
    assert chair.affiliation == source.publisher
    inside = list(every_node(essay))
    assert of(inside, Insertion)
    assert [e.mark for e in of(inside, Elision)] == [ElisionMark.BRACKETED]
    assert any(e.origin is Origin.EDITOR for e in of(inside, Emphasis))


def _provision_quotes(nodes: list[Any]) -> list[ProvisionRef]:
    quotes = [n for n in nodes if isinstance(n, (InlineQuote, BlockQuote))]
    return [q.provenance.provision for q in quotes if q.provenance.provision and q.provenance.provision.path]


def test_provisions(nodes: list[Any]) -> None:
    refs = _provision_quotes(nodes)
    assert len(refs) >= 13
    assert len({r.instrument for r in refs}) >= 4
    units = {s.unit for r in refs for s in r.path}
    assert {"article", "amendment", "paragraph"} <= units
    eu = [r for r in refs if r.instrument == "eu-charter"]
    assert eu
    assert all([s.unit for s in r.path] == ["article", "paragraph"] for r in eu)


def test_udhr_block_quoted_without_numbers_and_the_semicolons_outside(nodes: list[Any]) -> None:
    udhr = next(
        b
        for b in of(nodes, BlockQuote)
        if b.provenance.provision is not None and b.provenance.provision.instrument == "udhr"
    )
    lines = [p.content for p in udhr.content]
    assert len(lines) == 4
    for line in lines[:-1]:
        q, tail = line
        assert isinstance(q, InlineQuote)
        assert q.provenance.provision is not None
        assert q.provenance.provision.path
        assert tail == Text(text=";")
        assert not re.search(r"\d", plain(q.content))


def test_bare_elisions_in_the_eu_charter(nodes: list[Any]) -> None:
    eu = [
        q
        for q in of(nodes, InlineQuote)
        if q.provenance.provision is not None and q.provenance.provision.instrument == "eu-charter"
    ]
    elisions = [e for q in eu for e in every_node(q) if isinstance(e, Elision)]
    assert len(elisions) == 3
    assert all(e.mark is ElisionMark.BARE for e in elisions)


def test_legal_quotes_are_word_for_word(nodes: list[Any]) -> None:
    import json

    files = {
        "udhr": "udhr/en.json",
        "prc-constitution": "prc-constitution/en.json",
        "eu-charter": "eu-charter/en.json",
        "us-constitution": "us-constitution/en.json",
    }
    if not LEGAL.is_dir():
        pytest.skip("../shared/legal is not available")
    texts = {k: json.loads((LEGAL / v).read_text(encoding="utf-8"))["articles"] for k, v in files.items()}
    for q in of(nodes, InlineQuote):
        ref = q.provenance.provision
        if ref is None or ref.instrument not in texts:
            continue
        unit, number = ref.path[0].unit, ref.path[0].number
        key = number if unit == "article" else f"{unit}-{number}"
        article = " ".join(texts[ref.instrument][key])
        pieces = [x.text for x in every_node(q) if isinstance(x, Text)]
        for piece in pieces:
            assert piece.strip() in article, (ref, piece)


def test_whole_instruments_cited_in_the_esg_quote(report: Report, nodes: list[Any]) -> None:
    esg = next(b for b in of(nodes, BlockQuote) if b.provenance.source == "corvid-esg")
    inside = list(every_node(esg))
    cited = {c.instrument for c in of(inside, Citation) if c.path == ()}
    assert {"udhr", "iccpr", "icescr", "ungps"} <= cited
    sic = of(inside, Sic)
    assert sic
    assert sic[0].correction
    assert of(inside, Link)
    assert of(inside, InlineQuote)


def test_quotes_of_organisations_and_people(report: Report, nodes: list[Any]) -> None:
    agents = {a.id: a for a in report.agents}
    speakers = [agents[q.provenance.speaker] for q in of(nodes, InlineQuote) if q.provenance.speaker]
    assert any(isinstance(s, Organization) and s.parent for s in speakers)
    assert any(isinstance(s, Person) and s.anonymous for s in speakers)
    assert any(b.provenance.source == "un-factsheet" for b in of(nodes, BlockQuote))


def test_foreign_language_quote_with_translation(nodes: list[Any]) -> None:
    q = next(q for q in of(nodes, InlineQuote) if q.translations)
    assert q.provenance.language != "en"
    assert q.marks == "«»"
    assert q.translations[0].language == "en"


def test_scare_quotes_and_other_furniture(nodes: list[Any]) -> None:
    assert len(of(nodes, ScareQuote)) >= 2
    promos = of(nodes, Promo)
    assert len(promos) == 2
    assert promos[0].content == promos[1].content
    notes = of(nodes, m.EditorsNote)
    assert notes
    assert notes[0].date is not None
    lists = of(nodes, ItemList)
    assert any(lst.ordered and lst.start not in (None, 1) for lst in lists)


def test_related_reports(report: Report) -> None:
    counts = Counter(r.relation for r in report.related)
    assert counts[Relation.CITED_BY] == 3
    assert counts[Relation.RELATED] >= 3
    assert counts[Relation.RECENT] >= 3
    for r in report.related:
        assert isinstance(r, RelatedReport)
        assert r.date is not None
        assert r.teaser
        assert r.teaser.endswith("...")
    titles = [r.title for r in report.related]
    assert any('"' in t for t in titles)
    assert any(":" in t for t in titles)
    assert any(re.search(r"\d", t) for t in titles)


def test_comments(report: Report) -> None:
    comments = report.comments
    assert isinstance(comments, Comments)
    assert comments.count == 4
    assert comments.notice
    assert len(comments.items) == 4
    assert all(isinstance(c, Comment) and c.anonymous for c in comments.items)
    paragraphs = [[p for p in c.content if isinstance(p, Paragraph)] for c in comments.items]
    assert [len(ps) for ps in paragraphs] == [1, 1, 1, 1]
    texts = [plain(ps[0].content) for ps in paragraphs]
    assert any("Corvd" in t for t in texts)
    assert any(" !" in t for t in texts)
    assert any("..." in t for t in texts)
    assert any('"' in t for t in texts)
    last = paragraphs[-1][0]
    assert isinstance(last.content[0], Link)
    assert isinstance(last.content[1], m.LineBreak)


def test_corrections_anchor_to_blocks(report: Report, nodes: list[Any]) -> None:
    block_ids = {getattr(n, "id", None) for n in nodes if isinstance(n, m.Block)}
    assert report.corrections
    for c in report.corrections:
        assert c.anchors
        assert set(c.anchors) <= block_ids


# --- our words, not the seed's -------------------------------------------------------------------------


def _shingles(text: str, n: int = 9) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_sentence_of_the_seed_report_is_copied(report: Report, nodes: list[Any]) -> None:
    if not SEED.exists():
        pytest.skip("../shared/reference is not available")
    seed = _shingles(SEED.read_text(encoding="utf-8"))
    for legal in LEGAL.rglob("*.json"):
        seed -= _shingles(legal.read_text(encoding="utf-8"))
    ours = " ".join(x.text for x in nodes if isinstance(x, Text))
    for text in (ours, SCRIPT.read_text(encoding="utf-8")):
        assert not sorted(" ".join(s) for s in seed & _shingles(text))
