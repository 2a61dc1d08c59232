"""Hypothesis strategies that generate valid, well-formed reports, for property tests of formats and plugins.

Every drawn tree passes the model's validators, and is also *well-formed*: no empty `Text`, no two
`Text` siblings, no empty paragraphs, lists or quotes. A format that round-trips can therefore be tested
with ``assert decode(encode(r)) == r`` and no normalising first.

Text is deliberately hostile: right-to-left scripts with bidi controls, CJK (astral ideographs too),
emoji with skin tones, ZWJ sequences, flags and tag sequences, combining marks (one may open a run),
markup (``<``, ``&``, ``</script>``, ``]]>``), typographic quotes, tabs, newlines and Unicode spaces;
never a character the model forbids. Strings are lists of fragments, so a failing example shrinks to the
one fragment that matters.

References are consistent: agents, sources and instruments are declared first, and references are drawn
from their ids; block and quote ids are unique across the report; `Provenance.requotes` names a quote
that ends before the requoting one begins; correction anchors name body blocks. Sizes are bounded (a
budget of container nodes, a depth limit, at most eight body blocks), so a thousand reports take seconds.

Requires Hypothesis (the ``test`` extra).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from newsmodel.model import (
    Agent,
    Block,
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
    Identifier,
    Image,
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
    Moment,
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

__all__ = [
    "TEXT_FRAGMENTS",
    "TIMEZONES",
    "blocks",
    "ids",
    "inlines",
    "languages",
    "moments",
    "nonempty_texts",
    "reports",
    "texts",
    "urls",
]

T = TypeVar("T")

# --- text -------------------------------------------------------------------------------------------

_RTL = (
    "مرحبا",
    "حقوق الإنسان",
    "مُحَمَّد",  # Arabic with harakat (combining marks)
    "١٢٣",  # Arabic-Indic digits
    "שלום",
    "זכויות אדם",
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u2067عربي\u2069",  # right-to-left isolate
    "\u202bעברית\u202c",  # right-to-left embedding
)
_CJK = ("人权", "新疆维吾尔自治区", "日本語", "ひらがな", "한국어", "\U00020000", "𠮷")
_EMOJI = (
    "😀",
    "👍🏽",  # skin-tone modifier
    "👨\u200d👩\u200d👧\u200d👦",  # ZWJ family
    "🏳\ufe0f\u200d🌈",  # ZWJ with a variation selector
    "🇨🇳",
    "🇺🇸",
    "🇪🇺",  # regional-indicator flags
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # tag sequence (Scotland)
    "❤\ufe0f",
    "1\ufe0f\u20e3",  # keycap
)
_COMBINING = (
    "e\u0301",
    "n\u0303",
    "\u0301",  # a combining mark with nothing before it in its run
    "Z\u0324\u0354\u0367\u0311\u0313",
    "a\u0308\u0332",
    "नमस्ते",
    "สวัสดี",
)
_MARKUP = (
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;",
    "&#x26;",
    "</script>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "]]>",
    '"',
    "'",
    "`",
    "\\",
    "*",
    "_",
    "#",
    "[",
    "]",
    "{{",
    "}}",
    "|",
    "~",
    "$",
    "%",
    "[…]",
    "[sic]",
    "...",
    "…",
    "—",
)
_QUOTES = ("“", "”", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "『", "』", "״")
_SPACES = (
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",  # no-break space
    "\u2009",  # thin space
    "\u3000",  # ideographic space
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\u0085",  # next line (a C1 control the model allows)
    "\u200b",  # zero-width space
    "\ufeff",  # zero-width no-break space (BOM)
    "\u00ad",  # soft hyphen
)

#: The fragments `texts` mixes into random characters, by family, for strategies of your own.
TEXT_FRAGMENTS: dict[str, tuple[str, ...]] = {
    "rtl": _RTL,
    "cjk": _CJK,
    "emoji": _EMOJI,
    "combining": _COMBINING,
    "markup": _MARKUP,
    "quotes": _QUOTES,
    "spaces": _SPACES,
}

# The model forbids C0 controls other than tab and newline, lone surrogates (category Cs), U+FFFE and
# U+FFFF. Unassigned code points (Cn, which holds U+FFFE/U+FFFF) are left out too: their properties
# change with the Unicode version, so a test could pass on one Python and fail on the next.
_FORBIDDEN_C0 = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)]
_ANY_CHAR = st.characters(exclude_categories=("Cs", "Cn"), exclude_characters=_FORBIDDEN_C0)
_ALL_FRAGMENTS = tuple(f for family in TEXT_FRAGMENTS.values() for f in family)
# Characters that are not white space (for ids, URLs and the one visible character of nonempty text).
_VISIBLE_CHAR = st.characters(exclude_categories=("Cs", "Cn", "Cc", "Zs", "Zl", "Zp")).filter(
    lambda c: not c.isspace()
)
_VISIBLE_FRAGMENTS = tuple(f for f in _ALL_FRAGMENTS if f.strip())


def texts(*, min_size: int = 0, max_size: int = 8) -> SearchStrategy[str]:
    """Strings any model text field accepts, built from `min_size`..`max_size` fragments.

    A fragment is one random character or one hostile sample (`TEXT_FRAGMENTS`); random characters
    come first so shrinking heads for plain ASCII and keeps only the fragments a failure needs.
    """
    fragment = st.one_of(_ANY_CHAR, st.sampled_from(_ALL_FRAGMENTS))
    return st.lists(fragment, min_size=min_size, max_size=max_size).map("".join)


def nonempty_texts(*, max_size: int = 8) -> SearchStrategy[str]:
    """Strings with at least one non-space character, for fields validated as nonempty (titles, names)."""
    visible = st.one_of(_VISIBLE_CHAR, st.sampled_from(_VISIBLE_FRAGMENTS))
    side = texts(max_size=max_size // 2)
    return st.tuples(side, visible, side).map("".join)


# --- identifiers, URLs, languages, moments ------------------------------------------------------------

_ID_START = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"
_ID_REST = _ID_START + "0123456789.-"


def ids() -> SearchStrategy[str]:
    """Ids the model accepts (``[A-Za-z_][A-Za-z0-9._-]{0,127}``), dots and hyphens included for CSS."""
    return st.tuples(st.sampled_from(_ID_START), st.text(_ID_REST, max_size=127)).map("".join)


_URL_SAMPLES = (
    "https://example.org/",
    "http://example.com/a?b=1&c=2#d",
    "https://例え.テスト/パス",
    "https://ar.wikipedia.org/wiki/حقوق_الإنسان",
    "https://example.org/%3Cscript%3E",
    "https://example.org/a\"b'<c>",
    "https://example.org/a&amp;b",
    "https://example.org/😀",
    "/relative/path",
    "../up.html",
    "#fragment",
    "?q=1&r=<2>",
    "mailto:desk@example.org",
    "//example.net/protocol-relative",
    "photo.jpg",
)


def urls() -> SearchStrategy[str]:
    """URLs and relative references: no white space, otherwise anything (IRIs, ``&``, quotes, ``<``).

    Only schemes every exporter should pass through (http, https, mailto, relative); tests of a
    URL-scheme policy should add ``javascript:`` and the like themselves.
    """
    prefix = st.sampled_from(("https://example.org/", "http://example.com/", "/", ""))
    tail = st.text(_VISIBLE_CHAR, min_size=1, max_size=16)
    return st.one_of(st.sampled_from(_URL_SAMPLES), st.tuples(prefix, tail).map("".join))


_LANGUAGE_SAMPLES = (
    "en",
    "ar",
    "he",
    "zh-Hans",
    "zh-Hant-TW",
    "ja",
    "ug",
    "fa",
    "pt-BR",
    "de-CH-1996",
    "yue",
)


def languages() -> SearchStrategy[str]:
    """BCP 47 tags of the form the model checks: common tags, then random well-formed ones."""
    return st.one_of(
        st.sampled_from(_LANGUAGE_SAMPLES),
        st.from_regex(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}", fullmatch=True),
    )


def _offset(hours: int, minutes: int = 0) -> timezone:
    sign = -1 if hours < 0 else 1
    return timezone(timedelta(hours=hours, minutes=sign * minutes))


#: Fixed UTC offsets, including the unusual ones (Nepal's +05:45, Chatham's +13:45, -09:30, ±12..14).
#: Whole minutes only, since RFC 3339 and ISO 8601 cannot write a seconds offset.
TIMEZONES: tuple[timezone, ...] = (
    UTC,
    _offset(1),
    _offset(-5),
    _offset(5, 45),
    _offset(5, 30),
    _offset(-3, 30),
    _offset(-9, 30),
    _offset(13, 45),
    _offset(14),
    _offset(-12),
)
_ZONES = st.sampled_from(TIMEZONES)
# A few days inside datetime's range, so any offset and any "modified" step stays representable.
_FIRST = datetime(1, 1, 3)
_LAST = datetime(9990, 12, 31)


def moments() -> SearchStrategy[Moment]:
    """A `date`, or an aware `datetime` with microseconds and one of `TIMEZONES`; never naive."""
    return st.one_of(
        st.dates(_FIRST.date(), _LAST.date()),
        st.datetimes(_FIRST, _LAST, timezones=_ZONES),
    )


def _day(value: Moment) -> date:
    return value.date() if isinstance(value, datetime) else value


@st.composite
def _moments_from(draw: st.DrawFn, start: Moment) -> Moment:
    """A moment not before `start`: later or equal as an instant *and* by calendar day.

    `Report` compares the local calendar days of the two values (see `dates_problem`), so a later
    instant in a zone further west can still be rejected; such a draw falls back to `start`'s zone.
    """
    days = draw(st.integers(0, 800))
    as_date = draw(st.booleans())
    if isinstance(start, datetime):
        if as_date:
            return start.date() + timedelta(days=days)
        later = start + draw(st.timedeltas(timedelta(0), timedelta(days=800)))
        moved = later.astimezone(draw(_ZONES))
        return moved if moved.date() >= start.date() else later
    day = start + timedelta(days=days)
    if as_date:
        return day
    return datetime.combine(day, draw(st.times()), tzinfo=draw(_ZONES))


# --- the scope every tree strategy draws in -----------------------------------------------------------


_MAX_LEVEL = 6


@dataclasses.dataclass
class _Scope:
    """What one tree may refer to, and what it has declared so far (mutated while drawing)."""

    agents: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    instruments: tuple[str, ...] = ()
    #: Ids in the body namespace (block and quote ids), including ones given by the caller.
    used: set[str] = dataclasses.field(default_factory=set)
    #: Quote ids whose quote is complete, so a later quote may requote it.
    quotes: list[str] = dataclasses.field(default_factory=list)
    #: Block ids declared so far.
    blocks: list[str] = dataclasses.field(default_factory=list)
    #: Container nodes still allowed; when spent, only leaves are drawn.
    budget: int = 40
    max_depth: int = 3

    def may_cite(self) -> bool:
        return bool(self.instruments)

    def spend(self) -> None:
        self.budget -= 1

    def open(self, depth: int) -> bool:
        """Whether a container may be drawn at `depth`."""
        return depth < self.max_depth and self.budget > 0


def _fresh_id(draw: st.DrawFn, scope: _Scope) -> str:
    """A body-namespace id not used yet (a drawn id, suffixed when taken)."""
    candidate = draw(ids())
    n = len(scope.used)
    while candidate in scope.used:
        candidate = f"{candidate[:100]}-{n}"
        n += 1
    scope.used.add(candidate)
    return candidate


def _maybe(draw: st.DrawFn, strategy: SearchStrategy[T]) -> T | None:
    return draw(st.one_of(st.none(), strategy))


def _ref(draw: st.DrawFn, choices: Sequence[str]) -> str | None:
    return draw(st.one_of(st.none(), st.sampled_from(choices))) if choices else None


def _block_id(draw: st.DrawFn, scope: _Scope) -> str | None:
    if not draw(st.booleans()):
        return None
    new = _fresh_id(draw, scope)
    scope.blocks.append(new)
    return new


def _normal(items: Sequence[Inline]) -> tuple[Inline, ...]:
    """`items` with adjacent `Text` runs merged, as every format would read them back."""
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(text=out[-1].text + item.text)
        else:
            out.append(item)
    return tuple(out)


_MARKS = ('""', "“”", "‘’", "«»", "»«", "„“", "‹›", "「」", "『』", "''")


def _marks() -> SearchStrategy[str]:
    punct = st.characters(categories=("P", "S"))
    return st.one_of(st.sampled_from(_MARKS), st.tuples(punct, punct).map("".join))


# --- legal --------------------------------------------------------------------------------------------

_UNITS = ("article", "paragraph", "section", "clause", "point", "amendment", "chapter", "sub_paragraph")
_NUMBERS = ("1", "19", "36", "2a", "IV", "1.2", "10-bis")


def _provision_paths() -> SearchStrategy[tuple[ProvisionStep, ...]]:
    unit = st.one_of(st.sampled_from(_UNITS), st.from_regex(r"[a-z][a-z_]{0,31}", fullmatch=True))
    number = st.one_of(
        st.sampled_from(_NUMBERS), st.from_regex(r"[0-9A-Za-z][0-9A-Za-z.-]{0,31}", fullmatch=True)
    )
    step_units = st.lists(unit, unique=True, max_size=3)
    return step_units.flatmap(
        lambda units: st.tuples(*(st.builds(ProvisionStep, unit=st.just(u), number=number) for u in units))
    )


def _provision_refs(instruments: Sequence[str]) -> SearchStrategy[ProvisionRef]:
    return st.builds(ProvisionRef, instrument=st.sampled_from(instruments), path=_provision_paths())


_SCHEMES = ("eli", "urn:lex", "akn", "celex", "ecli")


def _identifiers() -> SearchStrategy[Identifier]:
    scheme = st.one_of(st.sampled_from(_SCHEMES), st.from_regex(r"[a-z][a-z0-9+.:-]{0,31}", fullmatch=True))
    return st.builds(Identifier, scheme=scheme, value=nonempty_texts())


@st.composite
def _instruments(draw: st.DrawFn) -> tuple[Instrument, ...]:
    names = draw(st.lists(ids(), unique=True, max_size=3))
    out = []
    for i, name in enumerate(names):
        out.append(
            Instrument(
                id=name,
                title=draw(nonempty_texts()),
                kind=draw(st.sampled_from(InstrumentKind)),
                short_name=_maybe(draw, nonempty_texts(max_size=2)),
                aliases=tuple(draw(st.lists(nonempty_texts(max_size=2), max_size=2))),
                jurisdiction=_maybe(
                    draw, st.sampled_from(("CN", "US", "EU", "international")) | nonempty_texts()
                ),
                issuing_body=_maybe(draw, nonempty_texts()),
                adopted=_maybe(draw, moments()),
                status=draw(st.sampled_from(LegalStatus)),
                status_note=_maybe(draw, nonempty_texts()),
                identifiers=tuple(draw(st.lists(_identifiers(), max_size=2))),
                url=_maybe(draw, urls()),
                # Only earlier instruments, so "part of" never forms a cycle.
                part_of=_ref(draw, names[:i]),
            )
        )
    return tuple(out)


# --- agents and sources -------------------------------------------------------------------------------


@st.composite
def _agents(draw: st.DrawFn) -> tuple[Agent, ...]:
    names = draw(st.lists(ids(), unique=True, max_size=4))
    is_org = [draw(st.booleans()) for _ in names]
    orgs = [n for n, o in zip(names, is_org, strict=True) if o]
    out: list[Agent] = []
    for i, (name, org) in enumerate(zip(names, is_org, strict=True)):
        if org:
            out.append(
                Organization(
                    id=name,
                    name=draw(nonempty_texts()),
                    short_name=_maybe(draw, nonempty_texts(max_size=2)),
                    url=_maybe(draw, urls()),
                    # Only earlier organisations, so parents never form a cycle.
                    parent=_ref(draw, [o for o in orgs if o in names[:i]]),
                )
            )
        else:
            named = draw(st.sampled_from(("name", "role", "both")))
            out.append(
                Person(
                    id=name,
                    name=draw(nonempty_texts()) if named != "role" else None,
                    role=draw(nonempty_texts()) if named != "name" else None,
                    url=_maybe(draw, urls()),
                    affiliation=_ref(draw, orgs),
                )
            )
    return tuple(out)


@st.composite
def _sources(draw: st.DrawFn, agents: tuple[str, ...]) -> tuple[SourceDocument, ...]:
    names = draw(st.lists(ids(), unique=True, max_size=3))
    return tuple(
        SourceDocument(
            id=name,
            title=draw(nonempty_texts()),
            kind=_maybe(
                draw, st.sampled_from(("fact sheet", "ESG report", "web article")) | nonempty_texts()
            ),
            author=_ref(draw, agents),
            publisher=_ref(draw, agents),
            url=_maybe(draw, urls()),
            date=_maybe(draw, moments()),
            language=_maybe(draw, languages()),
        )
        for name in names
    )


# --- quotes -------------------------------------------------------------------------------------------


@st.composite
def _occasions(draw: st.DrawFn) -> Occasion:
    return Occasion(
        name=draw(nonempty_texts()),
        date=_maybe(draw, moments()),
        place=_maybe(draw, nonempty_texts()),
        url=_maybe(draw, urls()),
    )


@st.composite
def _provenances(draw: st.DrawFn, scope: _Scope) -> Provenance:
    return Provenance(
        speaker=_ref(draw, scope.agents),
        source=_ref(draw, scope.sources),
        provision=_maybe(draw, _provision_refs(scope.instruments)) if scope.instruments else None,
        occasion=_maybe(draw, _occasions()),
        date=_maybe(draw, moments()),
        language=_maybe(draw, languages()),
        original_language=_maybe(draw, languages()),
        translator=_ref(draw, scope.agents),
        requotes=_ref(draw, scope.quotes),
    )


@st.composite
def _translations(draw: st.DrawFn, scope: _Scope, depth: int) -> Translation:
    language = draw(languages())
    content = draw(_inline_runs(scope, depth, min_size=1))
    return Translation(language=language, content=content, translator=_ref(draw, scope.agents))


def _quote_parts(
    draw: st.DrawFn, scope: _Scope, depth: int
) -> tuple[str | None, Provenance, tuple[Translation, ...]]:
    """A quote's id (reserved, not yet requotable), provenance and translations."""
    quote_id = _fresh_id(draw, scope) if draw(st.booleans()) else None
    provenance = draw(st.one_of(st.just(Provenance()), _provenances(scope)))
    translations = tuple(draw(st.lists(_translations(scope, depth + 1), max_size=2)))
    return quote_id, provenance, translations


