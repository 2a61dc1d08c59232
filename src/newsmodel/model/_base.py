"""The node decorator, the abstract families, and the field validators every model module shares.

Two ideas live here. First, every node is a frozen, slotted, keyword-only attrs class that also carries
its own tag (`type`, the class name) as a real field: serialisers then see the tag without a lookup
table, and msgspec can encode a node tree in C. Second, each validator says whether it checks only
*shape* (type and character repertoire) or a *rule*: a decoder that has already checked shape may skip
the first kind, but must run the second, so validation happens once and never twice.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform

import attrs

from newsmodel.errors import Problem, ValidationError

__all__ = [
    "Agent",
    "Block",
    "Inline",
    "Moment",
    "Node",
    "node",
]

T = TypeVar("T")

#: A point in time as precise as the source knows it: a calendar `date` (day precision, no invented
#: time of day) or a timezone-aware `datetime`. Naive datetimes are rejected everywhere.
Moment = date | datetime


class Node:
    """Base of every model class: a frozen attrs class with a ``type`` tag equal to its class name."""

    __slots__ = ()
    if TYPE_CHECKING:
        type: str


class Block(Node):
    """A block of the report body: sections, paragraphs, lists, figures, block quotes, notes, promos."""

    __slots__ = ()


class Inline(Node):
    """A run inside a block: text, emphasis, links, inline quotes, editorial marks, legal citations."""

    __slots__ = ()


class Agent(Node):
    """Someone who writes, speaks, publishes or translates: a `Person` or an `Organization`."""

    __slots__ = ()
    if TYPE_CHECKING:
        id: str


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(attrs.field,))
def node(cls: type[T]) -> type[T]:
    """Make `cls` a frozen, slotted, keyword-only attrs class with a ``type`` tag field first."""
    own = dict(inspect.get_annotations(cls))
    cls.__annotations__ = {"type": "str", **own}
    cls.type = attrs.field(  # type: ignore[attr-defined]
        default=cls.__name__, init=False, repr=False, eq=False, hash=False
    )
    return attrs.frozen(kw_only=True)(cls)


# --- validators -------------------------------------------------------------------------------------

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: Characters no format can carry: C0 controls except tab and newline, lone surrogates, and the two
#: non-characters XML forbids. Carriage return is a C0 control: line ends are "\n" in the model.
BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_ID = re.compile(r"[A-Za-z_][A-Za-z0-9._-]{0,127}\Z")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
_NO_SPACE = re.compile(r"\S+\Z")


def fail(inst: object, name: str, message: str) -> ValidationError:
    """A ValidationError naming the class and field, e.g. ``Section.level``."""
    return ValidationError((Problem(f"{type(inst).__name__}.{name}: {message}", path=name),))


def shape_only(fn: Validator) -> Validator:
    """Mark `fn` as a pure shape check that a decoder which checks types and text may skip."""
    fn.newsmodel_shape_only = True  # type: ignore[attr-defined]
    return fn


def fast(*lines: str, **names: Any) -> Callable[[Validator], Validator]:
    """Give a rule validator the lines a decoder may inline instead of calling it, once shape is known.

    ``{v}`` stands for the value; a failing check raises ``_Bail``; `FAST_NAMES` are in scope. No lines
    at all means the decoder's own parsing already guarantees the rule. `names` are added to the scope.
    """

    def mark(fn: Validator) -> Validator:
        fn.newsmodel_fast = lines  # type: ignore[attr-defined]
        fn.newsmodel_fast_names = names  # type: ignore[attr-defined]
        return fn

    return mark


def bad_text(value: str) -> str | None:
    """Why `value` cannot be carried by every format, or None if it can."""
    m = BAD_CHARS.search(value)
    if m is None:
        return None
    return f"character U+{ord(m.group()):04X} at offset {m.start()} cannot be carried by any format"


def _check_str(inst: object, name: str, value: object) -> None:
    if type(value) is not str:
        raise fail(inst, name, f"expected a string, got {type(value).__name__}")
    why = bad_text(value)
    if why:
        raise fail(inst, name, why)


@shape_only
def text(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A string every format can carry."""
    _check_str(inst, attr.name, value)


