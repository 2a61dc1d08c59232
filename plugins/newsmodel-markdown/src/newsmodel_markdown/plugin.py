"""The plugin module the ``newsmodel`` entry point names: one hook returning one format.

newsmodel imports this module when it builds its registry and calls every ``@hookimpl`` function in it.
Keep it small and cheap: the renderer is imported inside `_export`, the first time a report is written,
so listing formats never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from newsmodel.plugin import FormatSpec, Option, hookimpl

if TYPE_CHECKING:
    from newsmodel.model import Report


def _export(report: Report, options: Mapping[str, Any]) -> bytes:
    from newsmodel_markdown.render import export

    return export(report, options)


@hookimpl
def newsmodel_register_formats() -> Iterable[FormatSpec]:
    return [
        FormatSpec(
            name="markdown",
            description="CommonMark for reading: quotes attributed, editorial marks kept (write only)",
            media_type="text/markdown",
            extensions=(".md",),
            exporter=_export,
            writer_options=(
                Option("promos", "true to include page furniture (newsletter prompts, ...)"),
                Option(
                    "emphasis_note", 'words after a quote with editor\'s emphasis (default "emphasis added")'
                ),
                Option("link_citations", "false to leave citations unlinked"),
            ),
        )
    ]