# --- inlines ------------------------------------------------------------------------------------------

_INLINE_LEAVES = ("text", "line_break", "elision")
_INLINE_CONTAINERS = (
    "emphasis",
    "strong",
    "link",
    "inline_quote",
    "scare_quote",
    "insertion",
    "sic",
    "citation",
)


@st.composite
def _inline_runs(
    draw: st.DrawFn, scope: _Scope, depth: int, *, min_size: int = 0, max_size: int = 4
) -> tuple[Inline, ...]:
    """A normalised run of inlines, children at `depth` + 1."""
    items = draw(st.lists(_inline(scope, depth + 1), min_size=min_size, max_size=max_size))
    return _normal(items)


@st.composite
def _inline(draw: st.DrawFn, scope: _Scope, depth: int) -> Inline:
    kinds = list(_INLINE_LEAVES)
    if scope.open(depth):
        kinds += [k for k in _INLINE_CONTAINERS if k != "citation" or scope.may_cite()]
    kind = draw(st.sampled_from(kinds))
    if kind == "text":
        return Text(text=draw(texts(min_size=1)))
    if kind == "line_break":
        return LineBreak()
    if kind == "elision":
        return Elision(mark=draw(st.sampled_from(ElisionMark)), omitted=_maybe(draw, texts()))
    scope.spend()
    if kind in ("emphasis", "strong"):
        cls = Emphasis if kind == "emphasis" else Strong
        return cls(content=draw(_inline_runs(scope, depth, min_size=1)), origin=draw(st.sampled_from(Origin)))
    if kind == "link":
        return Link(
            url=draw(urls()),
            content=draw(_inline_runs(scope, depth, min_size=1)),
            title=_maybe(draw, texts()),
        )
    if kind == "inline_quote":
        quote_id, provenance, translations = _quote_parts(draw, scope, depth)
        quote = InlineQuote(
            content=draw(_inline_runs(scope, depth, min_size=1)),
            provenance=provenance,
            id=quote_id,
            translations=translations,
            marks=_maybe(draw, _marks()),
        )
        if quote_id is not None:
            scope.quotes.append(quote_id)
        return quote
    if kind == "scare_quote":
        return ScareQuote(content=draw(_inline_runs(scope, depth, min_size=1)), marks=_maybe(draw, _marks()))
    if kind == "insertion":
        return Insertion(
            content=draw(_inline_runs(scope, depth, min_size=1)),
            reason=_maybe(draw, st.sampled_from(("clarification", "translation")) | nonempty_texts()),
        )
    if kind == "sic":
        return Sic(
            content=draw(_inline_runs(scope, depth, min_size=1)), correction=_maybe(draw, nonempty_texts())
        )
    assert kind == "citation"
    return Citation(
        instrument=draw(st.sampled_from(scope.instruments)),
        path=draw(_provision_paths()),
        content=draw(_inline_runs(scope, depth)),  # empty is allowed: the citation is implicit
    )


