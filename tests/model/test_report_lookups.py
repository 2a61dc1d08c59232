"""Resolving declared ids on a report, as exporters do."""

from __future__ import annotations

import pytest

from newsmodel.model import (
    Instrument,
    InstrumentKind,
    Organization,
    Person,
    ProvisionStep,
    Report,
    SourceDocument,
)
from newsmodel.model.legal import path_text


def _report() -> Report:
    return Report(
        id="r",
        headline="h",
        agents=(Organization(id="org", name="Org"), Person(id="ana", name="Ana", affiliation="org")),
        sources=(SourceDocument(id="doc", title="A document"),),
        instruments=(Instrument(id="udhr", title="Universal Declaration", kind=InstrumentKind.DECLARATION),),
    )


def test_declared_ids_resolve_to_their_nodes() -> None:
    report = _report()
    assert report.agent("ana").name == "Ana"  # type: ignore[union-attr]
    assert report.agent("org") is report.agents[0]
    assert report.source("doc").title == "A document"
    assert report.instrument("udhr").kind is InstrumentKind.DECLARATION


@pytest.mark.parametrize(
    ("lookup", "kind"), [("agent", "agent"), ("source", "source document"), ("instrument", "instrument")]
)
def test_undeclared_ids_raise_key_error_naming_the_kind(lookup: str, kind: str) -> None:
    with pytest.raises(KeyError, match=f"declares no {kind} 'missing'"):
        getattr(_report(), lookup)("missing")


def test_path_text_reads_a_provision_path() -> None:
    steps = (ProvisionStep(unit="article", number="19"), ProvisionStep(unit="paragraph", number="2"))
    assert path_text(steps) == "article 19 paragraph 2"
    assert path_text(()) == ""
