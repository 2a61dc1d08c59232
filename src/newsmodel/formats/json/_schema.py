"""The JSON Schema (draft 2020-12) of the native format, derived from the same shapes the decoders use.

The schema describes the wire; a few rules need the whole report (references resolve, ids are unique,
sections nest by level) and are stated in `$comment`s, since JSON Schema cannot express them.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from newsmodel.formats.json._fast import _DATE, _DATETIME
from newsmodel.formats.json._types import Shape, field_shapes, node_classes
from newsmodel.model import Report

__all__ = ["json_schema"]

_ID = "https://newsmodel.invalid/schema/1.0/newsmodel.schema.json"


def _shape_schema(s: Shape) -> dict[str, Any]:
    if s.kind == "str":
        out: dict[str, Any] = {"type": "string"}
    elif s.kind == "int":
        out = {"type": "integer"}
    elif s.kind == "bool":
        out = {"type": "boolean"}
    elif s.kind == "moment":
        out = {
            "type": "string",
            "anyOf": [
                {"pattern": "^" + _DATE.pattern.removesuffix("\\Z") + "$"},
                {"pattern": "^" + _DATETIME.pattern.removesuffix("\\Z") + "$"},
            ],
        }
    elif s.kind == "enum":
        out = {"enum": [m.value for m in s.target]}
    elif s.kind in {"node", "union"}:
        out = {"$ref": f"#/$defs/{s.target.__name__}"}
    else:
        assert s.item is not None
        out = {"type": "array", "items": _shape_schema(s.item)}
    if s.optional:
        return {"anyOf": [out, {"type": "null"}]}
    return out


def _class_schema(cls: type) -> dict[str, Any]:
    props: dict[str, Any] = {"type": {"const": cls.__name__}}
    required = ["type"]
    for name, shape, attr in field_shapes(cls):
        props[name] = _shape_schema(shape)
        if attr.default is attrs.NOTHING:
            required.append(name)
    doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
    return {
        "type": "object",
        "description": " ".join(doc.split()),
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }


@functools.cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    families: dict[str, tuple[type, ...]] = {}
    for cls in node_classes(Report):
        defs[cls.__name__] = _class_schema(cls)
        for _, shape, _ in field_shapes(cls):
            s = shape.item if shape.kind == "tuple" else shape
            if s is not None and s.kind == "union":
                families[s.target.__name__] = s.members
    for name, members in families.items():
        defs[name] = {"oneOf": [{"$ref": f"#/$defs/{m.__name__}"} for m in members]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _ID,
        "title": "newsmodel native JSON document, schema version 1.0",
        "$comment": (
            "Rules JSON Schema cannot state are checked by newsmodel: every id reference names a "
            "declared id of its kind; block and quote ids are unique; nested sections have higher "
            "levels; datetimes carry an offset; no key is repeated; text has no C0 control except "
            "tab and newline."
        ),
        "type": "object",
        "properties": {
            "newsmodel": {"const": "1.0"},
            "report": {"$ref": "#/$defs/Report"},
            "reports": {"type": "array", "items": {"$ref": "#/$defs/Report"}},
        },
        "required": ["newsmodel"],
        "oneOf": [{"required": ["report"]}, {"required": ["reports"]}],
        "additionalProperties": False,
        "$defs": defs,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the native format (a fresh copy the caller may change)."""
    import copy

    return copy.deepcopy(_schema())