# --- blocks -------------------------------------------------------------------------------------------

_BLOCK_LEAVES = ("paragraph", "figure", "promo")
_BLOCK_CONTAINERS = ("section", "item_list", "block_quote", "editors_note")


@st.composite
def _block_runs(
    draw: st.DrawFn, scope: _Scope, depth: int, level: int, *, min_size: int = 0, max_size: int = 3
) -> tuple[Block, ...]:
    """Blocks as children at `depth` + 1, inside a section of `level` (1 for the report itself)."""
    return tuple(draw(st.lists(_block(scope, depth + 1, level), min_size=min_size, max_size=max_size)))


@st.composite
def _images(draw: st.DrawFn) -> Image:
    return Image(
        src=draw(urls()),
        alt=draw(st.one_of(st.none(), st.just(""), nonempty_texts())),  # missing, decorative, described
        media_type=_maybe(
            draw, st.sampled_from(("image/jpeg", "image/png", "image/svg+xml")) | nonempty_texts()
        ),
        width=_maybe(draw, st.integers(1, 10_000)),
        height=_maybe(draw, st.integers(1, 10_000)),
    )


@st.composite
def _list_items(draw: st.DrawFn, scope: _Scope, depth: int, level: int) -> ListItem:
    block_id = _block_id(draw, scope)
    label = draw(_inline_runs(scope, depth, max_size=2))
    content = draw(_block_runs(scope, depth, level, min_size=1, max_size=2))
    return ListItem(content=content, label=label, id=block_id)


