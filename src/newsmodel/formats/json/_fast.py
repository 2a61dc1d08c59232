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
from newsmodel.model._base import FAST_NAMES
from newsmodel.model._tree import namespace
from newsmodel.model.report import dates_problem

__all__ = ["MAX_NODE_DEPTH", "Context", "build_fast", "check_collected", "parse_moment"]

#: Nodes nested deeper than this are refused by both readers (a guard against hostile input, far
#: beyond what a report needs: a quote in a list in a quote in a section is depth 8).
MAX_NODE_DEPTH = 128

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})\Z")


def parse_moment(value: object) -> date | datetime:
    """A wire date ("2019-05-28") or aware datetime (RFC 3339); ValueError for anything else."""
    if value.__class__ is not str:
        raise ValueError(f"expected a date or datetime string, got {type(value).__name__}")
    assert isinstance(value, str)
    # fromisoformat alone is looser (week dates, basic format); the dashes at 4 and 7 leave only
    # YYYY-MM-DD, whose digits fromisoformat then checks.
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii():
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    elif _DATETIME.match(value):
        return datetime.fromisoformat(value)
    raise ValueError(
        f"{value!r} is not a date (YYYY-MM-DD) or a datetime with a timezone (YYYY-MM-DDTHH:MM:SS+HH:MM)"
    )


class Context:
    """What the generated functions collect while building one report."""

    __slots__ = ("declare", "declared", "use", "used")

    def __init__(self) -> None:
        #: ((namespace, kinds), id) for each id declared
        self.declared: list[tuple[tuple[str, tuple[str, ...]], str]] = []
        #: (kind, id) for each reference made
        self.used: list[tuple[str, str]] = []
        self.declare = self.declared.append
        self.use = self.used.append


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
        lines.append(f"{indent}{v} = _s_{s.target.__name__}({v}, cx, dn)")
    elif s.kind == "union":
        lines.append(f"{indent}{v} = _u_{s.target.__name__}[{v}['type']]({v}, cx, dn)")  # unchecked entry
    elif s.kind == "tuple":
        item = s.item
        assert item is not None
        lines.append(f"{indent}if {v}.__class__ is not list: raise _Bail")
        if item.kind in ("str", "int", "bool"):
            lines.append(f"{indent}for _x in {v}:")
            lines.append(f"{indent}    if _x.__class__ is not {item.kind}: raise _Bail")
            lines.append(f"{indent}{v} = tuple({v})")
        else:
            if item.kind == "node":
                call = f"_s_{item.target.__name__}({{x}}, cx, dn)"
            elif item.kind == "union":
                call = f"_u_{item.target.__name__}[{{x}}['type']]({{x}}, cx, dn)"
            else:  # pragma: no cover - the model has no such field
                raise TypeError(f"unsupported tuple item {item}")
            lines.extend(node_tuple_lines(v, call, indent))
    else:  # pragma: no cover
        raise TypeError(f"unsupported shape {s}")
    return lines


def node_tuple_lines(v: str, call: str, indent: str) -> list[str]:
    """Lines that turn the sequence in `v` into a tuple of ``call.format(x=item)`` results.

    Empty and one-item sequences are most of them; a comprehension costs more than either.
    """
    return [
        f"{indent}if not {v}: {v} = ()",
        f"{indent}elif len({v}) == 1: {v} = ({call.format(x=v + '[0]')},)",
        f"{indent}else: {v} = tuple([{call.format(x='_x')} for _x in {v}])",
    ]


def start_lines(cls: type, ns: dict[str, Any]) -> list[str]:
    """The start of a generated builder: the depth guard, a bare instance, its tag."""
    name = cls.__name__
    ns[f"_C_{name}"] = cls
    ns[f"_S_{name}_type"] = cls.__dict__["type"].__set__
    guard = ["    dn = depth + 1", f"    if dn > {MAX_NODE_DEPTH}: raise _Bail"] if _has_children(cls) else []
    return [*guard, f"    o = _new(_C_{name})", f"    _S_{name}_type(o, {name!r})"]


def end_lines(cls: type) -> list[str]:
    """The end of a generated builder: the node's own post-init rule (the report's is run apart)."""
    post = (
        ["    o.__attrs_post_init__()"] if cls is not Report and "__attrs_post_init__" in cls.__dict__ else []
    )
    return [*post, "    return o"]


