"""The detailed decoder: slow, thorough, and it says where.

It walks the decoded JSON with the same shapes as the fast decoder, builds every node through its real
constructor (so every validator runs), and collects every problem with its `$.path` instead of stopping
at the first. It runs when the fast path declines, and its answer is final.
"""

from __future__ import annotations

from typing import Any

import attrs

from newsmodel.errors import DecodeError, Problem, ValidationError
from newsmodel.formats.json._fast import MAX_NODE_DEPTH, parse_moment
from newsmodel.formats.json._types import Shape, field_shapes

__all__ = ["Detailed", "json_type"]

_BAD = object()

_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def json_type(value: object) -> str:
    """How JSON would name the type of `value`."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _join(base: str, sub: str | None) -> str:
    if not sub:
        return base
    if sub.startswith("$"):
        return base + sub[1:]
    return f"{base}.{sub}"


class Detailed:
    """One detailed decoding run; `problems` fills as it goes."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.rule_problems = 0

    def fail(self, message: str, path: str) -> object:
        self.problems.append(Problem(message, path=path))
        return _BAD

    def run(self, value: object, cls: type, path: str) -> Any:
        """Decode `value` as `cls`; raise DecodeError or ValidationError listing every problem."""
        result = self.node(value, cls, path, 0)
        if self.problems:
            only_rules = self.rule_problems == len(self.problems)
            raise (ValidationError if only_rules else DecodeError)(self.problems)
        assert result is not _BAD
        return result

    def node(self, value: object, cls: type, path: str, depth: int) -> object:
        name = cls.__name__
        if depth > MAX_NODE_DEPTH:
            return self.fail(f"nodes nested deeper than {MAX_NODE_DEPTH} levels", path)
        if type(value) is not dict:
            return self.fail(f"expected an object ({name}), got {json_type(value)}", path)
        tag = value.get("type")
        if tag != name:
            got = "no 'type' key" if tag is None else f"type {tag!r}"
            return self.fail(f"expected an object of type {name!r}, got {got}", f"{path}.type")
        fields = field_shapes(cls)
        known = {f for f, _, _ in fields}
        ok = True
        for key in value:
            if key != "type" and key not in known:
                ok = False
                self.fail(
                    f"unknown key {key!r} in {name} (known: {', '.join(sorted(known))})", f"{path}.{key}"
                )
        kwargs: dict[str, object] = {}
        for fname, shape, attr in fields:
            if fname not in value:
                if attr.default is attrs.NOTHING:
                    ok = False
                    self.fail(f"missing required key {fname!r} in {name}", path)
                continue
            result = self.value(value[fname], shape, f"{path}.{fname}", depth + 1)
            if result is _BAD:
                ok = False
            else:
                kwargs[fname] = result
        if not ok:
            return _BAD
        try:
            return cls(**kwargs)
        except ValidationError as e:
            for p in e.problems:
                self.rule_problems += 1
                self.problems.append(Problem(p.message, path=_join(path, p.path)))
            return _BAD

    def value(self, value: object, shape: Shape, path: str, depth: int) -> object:
        if value is None:
            if shape.optional:
                return None
            return self.fail(f"expected {_describe(shape)}, got null", path)
        kind = shape.kind
        if kind in ("str", "int", "bool"):
            want = {"str": str, "int": int, "bool": bool}[kind]
            if type(value) is not want:
                return self.fail(f"expected {_describe(shape)}, got {json_type(value)}", path)
            return value
        if kind == "moment":
            try:
                return parse_moment(value)
            except ValueError as e:
                return self.fail(str(e), path)
        if kind == "enum":
            members = {m.value: m for m in shape.target}
            if type(value) is not str or value not in members:
                allowed = ", ".join(repr(v) for v in members)
                return self.fail(f"expected one of {allowed}, got {value!r}", path)
            return members[value]
        if kind == "node":
            return self.node(value, shape.target, path, depth)
        if kind == "union":
            return self.union(value, shape, path, depth)
        if kind == "tuple":
            if type(value) is not list:
                return self.fail(f"expected {_describe(shape)}, got {json_type(value)}", path)
            item = shape.item
            assert item is not None
            items = [self.value(x, item, f"{path}[{i}]", depth) for i, x in enumerate(value)]
            if any(x is _BAD for x in items):
                return _BAD
            return tuple(items)
        raise AssertionError(kind)  # pragma: no cover

    def union(self, value: object, shape: Shape, path: str, depth: int) -> object:
        family = shape.target.__name__.lower()
        if type(value) is not dict:
            return self.fail(f"expected an object ({family}), got {json_type(value)}", path)
        tag = value.get("type")
        by_tag = {m.__name__: m for m in shape.members}
        if type(tag) is not str or tag not in by_tag:
            allowed = ", ".join(sorted(by_tag))
            what = "no 'type' key" if tag is None else f"unknown {family} type {tag!r}"
            return self.fail(f"{what} (expected one of {allowed})", f"{path}.type")
        return self.node(value, by_tag[str(tag)], path, depth)


def _describe(shape: Shape) -> str:
    kind = shape.kind
    if kind == "str":
        return "a string"
    if kind == "int":
        return "an integer"
    if kind == "bool":
        return "a boolean"
    if kind == "moment":
        return "a date or datetime string"
    if kind == "enum":
        return "one of " + ", ".join(repr(m.value) for m in shape.target)
    if kind in ("node", "union"):
        return f"an object ({shape.target.__name__})"
    item = shape.item
    assert item is not None
    if item.kind in ("node", "union"):
        return f"an array of {item.target.__name__} objects"
    return f"an array of {_describe(item).removeprefix('an ').removeprefix('a ')}s"