@st.composite
def _block(draw: st.DrawFn, scope: _Scope, depth: int, level: int) -> Block:
    """One block at `depth`; a section in it must have a level above `level`."""
    kinds = list(_BLOCK_LEAVES)
    if scope.open(depth):
        kinds += [k for k in _BLOCK_CONTAINERS if k != "section" or level < _MAX_LEVEL]
    kind = draw(st.sampled_from(kinds))
    block_id = _block_id(draw, scope)
    if kind == "paragraph":
        return Paragraph(content=draw(_inline_runs(scope, depth, min_size=1)), id=block_id)
    if kind == "figure":
        return Figure(
            image=draw(_images()),
            caption=draw(_inline_runs(scope, depth, max_size=2)),
            credit=draw(_inline_runs(scope, depth, max_size=2)),
            id=block_id,
        )
    if kind == "promo":
        return Promo(
            content=draw(_inline_runs(scope, depth, min_size=1)),
            kind=_maybe(draw, st.sampled_from(("newsletter", "membership", "event")) | nonempty_texts()),
            url=_maybe(draw, urls()),
            id=block_id,
        )
    scope.spend()
    if kind == "section":
        own = draw(st.integers(max(level + 1, 2), _MAX_LEVEL))
        return Section(
            heading=draw(_inline_runs(scope, depth, min_size=1)),
            content=draw(_block_runs(scope, depth, own)),
            level=own,
            id=block_id,
        )
    if kind == "item_list":
        ordered = draw(st.booleans())
        return ItemList(
            items=tuple(draw(st.lists(_list_items(scope, depth + 1, level), min_size=1, max_size=3))),
            ordered=ordered,
            start=_maybe(draw, st.integers(0, 1000)) if ordered else None,
            id=block_id,
        )
    if kind == "block_quote":
        # The id was reserved by _block_id; it becomes requotable once the quote is complete.
        provenance = draw(st.one_of(st.just(Provenance()), _provenances(scope)))
        translations = tuple(draw(st.lists(_translations(scope, depth + 1), max_size=2)))
        quote = BlockQuote(
            content=draw(_block_runs(scope, depth, level, min_size=1, max_size=2)),
            provenance=provenance,
            id=block_id,
            translations=translations,
        )
        if block_id is not None:
            scope.quotes.append(block_id)
        return quote
    assert kind == "editors_note"
    return EditorsNote(
        content=draw(_block_runs(scope, depth, level, min_size=1, max_size=2)),
        date=_maybe(draw, moments()),
        id=block_id,
    )


