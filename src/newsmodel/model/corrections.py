"""Dated corrections, anchored to the blocks they correct."""

from __future__ import annotations

from enum import Enum

import attrs

from newsmodel.model._base import Inline, Moment, Node, idents, many, member, moment, node, refers

__all__ = ["Correction", "CorrectionKind"]


class CorrectionKind(Enum):
    """How serious the change is, in the words newsrooms use."""

    CORRECTION = "correction"
    CLARIFICATION = "clarification"
    RETRACTION = "retraction"
    UPDATE = "update"


@node
class Correction(Node):
    """A notice of a change to the report, with the blocks it concerns (by block id)."""

    date: Moment = attrs.field(validator=moment)
    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    #: Ids of the blocks the correction concerns; empty when it concerns the whole report.
    anchors: tuple[str, ...] = attrs.field(default=(), validator=idents, metadata=refers("block"))
    kind: CorrectionKind = attrs.field(default=CorrectionKind.CORRECTION, validator=member(CorrectionKind))
