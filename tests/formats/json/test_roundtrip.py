"""Native JSON round trips: ``loads(dumps(r)) == r``, deterministic output, and the two decoders agreeing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NoReturn
from unittest import mock

import attrs
import msgspec
import pytest

import newsmodel
from newsmodel.errors import DecodeError, InvalidError, ValidationError
from newsmodel.formats.json import SCHEMA_VERSION, _converter, dumps, loads, unstructure
from newsmodel.model import (
    CorrectionKind,
    Elision,
    ElisionMark,
    Emphasis,
    Figure,
    InlineQuote,
    InstrumentKind,
    ItemList,
    LegalStatus,
    Origin,
    Paragraph,
    Relation,
    Report,
    Section,
    Text,
)
from tests.samples import KATHMANDU, NEWFOUNDLAND, date_only_report, full_report, minimal_report

# --- basic round trips -------------------------------------------------------------------------------


def test_round_trip(sample_report: Report) -> None:
    again = loads(dumps(sample_report))
    assert again == sample_report
    assert type(again) is Report


def test_round_trip_through_the_api(sample_report: Report, tmp_path: Path) -> None:
    assert newsmodel.loads(newsmodel.dumps(sample_report, "json"), "json") == sample_report
    path = tmp_path / "report.json"
    data = newsmodel.dump(sample_report, destination=path)  # the format from the extension
    assert path.read_bytes() == data == dumps(sample_report)
    assert newsmodel.load(path) == sample_report
    with path.open("rb") as f:
        assert newsmodel.load(f) == sample_report


def test_round_trip_keeps_every_type() -> None:
    again = loads(dumps(full_report()))

    # An aware datetime keeps its offset and microseconds; a date stays a date.
    assert type(again.published) is datetime
    assert again.published == datetime(2023, 4, 3, 8, 15, 30, 123456, tzinfo=KATHMANDU)
    assert again.published.utcoffset() == timedelta(hours=5, minutes=45)
    assert again.published.microsecond == 123456
    assert again.modified == datetime(2023, 4, 4, 1, 0, tzinfo=UTC)
    assert again.modified.utcoffset() == timedelta(0)
    source = again.sources[0]
    assert type(source.date) is date
    assert source.date == date(2023, 3, 1)

    # Enums come back as members, not strings.
    udhr = again.instruments[1]
    assert udhr.kind is InstrumentKind.DECLARATION
    assert udhr.status is LegalStatus.NON_BINDING
    assert again.instruments[0].status is LegalStatus.UNKNOWN  # a default
    assert again.related[0].relation is Relation.FOLLOW_UP
    assert again.corrections[0].kind is CorrectionKind.CLARIFICATION
    quote = next(newsmodel.find(again, InlineQuote))
    emphasis = next(n for n in newsmodel.find(quote, Emphasis))
    assert emphasis.origin is Origin.EDITOR
    elision = next(newsmodel.find(quote, Elision))
    assert elision.mark is ElisionMark.BARE

    # Tuples stay tuples (of strings, and of nodes).
    assert again.topics == ("human rights", "surveillance")
    assert type(again.topics) is tuple
    assert type(again.body) is tuple
    assert type(udhr.aliases) is tuple

    # Optional nodes: present ones come back, absent ones stay None.
    assert quote.provenance.occasion is not None
    assert quote.provenance.occasion.date == datetime(2023, 4, 1, 9, 30, tzinfo=KATHMANDU)
    assert quote.provenance.provision is None
    assert again.comments is not None
    assert again.comments.count == 4
    figure = again.body[2]
    assert isinstance(figure, Figure)
    assert figure.image.alt == ""  # "" (decorative) is not None (missing)
    assert figure.image.width == 640
    items = again.body[1]
    assert isinstance(items, ItemList)
    assert items.ordered is True
    assert items.start == 3
    assert minimal_report().comments is None
    assert loads(dumps(minimal_report())).comments is None


@pytest.mark.parametrize(
    "moment",
    [
        date(2019, 5, 28),
        date(1, 1, 1),
        date(9999, 12, 31),
        datetime(2023, 4, 3, 8, 15, tzinfo=KATHMANDU),
        datetime(2023, 4, 3, 8, 15, 30, 1, tzinfo=KATHMANDU),
        datetime(2023, 4, 3, 23, 59, 59, 999999, tzinfo=NEWFOUNDLAND),
        datetime(2023, 4, 3, 0, 0, tzinfo=UTC),
        datetime(2023, 4, 3, 0, 0, tzinfo=timezone(timedelta(0))),
        datetime(2023, 4, 3, 12, 0, tzinfo=timezone(timedelta(hours=14))),
        datetime(2023, 4, 3, 12, 0, tzinfo=timezone(timedelta(hours=-12))),
        datetime(2023, 4, 3, 12, 0, tzinfo=timezone(timedelta(hours=9, minutes=30))),
    ],
    ids=str,
)
def test_moments_round_trip(moment: date) -> None:
    report = minimal_report(published=moment)
    again = loads(dumps(report))
    assert again == report
    assert type(again.published) is type(moment)
    if isinstance(moment, datetime):
        assert isinstance(again.published, datetime)
        assert again.published.utcoffset() == moment.utcoffset()
        assert again.published.microsecond == moment.microsecond


def test_zoneinfo_datetime_round_trips_as_its_offset() -> None:
    from zoneinfo import ZoneInfo

    moment = datetime(2023, 4, 3, 8, 15, tzinfo=ZoneInfo("Asia/Kathmandu"))
    again = loads(dumps(minimal_report(published=moment)))
    assert again.published == moment
    assert again.published.utcoffset() == timedelta(hours=5, minutes=45)


def test_sub_minute_offsets_are_refused_not_rounded() -> None:
    # RFC 3339 offsets are whole minutes; Europe/Amsterdam before 1937 was +00:19:32 (+01:19:32 in summer).
    moment = datetime(1930, 6, 1, 12, 0, tzinfo=timezone(timedelta(hours=1, minutes=19, seconds=32)))
    with pytest.raises(ValidationError, match="published"):
        minimal_report(published=moment)


def test_wire_form_of_moments() -> None:
    report = minimal_report(
        published=datetime(2023, 4, 3, 8, 15, 30, 123456, tzinfo=KATHMANDU),
        modified=datetime(2023, 4, 4, tzinfo=UTC),
        body=(),
    )
    wire = json.loads(dumps(report))["report"]
    assert wire["published"] == "2023-04-03T08:15:30.123456+05:45"
    assert wire["modified"] in ("2023-04-04T00:00:00Z", "2023-04-04T00:00:00+00:00")
    assert json.loads(dumps(date_only_report()))["report"]["published"] == "2019-05-28"


def test_unicode_text_round_trips() -> None:
    hostile = (
        "RTL \u202b\u05e9\u05dc\u05d5\u05dd\u202c, \U0002000b, \U0001f469\U0001f3fd\u200d\U0001f4bb, "
        "e\u0301, </script>, ]]>, \t tab, \n newline, \u2028, \u00a0, \x7f, \U0001f3f4\U000e0067\U000e007f"
    )
    report = minimal_report(body=(Paragraph(content=(Text(text=hostile),)),))
    again = loads(dumps(report))
    assert again == report
    assert dumps(again) == dumps(report)


# --- determinism and forms ---------------------------------------------------------------------------


def test_dumps_is_deterministic(sample_report: Report) -> None:
    first = dumps(sample_report)
    assert dumps(sample_report) == first
    # An equal report built separately, and the report read back, write the same bytes.
    assert dumps(loads(first)) == first
    assert dumps(attrs.evolve(sample_report)) == first


def test_output_shape(sample_report: Report) -> None:
    data = dumps(sample_report)
    assert data.endswith(b"}\n")
    data.decode("utf-8")  # UTF-8
    doc = json.loads(data)
    assert doc["newsmodel"] == SCHEMA_VERSION == "1.0"
    assert set(doc) == {"newsmodel", "report"}
    assert doc["report"]["type"] == "Report"

    def check(value: Any) -> None:
        if isinstance(value, dict):
            assert list(value) == sorted(value), "keys are written sorted"
            if value is not doc:
                assert "type" in value, "every node spells its tag"
            for v in value.values():
                check(v)
        elif isinstance(value, list):
            for v in value:
                check(v)

    check(doc)


def test_unstructure_is_the_document_as_loads_reads_it(sample_report: Report) -> None:
    assert msgspec.json.encode(unstructure(sample_report)) == msgspec.json.encode(
        json.loads(dumps(sample_report))
    )


def test_unstructure_returns_lists(sample_report: Report) -> None:
    assert unstructure(sample_report) == json.loads(dumps(sample_report))


def test_every_key_is_spelled_even_defaults() -> None:
    wire = json.loads(dumps(minimal_report()))["report"]
    expected = {a.name for a in attrs.fields(Report)}
    assert set(wire) == expected
    assert wire["comments"] is None
    assert wire["body"] == []


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_compact_and_indented_forms_load(sample_report: Report, indent: int | None) -> None:
    data = dumps(sample_report, indent=indent)
    assert loads(data) == sample_report
    assert json.loads(data) == json.loads(dumps(sample_report))
    if indent is None:
        assert data.count(b"\n") == 1
        assert data.endswith(b"\n")
    elif indent:
        assert b"\n" + b" " * indent + b'"newsmodel"' in data


def test_json_writer_indent_option(sample_report: Report) -> None:
    assert newsmodel.dumps(sample_report, "json", options={"indent": None}) == dumps(
        sample_report, indent=None
    )
    assert newsmodel.dumps(sample_report, "json", options={"indent": 4}) == dumps(sample_report, indent=4)
    with pytest.raises(ValueError, match="indent"):
        newsmodel.dumps(sample_report, "json", options={"indent": -1})


def test_loads_accepts_str_and_bytes(sample_report: Report) -> None:
    data = dumps(sample_report)
    assert loads(data.decode("utf-8")) == loads(data) == sample_report


def test_keys_with_defaults_may_be_omitted() -> None:
    data = b'{"newsmodel": "1.0", "report": {"type": "Report", "id": "r", "headline": "H"}}'
    assert loads(data) == Report(id="r", headline="H")


def test_white_space_and_key_order_do_not_matter(sample_report: Report) -> None:
    doc = unstructure(sample_report)

    def reverse(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: reverse(value[k]) for k in reversed(list(value))}
        if isinstance(value, list):
            return [reverse(v) for v in value]
        return value

    data = json.dumps(reverse(doc), indent="\t", ensure_ascii=False).replace("\n", "\r\n")
    assert loads(data) == sample_report


def test_dumps_refuses_what_is_not_a_report() -> None:
    with pytest.raises(TypeError):
        dumps(Paragraph(content=()))  # type: ignore[arg-type]


def test_loads_source_names_the_input() -> None:
    with pytest.raises(InvalidError) as info:
        loads(b"{", source="broken.json")
    assert str(info.value).startswith("broken.json: ")
    assert info.value.source == "broken.json"


# --- the two decoders agree --------------------------------------------------------------------------


def _decoded(report: Report) -> Any:
    return msgspec.json.decode(dumps(report))["report"]


def _no_detailed(*args: object, **kwargs: object) -> NoReturn:
    raise AssertionError("the fast path declined and fell back to the detailed decoder")


def _report_of(result: Any) -> Report:
    # structure_report has returned (report, keys seen) and, later, the report alone.
    report = result[0] if isinstance(result, tuple) else result
    assert isinstance(report, Report)
    return report


def fast_path(value: Any) -> Report:
    """Build a report from decoded JSON on the fast path only (fail if it falls back)."""
    with mock.patch.object(_converter, "structure_detailed", _no_detailed):
        return _report_of(_converter.structure_report(value, "$.report"))


def detailed_path(value: Any) -> Report:
    report = _converter.structure_detailed(value, Report, "$.report")
    assert isinstance(report, Report)
    return report


def test_fast_and_detailed_decoders_agree(sample_report: Report) -> None:
    value = _decoded(sample_report)
    fast = fast_path(value)  # hand-built samples take the fast path
    detailed = detailed_path(value)
    assert fast == detailed == sample_report
    assert dumps(fast) == dumps(detailed)


def test_decoders_agree_when_defaults_are_omitted() -> None:
    value = {"type": "Report", "id": "r", "headline": "H", "body": [{"type": "Paragraph", "content": []}]}
    assert (
        fast_path(value)
        == detailed_path(value)
        == Report(id="r", headline="H", body=(Paragraph(content=()),))
    )


def test_decoders_agree_on_nested_sections() -> None:
    report = minimal_report(
        body=(
            Section(
                heading=(Text(text="A"),),
                content=(
                    Section(
                        heading=(Text(text="B"),),
                        level=4,
                        content=(Section(heading=(Text(text="C"),), level=6),),
                    ),
                ),
            ),
        )
    )
    value = _decoded(report)
    assert fast_path(value) == detailed_path(value) == report


def test_fast_path_declines_and_detailed_path_explains() -> None:
    value = _decoded(full_report())
    value["body"][1]["start"] = True
    with pytest.raises(DecodeError) as info:
        _converter.structure_report(value, "$.report")
    assert info.value.problems[0].path == "$.report.body[1].start"
    with pytest.raises(AssertionError, match="fell back"):
        fast_path(value)


def _hypothesis_reports() -> Any:
    try:
        from newsmodel.testing import strategies
    except ImportError:  # pragma: no cover - Hypothesis missing
        return None
    return getattr(strategies, "reports", None)


_reports = _hypothesis_reports()


@pytest.mark.skipif(_reports is None, reason="newsmodel.testing.strategies.reports is not available")
def test_decoders_agree_on_generated_reports() -> None:
    from hypothesis import HealthCheck, given, settings

    assert _reports is not None

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
    )
    @given(_reports())
    def check(report: Report) -> None:
        data = dumps(report)
        assert loads(data) == report
        assert dumps(loads(data)) == data
        value = msgspec.json.decode(data)["report"]
        detailed = detailed_path(value)
        assert detailed == report
        try:
            fast = fast_path(value)
        except AssertionError:
            return  # the fast path declined this document; the detailed path's answer is final
        assert fast == detailed

    check()


def test_collections_round_trip_and_keep_their_order() -> None:
    from newsmodel.formats.json import dumps_many, loads_many

    reports = (full_report(), date_only_report(), full_report())
    data = dumps_many(reports)
    assert loads_many(data) == reports
    assert dumps_many(loads_many(data)) == data
    assert loads_many(dumps(full_report())) == (full_report(),)  # a single report is a collection of one
    assert loads_many(dumps_many(())) == ()


def test_a_collection_is_not_a_report() -> None:
    from newsmodel.errors import DecodeError
    from newsmodel.formats.json import dumps_many

    with pytest.raises(DecodeError, match="holds 2 reports; read it with loads_many"):
        loads(dumps_many((full_report(), full_report())))


def test_collection_problems_name_the_report() -> None:
    import json as stdjson

    from newsmodel.errors import DecodeError
    from newsmodel.formats.json import dumps_many, loads_many

    doc = stdjson.loads(dumps_many((full_report(), full_report())))
    doc["reports"][1]["headline"] = 5
    with pytest.raises(DecodeError) as info:
        loads_many(stdjson.dumps(doc).encode())
    assert info.value.problems[0].path == "$.reports[1].headline"
    both = {"newsmodel": "1.0", "report": doc["reports"][0], "reports": []}
    with pytest.raises(DecodeError, match="either 'report' or 'reports'"):
        loads_many(stdjson.dumps(both).encode())
