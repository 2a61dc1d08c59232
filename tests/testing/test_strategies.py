"""The Hypothesis strategies in `newsmodel.testing`: valid, well-formed, complete, hostile, and shrinkable.

Coverage is checked with `hypothesis.find` (generation only, derandomized, so the tests are deterministic)
and a predicate that walks each report with `iter_nodes`, records what it has seen, and succeeds once
nothing is missing: one search for the node classes, one for every optional field, enum member and
moment kind, one for the kinds of text. A miss fails naming what never appeared.
"""

from __future__ import annotations

import re
import typing
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis.errors import NoSuchExample

from newsmodel import model
from newsmodel.model import (
    AGENT_TYPES,
    BLOCK_TYPES,
    INLINE_TYPES,
    Block,
    BlockQuote,
    Citation,
    EditorsNote,
    Emphasis,
    Image,
    Inline,
    InlineQuote,
    Insertion,
    Instrument,
    InstrumentKind,
    ItemList,
    Link,
    ListItem,
    Paragraph,
    Person,
    Provenance,
    Report,
    ScareQuote,
    Section,
    Sic,
    SourceDocument,
    Strong,
    Text,
    Translation,
)
from newsmodel.model._base import bad_text
from newsmodel.model._tree import fields_of, iter_nodes
from newsmodel.model.report import report_problems
from newsmodel.testing import (
    TEXT_FRAGMENTS,
    blocks,
    ids,
    inlines,
    languages,
    moments,
    nonempty_texts,
    reports,
    texts,
    urls,
)

# A loaded CI machine can take longer than Hypothesis's default 200 ms for one report; the sizes are
# bounded by the strategies themselves, so a deadline would only add flakiness.
CHECK = settings(max_examples=150, deadline=None, database=None)
#: For `find`: plain generation, no shrinking, the same examples on every run.
SEARCH = settings(max_examples=2000, deadline=None, database=None, derandomize=True, phases=[Phase.generate])

ALL_CLASSES: tuple[type, ...] = tuple(
    sorted(
        (c for name in model.__all__ if isinstance(c := getattr(model, name), type) and attrs.has(c)),
        key=lambda c: c.__name__,
    )
)
OTHER_CLASSES = (
    model.Provenance,
    model.Occasion,
    model.Translation,
    model.ProvisionRef,
    model.ProvisionStep,
    model.Identifier,
    model.Instrument,
    model.SourceDocument,
    model.RelatedReport,
    model.Comment,
    model.Comments,
    model.Correction,
    model.ListItem,
    model.Image,
)


def _encloses(outer: str, inner: str) -> bool:
    """Whether JSON path `outer` is `inner` or one of its ancestors."""
    return inner == outer or inner.startswith((outer + ".", outer + "["))


# --- validity and well-formedness ---------------------------------------------------------------------

#: Fields a well-formed tree never leaves empty (the model allows it; importers do not produce it).
NONEMPTY_FIELDS = {
    (Paragraph, "content"),
    (Section, "heading"),
    (ItemList, "items"),
    (ListItem, "content"),
    (BlockQuote, "content"),
    (EditorsNote, "content"),
    (InlineQuote, "content"),
    (ScareQuote, "content"),
    (Emphasis, "content"),
    (Strong, "content"),
    (Link, "content"),
    (Insertion, "content"),
    (Sic, "content"),
    (Translation, "content"),
}


def well_formed_problems(report: Report) -> list[str]:
    """What the strategies promise beyond the model's rules, as messages with paths."""
    out: list[str] = []
    found = list(iter_nodes(report))
    sections = [(p, n) for p, n in found if isinstance(n, Section)]
    quote_paths = {n.id: p for p, n in found if isinstance(n, InlineQuote | BlockQuote) and n.id is not None}
    body_blocks = {
        getattr(n, "id", None)
        for p, n in found
        if isinstance(n, Block | ListItem) and p.startswith("$.body[") and getattr(n, "id", None)
    }
    for path, node in found:
        for f in fields_of(type(node)):
            value = getattr(node, f.name)
            if (type(node), f.name) in NONEMPTY_FIELDS and not value:
                out.append(f"{path}.{f.name} is empty")
            if isinstance(value, tuple) and value and all(isinstance(v, Inline) for v in value):
                for i, item in enumerate(value):
                    if isinstance(item, Text) and not item.text:
                        out.append(f"{path}.{f.name}[{i}] is an empty Text")
                    if i and isinstance(item, Text) and isinstance(value[i - 1], Text):
                        out.append(f"{path}.{f.name}[{i}] is a second Text in a row")
            if isinstance(value, datetime) and value.utcoffset() is None:
                out.append(f"{path}.{f.name} is naive")
        if isinstance(node, Section):
            for outer, parent in sections:
                if outer != path and _encloses(outer, path) and parent.level >= node.level:
                    out.append(f"{path} (level {node.level}) is inside {outer} (level {parent.level})")
        if isinstance(node, Provenance) and node.requotes is not None:
            quoted = quote_paths[node.requotes]
            if _encloses(quoted, path):
                out.append(f"{path}.requotes names its own quote or one around it ({quoted})")
        if isinstance(node, model.Correction):
            for anchor in node.anchors:
                if anchor not in body_blocks:
                    out.append(f"{path}.anchors names {anchor!r}, which is not a body block")
    p, m = report.published, report.modified
    if isinstance(p, datetime) and isinstance(m, datetime) and m < p:
        out.append("modified is before published")
    return out