def rule_lines(cls: type, fname: str, shape: Shape, attr: Any, *, v: str, ns: dict[str, Any]) -> list[str]:
    """Lines that check a field's rules (not its shape) and collect the ids it declares or uses.

    A reference field's id syntax is not checked here: a reference that resolves names a declared
    id, which was checked where it was declared, and one that does not resolve sends the document
    to the detailed path anyway.
    """
    name = cls.__name__
    out: list[str] = []
    declares = attr.metadata.get("declares")
    refers = attr.metadata.get("refers")
    validator = attr.validator
    if validator is not None and not getattr(validator, "newsmodel_shape_only", False):
        lines = getattr(validator, "newsmodel_fast", None)
        if refers and getattr(validator, "newsmodel_id_syntax", False):
            pass
        elif lines is not None:
            ns.update(getattr(validator, "newsmodel_fast_names", {}))
            out.extend("    " + line.format(v=v) for line in lines)
        else:
            ns[f"_V_{name}_{fname}"] = validator
            ns[f"_A_{name}_{fname}"] = attr
            out.append(f"    _V_{name}_{fname}(o, _A_{name}_{fname}, {v})")
    if declares:
        entry = (namespace(tuple(declares)), tuple(declares))
        out.append(f"    if {v} is not None: cx.declare(({entry!r}, {v}))")
    if refers:
        if shape.kind == "tuple":
            out.append(f"    for _x in {v}: cx.use(({refers!r}, _x))")
        else:
            out.append(f"    if {v} is not None: cx.use(({refers!r}, {v}))")
    return out


def _has_children(cls: type) -> bool:
    return any(
        (shape.item if shape.kind == "tuple" else shape).kind in ("node", "union")  # type: ignore[union-attr]
        for _, shape, _ in field_shapes(cls)
    )


def _class_source(cls: type, ns: dict[str, Any]) -> str:
    """One structuring function for `cls`.

    Two ways in: a document that spells every key (what `dumps` writes) takes direct lookups, where
    "as many keys as fields, and each field found" proves there is no extra key; any other document
    takes `get` with defaults and counts the keys it used.
    """
    name = cls.__name__
    fields = field_shapes(cls)
    full = [f"    if len(d) == {len(fields) + 1}:", "        pass"]
    part = ["    else:", "        n = len(d)", "        k = 1"]
    tail: list[str] = []
    for fname, shape, attr in fields:
        v = f"f_{fname}"
        setter = f"_S_{name}_{fname}"
        ns[setter] = cls.__dict__[fname].__set__
        check = _shape_check(shape, v, ns, "        ")
        full.append(f"        {v} = d[{fname!r}]")
        full.extend(check)
        full.append(f"        {setter}(o, {v})")
        if attr.default is attrs.NOTHING:
            part.append(f"        {v} = d[{fname!r}]")
            part.append("        k += 1")
            part.extend(check)
        else:
            default = attr.default
            assert not isinstance(default, attrs.Factory), f"{name}.{fname}"  # type: ignore[arg-type]
            ns[f"_D_{name}_{fname}"] = default
            part.append(f"        {v} = d.get({fname!r}, _M)")
            part.append(f"        if {v} is _M: {v} = _D_{name}_{fname}")
            part.append("        else:")
            part.append("            k += 1")
            part.extend("    " + line for line in check)
        part.append(f"        {setter}(o, {v})")
        tail.extend(rule_lines(cls, fname, shape, attr, v=v, ns=ns))
    part.append("        if k != n: raise _Bail")
    body = [*start_lines(cls, ns), *full, *part, *tail, *end_lines(cls)]
    # Two entries: `_s_` checks the object and its tag; `_t_` is for a union's dispatch table, which
    # found the function by the tag (and a non-object would have failed the lookup).
    checked = [
        f"def _s_{name}(d, cx, depth):",
        f"    if d.__class__ is not dict or d.get('type') != {name!r}: raise _Bail",
        *body,
    ]
    unchecked = [f"def _t_{name}(d, cx, depth):", *body]
    return "\n".join(checked) + "\n\n" + "\n".join(unchecked)


def build_fast(root: type) -> dict[type, Any]:
    """Generate and compile the structuring function of every class reachable from `root`.

    Returns ``{cls: fn(dict, Context) -> cls}`` plus ``{family: fn}`` for the abstract families.
    """
    ns: dict[str, Any] = {
        "_Bail": _Bail,
        "_M": object(),
        "_new": object.__new__,
        "_moment": parse_moment,
        **FAST_NAMES,
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
        ns[f"_u_{family.__name__}"] = {m.__name__: ns[f"_t_{m.__name__}"] for m in members}
    out: dict[type, Any] = {cls: ns[f"_s_{cls.__name__}"] for cls in classes}
    for family in families:
        table = ns[f"_u_{family.__name__}"]

        def dispatch(d: Any, cx: Context, depth: int = 0, _t: dict[str, Any] = table) -> Any:
            return _t[d["type"]](d, cx, depth)

        out[family] = dispatch
    return out


def check_collected(cx: Context, report: Report) -> bool:
    """True when the ids and references collected while building `report` keep the report's rules."""
    spaces: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    for (space, declared_kinds), value in cx.declared:
        seen = spaces.get(space)
        if seen is None:
            seen = spaces[space] = set()
        elif value in seen:
            return False
        seen.add(value)
        for kind in declared_kinds:
            ids = kinds.get(kind)
            if ids is None:
                kinds[kind] = {value}
            else:
                ids.add(value)
    empty: set[str] = set()
    for kind, value in cx.used:
        if value not in kinds.get(kind, empty):
            return False
    return dates_problem(report) is None
