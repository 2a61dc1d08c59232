"""Native JSON: the lossless format. ``loads(dumps(r)) == r`` for every report.

A document is ``{"newsmodel": "1.0", "report": {...}}``; the version names the wire schema
(`SCHEMA_VERSION`), and `json_schema()` returns its JSON Schema. The other formats call
`loads`/`dumps` and nothing deeper.
"""

from __future__ import annotations

from typing import Any

import msgspec

from newsmodel.errors import DecodeError, InvalidError, Problem
from newsmodel.formats.json._converter import converter, structure_detailed, structure_report
from newsmodel.formats.json._schema import json_schema
from newsmodel.formats.json._syntax import MAX_BYTES, has_duplicate_keys, parse, suspicious
from newsmodel.model import Report

__all__ = ["MAX_BYTES", "SCHEMA_VERSION", "dumps", "json_schema", "loads", "unstructure"]

#: The wire schema version this release reads and writes.
SCHEMA_VERSION = "1.0"
_READS = {"1.0"}

_ENCODER = msgspec.json.Encoder()


def loads(data: bytes | str, *, source: str | None = None, max_bytes: int = MAX_BYTES) -> Report:
    """Read a native JSON document. Raises `DecodeError` / `ValidationError` naming where it is wrong."""
    try:
        if isinstance(data, str):
            try:
                data = data.encode("utf-8")
            except UnicodeEncodeError as e:
                raise DecodeError((Problem(f"text holds a lone surrogate at offset {e.start}"),)) from None
        doc = parse(data, max_bytes=max_bytes)
        if type(doc) is not dict:
            raise DecodeError(
                (Problem("expected a JSON object with keys 'newsmodel' and 'report'", path="$"),)
            )
        version = doc.get("newsmodel")
        if type(version) is not str or version not in _READS:
            raise DecodeError(
                (
                    Problem(
                        f"unsupported newsmodel schema version {version!r} (this reads 1.0)",
                        path="$.newsmodel",
                    ),
                )
            )
        extra = sorted(set(doc) - {"newsmodel", "report"})
        if extra:
            raise DecodeError((Problem(f"unknown key {extra[0]!r} in the document", path=f"$.{extra[0]}"),))
        if "report" not in doc:
            raise DecodeError((Problem("missing required key 'report'", path="$"),))
        if suspicious(data):
            report: Report = structure_detailed(doc["report"], Report, "$.report")
        else:
            report = structure_report(doc["report"], "$.report")
        duplicate = has_duplicate_keys(data, doc)
        if duplicate is not None:
            raise DecodeError((duplicate,))
        return report
    except InvalidError as e:
        raise (e.with_source(source) if source else e) from None


def dumps(report: Report, *, indent: int | None = 2) -> bytes:
    """Write `report` as a native JSON document (UTF-8, sorted keys, a final newline).

    `indent=None` writes one compact line (the fastest); the default of 2 is for people and diffs.
    """
    if not isinstance(report, Report):
        raise TypeError(f"dumps() takes a Report, not {type(report).__name__}")
    raw = _ENCODER.encode({"newsmodel": SCHEMA_VERSION, "report": report})
    if indent is None:
        return raw + b"\n"
    return msgspec.json.format(raw, indent=indent) + b"\n"


def unstructure(report: Report) -> dict[str, Any]:
    """The document as plain dicts and lists, as `loads` would read it."""
    return {"newsmodel": SCHEMA_VERSION, "report": converter().unstructure(report)}
