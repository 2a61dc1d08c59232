"""Registers the native JSON format through the same hook third-party formats use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsmodel.errors import OptionError
from newsmodel.model import Report
from newsmodel.plugin import FormatSpec, Option, hookimpl


def _export(report: Report, options: Mapping[str, Any]) -> bytes:
    from newsmodel.formats.json import dumps

    return dumps(report, indent=_indent(options))


def _indent(options: Mapping[str, Any]) -> int | None:
    indent = options.get("indent", 2)
    if indent is not None and (
        not isinstance(indent, int) or isinstance(indent, bool) or not 0 <= indent <= 16
    ):
        raise OptionError(
            f"json option indent must be an integer 0..16 or null, got {indent!r}", option="indent"
        )
    return indent


def _limit(options: Mapping[str, Any]) -> dict[str, Any]:
    # The API always passes its input limit; called directly, the format's own default applies.
    return {"max_bytes": options["max_bytes"]} if "max_bytes" in options else {}


def _export_many(reports: Sequence[Report], options: Mapping[str, Any]) -> bytes:
    from newsmodel.formats.json import dumps_many

    return dumps_many(reports, indent=_indent(options))


def _import_many(data: bytes, options: Mapping[str, Any]) -> Sequence[Report]:
    from newsmodel.formats.json import loads_many

    return loads_many(data, **_limit(options))


def _import(data: bytes, options: Mapping[str, Any]) -> Report:
    from newsmodel.formats.json import loads

    return loads(data, **_limit(options))


def _sniff(head: bytes) -> float:
    start = head.lstrip()[:1]
    if start != b"{":
        return 0.0
    return 0.95 if b'"newsmodel"' in head else 0.0


@hookimpl
def newsmodel_register_formats() -> Iterable[FormatSpec]:
    return [
        FormatSpec(
            name="json",
            description="native newsmodel JSON: lossless, versioned, JSON Schema; one report or many",
            media_type="application/vnd.newsmodel+json",
            extensions=(".json",),
            exporter=_export,
            importer=_import,
            sniffer=_sniff,
            collection_exporter=_export_many,
            collection_importer=_import_many,
            losses=(),
            writer_options=(Option("indent", "spaces per level (default 2); null writes one compact line"),),
        )
    ]
