"""Shared fixtures: the hand-built sample reports of tests/samples.py."""

from __future__ import annotations

import pytest

from newsmodel.model import Report
from tests.samples import date_only_report, full_report, minimal_report

_SAMPLES = {"full": full_report, "dates": date_only_report, "minimal": minimal_report}


@pytest.fixture(params=sorted(_SAMPLES))
def sample_report(request: pytest.FixtureRequest) -> Report:
    """Each hand-built sample report in turn: every field type, dates only, and the minimum."""
    return _SAMPLES[request.param]()