@CHECK
@given(reports())
def test_reports_are_valid_and_well_formed(report: Report) -> None:
    assert report_problems(report) == []
    # Building it again from its fields runs every validator again.
    assert Report(**{f.name: getattr(report, f.name) for f in fields_of(Report)}) == report
    assert well_formed_problems(report) == []


# Declared outside the block or inline under test, the way a plugin author would embed one.
_AGENT = Person(id="a1", name="A. Person")
_SOURCE = SourceDocument(id="s1", title="A source")
_INSTRUMENT = Instrument(id="i1", title="A treaty", kind=InstrumentKind.TREATY)
_EARLIER_QUOTE = Paragraph(content=(InlineQuote(id="q1", content=(Text(text="earlier"),)),))
_REFS: dict[str, Any] = {"agents": ["a1"], "sources": ["s1"], "instruments": ["i1"], "quotes": ["q1"]}


def _report_around(*body: Block) -> Report:
    return Report(
        id="r",
        headline="h",
        agents=(_AGENT,),
        sources=(_SOURCE,),
        instruments=(_INSTRUMENT,),
        body=(_EARLIER_QUOTE, *body),
    )


@CHECK
@given(blocks(**_REFS))
def test_blocks_fit_a_report_declaring_their_references(block: Block) -> None:
    assert isinstance(block, BLOCK_TYPES)
    assert well_formed_problems(_report_around(block)) == []


@CHECK
@given(inlines(**_REFS))
def test_inlines_fit_a_report_declaring_their_references(inline: Inline) -> None:
    assert isinstance(inline, INLINE_TYPES)
    _report_around(Paragraph(content=(inline,)))


@CHECK
@given(blocks(), inlines())
def test_standalone_trees_without_references_refer_to_nothing(block: Block, inline: Inline) -> None:
    # Two draws may declare the same id (each is unique only within itself), so one report each.
    for body in ((block,), (Paragraph(content=(inline,)),)):
        bare = Report(id="r", headline="h", body=body)
        assert not any(isinstance(n, Citation) for _, n in iter_nodes(bare))


# --- coverage -----------------------------------------------------------------------------------------


def _find_all(strategy: Any, wanted: set[Any], seen_in: Callable[[Any], set[Any]]) -> None:
    """Draw until every item of `wanted` has been seen; fail naming what never appeared."""
    missing = set(wanted)

    def record(value: Any) -> bool:
        missing.difference_update(seen_in(value))
        return not missing

    try:
        find(strategy, record, settings=SEARCH)
    except NoSuchExample:
        pytest.fail(f"never generated: {sorted(map(str, missing))}")


def test_the_class_lists_name_every_model_class() -> None:
    listed = {*BLOCK_TYPES, *INLINE_TYPES, *AGENT_TYPES, *OTHER_CLASSES, Report}
    assert listed == set(ALL_CLASSES)


def test_every_class_appears() -> None:
    _find_all(reports(), set(ALL_CLASSES), lambda r: {type(n) for _, n in iter_nodes(r)})


def _members(hint: Any) -> set[Any]:
    """The types a field hint admits, unions flattened."""
    args = typing.get_args(hint)
    return set(args) if args and typing.get_origin(hint) is not tuple else {hint}


def required_features() -> set[tuple[str, ...]]:
    """Every optional field set, every enum member, and both moment kinds of every moment field."""
    out: set[tuple[str, ...]] = {("anonymous Person",), ("decorative Image",), ("+05:45",), ("microseconds",)}
    for cls in ALL_CLASSES:
        for f in fields_of(cls):
            kinds = _members(f.hint)
            if f.attribute.default is not attrs.NOTHING:
                out.add(("set", cls.__name__, f.name))
            for kind in kinds:
                if isinstance(kind, type) and issubclass(kind, Enum):
                    out.update(("enum", cls.__name__, f.name, m.name) for m in kind)
            if date in kinds:
                out.update(("moment", cls.__name__, f.name, k) for k in ("date", "datetime"))
    return out


