"""Native JSON: the lossless format. ``loads(dumps(r)) == r`` for every report.

A document is ``{"newsmodel": "1.0", "report": {...}}``, or ``{"newsmodel": "1.0", "reports": [...]}``
for a collection (`dumps_many`, `loads_many`). The version names the wire schema (`SCHEMA_VERSION`), and
`json_schema()` returns its JSON Schema. Other formats call these functions and nothing deeper.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec

from newsmodel.errors import DecodeError, InvalidError, Problem
from newsmodel.formats.json._converter import converter, structure_detailed, structure_report
from newsmodel.formats.json._fast import check_collected
from newsmodel.formats.json._mirror import decode_canonical
from newsmodel.formats.json._schema import json_schema
from newsmodel.formats.json._syntax import MAX_BYTES, has_duplicate_keys, parse, suspicious
from newsmodel.model import Report

__all__ = [
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "dumps",
    "dumps_many",
    "json_schema",
    "loads",
    "loads_many",
    "unstructure",
]

#: The wire schema version this release reads and writes.
SCHEMA_VERSION = "1.0"
_READS = {"1.0"}

_ENCODER = msgspec.json.Encoder()


def _document(data: bytes | str, max_bytes: int) -> tuple[bytes, dict[str, Any]]:
    """The parsed envelope, its version and keys checked."""
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as e:
            raise DecodeError((Problem(f"text holds a lone surrogate at offset {e.start}"),)) from None
    doc = parse(data, max_bytes=max_bytes)
    if type(doc) is not dict:
        raise DecodeError((Problem("expected a JSON object with keys 'newsmodel' and 'report'", path="$"),))
    version = doc.get("newsmodel")
    if type(version) is not str or version not in _READS:
        message = f"unsupported newsmodel schema version {version!r} (this reads 1.0)"
        raise DecodeError((Problem(message, path="$.newsmodel"),))
    extra = sorted(set(doc) - {"newsmodel", "report", "reports"})
    if extra:
        raise DecodeError((Problem(f"unknown key {extra[0]!r} in the document", path=f"$.{extra[0]}"),))
    if ("report" in doc) == ("reports" in doc):
        raise DecodeError((Problem("a document holds either 'report' or 'reports' (a list)", path="$"),))
    return data, doc


def _reports(data: bytes, doc: dict[str, Any]) -> tuple[Report, ...]:
    detailed = suspicious(data)

    def one(value: object, path: str) -> Report:
        if detailed:
            report: Report = structure_detailed(value, Report, path)
            return report
        return structure_report(value, path)

    if "report" in doc:
        reports: tuple[Report, ...] = (one(doc["report"], "$.report"),)
    else:
        items = doc["reports"]
        if type(items) is not list:
            raise DecodeError((Problem("expected an array of reports", path="$.reports"),))
        reports = tuple(one(item, f"$.reports[{i}]") for i, item in enumerate(items))
    duplicate = has_duplicate_keys(data, doc)
    if duplicate is not None:
        raise DecodeError((duplicate,))
    return reports


def _read(data: bytes | str, max_bytes: int) -> tuple[tuple[Report, ...], bool]:
    """The reports a document holds and whether it is a collection: fast if canonical, else explained."""
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as e:
            raise DecodeError((Problem(f"text holds a lone surrogate at offset {e.start}"),)) from None
    if len(data) <= max_bytes and not suspicious(data):
        fast = decode_canonical(data, check_collected)
        if fast is not None:
            return fast
    raw, doc = _document(data, max_bytes)
    return _reports(raw, doc), "reports" in doc


def loads(data: bytes | str, *, source: str | None = None, max_bytes: int = MAX_BYTES) -> Report:
    """Read a native JSON document. Raises `DecodeError` / `ValidationError` naming where it is wrong."""
    try:
        reports, collection = _read(data, max_bytes)
        if collection:
            raise DecodeError(
                (Problem(f"the document holds {len(reports)} reports; read it with loads_many", path="$"),)
            )
        return reports[0]
    except InvalidError as e:
        raise (e.with_source(source) if source else e) from None


def loads_many(
    data: bytes | str, *, source: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[Report, ...]:
    """Every report of a native JSON document: one (``"report"``) or a collection (``"reports"``)."""
    try:
        return _read(data, max_bytes)[0]
    except InvalidError as e:
        raise (e.with_source(source) if source else e) from None


def dumps_many(reports: Sequence[Report], *, indent: int | None = 2) -> bytes:
    """Write several reports as one native JSON document, ``{"newsmodel": ..., "reports": [...]}``."""
    for i, report in enumerate(reports):
        if not isinstance(report, Report):
            raise TypeError(f"dumps_many() takes Reports; item {i} is a {type(report).__name__}")
    raw = _ENCODER.encode({"newsmodel": SCHEMA_VERSION, "reports": list(reports)})
    return (raw if indent is None else msgspec.json.format(raw, indent=indent)) + b"\n"


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
