"""What a plugin registers: frozen descriptors the registry validates, orders and settles conflicts over.

A format's `plugin.py` returns `FormatSpec` values from ``newsmodel_register_formats``; a transform's
returns `TransformSpec` values from ``newsmodel_register_transforms``. The descriptors carry functions,
so the registry never imports a format module until that format is used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from newsmodel.model import Report

__all__ = [
    "CollectionExporter",
    "CollectionImporter",
    "Exporter",
    "FormatSpec",
    "Importer",
    "Option",
    "Sniffer",
    "TransformSpec",
]

#: ``export(report, options) -> bytes``; options are format-specific keyword settings.
Exporter = Callable[[Report, Mapping[str, Any]], bytes]
#: ``import_(data, options) -> Report``; `data` is the whole input, already bounded in size.
Importer = Callable[[bytes, Mapping[str, Any]], Report]
#: ``export_collection(reports, options) -> bytes``: several reports in one output (a book, an archive).
CollectionExporter = Callable[[Sequence[Report], Mapping[str, Any]], bytes]
#: ``import_collection(data, options) -> reports``: every report one input holds, in order.
CollectionImporter = Callable[[bytes, Mapping[str, Any]], Sequence[Report]]
#: ``sniff(head) -> confidence`` in [0, 1] that `head` (the first KiB) is this format.
Sniffer = Callable[[bytes], float]
#: ``transform(report, options) -> report``.
TransformFn = Callable[[Report, Mapping[str, Any]], Report]

_NAME = re.compile(r"[a-z][a-z0-9_-]{0,31}\Z")


def _name(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ValueError(f"{type(inst).__name__}.{attr.name}: {value!r} is not a name like 'json' or 'html5'")


def _extensions(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(e, str) and e.startswith(".") for e in value):
        raise ValueError(
            f"{type(inst).__name__}.{attr.name}: expected a tuple like ('.json',), got {value!r}"
        )


def _callable(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise ValueError(
            f"{type(inst).__name__}.{attr.name}: expected a function, got {type(value).__name__}"
        )


@attrs.frozen
class Option:
    """A reader or writer option a format accepts: ``Option("indent", "spaces per level, or null")``."""

    name: str
    description: str


def _options(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(o, Option) for o in value):
        raise ValueError(f"{type(inst).__name__}.{attr.name}: expected a tuple of Option, got {value!r}")


@attrs.frozen(kw_only=True)
class FormatSpec:
    """A format a plugin provides: its names, and the functions that read and write it."""

    #: Short name used by ``-f``/``-t`` ("json", "html").
    name: str = attrs.field(validator=_name)
    #: One line for ``newsmodel formats``.
    description: str
    media_type: str
    #: File extensions, with the dot, that select this format for a path.
    extensions: tuple[str, ...] = attrs.field(default=(), validator=_extensions)
    exporter: Exporter | None = attrs.field(default=None, validator=_callable)
    importer: Importer | None = attrs.field(default=None, validator=_callable)
    sniffer: Sniffer | None = attrs.field(default=None, validator=_callable)
    #: Writes several reports as one output (an anthology); the command line uses it for
    #: ``convert a.json b.json -t FORMAT -o one-file``.
    collection_exporter: CollectionExporter | None = attrs.field(default=None, validator=_callable)
    #: Reads every report one input holds; without it, an input holds the one report `importer` reads.
    collection_importer: CollectionImporter | None = attrs.field(default=None, validator=_callable)
    #: True if the output is bytes a terminal should not show (EPUB).
    binary: bool = False
    #: What the importer cannot recover from this format's output, one item per kind of loss; empty
    #: means import(export(r)) == r.
    losses: tuple[str, ...] = ()
    #: Options the exporter accepts; any other is an `OptionError` before the exporter runs.
    writer_options: tuple[Option, ...] = attrs.field(default=(), validator=_options)
    #: Options the importer accepts (``max_bytes`` is always passed, and always allowed).
    reader_options: tuple[Option, ...] = attrs.field(default=(), validator=_options)

    def __attrs_post_init__(self) -> None:
        if not (self.exporter or self.importer or self.collection_exporter or self.collection_importer):
            raise ValueError(f"FormatSpec {self.name!r} has neither an exporter nor an importer")


@attrs.frozen(kw_only=True)
class TransformSpec:
    """A transform a plugin provides: a report in, a report out (``--transform NAME``)."""

    name: str = attrs.field(validator=_name)
    description: str
    function: TransformFn = attrs.field(validator=_callable)
    #: Options the transform accepts.
    options: tuple[Option, ...] = attrs.field(default=(), validator=_options)