def features(report: Report) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for _, node in iter_nodes(report):
        cls = type(node)
        name = cls.__name__
        for f in fields_of(cls):
            value = getattr(node, f.name)
            if f.attribute.default is not attrs.NOTHING and value != f.attribute.default:
                out.add(("set", name, f.name))
            if isinstance(value, Enum):
                out.add(("enum", name, f.name, value.name))
            if isinstance(value, date):
                out.add(("moment", name, f.name, type(value).__name__))
            if isinstance(value, datetime):
                if value.utcoffset() == timedelta(hours=5, minutes=45):
                    out.add(("+05:45",))
                if value.microsecond:
                    out.add(("microseconds",))
        if isinstance(node, Person) and node.name is None:
            out.add(("anonymous Person",))
        if isinstance(node, Image) and node.alt == "":
            out.add(("decorative Image",))
    return out


def test_every_optional_field_enum_member_and_moment_kind_appears() -> None:
    _find_all(reports(), required_features(), features)


# --- text ---------------------------------------------------------------------------------------------


def _has(pattern: str) -> Callable[[str], bool]:
    search = re.compile(pattern).search
    return lambda s: search(s) is not None


def _combining(s: str) -> bool:
    return any(unicodedata.combining(c) for c in s)


TEXT_KINDS: dict[str, Callable[[str], bool]] = {
    "Arabic": _has("[\u0600-\u06ff]"),
    "Hebrew": _has("[\u0590-\u05ff]"),
    "bidi control": _has("[\u200e\u200f\u202a-\u202e\u2066-\u2069]"),
    "CJK": _has("[\u4e00-\u9fff]"),
    "astral CJK": _has("[\U00020000-\U0002ffff]"),
    "emoji ZWJ sequence": _has("[\U0001f300-\U0001faff]\u200d"),
    "flag": _has("[\U0001f1e6-\U0001f1ff]{2}"),
    "combining mark": _combining,
    "<": _has("<"),
    "&": _has("&"),
    "</script>": _has("</script>"),
    "typographic quote": _has("[“”‘’«»„]"),
    "tab": _has("\t"),
    "newline": _has("\n"),
    "no-break space": _has("\u00a0"),
    "line separator": _has("\u2028"),
}


@CHECK
@given(texts(), nonempty_texts())
def test_texts_never_hold_forbidden_characters(text: str, nonempty: str) -> None:
    assert bad_text(text) is None
    assert bad_text(nonempty) is None
    assert nonempty.strip()


@pytest.mark.parametrize("kind", sorted(TEXT_KINDS))
def test_texts_include(kind: str) -> None:
    find(texts(), TEXT_KINDS[kind], settings=SEARCH)


def test_report_text_includes_every_kind() -> None:
    def kinds(report: Report) -> set[str]:
        runs = [n.text for _, n in iter_nodes(report) if isinstance(n, Text)]
        return {k for k, has in TEXT_KINDS.items() if any(has(run) for run in runs)}

    _find_all(reports(), set(TEXT_KINDS), kinds)


def test_text_fragments_are_allowed_text() -> None:
    for family, fragments in TEXT_FRAGMENTS.items():
        for fragment in fragments:
            assert fragment, family
            assert bad_text(fragment) is None, (family, fragment)


@CHECK
@given(ids(), urls(), languages(), moments())
def test_scalars_pass_the_model(ident: str, url: str, language: str, moment: Any) -> None:
    Report(
        id="r",
        headline="h",
        agents=(Person(id=ident, role="r", url=url),),
        language=language,
        published=moment,
    )


# --- shrinking ----------------------------------------------------------------------------------------


def test_text_shrinks_to_what_matters() -> None:
    arabic = TEXT_KINDS["Arabic"]
    found = find(texts(), arabic, settings=settings(database=None, derandomize=True))
    # One character, or one whole fragment: the shrinker removed everything else.
    assert len(found) == 1 or found in TEXT_FRAGMENTS["rtl"], found


def test_trees_shrink_to_a_small_example() -> None:
    found = find(
        blocks(),
        lambda b: any(isinstance(n, InlineQuote) for _, n in iter_nodes(b)),
        settings=settings(database=None, derandomize=True),
    )
    # A paragraph holding the quote, its default provenance and one text run: nothing else survives.
    assert sum(1 for _ in iter_nodes(found)) == 4, found
