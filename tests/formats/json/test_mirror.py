"""The mirror path (msgspec Structs copied into the model) agrees with the explaining decoders.

`loads` takes the mirror path for canonical documents and the dict decoders for everything else; both
must give the same reports, and the mirror path must decline whatever it cannot vouch for.
"""

from __future__ import annotations

import json

import msgspec
from hypothesis import HealthCheck, given, settings

from newsmodel.formats.json import dumps, dumps_many, loads, loads_many
from newsmodel.formats.json._converter import structure_detailed
from newsmodel.formats.json._fast import check_collected
from newsmodel.formats.json._mirror import decode_canonical
from newsmodel.model import Report
from newsmodel.testing.strategies import reports
from tests.samples import date_only_report, full_report


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_mirror_path_equals_the_detailed_decoder(report: Report) -> None:
    for data in (dumps(report), dumps(report, indent=None)):
        fast = decode_canonical(data, check_collected)
        assert fast is not None, "a canonical document must take the mirror path"
        assert fast == ((report,), False)
        detailed = structure_detailed(msgspec.json.decode(data)["report"], Report, "$.report")
        assert detailed == report


def test_collections_take_the_mirror_path() -> None:
    pair = (full_report(), date_only_report())
    assert decode_canonical(dumps_many(pair), check_collected) == (pair, True)


def test_non_canonical_documents_are_declined_and_still_load() -> None:
    report = full_report()
    doc = json.loads(dumps(report))
    for text in (
        json.dumps(doc, indent=4, sort_keys=True),  # another layout
        json.dumps(doc),  # ", " and ": " separators
        json.dumps({"report": doc["report"], "newsmodel": "1.0"}, sort_keys=False),  # another key order
        json.dumps(doc, ensure_ascii=True),  # escaped non-ASCII
    ):
        data = text.encode()
        assert decode_canonical(data, check_collected) is None
        assert loads(data) == report
        assert loads_many(data) == (report,)


def test_documents_breaking_a_rule_are_declined() -> None:
    doc = json.loads(dumps(full_report()))
    doc["report"]["authors"] = ["nobody"]
    data = msgspec.json.format(msgspec.json.encode(doc), indent=2) + b"\n"
    assert decode_canonical(data, check_collected) is None
