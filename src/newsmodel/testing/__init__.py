"""Test helpers for newsmodel and its plugins.

- `newsmodel.testing.strategies`: Hypothesis strategies of valid reports (needs Hypothesis, the
  ``test`` extra).
- `newsmodel.testing.plugins`: `registered` (use a plugin for one block) and `check_roundtrip`; these
  need nothing beyond newsmodel.

The strategies' names are also reachable here (``newsmodel.testing.reports``), imported on first use so
that the plugin helpers work without Hypothesis. Nothing else in newsmodel imports this package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsmodel.testing.plugins import check_roundtrip as check_roundtrip
    from newsmodel.testing.plugins import registered as registered
    from newsmodel.testing.strategies import TEXT_FRAGMENTS as TEXT_FRAGMENTS
    from newsmodel.testing.strategies import TIMEZONES as TIMEZONES
    from newsmodel.testing.strategies import blocks as blocks
    from newsmodel.testing.strategies import ids as ids
    from newsmodel.testing.strategies import inlines as inlines
    from newsmodel.testing.strategies import languages as languages
    from newsmodel.testing.strategies import moments as moments
    from newsmodel.testing.strategies import nonempty_texts as nonempty_texts
    from newsmodel.testing.strategies import reports as reports
    from newsmodel.testing.strategies import texts as texts
    from newsmodel.testing.strategies import urls as urls

_PLUGINS = ("check_roundtrip", "registered")
_STRATEGIES = (
    "TEXT_FRAGMENTS",
    "TIMEZONES",
    "blocks",
    "ids",
    "inlines",
    "languages",
    "moments",
    "nonempty_texts",
    "reports",
    "texts",
    "urls",
)

__all__ = [
    "TEXT_FRAGMENTS",
    "TIMEZONES",
    "blocks",
    "check_roundtrip",
    "ids",
    "inlines",
    "languages",
    "moments",
    "nonempty_texts",
    "registered",
    "reports",
    "texts",
    "urls",
]


def __getattr__(name: str) -> Any:
    if name in _PLUGINS:
        return getattr(importlib.import_module("newsmodel.testing.plugins"), name)
    if name in _STRATEGIES:
        return getattr(importlib.import_module("newsmodel.testing.strategies"), name)
    raise AttributeError(f"module 'newsmodel.testing' has no attribute {name!r}")
