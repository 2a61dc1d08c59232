"""The native JSON converter: the one cattrs converter that holds the wire format's hooks.

`configure_converter` registers, for every node class, the generated structuring function (with the
detailed decoder behind it) and the unstructuring hook. `loads` calls the same functions directly, so it
can pass the document path (``$.report...``) and send text that may hold forbidden characters straight
to the detailed decoder.
"""

from __future__ import annotations

import functools
from typing import Any

import cattrs
import msgspec

from newsmodel.errors import DecodeError, Problem
from newsmodel.formats.json._detailed import Detailed
from newsmodel.formats.json._fast import MAX_NODE_DEPTH, Context, build_fast, check_collected
from newsmodel.formats.json._types import node_classes
from newsmodel.model import FAMILIES, Report

__all__ = ["configure_converter", "converter", "make_converter", "structure_report"]


def _too_deep(path: str) -> DecodeError:
    return DecodeError(
        (Problem(f"nesting too deep for the decoder (at most {MAX_NODE_DEPTH} nested nodes)", path=path),)
    )


def structure_report(value: object, path: str = "$") -> Report:
    """Build a Report from decoded JSON: the fast path if it succeeds, else the detailed one."""
    cx = Context()
    decode = _fast()[Report]  # outside the try: a generator bug must fail loudly, not slowly
    try:
        report: Report = decode(value, cx, 0)
    except Exception:  # any failure only means "explain it on the detailed path"
        return structure_detailed(value, Report, path)  # type: ignore[no-any-return]
    if check_collected(cx, report):
        return report
    return structure_detailed(value, Report, path)  # type: ignore[no-any-return]


def structure_detailed(value: object, cls: type, path: str = "$") -> Any:
    """Build `cls` from decoded JSON through real constructors, naming every problem's path."""
    try:
        return Detailed().run(value, cls, path)
    except RecursionError:
        raise _too_deep(path) from None


@functools.cache
def _fast() -> dict[type, Any]:
    return build_fast(Report)


def _hook(cls: type) -> Any:
    def structure(value: object, _type: type) -> Any:
        if cls is Report:
            return structure_report(value)
        cx = Context()
        try:
            return _fast()[cls](value, cx, 0)
        except Exception:
            return structure_detailed(value, cls)

    return structure


def configure_converter(conv: cattrs.Converter) -> None:
    """Configure `conv` for the native JSON wire format. The wire decisions:

    - Every node is a JSON object whose ``"type"`` key is the node's class name; unions (blocks,
      inlines, agents) are decided by it, and an unknown tag is an error naming the known ones.
    - Keys are the attribute names; unknown keys are errors; keys with defaults may be omitted, and
      the writer always spells every key (``null`` and ``[]`` included), sorted, so output is stable.
    - No coercion: strings are strings, integers are integers (``true`` is not ``1``), tuples arrive as
      arrays, enums as their string values.
    - A `Moment` is ``"YYYY-MM-DD"`` (a date, day precision) or an RFC 3339 datetime with an offset;
      naive datetimes are errors.
    - Duplicate keys, NaN, Infinity, lone surrogates, a byte-order mark and numbers over 20 digits are
      syntax errors with line and column.
    - Structuring is generated per class and validates once; on any failure the detailed decoder
      re-reads the value and reports every problem with its ``$.path``.
    - Unstructuring is msgspec encoding the frozen nodes themselves (in C), decoded back to plain
      dicts, lists and strings: exactly what `loads` reads.
    """
    for cls in (*node_classes(Report), *FAMILIES):
        conv.register_structure_hook(cls, _hook(cls))
        conv.register_unstructure_hook(cls, _unstructure)


_ENCODER = msgspec.json.Encoder()


def _unstructure(node: object) -> Any:
    # Through the encoder and back: exactly the dicts, lists and strings `loads` reads.
    return msgspec.json.decode(_ENCODER.encode(node))


def make_converter() -> cattrs.Converter:
    """A new converter configured for the native JSON wire format."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(conv)
    return conv


@functools.cache
def converter() -> cattrs.Converter:
    """The module's converter, built on first use (building compiles the fast decoders)."""
    return make_converter()