@shape_only
def opt_text(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """None, or a string every format can carry."""
    if value is not None:
        _check_str(inst, attr.name, value)


@shape_only
def texts(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A tuple of strings every format can carry."""
    if type(value) is not tuple:
        raise fail(inst, attr.name, f"expected a tuple of strings, got {type(value).__name__}")
    for i, item in enumerate(value):
        _check_str(inst, f"{attr.name}[{i}]", item)


@fast("if not {v}.strip(): raise _Bail")
def nonempty(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A string with at least one non-space character."""
    _check_str(inst, attr.name, value)
    assert isinstance(value, str)
    if not value.strip():
        raise fail(inst, attr.name, "must not be empty")


@fast("if {v} is not None and not {v}.strip(): raise _Bail")
def opt_nonempty(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """None, or a string with at least one non-space character."""
    if value is not None:
        nonempty(inst, attr, value)


def _check_ident(inst: object, name: str, value: object) -> None:
    _check_str(inst, name, value)
    assert isinstance(value, str)
    if not _ID.match(value):
        raise fail(
            inst,
            name,
            f"{value!r} is not an id: start with a letter or '_', then letters, digits, '.', '_' or '-' "
            "(at most 128 characters)",
        )


@fast("if _ID({v}) is None: raise _Bail")
def ident(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """An id usable as an XML/HTML id: a letter or '_', then letters, digits, '.', '_', '-'."""
    _check_ident(inst, attr.name, value)


@fast("if {v} is not None and _ID({v}) is None: raise _Bail")
def opt_ident(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """None, or an id."""
    if value is not None:
        _check_ident(inst, attr.name, value)


@fast("for _y in {v}:", "    if _ID(_y) is None: raise _Bail")
def idents(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A tuple of ids."""
    if type(value) is not tuple:
        raise fail(inst, attr.name, f"expected a tuple of ids, got {type(value).__name__}")
    for i, item in enumerate(value):
        _check_ident(inst, f"{attr.name}[{i}]", item)


def _check_lang(inst: object, name: str, value: object) -> None:
    _check_str(inst, name, value)
    assert isinstance(value, str)
    if not _LANG.match(value):
        raise fail(inst, name, f"{value!r} is not a BCP 47 language tag such as 'en', 'zh-Hans' or 'pt-BR'")


@fast("if _LANG({v}) is None: raise _Bail")
def lang(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A BCP 47 language tag (checked for form, not against the registry)."""
    _check_lang(inst, attr.name, value)


@fast("if {v} is not None and _LANG({v}) is None: raise _Bail")
def opt_lang(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """None, or a BCP 47 language tag."""
    if value is not None:
        _check_lang(inst, attr.name, value)


def _check_url(inst: object, name: str, value: object) -> None:
    _check_str(inst, name, value)
    assert isinstance(value, str)
    if not _NO_SPACE.match(value):
        raise fail(inst, name, f"{value!r} is not a URL: it is empty or contains white space")


@fast("if _URL({v}) is None: raise _Bail")
def url(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A URL or relative reference: not empty, no white space. Schemes are each exporter's policy."""
    _check_url(inst, attr.name, value)


@fast("if {v} is not None and _URL({v}) is None: raise _Bail")
def opt_url(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """None, or a URL."""
    if value is not None:
        _check_url(inst, attr.name, value)


def _check_moment(inst: object, name: str, value: object) -> None:
    if type(value) is datetime:
        offset = value.utcoffset()
        if offset is None:
            raise fail(inst, name, f"{value.isoformat()} has no timezone; give an offset or use a date")
        if offset.seconds % 60 or offset.microseconds:
            raise fail(
                inst,
                name,
                f"{value.isoformat()} has an offset with seconds; RFC 3339 offsets are whole minutes",
            )
    elif type(value) is not date:
        raise fail(inst, name, f"expected a date or an aware datetime, got {type(value).__name__}")


@fast()  # the decoder's date/datetime grammar requires an offset
def moment(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A `date`, or a timezone-aware `datetime`."""
    _check_moment(inst, attr.name, value)


@fast()
def opt_moment(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """None, a `date`, or a timezone-aware `datetime`."""
    if value is not None:
        _check_moment(inst, attr.name, value)


def one_of(*kinds: type) -> Validator:
    """An instance of one of `kinds` (exact families, so a stray str or dict is caught early)."""
    names = " or ".join(k.__name__ for k in kinds)

    @shape_only
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kinds):
            raise fail(inst, attr.name, f"expected {names}, got {type(value).__name__}")

    return check


def opt_one_of(*kinds: type) -> Validator:
    """None, or an instance of one of `kinds`."""
    inner = one_of(*kinds)

    @shape_only
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(inst, attr, value)

    return check


def many(*kinds: type) -> Validator:
    """A tuple whose items are instances of `kinds`."""
    names = " or ".join(k.__name__ for k in kinds)

    @shape_only
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not tuple:
            raise fail(inst, attr.name, f"expected a tuple of {names}, got {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, kinds):
                raise fail(inst, f"{attr.name}[{i}]", f"expected {names}, got {type(item).__name__}")

    return check


def member(enum: type[Enum]) -> Validator:
    """A member of `enum` (its value, a string, is what the wire carries)."""

    @shape_only
    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum):
            allowed = ", ".join(repr(m.value) for m in enum)
            raise fail(inst, attr.name, f"expected a {enum.__name__} ({allowed}), got {value!r}")

    return check


def integer(low: int, high: int | None = None) -> Validator:
    """An int (not a bool) in ``[low, high]``."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int:
            raise fail(inst, attr.name, f"expected an integer, got {type(value).__name__}")
        if value < low or (high is not None and value > high):
            span = f"{low}..{high}" if high is not None else f">= {low}"
            raise fail(inst, attr.name, f"{value} is out of range ({span})")

    upper = "" if high is None else f" or {{v}} > {high}"
    return fast(f"if {{v}} < {low}{upper}: raise _Bail")(check)


def opt_integer(low: int, high: int | None = None) -> Validator:
    """None, or an int in ``[low, high]``."""
    inner = integer(low, high)

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(inst, attr, value)

    upper = "" if high is None else f" or {{v}} > {high}"
    return fast(f"if {{v}} is not None and ({{v}} < {low}{upper}): raise _Bail")(check)


@shape_only
def boolean(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """A bool."""
    if type(value) is not bool:
        raise fail(inst, attr.name, f"expected true or false, got {type(value).__name__}")


# These check only an id's syntax, which a resolved reference already guarantees.
for _fn in (ident, opt_ident, idents):
    _fn.newsmodel_id_syntax = True  # type: ignore[attr-defined]

#: Names the `fast` lines may use.
FAST_NAMES: dict[str, Any] = {"_ID": _ID.match, "_LANG": _LANG.match, "_URL": _NO_SPACE.match}


# --- reference metadata -----------------------------------------------------------------------------
#
# Fields that declare or use ids say so in their attrs metadata; the report's reference check and the
# JSON decoder's fast path both read it, so the rules live in one place.
#   {"declares": ("block",)}   this id names a block of the body (unique among body ids)
#   {"declares": ("quote",)}   this id names a quote (a BlockQuote declares both)
#   {"declares": ("agent",)} / ("instrument",) / ("source",) / ("comment",)
#   {"refers": "agent"}        this field (a str, None, or a tuple of str) must name a declared agent

REF_KINDS = ("agent", "instrument", "source", "quote", "block")


def declares(*kinds: str) -> dict[str, Any]:
    """Field metadata: this id field declares an id of `kinds`."""
    return {"declares": kinds}


def refers(kind: str) -> dict[str, Any]:
    """Field metadata: this field refers to an id of `kind`."""
    assert kind in REF_KINDS
    return {"refers": kind}
