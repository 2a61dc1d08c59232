"""The fastest way in: msgspec decodes into mirror Structs, generated code copies them into the model.

msgspec checks the wire's whole shape in C while it parses (types, tags, unknown keys, required keys,
the date and datetime grammar) into untracked Structs, so no dict is built and the garbage collector
sees half as many objects. The generated copy functions then build the frozen attrs nodes without
re-running their shape checks, run the rule checks inline, and collect ids and references as the fast
dict decoder does. Re-encoding the Structs with sorted keys proves a canonical document has no
repeated key. Anything unusual (a failed check, a document written by someone else) falls back to the
dict decoders, which explain what is wrong.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, ForwardRef

import attrs
import msgspec

from newsmodel.formats.json._fast import (
    _DATE,
    _DATETIME,
    Context,
    end_lines,
    node_tuple_lines,
    rule_lines,
    start_lines,
)
from newsmodel.formats.json._syntax import is_canonical
from newsmodel.formats.json._types import Shape, field_shapes, node_classes
from newsmodel.model import Node, Report
from newsmodel.model._base import FAST_NAMES

__all__ = ["decode_canonical"]

_END = "\\Z"
_MOMENT = Annotated[
    str,
    msgspec.Meta(pattern=f"^(?:{_DATE.pattern.removesuffix(_END)}|{_DATETIME.pattern.removesuffix(_END)})$"),
]
_NAMESPACE = types.ModuleType("newsmodel.formats.json._mirror_structs")
sys.modules[_NAMESPACE.__name__] = _NAMESPACE


def _struct_type(shape: Shape) -> Any:
    kind = shape.kind
    out: Any
    if kind in ("str", "int", "bool"):
        out = {"str": str, "int": int, "bool": bool}[kind]
    elif kind == "moment":
        out = _MOMENT
    elif kind == "enum":
        out = shape.target
    elif kind == "node":
        out = ForwardRef(shape.target.__name__)
    elif kind == "union":
        out = typing.Union[tuple(ForwardRef(m.__name__) for m in shape.members)]  # noqa: UP007
    else:
        assert shape.item is not None
        out = tuple[_struct_type(shape.item), ...]  # type: ignore[misc]
    return typing.Optional[out] if shape.optional else out  # noqa: UP045


def _default(value: Any) -> Any:
    if value is attrs.NOTHING:
        return msgspec.NODEFAULT
    if isinstance(value, Node):  # a node-valued default (an empty Provenance): build its mirror
        plain = msgspec.to_builtins(value)
        name = type(value).__name__
        return msgspec.field(default_factory=lambda: msgspec.convert(plain, type=getattr(_NAMESPACE, name)))
    return value


def _structs() -> dict[type, type[msgspec.Struct]]:
    out = {}
    for cls in node_classes(Report):
        fields = [(n, _struct_type(s), _default(a.default)) for n, s, a in field_shapes(cls)]
        out[cls] = msgspec.defstruct(
            cls.__name__,
            fields,
            module=_NAMESPACE.__name__,
            tag_field="type",
            tag=cls.__name__,
            forbid_unknown_fields=True,
            kw_only=True,
            gc=False,
        )
    for struct in out.values():
        setattr(_NAMESPACE, struct.__name__, struct)
    return out


def _moment(value: str) -> date | datetime:
    # msgspec already matched the grammar; only the calendar (Feb 30) can still fail.
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


class _Bail(Exception):
    pass


def _convert(s: Shape, v: str, indent: str) -> list[str]:
    if s.optional:
        inner = _convert(attrs.evolve(s, optional=False), v, indent + "    ")
        return [f"{indent}if {v} is not None:", *inner] if inner else []
    if s.kind == "moment":
        return [f"{indent}{v} = _moment({v})"]
    if s.kind == "node":
        return [f"{indent}{v} = _c_{s.target.__name__}({v}, cx, dn)"]
    if s.kind == "union":
        return [f"{indent}{v} = _cu[{v}.__class__]({v}, cx, dn)"]
    if s.kind == "tuple":
        item = s.item
        assert item is not None
        if item.kind == "node":
            call = f"_c_{item.target.__name__}({{x}}, cx, dn)"
        elif item.kind == "union":
            call = "_cu[{x}.__class__]({x}, cx, dn)"
        else:
            return []  # a tuple of strings arrives as a tuple of strings
        return node_tuple_lines(v, call, indent)
    return []  # str, int, bool, enum: msgspec delivered the final value


def _copy_source(cls: type, ns: dict[str, Any]) -> str:
    name = cls.__name__
    lines = [f"def _c_{name}(s, cx, depth):", *start_lines(cls, ns)]
    tail: list[str] = []
    for fname, shape, attr in field_shapes(cls):
        v = f"f_{fname}"
        ns[f"_S_{name}_{fname}"] = cls.__dict__[fname].__set__
        lines.append(f"    {v} = s.{fname}")
        lines.extend(_convert(shape, v, "    "))
        lines.append(f"    _S_{name}_{fname}(o, {v})")
        tail.extend(rule_lines(cls, fname, shape, attr, v=v, ns=ns))
    return "\n".join([*lines, *tail, *end_lines(cls)])


class _Mirror:
    """The Structs, their decoder and encoder, and the compiled copy functions."""

    def __init__(self) -> None:
        structs = _structs()
        ns: dict[str, Any] = {"_Bail": _Bail, "_new": object.__new__, "_moment": _moment, **FAST_NAMES}
        code = "\n\n".join(_copy_source(cls, ns) for cls in structs)
        exec(compile(code, "<newsmodel generated copies>", "exec"), ns)
        ns["_cu"] = {struct: ns[f"_c_{cls.__name__}"] for cls, struct in structs.items()}
        self.copy_report: Callable[[Any, Context, int], Report] = ns["_c_Report"]
        report: Any = structs[Report]
        document = msgspec.defstruct(
            "Document",
            [
                ("newsmodel", str),
                ("report", report | None, None),
                ("reports", tuple[report, ...] | None, None),
            ],
            module=_NAMESPACE.__name__,
            forbid_unknown_fields=True,
            omit_defaults=True,
            gc=False,
        )
        self.decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(document)
        self.encoder = msgspec.json.Encoder(order="sorted")


_mirror: _Mirror | None = None


def _get() -> _Mirror:
    global _mirror  # noqa: PLW0603 - built once, on first use
    if _mirror is None:
        _mirror = _Mirror()
    return _mirror


def decode_canonical(
    data: bytes, check: Callable[[Context, Report], bool]
) -> tuple[tuple[Report, ...], bool] | None:
    """The reports of a canonical document (what `dumps` writes) and whether it is a collection, or
    None to take the explaining path.

    None means: msgspec refused the shape, a rule failed, the version is not 1.0, or the text is not
    canonical (so a repeated key cannot be ruled out cheaply). `check` is the report-level rule check.
    """
    mirror = _get()
    try:
        doc = mirror.decoder.decode(data)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeDecodeError):
        return None
    if doc.newsmodel != "1.0" or (doc.report is None) == (doc.reports is None):
        return None
    if not is_canonical(data, mirror.encoder.encode(doc)):
        return None
    structs = (doc.report,) if doc.report is not None else doc.reports
    out = []
    for struct in structs:
        cx = Context()
        try:
            report = mirror.copy_report(struct, cx, 0)
        except Exception:  # any failure means "explain it on the detailed path"
            return None
        if not check(cx, report):
            return None
        out.append(report)
    return tuple(out), doc.reports is not None
