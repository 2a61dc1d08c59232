"""The native JSON converter: one cattrs converter, configured once, that every native read goes through."""

from __future__ import annotations

import functools
from typing import Any

import cattrs
import msgspec

from newsmodel.errors import DecodeError, Problem
from newsmodel.formats.json._detailed import Detailed
from newsmodel.formats.json._fast import Context, build_fast, check_collected
from newsmodel.formats.json._types import node_classes
from newsmodel.model import FAMILIES, Report

__all__ = ["configure_converter", "converter", "make_converter", "structure_report"]


def _too_deep(path: str) -> DecodeError:
    return DecodeError((Problem("nesting too deep for the decoder (the supported depth is 200)", path=path),))


def structure_report(value: object, path: str = "$") -> tuple[Report, int]:
    """Build a Report from decoded JSON; returns it and the number of object keys the fast path saw.

    The key count is -1 when the detailed path built the report (it counts no keys).
    """
    cx = Context()
    try:
        report = _fast()[Report](value, cx)
    except Exception:
        report = None
    if report is not None and check_collected(cx, report):
        return report, cx.keys
    return structure_detailed(value, Report, path), -1


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
            return structure_report(value)[0]
        cx = Context()
        try:
            return _fast()[cls](value, cx)
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
    - Unstructuring is msgspec's ``to_builtins`` on the frozen nodes themselves.
    """
    for cls in (*node_classes(Report), *FAMILIES):
        conv.register_structure_hook(cls, _hook(cls))
        conv.register_unstructure_hook(cls, msgspec.to_builtins)


def make_converter() -> cattrs.Converter:
    """A new converter configured for the native JSON wire format."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(conv)
    return conv


@functools.cache
def converter() -> cattrs.Converter:
    """The module's converter, built on first use (building compiles the fast decoders)."""
    return make_converter()
