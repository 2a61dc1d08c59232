"""What each node class holds, found once from its attrs fields, and the report's reference rules.

`walk` and the JSON decoder read the same tables, so "which fields hold children" and "which fields
name ids" are answered in one place.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from newsmodel.errors import Problem
from newsmodel.model._base import Node

__all__ = ["FieldInfo", "child_fields", "collect_ids", "fields_of", "reference_problems"]


@attrs.frozen
class FieldInfo:
    """One attrs field as the tree machinery sees it."""

    name: str
    #: "node" (one node or None), "nodes" (a tuple of nodes), or "value".
    shape: str
    #: Kinds this field declares (for id fields), e.g. ("block", "quote").
    declares: tuple[str, ...]
    #: Kind this field refers to (a str, None or tuple of str), e.g. "agent".
    refers: str | None
    attribute: attrs.Attribute[Any]
    hint: Any


def _is_node_type(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Node)


def _shape(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis and _is_node_type(args[0]):
            return "nodes"
        return "value"
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        return "node" if members and all(_is_node_type(a) for a in members) else "value"
    return "node" if _is_node_type(hint) else "value"


_FIELDS: dict[type, tuple[FieldInfo, ...]] = {}
_CHILDREN: dict[type, tuple[tuple[str, bool], ...]] = {}


def fields_of(cls: type) -> tuple[FieldInfo, ...]:
    """Every field of a node class except the tag, with its shape and reference metadata."""
    cached = _FIELDS.get(cls)
    if cached is not None:
        return cached
    hints = typing.get_type_hints(cls)
    out = []
    for a in attrs.fields(cls):
        if a.name == "type":
            continue
        hint = hints[a.name]
        out.append(
            FieldInfo(
                name=a.name,
                shape=_shape(hint),
                declares=tuple(a.metadata.get("declares", ())),
                refers=a.metadata.get("refers"),
                attribute=a,
                hint=hint,
            )
        )
    result = _FIELDS[cls] = tuple(out)
    return result


def child_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """(name, is_tuple) for each field of `cls` that holds nodes, in field order."""
    cached = _CHILDREN.get(cls)
    if cached is None:
        cached = _CHILDREN[cls] = tuple(
            (f.name, f.shape == "nodes") for f in fields_of(cls) if f.shape != "value"
        )
    return cached


def iter_nodes(root: Node, path: str = "$") -> Iterator[tuple[str, Node]]:
    """Every node under `root` (itself first), depth first, with its JSON path."""
    stack: list[tuple[str, Node]] = [(path, root)]
    while stack:
        here, n = stack.pop()
        yield here, n
        kids: list[tuple[str, Node]] = []
        for name, many in child_fields(type(n)):
            value = getattr(n, name)
            if many:
                kids.extend((f"{here}.{name}[{i}]", c) for i, c in enumerate(value))
            elif value is not None:
                kids.append((f"{here}.{name}", value))
        stack.extend(reversed(kids))


#: Declared ids live in these namespaces; block and quote ids share the body's.
def namespace(kinds: tuple[str, ...]) -> str:
    """The uniqueness namespace of an id field that declares `kinds`."""
    return "body" if set(kinds) <= {"block", "quote"} else kinds[0]


Declared = dict[str, dict[str, str]]  # kind -> id -> path of its first declaration
Used = list[tuple[str, str, str]]  # (kind, id, path of the reference)


def collect_ids(root: Node) -> tuple[Declared, Used, list[Problem]]:
    """Declared ids by kind, references made, and duplicate-id problems, with paths."""
    declared: Declared = {}
    spaces: dict[str, dict[str, str]] = {}
    used: Used = []
    dups: list[Problem] = []
    for here, n in iter_nodes(root):
        for f in fields_of(type(n)):
            if not f.declares and f.refers is None:
                continue
            value = getattr(n, f.name)
            if value is None:
                continue
            where = f"{here}.{f.name}"
            if f.declares:
                space = spaces.setdefault(namespace(f.declares), {})
                if value in space:
                    dups.append(Problem(f"duplicate id {value!r} (first used at {space[value]})", path=where))
                else:
                    space[value] = where
                for kind in f.declares:
                    declared.setdefault(kind, {}).setdefault(value, where)
            else:
                assert f.refers is not None
                if isinstance(value, tuple):
                    used.extend((f.refers, v, f"{where}[{i}]") for i, v in enumerate(value))
                else:
                    used.append((f.refers, value, where))
    return declared, used, dups


_DECLARED_ON = {
    "agent": "a Person or Organization in Report.agents",
    "instrument": "an Instrument in Report.instruments",
    "source": "a SourceDocument in Report.sources",
    "quote": "a quote's id (InlineQuote.id or BlockQuote.id)",
    "block": "a block's id in Report.body",
}


def reference_problems(declared: Declared, used: Used) -> list[Problem]:
    """One problem per reference to an id that is not declared as the kind it must be."""
    out = []
    for kind, value, where in used:
        if value not in declared.get(kind, ()):
            out.append(Problem(f"{value!r} is not declared as {_DECLARED_ON[kind]}", path=where))
    return out
