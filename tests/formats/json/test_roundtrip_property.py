"""The native format's promise, checked on a thousand generated reports per run: nothing is lost.

The reports come from `newsmodel.testing.strategies.reports`, whose text mixes right-to-left scripts,
CJK, emoji sequences and combining marks with markup characters.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from newsmodel.formats.json import dumps, loads
from newsmodel.model import Report
from newsmodel.testing.strategies import reports

ROUND_TRIPS = 1000


@settings(
    max_examples=ROUND_TRIPS,
    deadline=None,
    database=None,
    # Whole reports are large draws by design; generating them is the point of this test.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(reports())
def test_load_of_dump_is_the_report(report: Report) -> None:
    data = dumps(report)
    again = loads(data)
    assert again == report
    assert dumps(again) == data  # and writing it again gives the same bytes
    assert loads(dumps(report, indent=None)) == report