# --- public tree strategies ---------------------------------------------------------------------------


def _scope(
    agents: Sequence[str],
    sources: Sequence[str],
    instruments: Sequence[str],
    quotes: Sequence[str],
    max_depth: int,
) -> _Scope:
    return _Scope(
        agents=tuple(agents),
        sources=tuple(sources),
        instruments=tuple(instruments),
        used=set(quotes),
        quotes=list(quotes),
        budget=12,
        max_depth=max_depth,
    )


@st.composite
def inlines(
    draw: st.DrawFn,
    *,
    agents: Sequence[str] = (),
    sources: Sequence[str] = (),
    instruments: Sequence[str] = (),
    quotes: Sequence[str] = (),
    max_depth: int = 3,
) -> Inline:
    """One inline of any kind, nested at most `max_depth` deep, for testing an inline renderer alone.

    References (speakers, sources, cited instruments, requoted quotes) are drawn only from the ids
    given, so a tree is valid in any report that declares them; with none given there are none (and
    no `Citation`, which must name an instrument). Ids it declares avoid `quotes`.
    """
    return draw(_inline(_scope(agents, sources, instruments, quotes, max_depth), 0))


@st.composite
def blocks(
    draw: st.DrawFn,
    *,
    agents: Sequence[str] = (),
    sources: Sequence[str] = (),
    instruments: Sequence[str] = (),
    quotes: Sequence[str] = (),
    max_depth: int = 3,
) -> Block:
    """One block of any kind with its subtree, for testing a block renderer alone.

    References are drawn as for `inlines`; ids are unique within the drawn block (two draws may
    share one, so build a body with `reports` when that matters).
    """
    return draw(_block(_scope(agents, sources, instruments, quotes, max_depth), 0, 1))


