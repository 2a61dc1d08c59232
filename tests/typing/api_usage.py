"""Type-checked, not run: the public API as users write it. ``mypy`` (strict) checks this file."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import newsmodel
from newsmodel import BlockQuote, InlineQuote, Node, Paragraph, Report, Text, Transformer, find, query, walk
from newsmodel.build import em, p, q, report, section
from newsmodel.errors import InvalidError, Problem
from newsmodel.plugin import FormatSpec, hookimpl


def build() -> Report:
    return report(
        "Typed headline",
        id="typed",
        published=date(2026, 1, 2),
        body=[section("Part", p("Hello ", em("world"), q("quoted")))],
    )


def use(r: Report) -> None:
    data: bytes = newsmodel.dumps(r, "json")
    again: Report = newsmodel.loads(data)
    quotes: list[InlineQuote] = list(find(again, InlineQuote))
    speakers: list[str] = query(again, lambda n: n.provenance.speaker, types=(InlineQuote, BlockQuote))
    upper: Report = walk(again, lambda n: Text(text=n.text.upper()), types=(Text,))
    first: Node = upper.body[0]
    assert isinstance(first, Paragraph) or first is not None
    del quotes, speakers
    try:
        newsmodel.loads(b"{}")
    except InvalidError as e:
        problems: tuple[Problem, ...] = e.problems
        del problems


class Counter(Transformer):
    def __init__(self) -> None:
        self.texts = 0

    def visit_Text(self, node: Text) -> Text:
        self.texts += 1
        return node


def export(report: Report, options: Mapping[str, Any]) -> bytes:
    return report.headline.encode()


@hookimpl
def newsmodel_register_formats() -> list[FormatSpec]:
    return [
        FormatSpec(
            name="headline",
            description="just the headline",
            media_type="text/plain",
            exporter=export,
        )
    ]
