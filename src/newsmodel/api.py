"""load, loads, dump, dumps, convert: every format, resolved by name through the plugin registry.

The API knows formats only as registry entries; it reads files the caller names and nothing else.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from newsmodel.errors import (
    DecodeError,
    ExportError,
    InvalidError,
    NewsmodelError,
    OptionError,
    PluginError,
    Problem,
    UnknownFormatError,
)
from newsmodel.model import Report
from newsmodel.plugin.registry import Registry, get_registry
from newsmodel.plugin.specs import FormatSpec, Option, TransformSpec

__all__ = [
    "MAX_INPUT_BYTES",
    "apply_transforms",
    "convert",
    "dump",
    "dumps",
    "dumps_many",
    "list_formats",
    "list_transforms",
    "load",
    "load_many",
    "loads",
    "loads_many",
    "read_input",
]

#: Inputs larger than this are refused before any format sees them (``max_bytes=`` overrides).
MAX_INPUT_BYTES = 20 * 1024 * 1024

Source = str | os.PathLike[str] | IO[bytes]
Destination = str | os.PathLike[str] | IO[bytes]


def _check_options(
    allowed: tuple[Option, ...], given: Mapping[str, Any], role: str, name: str, always: tuple[str, ...] = ()
) -> None:
    names = {o.name for o in allowed} | set(always)
    for key in given:
        if key not in names:
            known = ", ".join(sorted(o.name for o in allowed)) or "none"
            raise OptionError(f"{role} {name!r} has no option {key!r} (options: {known})", option=key)


@contextmanager
def _plugin_call(what: str, plugin: str) -> Iterator[None]:
    """Name the plugin when its function fails with anything but a newsmodel error."""
    try:
        yield
    except NewsmodelError:
        raise
    except Exception as e:  # a plugin's bug: one line that names it, the cause chained
        raise PluginError(f"{what}: plugin {plugin!r} failed: {type(e).__name__}: {e}", plugin=plugin) from e


def _registry(registry: Registry | None) -> Registry:
    return registry if registry is not None else get_registry()


def _too_big(size: int | None, max_bytes: int, source: str | None) -> DecodeError:
    amount = f"{size:,} bytes, over" if size is not None else "over"
    return DecodeError(
        (Problem(f"input is {amount} the limit of {max_bytes:,} bytes (raise max_bytes)"),), source=source
    )


def read_input(source: Source, max_bytes: int = MAX_INPUT_BYTES) -> tuple[bytes, str]:
    """The bytes of a path or binary stream, and a name for errors; refuses more than `max_bytes`.

    A file's size is checked before reading; a stream is read to one byte past the limit, never more.
    """
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = str(source)
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_big(size, max_bytes, name)
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    else:
        name = str(getattr(source, "name", None) or "<stream>")
        data = source.read(max_bytes + 1)
        if not isinstance(data, bytes):
            raise TypeError("load() needs a binary stream (open the file with 'rb')")
    if len(data) > max_bytes:
        raise _too_big(None, max_bytes, name)
    return data, name


def _importer_for(registry: Registry, data: bytes, format: str | None, name: str | None) -> FormatSpec:
    readable = _names(registry, importing=True)
    if format is not None:
        spec = registry.format(format)
    else:
        by_name = registry.for_path(name, exporting=False) if name else None
        sniffed = registry.sniff(data[:4096]) if by_name is None else None
        if by_name is None and sniffed is None:
            raise UnknownFormatError(None, readable, role="input format")
        spec = by_name if by_name is not None else sniffed[0]  # type: ignore[index]
    if spec.importer is None and spec.collection_importer is None:
        raise UnknownFormatError(spec.name, readable, role="input format")
    return spec


def _names(registry: Registry, *, importing: bool) -> list[str]:
    out = []
    for n in registry.format_names():
        try:
            spec = registry.format(n)
        except NewsmodelError:
            continue
        can = (spec.importer or spec.collection_importer) if importing else spec.exporter
        if can is not None:
            out.append(n)
    return out


def _read(
    data: bytes | str,
    format: str | None,
    *,
    source: str | None,
    options: Mapping[str, Any] | None,
    max_bytes: int,
    registry: Registry | None,
    many: bool,
) -> tuple[Report, ...]:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise _too_big(len(raw), max_bytes, source)
    reg = _registry(registry)
    spec = _importer_for(reg, raw, format, source)
    _check_options(spec.reader_options, options or {}, "reader", spec.name, always=("max_bytes",))
    opts = {"max_bytes": max_bytes, **(options or {})}
    plugin = reg.format_provider(spec.name)
    try:
        with _plugin_call(f"reading {spec.name}", plugin):
            if spec.importer is not None and not (many and spec.collection_importer is not None):
                reports: tuple[Report, ...] = (spec.importer(raw, opts),)
            else:
                assert spec.collection_importer is not None
                reports = tuple(spec.collection_importer(raw, opts))
    except InvalidError as e:
        if source and e.source is None:
            raise e.with_source(source) from None
        raise
    for r in reports:
        if not isinstance(r, Report):
            raise PluginError(
                f"reading {spec.name}: plugin {plugin!r} returned {type(r).__name__}", plugin=plugin
            )
    return reports


def loads(
    data: bytes | str,
    format: str | None = None,
    *,
    source: str | None = None,
    options: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    registry: Registry | None = None,
) -> Report:
    """Read the report `data` holds, in `format` (detected from the content if None)."""
    reports = _read(
        data, format, source=source, options=options, max_bytes=max_bytes, registry=registry, many=False
    )
    if len(reports) != 1:
        raise DecodeError(
            (Problem(f"the input holds {len(reports)} reports; read it with loads_many"),), source=source
        )
    return reports[0]


def loads_many(
    data: bytes | str,
    format: str | None = None,
    *,
    source: str | None = None,
    options: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    registry: Registry | None = None,
) -> tuple[Report, ...]:
    """Every report `data` holds (a collection, or the one report of a single-report input)."""
    return _read(
        data, format, source=source, options=options, max_bytes=max_bytes, registry=registry, many=True
    )


def load(
    source: Source,
    format: str | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    registry: Registry | None = None,
) -> Report:
    """Read a report from a path or a binary stream; the format comes from `format`, the file
    extension, or the content, in that order."""
    data, name = read_input(source, max_bytes)
    return loads(data, format, source=name, options=options, max_bytes=max_bytes, registry=registry)


def load_many(
    source: Source,
    format: str | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    registry: Registry | None = None,
) -> tuple[Report, ...]:
    """Every report a path or binary stream holds."""
    data, name = read_input(source, max_bytes)
    return loads_many(data, format, source=name, options=options, max_bytes=max_bytes, registry=registry)


def dumps_many(
    reports: Sequence[Report],
    format: str = "json",
    *,
    options: Mapping[str, Any] | None = None,
    registry: Registry | None = None,
) -> bytes:
    """Write several reports as one output (an anthology, a book) in a format that can hold them."""
    for i, report in enumerate(reports):
        if not isinstance(report, Report):
            raise TypeError(f"dumps_many() takes Reports; item {i} is a {type(report).__name__}")
    reg = _registry(registry)
    spec = reg.format(format)
    if spec.collection_exporter is None:
        if len(reports) == 1 and spec.exporter is not None:
            return dumps(reports[0], format, options=options, registry=reg)
        raise ExportError(f"format {format!r} cannot hold several reports in one output")
    write_many = spec.collection_exporter
    return _exported(reg, spec, options, lambda opts: write_many(reports, opts))


def dumps(
    report: Report,
    format: str = "json",
    *,
    options: Mapping[str, Any] | None = None,
    registry: Registry | None = None,
) -> bytes:
    """Write `report` in `format` and return the bytes."""
    if not isinstance(report, Report):
        raise TypeError(f"dumps() takes a Report, not {type(report).__name__}")
    reg = _registry(registry)
    spec = reg.format(format)
    if spec.exporter is None:
        raise UnknownFormatError(format, _names(reg, importing=False), role="output format")
    write = spec.exporter
    return _exported(reg, spec, options, lambda opts: write(report, opts))


def _exported(
    reg: Registry,
    spec: FormatSpec,
    options: Mapping[str, Any] | None,
    write: Callable[[dict[str, Any]], object],
) -> bytes:
    """Run an exporter with checked options; name the plugin if it fails or returns anything but bytes."""
    _check_options(spec.writer_options, options or {}, "writer", spec.name)
    plugin = reg.format_provider(spec.name)
    with _plugin_call(f"writing {spec.name}", plugin):
        data = write(dict(options or {}))
    if not isinstance(data, bytes):
        raise PluginError(
            f"writing {spec.name}: plugin {plugin!r} returned {type(data).__name__}, not bytes", plugin=plugin
        )
    return data


def dump(
    report: Report,
    format: str | None = None,
    destination: Destination | None = None,
    *,
    options: Mapping[str, Any] | None = None,
    registry: Registry | None = None,
) -> bytes:
    """Write `report` in `format` (from the destination's extension if None) to `destination`, if
    given, and return the bytes."""
    reg = _registry(registry)
    if format is None:
        spec = (
            reg.for_path(destination, exporting=True) if isinstance(destination, (str, os.PathLike)) else None
        )
        if spec is None:
            raise UnknownFormatError(None, _names(reg, importing=False), role="output format")
        format = spec.name
    data = dumps(report, format, options=options, registry=reg)
    if destination is not None:
        if isinstance(destination, (str, os.PathLike)):
            Path(destination).write_bytes(data)
        else:
            destination.write(data)
    return data


def apply_transforms(
    report: Report,
    names: Iterable[str],
    *,
    options: Mapping[str, Any] | None = None,
    registry: Registry | None = None,
) -> Report:
    """Run the named transforms over `report`, in order."""
    reg = _registry(registry)
    for name in names:
        spec = reg.transform(name)
        _check_options(spec.options, options or {}, "transform", name)
        plugin = reg.transform_provider(name)
        with _plugin_call(f"transform {name}", plugin):
            result = spec.function(report, dict(options or {}))
        if not isinstance(result, Report):
            raise PluginError(
                f"transform {name}: plugin {plugin!r} returned {type(result).__name__}, not a Report",
                plugin=plugin,
            )
        report = result
    return report


def convert(
    source: Source,
    to: str | None = None,
    *,
    from_: str | None = None,
    destination: Destination | None = None,
    transforms: Sequence[str] = (),
    reader_options: Mapping[str, Any] | None = None,
    writer_options: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_INPUT_BYTES,
    registry: Registry | None = None,
) -> bytes:
    """Read `source`, apply `transforms`, write it as `to` (or by the destination's extension)."""
    reg = _registry(registry)
    report = load(source, from_, options=reader_options, max_bytes=max_bytes, registry=reg)
    report = apply_transforms(report, transforms, registry=reg)
    return dump(report, to, destination, options=writer_options, registry=reg)


def list_formats(registry: Registry | None = None) -> list[FormatSpec]:
    """Every usable format (conflicting names left out until a preference settles them)."""
    reg = _registry(registry)
    out = []
    for name in reg.format_names():
        try:
            out.append(reg.format(name))
        except NewsmodelError:
            continue
    return out


def list_transforms(registry: Registry | None = None) -> list[TransformSpec]:
    """Every usable transform."""
    reg = _registry(registry)
    out = []
    for name in reg.transform_names():
        try:
            out.append(reg.transform(name))
        except NewsmodelError:
            continue
    return out
