"""msgspec mirrors of the model: the peer the JSON benchmark measures newsmodel against.

The `Struct` classes are generated from the same wire grammar the newsmodel decoders use
(`newsmodel.formats.json._types.field_shapes` / `node_classes`), so the peer always has the model's
shape: one Struct per node class, tagged by a ``"type"`` key equal to the class name, unknown keys
forbidden, the Block / Inline / Agent families as tagged unions, tuples as tuples, enums by value,
optional fields as ``X | None``, defaults as in the model. msgspec's decoding is strict by default
(no ``"5"`` for 5, no ``true`` for an int), as newsmodel's is.

One difference, forced by msgspec: a `Moment` is ``date | datetime`` in the model, and msgspec refuses
a union of two string-encoded types. The peer keeps a moment as a ``str`` checked (in C, by msgspec)
against the same two patterns newsmodel accepts: a ``YYYY-MM-DD`` date, or an RFC 3339 datetime that
carries ``Z`` or an offset (so naive datetimes are refused, as newsmodel refuses them). It does not
build `date`/`datetime` objects; a report has a few dozen moments, so this flatters the peer slightly.

The peer checks the wire's *shape* only. newsmodel also checks rules no Struct states (ids resolve,
ids are unique, id/language/URL syntax, integer ranges, duplicate keys); those costs are newsmodel's.

Usage::

    from msgspec_peer import DECODER, ENCODER, Document
    doc = DECODER.decode(newsmodel_bytes)            # strict, raises msgspec.ValidationError
    ENCODER.encode(doc) == newsmodel_bytes.rstrip()  # the same bytes, keys sorted as newsmodel sorts
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, ForwardRef, Literal

import attrs
import msgspec

from newsmodel import model
from newsmodel.formats.json._fast import _DATE, _DATETIME
from newsmodel.formats.json._types import Shape, field_shapes, node_classes

__all__ = ["CLASSES", "DECODER", "ENCODER", "MOMENT", "Document", "peer_class"]

_END = "\\Z"
#: A moment on the wire: a date, or a datetime with ``Z`` or an offset (the patterns newsmodel uses).
MOMENT = Annotated[
    str,
    msgspec.Meta(pattern=f"^(?:{_DATE.pattern.removesuffix(_END)}|{_DATETIME.pattern.removesuffix(_END)})$"),
]

#: The peer Structs live in a namespace of their own, named like the model classes, where msgspec
#: resolves their forward references.
_STRUCTS = types.ModuleType("msgspec_peer_structs")
sys.modules[_STRUCTS.__name__] = _STRUCTS
_STRUCT_OPTIONS: dict[str, Any] = {"tag_field": "type", "forbid_unknown_fields": True, "kw_only": True}


def _peer_type(shape: Shape) -> Any:
    """The msgspec type of one wire shape; node classes are named by forward reference."""
    kind = shape.kind
    out: Any
    if kind == "str":
        out = str
    elif kind == "int":
        out = int
    elif kind == "bool":
        out = bool
    elif kind == "moment":
        out = MOMENT
    elif kind == "enum":
        out = shape.target  # msgspec encodes and decodes an Enum by its value, strictly
    elif kind == "node":
        out = ForwardRef(shape.target.__name__)
    elif kind == "union":
        out = typing.Union[tuple(ForwardRef(m.__name__) for m in shape.members)]  # noqa: UP007
    elif kind == "tuple":
        assert shape.item is not None
        out = tuple[_peer_type(shape.item), ...]  # type: ignore[misc]
    else:  # pragma: no cover - _types.shape_of knows no other kind
        raise TypeError(f"unsupported shape {shape}")
    return typing.Optional[out] if shape.optional else out  # noqa: UP045


def _converter(default: model.Node) -> Callable[[], Any]:
    """A default factory that builds the peer mirror of a node-valued attrs default."""
    builtins = msgspec.to_builtins(default)
    name = type(default).__name__
    return lambda: msgspec.convert(builtins, type=getattr(_STRUCTS, name))


def _peer_default(default: Any) -> Any:
    if default is attrs.NOTHING:
        return msgspec.NODEFAULT
    if isinstance(default, model.Node):
        return msgspec.field(default_factory=_converter(default))
    return default  # None, (), an Enum member, a str or an int: all immutable


def _define(cls: type) -> type[msgspec.Struct]:
    fields = [
        (name, _peer_type(shape), _peer_default(attribute.default))
        for name, shape, attribute in field_shapes(cls)
    ]
    return msgspec.defstruct(
        cls.__name__, fields, module=_STRUCTS.__name__, tag=cls.__name__, **_STRUCT_OPTIONS
    )


def _define_all() -> dict[type, type[msgspec.Struct]]:
    out = {cls: _define(cls) for cls in node_classes(model.Report)}
    for peer in out.values():
        # Forward references resolve in this namespace when msgspec first uses a type.
        setattr(_STRUCTS, peer.__name__, peer)
    return out


#: model class -> its peer Struct, for every class reachable from `Report`.
CLASSES: dict[type, type[msgspec.Struct]] = _define_all()


PeerReport = CLASSES[model.Report]


class Document(msgspec.Struct, forbid_unknown_fields=True):
    """The native document: ``{"newsmodel": "1.0", "report": {...}}``."""

    newsmodel: Literal["1.0"]
    report: PeerReport  # type: ignore[valid-type]


def peer_class(cls: type) -> type[msgspec.Struct]:
    """The peer Struct of a model class."""
    return CLASSES[cls]


#: Decodes a native document strictly into peer Structs.
DECODER: msgspec.json.Decoder[Document] = msgspec.json.Decoder(Document)
#: Encodes peer Structs with keys sorted, as `newsmodel.formats.json.dumps` writes them.
ENCODER = msgspec.json.Encoder(order="sorted")
