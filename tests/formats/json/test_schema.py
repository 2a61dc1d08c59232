"""The JSON Schema of the native format accepts what `dumps` writes and rejects what `loads` refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from newsmodel import cli
from newsmodel.formats.json import dumps, json_schema, loads
from newsmodel.model import Report
from tests.samples import full_report


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def document(report: Report | None = None, *, indent: int | None = 2) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(dumps(report or full_report(), indent=indent))
    return value


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["newsmodel"] == {"const": "1.0"}
    assert schema["additionalProperties"] is False


def test_every_node_class_has_a_definition() -> None:
    from newsmodel.model import BLOCK_TYPES, INLINE_TYPES

    defs = json_schema()["$defs"]
    for cls in (Report, *BLOCK_TYPES, *INLINE_TYPES):
        assert cls.__name__ in defs
        assert defs[cls.__name__]["properties"]["type"] == {"const": cls.__name__}
        assert defs[cls.__name__]["additionalProperties"] is False
    for family in ("Block", "Inline", "Agent"):
        assert "oneOf" in defs[family]


def test_schema_validates_real_documents(sample_report: Report, validator: Draft202012Validator) -> None:
    for indent in (None, 2):
        errors = list(validator.iter_errors(document(sample_report, indent=indent)))
        assert not errors, [e.message for e in errors[:3]]


def test_schema_validates_the_example_document(validator: Draft202012Validator) -> None:
    example = Path(__file__).parents[3] / "examples" / "example.json"
    if not example.exists():
        pytest.skip("no examples/example.json")
    value = json.loads(example.read_bytes())
    loads(example.read_bytes())
    assert not list(validator.iter_errors(value))


def _errors(validator: Draft202012Validator, value: dict[str, Any]) -> list[str]:
    return [e.message for e in validator.iter_errors(value)]


def test_rejects_an_unknown_key(validator: Draft202012Validator) -> None:
    value = document()
    value["report"]["body"][0]["colour"] = "red"
    assert _errors(validator, value)
    value = document()
    value["extra"] = 1
    assert any("extra" in m for m in _errors(validator, value))


def test_rejects_a_wrong_tag(validator: Draft202012Validator) -> None:
    value = document()
    value["report"]["body"][0]["type"] = "Marquee"
    assert _errors(validator, value)
    value = document()
    value["report"]["type"] = "Article"
    assert _errors(validator, value)


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("headline", 5),
        ("topics", "human rights"),
        ("body", {}),
        ("published", "2023-04-03T08:15:30"),  # naive
        ("published", 20230403),
        ("comments", []),
    ],
)
def test_rejects_a_wrong_type(validator: Draft202012Validator, key: str, bad: object) -> None:
    value = document()
    value["report"][key] = bad
    assert _errors(validator, value)


def test_rejects_true_for_an_integer(validator: Draft202012Validator) -> None:
    value = document()
    value["report"]["body"][1]["start"] = True
    assert _errors(validator, value)


def test_rejects_a_missing_required_key_and_a_wrong_version(validator: Draft202012Validator) -> None:
    value = document()
    del value["report"]["headline"]
    assert any("headline" in m for m in _errors(validator, value))
    value = document()
    value["newsmodel"] = "2.0"
    assert _errors(validator, value)


def test_schema_is_a_fresh_copy() -> None:
    first = json_schema()
    first["$defs"].clear()
    first["title"] = "changed"
    second = json_schema()
    assert second["$defs"]
    assert second["title"] != "changed"


def test_cli_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["schema"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == json_schema()
    assert captured.err == ""


def test_cli_schema_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "newsmodel.schema.json"
    assert cli.run(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json_schema()
    assert capsys.readouterr().out == ""


def _hypothesis_reports() -> Any:
    try:
        from newsmodel.testing import strategies
    except ImportError:  # pragma: no cover - Hypothesis missing
        return None
    return getattr(strategies, "reports", None)


_reports = _hypothesis_reports()


@pytest.mark.skipif(_reports is None, reason="newsmodel.testing.strategies.reports is not available")
def test_schema_validates_generated_reports(validator: Draft202012Validator) -> None:
    from hypothesis import HealthCheck, given, settings

    assert _reports is not None

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(_reports())
    def check(report: Report) -> None:
        errors = _errors(validator, json.loads(dumps(report)))
        assert not errors, errors[:3]

    check()


def test_published_schema_file_is_current() -> None:
    # docs/newsmodel-1.0.schema.json is what the docs site publishes; regenerate it with
    # `newsmodel schema -o docs/newsmodel-1.0.schema.json` when the model changes.
    import json
    from pathlib import Path

    from newsmodel.formats.json import SCHEMA_VERSION, json_schema

    published = Path(__file__).resolve().parents[3] / "docs" / f"newsmodel-{SCHEMA_VERSION}.schema.json"
    assert json.loads(published.read_text(encoding="utf-8")) == json_schema()


def test_schema_validates_a_collection_and_refuses_both_shapes_at_once() -> None:
    import json

    from jsonschema import Draft202012Validator

    from newsmodel.formats.json import dumps_many, json_schema
    from tests.samples import date_only_report, full_report

    validator = Draft202012Validator(json_schema())
    doc = json.loads(dumps_many((full_report(), date_only_report())))
    validator.validate(doc)
    doc["report"] = doc["reports"][0]
    assert not validator.is_valid(doc)
