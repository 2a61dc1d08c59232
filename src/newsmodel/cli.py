"""The ``newsmodel`` command. It talks to `newsmodel.api` and the registry, never to a format module.

Exit codes: 0 success; 1 an input could not be read, validated or converted; 2 a usage error (bad
flags, unknown format or transform); 70 an internal error (a bug: run with NEWSMODEL_DEBUG=1 for the
traceback). Errors are one line on stderr, ``newsmodel: error: <source>: <problem> @ <where>``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from newsmodel import api
from newsmodel.errors import (
    FormatConflictError,
    InvalidError,
    NewsmodelError,
    OptionError,
    PluginError,
    UnknownFormatError,
)

if TYPE_CHECKING:
    from newsmodel.model import Report

__all__ = ["main"]

PROG = "newsmodel"
COMMANDS = ("convert", "formats", "plugins", "validate", "schema")

EPILOG = """\
examples:
  newsmodel convert report.json -t json -o copy.json
  newsmodel report.json -t json                      (pandoc style: convert is the default command)
  newsmodel convert a.json b.json -t json -o out/    (one output per input, into a directory)
  newsmodel convert in.json --transform NAME -t json
  newsmodel validate report.json
  newsmodel formats
  newsmodel schema -o newsmodel.schema.json

exit codes: 0 ok, 1 bad input or failed conversion, 2 usage error, 70 internal error
"""


class _Usage(Exception):
    """A usage error found after parsing (exit code 2)."""


def _option(text: str) -> tuple[str, Any]:
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    try:
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    return key, value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Convert news reports between formats through one typed model.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--list-input-formats", action="store_true", help="list formats that can be read")
    parser.add_argument("--list-output-formats", action="store_true", help="list formats that can be written")
    parser.add_argument("--list-transforms", action="store_true", help="list transforms")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser(
        "convert",
        help="convert reports between formats",
        description="Read each INPUT, apply the transforms in order, write it in the output format.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("inputs", nargs="+", metavar="INPUT", help="input files ('-' for standard input)")
    c.add_argument("-f", "--from", dest="from_", metavar="FORMAT", help="input format (default: detect)")
    c.add_argument("-t", "--to", metavar="FORMAT", help="output format (default: from -o's extension)")
    c.add_argument(
        "-o", "--output", metavar="OUT", help="output file, or a directory (ending in '/') for many inputs"
    )
    c.add_argument(
        "--transform", action="append", default=[], metavar="NAME", help="apply a transform (repeatable)"
    )
    c.add_argument(
        "-R",
        "--reader-option",
        action="append",
        type=_option,
        default=[],
        metavar="KEY=VALUE",
        help="option for the reader (VALUE is JSON if it parses, else a string)",
    )
    c.add_argument(
        "-W",
        "--writer-option",
        action="append",
        type=_option,
        default=[],
        metavar="KEY=VALUE",
        help="option for the writer, e.g. -W indent=4 for json",
    )
    c.add_argument(
        "--max-input-size",
        type=int,
        default=api.MAX_INPUT_BYTES,
        metavar="BYTES",
        help=f"refuse larger inputs (default {api.MAX_INPUT_BYTES:,})",
    )
    c.add_argument("-q", "--quiet", action="store_true", help="no progress lines for many inputs")

    v = sub.add_parser(
        "validate",
        help="check that files are valid reports",
        description="Read each FILE and report whether it is a valid report.",
    )
    v.add_argument("files", nargs="+", metavar="FILE")
    v.add_argument("-f", "--from", dest="from_", metavar="FORMAT", help="input format (default: detect)")
    v.add_argument("-v", "--verbose", action="store_true", help="print every problem, not just the first")

    sub.add_parser("formats", help="list formats and the plugins providing them")
    sub.add_parser("plugins", help="list loaded plugins, their versions and hooks, and any that failed")
    s = sub.add_parser("schema", help="print the JSON Schema of the native format")
    s.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    return parser


def _err(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _warn_failures() -> None:
    from newsmodel.plugin.registry import get_registry

    for failure in get_registry().failures:
        print(f"{PROG}: warning: {failure}", file=sys.stderr)


def _read_input(name: str, max_bytes: int) -> tuple[bytes, str]:
    return api.read_input(sys.stdin.buffer if name == "-" else name, max_bytes)


def _convert(args: argparse.Namespace) -> int:
    from newsmodel.plugin.registry import get_registry

    registry = get_registry()
    inputs: list[str] = args.inputs
    out: str | None = args.output
    to: str | None = args.to
    many = len(inputs) > 1
    to_dir = out is not None and (out.endswith(("/", os.sep)) or Path(out).is_dir())
    if to is None:
        spec = registry.for_path(out, exporting=True) if out and not to_dir else None
        if spec is None:
            raise _Usage("say which output format with -t FORMAT (see 'newsmodel formats')")
        to = spec.name
    writer = registry.format(to)
    if writer.exporter is None and writer.collection_exporter is None:
        raise UnknownFormatError(to, [f.name for f in api.list_formats() if f.exporter], role="output format")
    if many and not to_dir and writer.collection_exporter is None:
        raise _Usage(
            f"several inputs need -o DIRECTORY/ (one output per input): {to} holds one report per file"
        )
    for name in args.transform:
        registry.transform(name)  # unknown transforms are usage errors before any work is done

    def read(i: int, name: str) -> tuple[Report, ...]:
        if many and not args.quiet:
            print(f"[{i}/{len(inputs)}] {name}", file=sys.stderr)
        data, source = _read_input(name, args.max_input_size)
        found = api.loads_many(
            data,
            args.from_,
            source=source,
            options=dict(args.reader_option),
            max_bytes=args.max_input_size,
            registry=registry,
        )
        return tuple(api.apply_transforms(r, args.transform, registry=registry) for r in found)

    def write(reports: tuple[Report, ...]) -> bytes:
        options = dict(args.writer_option)
        if len(reports) == 1 and writer.exporter is not None:
            return api.dumps(reports[0], to, options=options, registry=registry)
        return api.dumps_many(reports, to, options=options, registry=registry)

    if to_dir:
        assert out is not None
        extension = writer.extensions[0] if writer.extensions else f".{writer.name}"
        return _convert_into(Path(out), inputs, read, write, extension)
    return _convert_to_one(out, inputs, read, write, binary=writer.binary)


Reader = Callable[[int, str], "tuple[Report, ...]"]
Writer = Callable[["tuple[Report, ...]"], bytes]


def _convert_to_one(out: str | None, inputs: list[str], read: Reader, write: Writer, *, binary: bool) -> int:
    """Every input into one output. All must read, or nothing is written: no book silently lacks a part."""
    collected: list[Report] = []
    failures = 0
    for i, name in enumerate(inputs, 1):
        try:
            collected.extend(read(i, name))
        except (InvalidError, PluginError, OSError) as e:
            _err(_describe(e, name))
            failures += 1
    if failures:
        return 1
    output = write(tuple(collected))
    if out is None or out == "-":
        _write_stdout(output, binary=binary)
    else:
        Path(out).write_bytes(output)
    return 0


def _convert_into(out: Path, inputs: list[str], read: Reader, write: Writer, extension: str) -> int:
    """Each input into `out`, one file per report (``name.ext``, or ``name-1.ext``... for several)."""
    stems = ["stdin" if name == "-" else Path(name).stem for name in inputs]
    clash = next((s for s in stems if stems.count(s) > 1), None)
    if clash is not None:
        raise _Usage(f"several inputs are named {clash!r}; their outputs in {out} would overwrite each other")
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    for i, (name, stem) in enumerate(zip(inputs, stems, strict=True), 1):
        try:
            reports = read(i, name)
            for n, report in enumerate(reports, 1):
                suffix = f"-{n}" if len(reports) > 1 else ""
                (out / f"{stem}{suffix}{extension}").write_bytes(write((report,)))
        except (InvalidError, PluginError, OSError) as e:  # this input failed; the others still run
            _err(_describe(e, name))
            failures += 1
    return 1 if failures else 0


def _write_stdout(data: bytes, *, binary: bool) -> None:
    stream: IO[bytes] = sys.stdout.buffer
    if binary and sys.stdout.isatty():
        raise _Usage("refusing to write a binary format to a terminal; use -o FILE")
    stream.write(data)
    stream.flush()


def _describe(e: BaseException, name: str) -> str:
    if isinstance(e, InvalidError):
        return str(e if e.source else e.with_source(name))
    if isinstance(e, OSError):
        return f"{name}: {e.strerror or e}"
    return f"{name}: {e}"


def _validate(args: argparse.Namespace) -> int:
    failures = 0
    for name in args.files:
        try:
            data, source = _read_input(name, api.MAX_INPUT_BYTES)
            report = api.loads(data, args.from_, source=source)
        except (InvalidError, OSError) as e:
            failures += 1
            if args.verbose and isinstance(e, InvalidError):
                print(e.details() if e.source else e.with_source(name).details(), file=sys.stderr)
            else:
                _err(_describe(e, name))
            continue
        from newsmodel.model import BlockQuote, Citation, InlineQuote
        from newsmodel.tree import find

        quotes = sum(1 for _ in find(report, InlineQuote)) + sum(1 for _ in find(report, BlockQuote))
        citations = sum(1 for _ in find(report, Citation))
        print(f"{name}: ok ({len(report.body)} top-level blocks, {quotes} quotes, {citations} citations)")
    return 1 if failures else 0


def _formats() -> int:
    from newsmodel.plugin.registry import get_registry

    registry = get_registry()
    rows = []
    for name in registry.format_names():
        providers = registry.providers(name)
        try:
            spec = registry.format(name)
            plugin = registry.format_provider(name)
        except FormatConflictError as e:
            rows.append((name, "CONFLICT", "", "", ", ".join(p.plugin for p in providers), str(e)))
            continue
        mode = ("r" if spec.importer else "-") + ("w" if spec.exporter else "-")
        rows.append(
            (name, mode, " ".join(spec.extensions), spec.media_type, _plugin_label(plugin), spec.description)
        )
    _table(("FORMAT", "R/W", "EXTENSIONS", "MEDIA TYPE", "PLUGIN", "DESCRIPTION"), rows)
    tnames = registry.transform_names()
    if tnames:
        print()
        trows = []
        for name in tnames:
            try:
                t = registry.transform(name)
                trows.append((name, _plugin_label(registry.transform_provider(name)), t.description))
            except FormatConflictError as e:
                claimants = ", ".join(p.plugin for p in registry.transform_providers(name))
                trows.append((name, claimants, str(e)))
        _table(("TRANSFORM", "PLUGIN", "DESCRIPTION"), trows)
    _warn_failures()
    return 0


def _plugin_label(name: str) -> str:
    """A plugin's name, with its distribution and version when it is not built in."""
    from newsmodel.plugin.registry import get_registry

    info = next((p for p in get_registry().plugins if p.name == name), None)
    if info is None or info.builtin or not info.distribution:
        return name
    return f"{name} ({info.distribution} {info.version})" if info.version else f"{name} ({info.distribution})"