@st.composite
def _comments(draw: st.DrawFn, scope: _Scope) -> Comments:
    names = draw(st.lists(ids(), unique=True, max_size=3))
    items = tuple(
        Comment(
            content=draw(_block_runs(scope, 1, 1, min_size=1, max_size=2)),
            id=draw(st.one_of(st.none(), st.just(name))),
            author=_maybe(draw, nonempty_texts()),
            author_url=_maybe(draw, urls()),
            date=_maybe(draw, moments()),
        )
        for name in names
    )
    notice = draw(_inline_runs(scope, 1, max_size=2))
    count = _maybe(draw, st.integers(len(items), len(items) + 100))
    return Comments(items=items, count=count, notice=notice)


@st.composite
def _corrections(draw: st.DrawFn, scope: _Scope, anchors: Sequence[str]) -> Correction:
    content = draw(_inline_runs(scope, 1, min_size=1, max_size=3))
    return Correction(
        date=draw(moments()),
        content=content,
        anchors=tuple(draw(st.lists(st.sampled_from(anchors), unique=True, max_size=2))) if anchors else (),
        kind=draw(st.sampled_from(CorrectionKind)),
    )


@st.composite
def _related(draw: st.DrawFn) -> RelatedReport:
    return RelatedReport(
        relation=draw(st.sampled_from(Relation)),
        title=draw(nonempty_texts()),
        url=_maybe(draw, urls()),
        date=_maybe(draw, moments()),
        teaser=_maybe(draw, nonempty_texts()),
    )


