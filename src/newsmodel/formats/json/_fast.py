"""The fast decoder: per-class structuring functions generated from the model's fields.

Generic hook dispatch per field costs more than the checks themselves, so each node class gets one
straight-line function: type checks inline, objects built without running `__init__` (the checks are
already done), rule validators and post-init checks called explicitly, ids and references collected on
the way so the report's reference rules need no second walk. It never explains a failure: any
exception means "take the detailed path", which re-reads the input and names the `$.path`. A
differential test keeps the two decoders equal.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import attrs

from newsmodel.formats.json._types import Shape, field_shapes, node_classes
from newsmodel.model import Report
from newsmodel.model._tree import Declared, namespace, reference_problems
from newsmodel.model.report import dates_problem

__all__ = ["Context", "build_fast", "check_collected", "parse_moment"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})\Z")


def parse_moment(value: object) -> date | datetime:
    """A wire date ("2019-05-28") or aware datetime (RFC 3339); ValueError for anything else."""
    if value.__class__ is not str:
        raise ValueError(f"expected a date or datetime string, got {type(value).__name__}")
    assert isinstance(value, str)
    if len(value) == 10 and _DATE.match(value):
        return date.fromisoformat(value)
    if _DATETIME.match(value):
        return datetime.fromisoformat(value)
    raise ValueError(
        f"{value!r} is not a date (YYYY-MM-DD) or a datetime with a timezone (YYYY-MM-DDTHH:MM:SS+HH:MM)"
    )


class Context:
    """What the generated functions collect while building one report."""

    __slots__ = ("declared", "keys", "used")

    def __init__(self) -> None:
        self.keys = 0
        self.declared: list[tuple[tuple[str, ...], str]] = []
        self.used: list[tuple[str, str]] = []


class _Bail(Exception):
    """The fast path gives up; the detailed path will say why."""


def _shape_check(s: Shape, v: str, ns: dict[str, Any], indent: str) -> list[str]:
    """Lines that check (and convert in place) the value in variable `v` against shape `s`."""
    lines: list[str] = []
    if s.optional:
        inner = _shape_check(attrs.evolve(s, optional=False), v, ns, indent + "    ")
        return [f"{indent}if {v} is not None:", *inner] if inner else []
    if s.kind in ("str", "int", "bool"):
        lines.append(f"{indent}if {v}.__class__ is not {s.kind}: raise _Bail")
    elif s.kind == "moment":
        lines.append(f"{indent}{v} = _moment({v})")
    elif s.kind == "enum":
        name = f"_E_{s.target.__name__}"
        ns[name] = {m.value: m for m in s.target}
        lines.append(f"{indent}{v} = {name}[{v}]")
    elif s.kind == "node":
        lines.append(f"{indent}{v} = _s_{s.target.__name__}({v}, cx)")
    elif s.kind == "union":
        lines.append(f"{indent}{v} = _u_{s.target.__name__}[{v}['type']]({v}, cx)")
    elif s.kind == "tuple":
        item = s.item
        assert item is not None
        lines.append(f"{indent}if {v}.__class__ is not list: raise _Bail")
        if item.kind in ("str", "int", "bool"):
            lines.append(f"{indent}for _x in {v}:")
            lines.append(f"{indent}    if _x.__class__ is not {item.kind}: raise _Bail")
            lines.append(f"{indent}{v} = tuple({v})")
        elif item.kind == "node":
            lines.append(f"{indent}{v} = tuple([_s_{item.target.__name__}(_x, cx) for _x in {v}])")
        elif item.kind == "union":
            lines.append(
                f"{indent}{v} = tuple([_u_{item.target.__name__}[_x['type']](_x, cx) for _x in {v}])"
            )
        else:  # pragma: no cover - the model has no such field
            raise TypeError(f"unsupported tuple item {item}")
    else:  # pragma: no cover
        raise TypeError(f"unsupported shape {s}")
    return lines


def _class_source(cls: type, ns: dict[str, Any]) -> str:
    name = cls.__name__
    ns[f"_C_{name}"] = cls
    out = [
        f"def _s_{name}(d, cx):",
        f"    if d.__class__ is not dict or d.get('type') != {name!r}: raise _Bail",
        "    n = len(d)",
        "    cx.keys += n",
        "    k = 1",
        f"    o = _new(_C_{name})",
        f"    _set(o, 'type', {name!r})",
    ]
    tail: list[str] = []
    for fname, shape, attr in field_shapes(cls):
        v = f"f_{fname}"
        check = _shape_check(shape, v, ns, "        ")
        if attr.default is attrs.NOTHING:
            out.append(f"    {v} = d[{fname!r}]")
            out.append("    k += 1")
            out.extend(line[4:] for line in check)
        else:
            default = attr.default
            assert not isinstance(default, attrs.Factory), f"{name}.{fname}"  # type: ignore[arg-type]
            ns[f"_D_{name}_{fname}"] = default
            out.append(f"    {v} = d.get({fname!r}, _M)")
            out.append(f"    if {v} is _M: {v} = _D_{name}_{fname}")
            if check:
                out.append("    else:")
                out.append("        k += 1")
                out.extend(check)
            else:  # pragma: no cover - every field has a check
                out.append("    else: k += 1")
        out.append(f"    _set(o, {fname!r}, {v})")
        validator = attr.validator
        if validator is not None and not getattr(validator, "newsmodel_shape_only", False):
            ns[f"_V_{name}_{fname}"] = validator
            ns[f"_A_{name}_{fname}"] = attr
            tail.append(f"    _V_{name}_{fname}(o, _A_{name}_{fname}, {v})")
        declares = attr.metadata.get("declares")
        refers = attr.metadata.get("refers")
        if declares:
            tail.append(f"    if {v} is not None: cx.declared.append(({tuple(declares)!r}, {v}))")
        if refers:
            if shape.kind == "tuple":
                tail.append(f"    cx.used.extend([({refers!r}, _x) for _x in {v}])")
            else:
                tail.append(f"    if {v} is not None: cx.used.append(({refers!r}, {v}))")
    out.append("    if k != n: raise _Bail")
    out.extend(tail)
    if cls is not Report and "__attrs_post_init__" in cls.__dict__:
        out.append("    o.__attrs_post_init__()")
    out.append("    return o")
    return "\n".join(out)


def build_fast(root: type) -> dict[type, Any]:
    """Generate and compile the structuring function of every class reachable from `root`.

    Returns ``{cls: fn(dict, Context) -> cls}`` plus ``{family: fn}`` for the abstract families.
    """
    ns: dict[str, Any] = {
        "_Bail": _Bail,
        "_M": object(),
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_moment": parse_moment,
    }
    classes = node_classes(root)
    sources = [_class_source(cls, ns) for cls in classes]
    families: dict[type, tuple[type, ...]] = {}
    for cls in classes:
        for _, shape, _ in field_shapes(cls):
            s = shape.item if shape.kind == "tuple" else shape
            if s is not None and s.kind == "union":
                families[s.target] = s.members
    code = "\n\n".join(sources)
    exec(compile(code, f"<newsmodel generated decoders for {root.__name__}>", "exec"), ns)
    for family, members in families.items():
        ns[f"_u_{family.__name__}"] = {m.__name__: ns[f"_s_{m.__name__}"] for m in members}
    out: dict[type, Any] = {cls: ns[f"_s_{cls.__name__}"] for cls in classes}
    for family in families:
        table = ns[f"_u_{family.__name__}"]

        def dispatch(d: Any, cx: Context, _t: dict[str, Any] = table) -> Any:
            return _t[d["type"]](d, cx)

        out[family] = dispatch
    return out


def check_collected(cx: Context, report: Report) -> bool:
    """True when the ids and references collected while building `report` keep the report's rules."""
    declared: Declared = {}
    spaces: dict[str, set[str]] = {}
    for kinds, value in cx.declared:
        space = spaces.setdefault(namespace(kinds), set())
        if value in space:
            return False
        space.add(value)
        for kind in kinds:
            declared.setdefault(kind, {})[value] = ""
    if reference_problems(declared, [(kind, value, "") for kind, value in cx.used]):
        return False
    return dates_problem(report) is None
