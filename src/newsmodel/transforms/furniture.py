"""Dropping page furniture: what an importer kept so nothing was lost, and a republisher does not want.

Importers keep newsletter prompts and sign-up boxes as `Promo` blocks, and "only members may comment"
lines as `Comments.notice`, because silently dropping text is worse than keeping too much. Before the
report is republished elsewhere, this transform removes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newsmodel.errors import OptionError
from newsmodel.model import Promo, Report
from newsmodel.plugin import Option, TransformSpec, hookimpl
from newsmodel.tree import replace, walk

__all__ = ["drop_furniture"]


def drop_furniture(report: Report, *, kinds: Iterable[str] | None = None) -> Report:
    """`report` without `Promo` blocks (only those of `kinds`, when given) and without comment notices.

    Returns `report` itself when there is nothing to drop.
    """
    wanted = None if kinds is None else frozenset(kinds)

    def drop(promo: Promo) -> tuple[()] | Promo:
        return () if wanted is None or promo.kind in wanted else promo

    out = walk(report, drop, types=(Promo,), into_inlines=False)
    if out.comments is not None and out.comments.notice and wanted is None:
        out = replace(out, comments=replace(out.comments, notice=()))
    return out


def _transform(report: Report, options: Mapping[str, Any]) -> Report:
    kinds = options.get("kinds")
    if kinds is not None and (not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds)):
        raise OptionError(
            f"drop-furniture option kinds must be a list of strings, got {kinds!r}", option="kinds"
        )
    return drop_furniture(report, kinds=kinds)


@hookimpl
def newsmodel_register_transforms() -> Iterable[TransformSpec]:
    return [
        TransformSpec(
            name="drop-furniture",
            description="remove page furniture (promos, comment notices) before republishing",
            function=_transform,
            options=(Option("kinds", 'only promos of these kinds, e.g. ["newsletter"]; keeps notices'),),
        )
    ]
