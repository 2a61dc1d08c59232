"""The ``newsmodel`` command, run in-process through `newsmodel.cli.run`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsmodel
from newsmodel import cli
from newsmodel.formats.json import dumps, json_schema, loads, loads_many
from newsmodel.model import Report
from newsmodel.plugin import FormatSpec, hookimpl
from newsmodel.testing.plugins import registered
from tests.samples import date_only_report, full_report


@pytest.fixture(autouse=True)
def clean_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A registry built from a clean environment, rebuilt after the test."""
    import os

    from newsmodel.plugin.registry import reset_registry

    for name in list(os.environ):
        if name.startswith("NEWSMODEL_"):
            monkeypatch.delenv(name)
    reset_registry()
    try:
        yield
    finally:
        reset_registry()


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    a.write_bytes(dumps(full_report()))
    b.write_bytes(dumps(date_only_report()))
    return a, b


def error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("newsmodel: error: ")
    assert "Traceback" not in err
    return lines[0]


# --- convert -----------------------------------------------------------------------------------------


def test_convert_to_a_file(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = inputs
    out = tmp_path / "copy.json"
    assert cli.run(["convert", str(a), "-t", "json", "-o", str(out)]) == 0
    assert out.read_bytes() == a.read_bytes()  # byte for byte
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""


def test_convert_with_from_and_the_output_format_from_the_extension(
    inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = inputs
    out = tmp_path / "copy.json"
    assert cli.run(["convert", str(a), "-f", "json", "-o", str(out)]) == 0
    assert out.read_bytes() == a.read_bytes()
    assert cli.run(["convert", str(a), "--from", "json", "--to", "json", "--output", str(out)]) == 0
    assert loads(out.read_bytes()) == full_report()


def test_convert_to_stdout_is_byte_for_byte(
    inputs: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    a, b = inputs
    for path in (a, b):
        assert cli.run(["convert", str(path), "-t", "json"]) == 0
        captured = capsysbinary.readouterr()
        assert captured.out == path.read_bytes()
        assert captured.err == b""


def test_convert_a_file_that_is_not_byte_canonical(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "compact.json"
    source.write_bytes(dumps(full_report(), indent=None))
    assert cli.run(["convert", str(source), "-t", "json"]) == 0
    assert capsysbinary.readouterr().out == dumps(full_report())


def test_pandoc_style_implicit_convert(
    inputs: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    a, _ = inputs
    assert cli.run([str(a), "-t", "json"]) == 0
    assert capsysbinary.readouterr().out == a.read_bytes()


def test_writer_option(inputs: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    a, _ = inputs
    assert cli.run(["convert", str(a), "-t", "json", "-W", "indent=null"]) == 0
    out = capsysbinary.readouterr().out
    assert out == dumps(full_report(), indent=None)
    assert cli.run(["convert", str(a), "-t", "json", "-W", "indent=4"]) == 0
    assert capsysbinary.readouterr().out == dumps(full_report(), indent=4)


def test_bad_writer_option_is_not_an_internal_error(
    inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = inputs
    code = cli.run(["convert", str(a), "-t", "json", "-W", "indent=-1"])
    line = error_line(capsys.readouterr().err)
    assert "indent" in line
    assert code in (1, 2)
    assert "internal error" not in line


def test_several_inputs_into_a_directory(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = inputs
    out = tmp_path / "out"
    assert cli.run(["convert", str(a), str(b), "-t", "json", "-o", f"{out}/"]) == 0
    assert (out / "a.json").read_bytes() == a.read_bytes()
    assert (out / "b.json").read_bytes() == b.read_bytes()
    captured = capsys.readouterr()
    assert captured.out == ""
    progress = captured.err.splitlines()
    assert len(progress) == 2
    assert progress[0].startswith("[1/2] ")
    assert str(a) in progress[0]
    assert progress[1].startswith("[2/2] ")
    assert str(b) in progress[1]


def test_several_inputs_into_an_existing_directory_quietly(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = inputs
    out = tmp_path / "existing"
    out.mkdir()
    assert cli.run(["convert", str(a), str(b), "-t", "json", "-o", str(out), "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    assert capsys.readouterr().err == ""


def test_several_inputs_continue_past_a_bad_one(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = inputs
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{")
    out = tmp_path / "out"
    assert cli.run(["convert", str(a), str(bad), str(b), "-t", "json", "-o", f"{out}/", "-q"]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]
    line = error_line(capsys.readouterr().err)
    assert str(bad) in line


def test_one_input_into_a_directory(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = inputs
    out = tmp_path / "one"
    assert cli.run(["convert", str(a), "-t", "json", "-o", f"{out}/"]) == 0
    assert (out / "a.json").read_bytes() == a.read_bytes()


def test_inputs_with_the_same_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    first = tmp_path / "x" / "report.json"
    second = tmp_path / "y" / "report.json"
    for path, report in ((first, full_report()), (second, date_only_report())):
        path.parent.mkdir()
        path.write_bytes(dumps(report))
    out = tmp_path / "out"
    code = cli.run(["convert", str(first), str(second), "-t", "json", "-o", f"{out}/", "-q"])
    written = sorted(p.read_bytes() for p in out.iterdir()) if out.exists() else []
    assert code != 0 or written == sorted([first.read_bytes(), second.read_bytes()])


class _OneReportPerFile:
    """A format that writes one report per file and cannot hold a collection."""

    @hookimpl
    def newsmodel_register_formats(self) -> list[FormatSpec]:
        return [
            FormatSpec(
                name="headline",
                description="the headline",
                media_type="text/plain",
                extensions=(".txt",),
                exporter=lambda report, options: report.headline.encode(),
            )
        ]


@pytest.mark.parametrize("output", [None, "single.txt"])
def test_several_inputs_into_one_file_need_a_collection_format(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str | None
) -> None:
    a, b = inputs
    argv = ["convert", str(a), str(b), "-t", "headline"]
    if output:
        argv += ["-o", str(tmp_path / output)]
    with registered(_OneReportPerFile()):
        assert cli.run(argv) == 2
    line = error_line(capsys.readouterr().err)
    assert "DIRECTORY" in line
    assert "one report per file" in line
    assert not (tmp_path / "single.txt").exists()


def test_several_inputs_into_one_collection_and_back(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = inputs
    book = tmp_path / "book.json"
    assert cli.run(["convert", str(a), str(b), "-t", "json", "-o", str(book), "-q"]) == 0
    assert loads_many(book.read_bytes()) == (loads(a.read_bytes()), loads(b.read_bytes()))
    out = tmp_path / "parts"
    assert cli.run(["convert", str(book), "-t", "json", "-o", f"{out}/"]) == 0
    assert (out / "book-1.json").read_bytes() == a.read_bytes()
    assert (out / "book-2.json").read_bytes() == b.read_bytes()


def test_one_input_into_one_file_stays_a_single_report(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    a, _ = inputs
    target = tmp_path / "copy.json"
    assert cli.run(["convert", str(a), "-o", str(target)]) == 0  # format from the extension
    assert target.read_bytes() == a.read_bytes()


def test_a_collection_is_written_only_if_every_input_reads(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = inputs
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    book = tmp_path / "book.json"
    assert cli.run(["convert", str(a), str(bad), "-t", "json", "-o", str(book), "-q"]) == 1
    assert not book.exists()
    assert str(bad) in error_line(capsys.readouterr().err)


def test_unknown_output_format(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = inputs
    assert cli.run(["convert", str(a), "-t", "docx"]) == 2
    line = error_line(capsys.readouterr().err)
    assert "docx" in line
    assert "json" in line  # it lists what is available


def test_unknown_input_format(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = inputs
    assert cli.run(["convert", str(a), "-f", "docx", "-t", "json"]) == 2
    assert "docx" in error_line(capsys.readouterr().err)


def test_unknown_transform(
    inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _ = inputs
    out = tmp_path / "copy.json"
    assert cli.run(["convert", str(a), "-t", "json", "--transform", "unknown", "-o", str(out)]) == 2
    assert "unknown" in error_line(capsys.readouterr().err)
    assert not out.exists()  # refused before any work


def test_no_output_format(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = inputs
    assert cli.run(["convert", str(a)]) == 2
    assert "-t" in error_line(capsys.readouterr().err)


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.json"
    assert cli.run(["convert", str(missing), "-t", "json"]) == 1
    assert str(missing) in error_line(capsys.readouterr().err)


def test_max_input_size(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = inputs
    assert cli.run(["convert", str(a), "-t", "json", "--max-input-size", "100"]) == 1
    assert "over the limit" in error_line(capsys.readouterr().err)


def test_stdin(
    inputs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    import io
    import sys

    a, _ = inputs

    class Stdin:
        buffer = io.BytesIO(a.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert cli.run(["convert", "-", "-f", "json", "-t", "json"]) == 0
    assert capsysbinary.readouterr().out == a.read_bytes()


# --- validate ----------------------------------------------------------------------------------------


def test_validate_ok(inputs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = inputs
    assert cli.run(["validate", str(a), str(b)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{a}: ok")
    assert "5 top-level blocks" in lines[0]
    assert "2 quotes" in lines[0]
    assert "1 citations" in lines[0] or "1 citation" in lines[0]
    assert lines[1].startswith(f"{b}: ok")
    assert captured.err == ""


def test_validate_bad(inputs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _ = inputs
    bad = tmp_path / "bad.json"
    bad.write_bytes(dumps(full_report()).replace(b'"headline": "A report', b'"headline": 5, "x": "', 1))
    assert cli.run(["validate", str(a), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{a}: ok")
    line = error_line(captured.err)
    assert str(bad) in line


# --- listing -----------------------------------------------------------------------------------------


def test_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["formats"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["FORMAT", "R/W", "EXTENSIONS"]
    (json_row,) = [line for line in out if line.split()[:1] == ["json"]]
    assert json_row.split()[1:3] == ["rw", ".json"]
    assert "application/vnd.newsmodel+json" in json_row
    assert "newsmodel.formats.json" in json_row


def test_plugins(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["plugins"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:2] == ["PLUGIN", "DISTRIBUTION"]
    (row,) = [line for line in out.splitlines() if line.startswith("newsmodel.formats.json")]
    assert "built-in" in row
    assert newsmodel.__version__ in row
    assert "newsmodel_register_formats" in row


def test_schema_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "schema.json"
    assert cli.run(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json_schema()
    assert capsys.readouterr().out == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["--version"]) == 0
    assert capsys.readouterr().out == f"newsmodel {newsmodel.__version__}\n"


def test_list_input_and_output_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["--list-input-formats"]) == 0
    assert "json" in capsys.readouterr().out.split()
    assert cli.run(["--list-output-formats"]) == 0
    assert "json" in capsys.readouterr().out.split()
    assert cli.run(["--list-transforms"]) == 0
    capsys.readouterr()


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = cli.run(["--help"])
    except SystemExit as e:  # argparse exits after printing help
        code = e.code  # type: ignore[assignment]
    assert code in (0, None)
    out = capsys.readouterr().out
    assert "examples" in out
    assert "newsmodel convert" in out
    assert "exit codes" in out


def test_convert_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["convert", "--help"]) == 0
    assert "examples" in capsys.readouterr().out


def test_no_command_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run([]) == 2
    assert "usage" in capsys.readouterr().err


def test_unknown_flag_returns_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["convert", "--no-such-flag", "x.json"]) == 2


def test_unknown_flag_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = cli.run(["convert", "--no-such-flag", "x.json"])
    except SystemExit as e:
        code = e.code  # type: ignore[assignment]
    assert code == 2
    assert "no-such-flag" in capsys.readouterr().err


def test_main_exits_with_the_code(inputs: tuple[Path, Path]) -> None:
    a, _ = inputs
    with pytest.raises(SystemExit) as info:
        cli.main(["validate", str(a)])
    assert info.value.code == 0


# --- round trip through files ------------------------------------------------------------------------


def test_convert_round_trip_is_a_fixed_point(tmp_path: Path) -> None:
    report: Report = full_report()
    first = tmp_path / "first.json"
    first.write_bytes(dumps(report))
    second = tmp_path / "second.json"
    third = tmp_path / "third.json"
    assert cli.run(["convert", str(first), "-t", "json", "-o", str(second)]) == 0
    assert cli.run(["convert", str(second), "-t", "json", "-o", str(third)]) == 0
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()
    assert newsmodel.load(third) == report
