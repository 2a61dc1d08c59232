"""Registers the native JSON format through the same hook third-party formats use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newsmodel.model import Report
from newsmodel.plugin import FormatSpec, hookimpl


def _export(report: Report, options: Mapping[str, Any]) -> bytes:
    from newsmodel.formats.json import dumps

    indent = options.get("indent", 2)
    if indent is not None and (not isinstance(indent, int) or isinstance(indent, bool) or indent < 0):
        raise ValueError(f"json option indent must be a non-negative integer or None, got {indent!r}")
    return dumps(report, indent=indent)


def _import(data: bytes, options: Mapping[str, Any]) -> Report:
    from newsmodel.formats.json import loads

    return loads(data, **({"max_bytes": options["max_bytes"]} if "max_bytes" in options else {}))


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
            description="native newsmodel JSON: lossless, versioned, with a JSON Schema",
            media_type="application/vnd.newsmodel+json",
            extensions=(".json",),
            exporter=_export,
            importer=_import,
            sniffer=_sniff,
            losses=(),
        )
    ]
