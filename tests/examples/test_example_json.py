"""The shipped example document: current, valid, and reproduced byte for byte by the command line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from newsmodel import cli
from newsmodel.formats.json import dumps, loads

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE = EXAMPLES / "example.json"


def _build_report() -> object:
    spec = importlib.util.spec_from_file_location("build_example_for_json", EXAMPLES / "build_example.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_report()


def test_example_json_is_what_the_script_builds() -> None:
    # If this fails, run `python examples/build_example.py` and commit examples/example.json.
    assert EXAMPLE.read_bytes() == dumps(_build_report())  # type: ignore[arg-type]


def test_example_json_loads_and_writes_the_same_bytes() -> None:
    data = EXAMPLE.read_bytes()
    assert dumps(loads(data)) == data


def test_convert_to_json_reproduces_the_example_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "copy.json"
    assert cli.run(["convert", str(EXAMPLE), "-t", "json", "-o", str(out)]) == 0
    assert out.read_bytes() == EXAMPLE.read_bytes()


def test_convert_to_standard_output_reproduces_the_example(capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert cli.run([str(EXAMPLE), "-t", "json"]) == 0
    assert capfdbinary.readouterr().out == EXAMPLE.read_bytes()


def test_validate_accepts_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["validate", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.startswith(f"{EXAMPLE}: ok")
