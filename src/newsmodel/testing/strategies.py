"""Hypothesis strategies that generate valid, well-formed reports, for property tests of formats and plugins.

Every drawn tree passes the model's validators, and is also *well-formed*: no empty `Text`, no two
`Text` siblings, no empty paragraphs, lists or quotes. A format that round-trips can therefore be tested
with ``assert decode(encode(r)) == r`` and no normalising first.

Text is deliberately hostile: right-to-left scripts with bidi controls, CJK (astral ideographs too),
emoji with skin tones, ZWJ sequences, flags and tag sequences, combining marks (one may open a run),
markup (``<``, ``&``, ``</script>``, ``]]>``), typographic quotes, tabs, newlines and Unicode spaces;
never a character the model forbids. Strings are lists of pieces (a run of random characters, or one
fragment), so a failing example shrinks to the piece that matters.

References are consistent: agents, sources and instruments are declared first, and references are drawn
from their ids; block and quote ids are unique across the report; `Provenance.requotes` names a quote
drawn earlier, never its own quote or one around it; correction anchors name body blocks; section levels
rise under every enclosing section; `modified` is not before `published`. Sizes are bounded (a budget
of container nodes, a depth limit, at most eight body blocks): a thousand reports take about twenty
seconds of one core, most of it Hypothesis's own bookkeeping.

Requires Hypothesis (the ``test`` extra).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
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
    WorkTitle,
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

# Everything the model allows: no C0 control but tab and newline, no lone surrogate, no U+FFFE or U+FFFF.
# Spelled as code point ranges, not Unicode categories: Hypothesis checks membership by scanning the
# ranges, and the ~700 ranges of "every assigned character" made drawing reports five times slower.
# So unassigned code points and C1 controls occur too; the model allows them, and formats must cope.
_FORBIDDEN = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\ufffe", "\uffff"]
_ANY_CHAR = st.characters(codec="utf-8", exclude_characters=_FORBIDDEN)  # UTF-8 has no lone surrogates
_ALL_FRAGMENTS = tuple(f for family in TEXT_FRAGMENTS.values() for f in family)
# A piece of text is a run of random characters (one draw, cheap) or one hostile fragment.
_PIECE = st.one_of(st.text(_ANY_CHAR, min_size=1, max_size=8), st.sampled_from(_ALL_FRAGMENTS))
# Characters that are not white space, for ids and URLs.
_VISIBLE_CHAR = _ANY_CHAR.filter(lambda c: not c.isspace())


def texts(*, min_size: int = 0, max_size: int = 3) -> SearchStrategy[str]:
    """Strings any model text field accepts, joined from `min_size`..`max_size` pieces.

    A piece is a run of random characters or one hostile sample (`TEXT_FRAGMENTS`); runs come first
    so shrinking heads for plain ASCII and keeps only the fragments a failure needs.
    """
    return st.lists(_PIECE, min_size=min_size, max_size=max_size).map("".join)


def nonempty_texts(*, max_size: int = 3) -> SearchStrategy[str]:
    """Strings with at least one non-space character, for fields validated as nonempty (titles, names)."""
    return texts(min_size=1, max_size=max_size).filter(str.strip)


# Built once: making strategies per node costs more than drawing from them.
_TEXT = texts()
_RUN = texts(min_size=1)
_NONEMPTY = nonempty_texts()
_SHORT = nonempty_texts(max_size=2)


def _vocabulary(*words: str) -> SearchStrategy[str]:
    """The usual words for a free-text field first, then anything nonempty."""
    return st.one_of(st.sampled_from(words), _NONEMPTY)


_JURISDICTION = _vocabulary("CN", "US", "EU", "international")
_SOURCE_KIND = _vocabulary("fact sheet", "ESG report", "web article")
_REASON = _vocabulary("clarification", "translation")
_PROMO_KIND = _vocabulary("newsletter", "membership", "event")
_VERSION = _vocabulary("2018 English translation", "consolidated 2023-01-01")

# --- identifiers, URLs, languages, moments ------------------------------------------------------------

_ID_START = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"
_ID_REST = _ID_START + "0123456789.-"


def ids() -> SearchStrategy[str]:
    """Ids the model accepts (``[A-Za-z_][A-Za-z0-9._-]{0,127}``), with the dots and hyphens CSS minds."""
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


_ID = ids()
_URL = urls()
_LANGUAGE = languages()
_MOMENT = moments()
_DAYS = st.integers(0, 800)
_SPAN = st.timedeltas(timedelta(0), timedelta(days=800))


def _moment_from(draw: st.DrawFn, start: Moment) -> Moment:
    """A moment not before `start`: later or equal as an instant *and* by local calendar day.

    `Report` also compares the calendar days the two values show (see `dates_problem`), so a later
    instant written in a zone further west can still be refused; such a draw keeps `start`'s zone.
    """
    as_date = draw(st.booleans())
    if isinstance(start, datetime):
        if as_date:
            return start.date() + timedelta(days=draw(_DAYS))
        later = start + draw(_SPAN)
        moved = later.astimezone(draw(_ZONES))
        return moved if moved.date() >= start.date() else later
    day = start + timedelta(days=draw(_DAYS))
    if as_date:
        return day
    return datetime.combine(day, draw(st.times()), tzinfo=draw(_ZONES))


# --- drawing helpers ----------------------------------------------------------------------------------
#
# The tree is drawn by plain functions that take `draw`, inside one composite per public strategy:
# a strategy object per node would be rebuilt and revalidated on every draw, which is many times
# slower. Lists are a drawn length and a loop, which Hypothesis shrinks by shortening and deleting.


# One optional field in three is set: enough for every field to appear within a few reports, few
# enough to keep a report's draws (and Hypothesis's time per example) small.
_SET = st.sampled_from((False, False, True))


def _maybe(draw: st.DrawFn, strategy: SearchStrategy[T]) -> T | None:
    """None or a value; shrinks to None."""
    return draw(strategy) if draw(_SET) else None


def _ref(draw: st.DrawFn, choices: Sequence[str]) -> str | None:
    """None or one of `choices` (None when there are none); shrinks to None."""
    if not choices or not draw(st.booleans()):
        return None
    return choices[draw(st.integers(0, len(choices) - 1))]


def _some(draw: st.DrawFn, choices: Sequence[str], max_size: int) -> tuple[str, ...]:
    """Up to `max_size` distinct items of `choices`, in their order."""
    return tuple(c for c in choices[: max_size * 2] if draw(st.booleans()))[:max_size]


def _count(draw: st.DrawFn, min_size: int, max_size: int) -> int:
    return draw(st.integers(min_size, max_size))


def _unique_ids(draw: st.DrawFn, max_size: int) -> tuple[str, ...]:
    return tuple(draw(st.lists(_ID, unique=True, max_size=max_size)))


# --- the scope every tree is drawn in -----------------------------------------------------------------

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
    budget: int = 12
    max_depth: int = 3

    def open(self, depth: int) -> bool:
        """Whether a container may be drawn at `depth`."""
        return depth < self.max_depth and self.budget > 0

    def fresh_id(self, draw: st.DrawFn) -> str:
        """A body-namespace id not used yet (a drawn id, suffixed when taken)."""
        candidate = draw(_ID)
        n = len(self.used)
        while candidate in self.used:
            candidate = f"{candidate[:100]}-{n}"
            n += 1
        self.used.add(candidate)
        return candidate

    def block_id(self, draw: st.DrawFn) -> str | None:
        if not draw(st.booleans()):
            return None
        new = self.fresh_id(draw)
        self.blocks.append(new)
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


# Punctuation and symbols, but not connector punctuation ("_" is a word character, not a mark).
_PUNCT = st.characters(categories=("Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S"))
_MARKS = st.one_of(
    st.sampled_from(('""', "“”", "‘’", "«»", "»«", "„“", "‹›", "「」", "『』", "''")),
    st.tuples(_PUNCT, _PUNCT).map("".join),
)

# --- legal --------------------------------------------------------------------------------------------

_UNIT = st.one_of(
    st.sampled_from(("article", "paragraph", "section", "clause", "point", "amendment", "sub_paragraph")),
    st.from_regex(r"[a-z][a-z_]{0,31}", fullmatch=True),
)
_NUMBER = st.one_of(
    st.sampled_from(("1", "19", "36", "2a", "IV", "1.2", "10-bis")),
    st.from_regex(r"[0-9A-Za-z][0-9A-Za-z.-]{0,31}", fullmatch=True),
)
_UNITS = st.lists(_UNIT, unique=True, max_size=3)
_SCHEME = st.one_of(
    st.sampled_from(("eli", "urn:lex", "akn", "celex", "ecli")),
    st.from_regex(r"[a-z][a-z0-9+.:-]{0,31}", fullmatch=True),
)
_IDENTIFIER = st.builds(Identifier, scheme=_SCHEME, value=_NONEMPTY)


def _path(draw: st.DrawFn) -> tuple[ProvisionStep, ...]:
    return tuple(ProvisionStep(unit=unit, number=draw(_NUMBER)) for unit in draw(_UNITS))


def _provision(draw: st.DrawFn, instruments: Sequence[str]) -> ProvisionRef | None:
    instrument = _ref(draw, instruments)
    if instrument is None:
        return None
    return ProvisionRef(instrument=instrument, path=_path(draw), version=_maybe(draw, _VERSION))


def _instruments(draw: st.DrawFn) -> tuple[Instrument, ...]:
    names = _unique_ids(draw, 2)
    return tuple(
        Instrument(
            id=name,
            title=draw(_NONEMPTY),
            kind=draw(st.sampled_from(InstrumentKind)),
            short_name=_maybe(draw, _SHORT),
            aliases=tuple(draw(_SHORT) for _ in range(_count(draw, 0, 2))),
            jurisdiction=_maybe(draw, _JURISDICTION),
            issuing_body=_maybe(draw, _NONEMPTY),
            adopted=_maybe(draw, _MOMENT),
            status=draw(st.sampled_from(LegalStatus)),
            status_note=_maybe(draw, _NONEMPTY),
            identifiers=tuple(draw(_IDENTIFIER) for _ in range(_count(draw, 0, 2))),
            url=_maybe(draw, _URL),
            # Only earlier instruments, so "part of" never forms a cycle.
            part_of=_ref(draw, names[:i]),
        )
        for i, name in enumerate(names)
    )


# --- agents and sources -------------------------------------------------------------------------------


_NAMED = st.sampled_from(("name", "role", "both"))


def _agents(draw: st.DrawFn) -> tuple[Agent, ...]:
    names = _unique_ids(draw, 4)
    orgs = tuple(name for name in names if draw(st.booleans()))
    out: list[Agent] = []
    for i, name in enumerate(names):
        if name in orgs:
            out.append(
                Organization(
                    id=name,
                    name=draw(_NONEMPTY),
                    short_name=_maybe(draw, _SHORT),
                    url=_maybe(draw, _URL),
                    # Only earlier organisations, so parents never form a cycle.
                    parent=_ref(draw, [o for o in orgs if o in names[:i]]),
                )
            )
        else:
            named = draw(_NAMED)  # Person needs a name or a role
            out.append(
                Person(
                    id=name,
                    name=draw(_NONEMPTY) if named != "role" else None,
                    role=draw(_NONEMPTY) if named != "name" else None,
                    url=_maybe(draw, _URL),
                    affiliation=_ref(draw, orgs),
                )
            )
    return tuple(out)


def _sources(draw: st.DrawFn, agents: Sequence[str]) -> tuple[SourceDocument, ...]:
    return tuple(
        SourceDocument(
            id=name,
            title=draw(_NONEMPTY),
            kind=_maybe(draw, _SOURCE_KIND),
            author=_ref(draw, agents),
            publisher=_ref(draw, agents),
            url=_maybe(draw, _URL),
            date=_maybe(draw, _MOMENT),
            language=_maybe(draw, _LANGUAGE),
        )
        for name in _unique_ids(draw, 2)
    )


# --- quotes -------------------------------------------------------------------------------------------

_OCCASION = st.builds(
    Occasion,
    name=_NONEMPTY,
    date=st.none() | _MOMENT,
    place=st.none() | _NONEMPTY,
    url=st.none() | _URL,
)


def _provenance(draw: st.DrawFn, scope: _Scope) -> Provenance:
    if not draw(st.booleans()):
        return Provenance()  # the default: a quote whose provenance the report does not give
    return Provenance(
        speaker=_ref(draw, scope.agents),
        source=_ref(draw, scope.sources),
        provision=_provision(draw, scope.instruments),
        occasion=_maybe(draw, _OCCASION),
        date=_maybe(draw, _MOMENT),
        language=_maybe(draw, _LANGUAGE),
        original_language=_maybe(draw, _LANGUAGE),
        translator=_ref(draw, scope.agents),
        requotes=_ref(draw, scope.quotes),
    )


def _translations(draw: st.DrawFn, scope: _Scope, depth: int) -> tuple[Translation, ...]:
    return tuple(
        Translation(
            language=draw(_LANGUAGE),
            content=_inlines(draw, scope, depth + 1, min_size=1),
            translator=_ref(draw, scope.agents),
        )
        for _ in range(_count(draw, 0, 2))
    )


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
    "work_title",
)


def _inlines(
    draw: st.DrawFn, scope: _Scope, depth: int, *, min_size: int = 0, max_size: int = 4
) -> tuple[Inline, ...]:
    """A normalised run of inlines, as children at `depth` + 1."""
    return _normal([_inline(draw, scope, depth + 1) for _ in range(_count(draw, min_size, max_size))])


def _inline(draw: st.DrawFn, scope: _Scope, depth: int) -> Inline:
    kinds: tuple[str, ...] = _INLINE_LEAVES
    if scope.open(depth):
        kinds += _INLINE_CONTAINERS + (("citation",) if scope.instruments else ())
    kind = draw(st.sampled_from(kinds))
    if kind == "text":
        return Text(text=draw(_RUN))
    if kind == "line_break":
        return LineBreak()
    if kind == "elision":
        return Elision(mark=draw(st.sampled_from(ElisionMark)), omitted=_maybe(draw, _TEXT))
    scope.budget -= 1
    if kind in ("emphasis", "strong"):
        cls = Emphasis if kind == "emphasis" else Strong
        return cls(content=_inlines(draw, scope, depth, min_size=1), origin=draw(st.sampled_from(Origin)))
    if kind == "link":
        return Link(
            url=draw(_URL), content=_inlines(draw, scope, depth, min_size=1), title=_maybe(draw, _TEXT)
        )
    if kind == "inline_quote":
        # The id is reserved now but requotable only once the quote is complete, so no quote
        # requotes itself or a quote around it.
        quote_id = scope.fresh_id(draw) if draw(st.booleans()) else None
        quote = InlineQuote(
            provenance=_provenance(draw, scope),
            translations=_translations(draw, scope, depth),
            content=_inlines(draw, scope, depth, min_size=1),
            id=quote_id,
            marks=_maybe(draw, _MARKS),
        )
        if quote_id is not None:
            scope.quotes.append(quote_id)
        return quote
    if kind == "scare_quote":
        return ScareQuote(content=_inlines(draw, scope, depth, min_size=1), marks=_maybe(draw, _MARKS))
    if kind == "insertion":
        return Insertion(
            content=_inlines(draw, scope, depth, min_size=1),
            reason=_maybe(draw, _REASON),
        )
    if kind == "work_title":
        return WorkTitle(
            content=_inlines(draw, scope, depth, min_size=1),
            source=_ref(draw, scope.sources),
            marks=_maybe(draw, _MARKS),
        )
    if kind == "sic":
        return Sic(content=_inlines(draw, scope, depth, min_size=1), correction=_maybe(draw, _NONEMPTY))
    assert kind == "citation"
    return Citation(
        instrument=scope.instruments[draw(st.integers(0, len(scope.instruments) - 1))],
        path=_path(draw),
        content=_inlines(draw, scope, depth),  # may be empty: the citation is implicit
    )


# --- blocks -------------------------------------------------------------------------------------------

_BLOCK_LEAVES = ("paragraph", "figure", "promo")
_BLOCK_CONTAINERS = ("section", "item_list", "block_quote", "editors_note")
_IMAGE = st.builds(
    Image,
    src=_URL,
    alt=st.none() | st.just("") | _NONEMPTY,  # missing, decorative, described
    media_type=st.none() | _vocabulary("image/jpeg", "image/png", "image/svg+xml"),
    width=st.none() | st.integers(1, 10_000),
    height=st.none() | st.integers(1, 10_000),
)


def _blocks(
    draw: st.DrawFn, scope: _Scope, depth: int, level: int, *, min_size: int = 0, max_size: int = 3
) -> tuple[Block, ...]:
    """Blocks as children at `depth` + 1, inside a section of `level` (1 for the report itself)."""
    return tuple(_block(draw, scope, depth + 1, level) for _ in range(_count(draw, min_size, max_size)))


def _list_item(draw: st.DrawFn, scope: _Scope, depth: int, level: int) -> ListItem:
    return ListItem(
        id=scope.block_id(draw),
        label=_inlines(draw, scope, depth, max_size=2),
        content=_blocks(draw, scope, depth, level, min_size=1, max_size=2),
    )


def _block(draw: st.DrawFn, scope: _Scope, depth: int, level: int) -> Block:
    """One block at `depth`; a section in it must have a level above `level`.

    Levels rise under any section ancestor, not only a parent section, so no exporter meets an h3
    holding an h2 through a quote or a list.
    """
    kinds: tuple[str, ...] = _BLOCK_LEAVES
    if scope.open(depth):
        kinds += tuple(k for k in _BLOCK_CONTAINERS if k != "section" or level < _MAX_LEVEL)
    kind = draw(st.sampled_from(kinds))
    block_id = scope.block_id(draw)
    if kind == "paragraph":
        return Paragraph(content=_inlines(draw, scope, depth, min_size=1), id=block_id)
    if kind == "figure":
        return Figure(
            image=draw(_IMAGE),
            caption=_inlines(draw, scope, depth, max_size=2),
            credit=_inlines(draw, scope, depth, max_size=2),
            id=block_id,
        )
    if kind == "promo":
        return Promo(
            content=_inlines(draw, scope, depth, min_size=1),
            kind=_maybe(draw, _PROMO_KIND),
            url=_maybe(draw, _URL),
            id=block_id,
        )
    scope.budget -= 1
    if kind == "section":
        own = draw(st.integers(max(level + 1, 2), _MAX_LEVEL))
        return Section(
            heading=_inlines(draw, scope, depth, min_size=1),
            content=_blocks(draw, scope, depth, own),
            level=own,
            id=block_id,
        )
    if kind == "item_list":
        ordered = draw(st.booleans())
        return ItemList(
            items=tuple(_list_item(draw, scope, depth + 1, level) for _ in range(_count(draw, 1, 3))),
            ordered=ordered,
            start=_maybe(draw, st.integers(0, 1000)) if ordered else None,
            id=block_id,
        )
    if kind == "block_quote":
        # The id (reserved by block_id) becomes requotable once the quote is complete.
        quote = BlockQuote(
            provenance=_provenance(draw, scope),
            translations=_translations(draw, scope, depth),
            content=_blocks(draw, scope, depth, level, min_size=1, max_size=2),
            id=block_id,
        )
        if block_id is not None:
            scope.quotes.append(block_id)
        return quote
    assert kind == "editors_note"
    return EditorsNote(
        content=_blocks(draw, scope, depth, level, min_size=1, max_size=2),
        date=_maybe(draw, _MOMENT),
        id=block_id,
    )


# --- public tree strategies ---------------------------------------------------------------------------


def _standalone(
    agents: Sequence[str],
    sources: Sequence[str],
    instruments: Sequence[str],
    quotes: Sequence[str],
    depth: int,
) -> _Scope:
    return _Scope(
        agents=tuple(agents),
        sources=tuple(sources),
        instruments=tuple(instruments),
        used=set(quotes),
        quotes=list(quotes),
        budget=12,
        max_depth=depth,
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
    given, so the tree is valid in any report that declares them; with none given there are none (and
    no `Citation`, which must name an instrument). Ids it declares avoid `quotes`.
    """
    return _inline(draw, _standalone(agents, sources, instruments, quotes, max_depth), 0)


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

    References are drawn as for `inlines`. Ids are unique within the block; two draws may share one,
    so draw whole `reports` when a body must be valid.
    """
    return _block(draw, _standalone(agents, sources, instruments, quotes, max_depth), 0, 1)


def _comments(draw: st.DrawFn, scope: _Scope) -> Comments:
    items = tuple(
        Comment(
            content=_blocks(draw, scope, 1, 1, min_size=1, max_size=2),
            id=name if draw(st.booleans()) else None,
            author=_maybe(draw, _NONEMPTY),
            author_url=_maybe(draw, _URL),
            date=_maybe(draw, _MOMENT),
        )
        for name in _unique_ids(draw, 2)
    )
    return Comments(
        items=items,
        count=_maybe(draw, st.integers(len(items), len(items) + 100)),  # may announce more than shown
        notice=_inlines(draw, scope, 1, max_size=2),
    )


def _correction(draw: st.DrawFn, scope: _Scope, anchors: Sequence[str]) -> Correction:
    return Correction(
        date=draw(_MOMENT),
        content=_inlines(draw, scope, 1, min_size=1, max_size=3),
        anchors=_some(draw, anchors, 2),
        kind=draw(st.sampled_from(CorrectionKind)),
    )


_RELATED = st.builds(
    RelatedReport,
    relation=st.sampled_from(Relation),
    title=_NONEMPTY,
    url=st.none() | _URL,
    date=st.none() | _MOMENT,
    teaser=st.none() | _NONEMPTY,
)
_REPORT_ID = st.one_of(
    _ID,
    st.uuids().map(lambda u: f"urn:uuid:{u}"),
    st.text(_VISIBLE_CHAR, min_size=1, max_size=40),
)
_WORDS = nonempty_texts(max_size=3)


@st.composite
def reports(draw: st.DrawFn, *, max_blocks: int = 8) -> Report:
    """A valid, well-formed `Report`; across draws, every node class and every optional field.

    Declared things come first (agents, sources, instruments, with unique ids); every reference is
    drawn from them; the body is at most `max_blocks` blocks under a budget of container nodes.
    """
    agents = _agents(draw)
    agent_ids = tuple(a.id for a in agents)
    sources = _sources(draw, agent_ids)
    instruments = _instruments(draw)
    scope = _Scope(
        agents=agent_ids,
        sources=tuple(s.id for s in sources),
        instruments=tuple(i.id for i in instruments),
    )
    report_id = draw(_REPORT_ID)
    standfirst = _inlines(draw, scope, 0, max_size=3)
    body = _blocks(draw, scope, 0, 1, max_size=max_blocks)
    anchors = tuple(scope.blocks)  # body blocks only, not blocks inside comments
    published = _maybe(draw, _MOMENT)
    modified = (
        _maybe(draw, _MOMENT)
        if published is None
        else (_moment_from(draw, published) if draw(st.booleans()) else None)
    )
    return Report(
        id=report_id,
        headline=draw(_NONEMPTY),
        url=_maybe(draw, _URL),
        standfirst=standfirst,
        authors=_some(draw, agent_ids, 3),
        publisher=_ref(draw, agent_ids),
        published=published,
        modified=modified,
        language=_maybe(draw, _LANGUAGE),
        dateline=_maybe(draw, _WORDS),
        topics=tuple(draw(_WORDS) for _ in range(_count(draw, 0, 2))),
        tags=tuple(draw(_WORDS) for _ in range(_count(draw, 0, 2))),
        agents=agents,
        sources=sources,
        instruments=instruments,
        body=body,
        related=tuple(draw(_RELATED) for _ in range(_count(draw, 0, 2))),
        comments=_comments(draw, scope) if draw(st.booleans()) else None,
        corrections=tuple(_correction(draw, scope, anchors) for _ in range(_count(draw, 0, 2))),
    )