@st.composite
def reports(draw: st.DrawFn, *, max_blocks: int = 8) -> Report:
    """A valid, well-formed `Report` using every node class and every optional field across draws.

    Declared things come first (agents, sources, instruments, with unique ids); every reference is
    drawn from them; the body is at most `max_blocks` blocks under a budget of container nodes.
    """
    agents = draw(_agents())
    agent_ids = tuple(a.id for a in agents)
    sources = draw(_sources(agent_ids))
    instruments = draw(_instruments())
    scope = _Scope(
        agents=agent_ids,
        sources=tuple(s.id for s in sources),
        instruments=tuple(i.id for i in instruments),
    )
    report_id = draw(
        st.one_of(
            ids(),
            st.uuids().map(lambda u: f"urn:uuid:{u}"),
            st.text(_VISIBLE_CHAR, min_size=1, max_size=40),
        )
    )
    standfirst = draw(_inline_runs(scope, 0, max_size=3))
    body = draw(_block_runs(scope, 0, 1, max_size=max_blocks))
    anchors = tuple(scope.blocks)  # body blocks only, not blocks inside comments
    published = _maybe(draw, moments())
    modified = _maybe(draw, moments() if published is None else _moments_from(published))
    return Report(
        id=report_id,
        headline=draw(nonempty_texts()),
        url=_maybe(draw, urls()),
        standfirst=standfirst,
        authors=tuple(draw(st.lists(st.sampled_from(agent_ids), unique=True, max_size=3)))
        if agent_ids
        else (),
        publisher=_ref(draw, agent_ids),
        published=published,
        modified=modified,
        language=_maybe(draw, languages()),
        dateline=_maybe(draw, nonempty_texts(max_size=3)),
        topics=tuple(draw(st.lists(nonempty_texts(max_size=3), max_size=3))),
        tags=tuple(draw(st.lists(nonempty_texts(max_size=3), max_size=3))),
        agents=agents,
        sources=sources,
        instruments=instruments,
        body=body,
        related=tuple(draw(st.lists(_related(), max_size=3))),
        comments=_maybe(draw, _comments(scope)),
        corrections=tuple(draw(st.lists(_corrections(scope, anchors), max_size=2))),
    )
