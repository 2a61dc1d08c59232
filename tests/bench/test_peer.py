"""The JSON benchmark measures like against like: the msgspec peer reads exactly what newsmodel writes.

Correctness only; nothing here times anything.
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import msgspec
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import bench_json
import corpus
import msgspec_peer

from newsmodel.formats.json import dumps, loads
from newsmodel.formats.json._types import node_classes
from newsmodel.model import Report


@pytest.fixture(scope="module")
def synthetic() -> Report:
    return corpus.synthetic_report()


def _documents() -> list[str]:
    return ["synthetic", "example"]


def _report(name: str) -> Report:
    if name == "synthetic":
        return corpus.synthetic_report()
    report = corpus.example_report()
    if report is None:
        pytest.skip("examples/build_example.py is not importable")
    return report


def test_synthetic_is_deterministic(synthetic: Report) -> None:
    assert dumps(corpus.synthetic_report()) == dumps(synthetic)


def test_synthetic_has_the_intended_size(synthetic: Report) -> None:
    data = dumps(synthetic, indent=None)
    assert 40_000 <= len(data) <= 65_000
    assert 650 <= corpus.count_objects(data) <= 950


def test_synthetic_uses_most_of_the_model(synthetic: Report) -> None:
    data = dumps(synthetic, indent=None)
    tags = {m.decode() for m in re.findall(rb'"type":"(\w+)"', data)}
    missing = {cls.__name__ for cls in node_classes(Report)} - tags
    assert not missing


@pytest.mark.parametrize("name", _documents())
@pytest.mark.parametrize("indent", [None, 2])
def test_newsmodel_round_trips(name: str, indent: int | None) -> None:
    report = _report(name)
    assert loads(dumps(report, indent=indent)) == report


@pytest.mark.parametrize("name", _documents())
def test_peer_reads_and_writes_the_same_bytes(name: str) -> None:
    report = _report(name)
    data = dumps(report, indent=None)
    indented = dumps(report, indent=2)
    peer = msgspec_peer.DECODER.decode(data)
    assert isinstance(peer, msgspec_peer.Document)
    assert msgspec_peer.DECODER.decode(indented) == peer
    assert msgspec_peer.ENCODER.encode(peer) + b"\n" == data
    assert msgspec.json.format(msgspec_peer.ENCODER.encode(peer), indent=2) + b"\n" == indented


def test_peer_mirrors_every_class_and_field() -> None:
    assert set(msgspec_peer.CLASSES) == set(node_classes(Report))
    for cls, peer in msgspec_peer.CLASSES.items():
        model_fields = {a.name for a in attrs.fields(cls)} - {"type"}
        assert set(peer.__struct_fields__) == model_fields, cls.__name__
        config = peer.__struct_config__
        assert config.tag_field == "type"
        assert config.tag == cls.__name__
        assert config.forbid_unknown_fields


def _minimal(**report: object) -> bytes:
    body = {"type": "Report", "id": "r", "headline": "H", **report}
    return msgspec.json.encode({"newsmodel": "1.0", "report": body})


@pytest.mark.parametrize(
    "fields",
    [
        {"unknown": 1},
        {"type": "Paragraph"},
        {"published": "2024-01-01T10:00:00"},  # naive datetime
        {"published": "2024-1-1"},
        {"comments": {"type": "Comments", "count": "5"}},  # a string for an int
        {"comments": {"type": "Comments", "count": True}},  # a bool for an int
        {"topics": "ab"},  # a string for a tuple of strings
        {"body": [{"type": "Text", "text": "a block must not be an inline"}]},
        {"related": [{"type": "RelatedReport", "relation": "nearby", "title": "T"}]},  # not an enum value
    ],
)
def test_peer_is_strict(fields: dict[str, object]) -> None:
    with pytest.raises(msgspec.ValidationError):
        msgspec_peer.DECODER.decode(_minimal(**fields))


def test_peer_accepts_dates_and_aware_datetimes() -> None:
    for value in (date(2024, 1, 2), datetime.fromisoformat("2024-01-02T03:04:05.123+05:45")):
        data = _minimal(published=value.isoformat(), modified="2024-01-03T00:00:00Z")
        decoded: Any = msgspec_peer.DECODER.decode(data)
        assert decoded.report.published == value.isoformat()


def test_bench_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_json.main(["--rounds", "1", "--min-time", "0.0001", "--document", "synthetic"]) == 0
    out = capsys.readouterr().out
    assert "load" in out
    assert "dump (indent=2)" in out
