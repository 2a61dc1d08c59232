"""Properties of the walk over generated reports: unchanged means identical, rebuilt means equal."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from newsmodel import Node, Report, Text, find, query, walk
from newsmodel.formats.json import dumps
from newsmodel.testing.strategies import reports
from newsmodel.tree import iter_nodes

SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(reports())
def test_identity_walk_returns_the_same_object(report: Report) -> None:
    assert walk(report, lambda n: n) is report
    assert walk(report, lambda n: None) is report
    assert walk(report, lambda n: n, into_inlines=False) is report


@SETTINGS
@given(reports())
def test_rebuilding_every_text_gives_an_equal_but_new_tree(report: Report) -> None:
    rebuilt = walk(report, lambda n: Text(text=n.text), types=(Text,))
    assert rebuilt == report
    assert dumps(rebuilt) == dumps(report)
    texts = list(find(report, Text))
    assert (rebuilt is report) == (not texts)


@SETTINGS
@given(reports())
def test_query_visits_every_node_once_in_document_order(report: Report) -> None:
    visited: list[Node] = query(report, lambda n: n)
    assert [id(n) for n in visited] == [id(n) for _, n in iter_nodes(report)]


@SETTINGS
@given(reports())
def test_export_is_deterministic(report: Report) -> None:
    assert dumps(report) == dumps(report)
    assert dumps(report, indent=None) == dumps(report, indent=None)
