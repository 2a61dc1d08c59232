"""Test helpers for newsmodel and its plugins: Hypothesis strategies of valid reports.

Importing this package needs Hypothesis (the ``test`` extra); nothing else in newsmodel imports it.
"""

from __future__ import annotations

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

__all__ = [
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
]