def _plugins() -> int:
    from newsmodel.plugin.registry import get_registry

    registry = get_registry()
    rows = [
        (
            p.name,
            p.distribution or "-",
            p.version or "-",
            ", ".join(p.hooks) or "-",
            "built-in" if p.builtin else "",
        )
        for p in registry.plugins
    ]
    _table(("PLUGIN", "DISTRIBUTION", "VERSION", "HOOKS", ""), rows)
    for failure in registry.failures:
        print(f"{failure.plugin}: FAILED: {failure.error}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from newsmodel.formats.json import json_schema

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _list(kind: str) -> int:
    if kind == "transforms":
        for t in api.list_transforms():
            print(t.name)
    else:
        for f in api.list_formats():
            if (f.importer if kind == "input" else f.exporter) is not None:
                print(f.name)
    _warn_failures()
    return 0


def _run(argv: list[str]) -> int:
    parser = _parser()
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        argv = ["convert", *argv]  # pandoc style: `newsmodel in.json -t json`
    args = parser.parse_args(argv)
    if args.version:
        from newsmodel import __version__

        print(f"{PROG} {__version__}")
        return 0
    if args.list_input_formats:
        return _list("input")
    if args.list_output_formats:
        return _list("output")
    if args.list_transforms:
        return _list("transforms")
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    if args.command == "convert":
        return _convert(args)
    if args.command == "validate":
        return _validate(args)
    if args.command == "formats":
        return _formats()
    if args.command == "plugins":
        return _plugins()
    return _schema(args)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the command line and exit with its code."""
    sys.exit(run(argv))


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (for tests and embedding)."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as e:  # argparse: --help (0) or a usage error it already printed (2)
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    except _Usage as e:
        _err(str(e))
        return 2
    except (UnknownFormatError, FormatConflictError, OptionError) as e:
        _err(str(e))
        return 2
    except (NewsmodelError, OSError) as e:
        _err(str(e))
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as e:
        if os.environ.get("NEWSMODEL_DEBUG"):
            raise
        _err(f"internal error: {type(e).__name__}: {e} (set NEWSMODEL_DEBUG=1 for the traceback)")
        return 70
