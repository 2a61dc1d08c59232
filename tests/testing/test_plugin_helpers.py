"""The helpers newsmodel ships for plugin authors' own tests."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

import newsmodel
from newsmodel.model import Report
from newsmodel.plugin import FormatSpec, hookimpl
from newsmodel.plugin.registry import get_registry
from newsmodel.testing.plugins import check_roundtrip, registered
from tests.samples import full_report


def _headline_only(data: bytes, options: Mapping[str, Any]) -> Report:
    return Report(id="read-back", headline=data.decode())


class Lossy:
    """Writes only the headline: a format whose round trip loses almost everything."""

    @hookimpl
    def newsmodel_register_formats(self) -> list[FormatSpec]:
        return [
            FormatSpec(
                name="lossy",
                description="the headline only",
                media_type="text/plain",
                exporter=lambda report, options: report.headline.encode(),
                importer=_headline_only,
                losses=("everything but the headline",),
            )
        ]


def test_registered_installs_a_plugin_for_the_block_and_restores_the_registry() -> None:
    before = get_registry()
    with registered(Lossy()) as registry:
        assert get_registry() is registry
        assert newsmodel.dumps(full_report(), "lossy") == full_report().headline.encode()
    assert get_registry() is before
    with pytest.raises(newsmodel.errors.UnknownFormatError):
        newsmodel.dumps(full_report(), "lossy")


def test_registered_restores_the_registry_when_the_block_raises() -> None:
    before = get_registry()
    with pytest.raises(RuntimeError), registered(Lossy()):
        raise RuntimeError("a failing test")
    assert get_registry() is before


def test_check_roundtrip_passes_a_lossless_format() -> None:
    report = full_report()
    assert check_roundtrip(report, "json") == report


def test_check_roundtrip_names_the_first_difference() -> None:
    with registered(Lossy()) as registry, pytest.raises(AssertionError, match="lossy round trip differs"):
        check_roundtrip(full_report(), "lossy", registry=registry)
