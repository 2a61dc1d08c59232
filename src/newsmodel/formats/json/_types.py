"""The wire grammar: each model field's type reduced to a small set of shapes both decoders share.

Reading type hints is done once per class; the fast (generated) and the detailed (interpreted) decoders
and the JSON Schema all start from these `Shape` values, so they cannot disagree about the grammar.
"""

from __future__ import annotations

import functools
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from newsmodel.model import FAMILIES, Node
from newsmodel.model._tree import fields_of

__all__ = ["Shape", "field_shapes", "node_classes", "shape_of"]


@attrs.frozen
class Shape:
    """One wire shape.

    kind: "str" | "int" | "bool" | "moment" | "enum" | "node" | "union" | "tuple"
    """

    kind: str
    optional: bool = False
    #: enum: the Enum class; node: the class; union: the abstract family class.
    target: Any = None
    #: tuple: the item shape.
    item: Shape | None = None
    #: union: the concrete classes, by tag.
    members: tuple[type, ...] = ()


def shape_of(hint: Any) -> Shape:
    """The shape of a resolved type hint; raises TypeError for a hint the wire cannot carry."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        non_none = tuple(a for a in args if a is not type(None))
        optional = len(non_none) != len(args)
        if set(non_none) == {date, datetime}:
            return Shape("moment", optional)
        if len(non_none) == 1:
            return attrs.evolve(shape_of(non_none[0]), optional=optional)
        raise TypeError(f"unsupported union {hint!r}")
    if origin is tuple:
        item, ellipsis = typing.get_args(hint)
        assert ellipsis is Ellipsis, hint
        return Shape("tuple", item=shape_of(item))
    if hint is str:
        return Shape("str")
    if hint is bool:
        return Shape("bool")
    if hint is int:
        return Shape("int")
    if isinstance(hint, type) and issubclass(hint, Enum):
        return Shape("enum", target=hint)
    if hint in FAMILIES:
        return Shape("union", target=hint, members=FAMILIES[hint])
    if isinstance(hint, type) and issubclass(hint, Node):
        return Shape("node", target=hint)
    raise TypeError(f"unsupported type {hint!r}")


@functools.cache
def field_shapes(cls: type) -> tuple[tuple[str, Shape, attrs.Attribute[Any]], ...]:
    """(name, shape, attribute) for each field of `cls` except the tag."""
    return tuple((f.name, shape_of(f.hint), f.attribute) for f in fields_of(cls))


@functools.cache
def node_classes(root: type) -> tuple[type, ...]:
    """Every node class reachable from `root`, `root` first, in a stable order."""
    seen: dict[type, None] = {}
    todo = [root]
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen[cls] = None
        for _, shape, _ in field_shapes(cls):
            s = shape.item if shape.kind == "tuple" else shape
            assert s is not None
            if s.kind == "node":
                todo.append(s.target)
            elif s.kind == "union":
                todo.extend(s.members)
    return tuple(seen)
