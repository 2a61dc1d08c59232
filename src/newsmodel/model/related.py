"""Links from a report to other reports, each with the relation that explains it."""

from __future__ import annotations

from enum import Enum

import attrs

from newsmodel.model._base import Moment, Node, member, node, nonempty, opt_moment, opt_nonempty, opt_url

__all__ = ["RelatedReport", "Relation"]


class Relation(Enum):
    """Why a report is listed: it cites this one, this one cites it, it follows up, or it is near."""

    #: This report cites the other.
    CITES = "cites"
    #: The other report cites this one ("3 reports cite this report").
    CITED_BY = "cited_by"
    #: Chosen as related by the publisher.
    RELATED = "related"
    #: Listed as recent by the publisher (page furniture, but still reports).
    RECENT = "recent"
    #: The other report follows this one up.
    FOLLOW_UP = "follow_up"
    #: The other report is what this one follows up.
    FOLLOWS = "follows"


@node
class RelatedReport(Node):
    """Another report, as a list on the page shows it: title, date, teaser, link."""

    relation: Relation = attrs.field(validator=member(Relation))
    title: str = attrs.field(validator=nonempty)
    url: str | None = attrs.field(default=None, validator=opt_url)
    date: Moment | None = attrs.field(default=None, validator=opt_moment)
    #: The teaser as shown, including a trailing "..." if the page cut it.
    teaser: str | None = attrs.field(default=None, validator=opt_nonempty)
