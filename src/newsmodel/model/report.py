"""The report: its metadata, the things it declares once, its body, and what surrounds the body."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, TypeVar

import attrs

from newsmodel.errors import Problem, ValidationError
from newsmodel.model._base import (
    Agent,
    Block,
    Inline,
    Moment,
    Node,
    fail,
    fast,
    idents,
    many,
    node,
    nonempty,
    opt_ident,
    opt_lang,
    opt_moment,
    opt_nonempty,
    opt_one_of,
    opt_url,
    refers,
    texts,
)
from newsmodel.model._tree import collect_ids, reference_problems
from newsmodel.model.comments import Comments
from newsmodel.model.corrections import Correction
from newsmodel.model.legal import Instrument
from newsmodel.model.related import RelatedReport
from newsmodel.model.sources import SourceDocument

__all__ = ["Report"]


@fast("if not {v}.strip() or len({v}) > 512 or _SPACE({v}): raise _Bail", _SPACE=re.compile(r"\s").search)
def _report_id(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    nonempty(inst, attr, value)
    assert isinstance(value, str)
    if len(value) > 512 or any(c.isspace() for c in value):
        raise fail(inst, attr.name, f"{value!r} is not a stable id: no white space, at most 512 characters")


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


@node
class Report(Node):
    """A news report: metadata, declared agents, sources and instruments, the body, and its surroundings.

    Everything that other nodes name by id (people, organisations, source documents, legal instruments)
    is declared here once; building a report whose byline, quote or citation names something undeclared
    raises `ValidationError` with the path of each bad reference.
    """

    #: A stable id that survives re-publication (a URN, a slug, a UUID).
    id: str = attrs.field(validator=_report_id)
    headline: str = attrs.field(validator=nonempty)
    #: The canonical URL.
    url: str | None = attrs.field(default=None, validator=opt_url)
    #: The summary under the headline.
    standfirst: tuple[Inline, ...] = attrs.field(default=(), validator=many(Inline))
    #: Bylines, in order, by agent id.
    authors: tuple[str, ...] = attrs.field(default=(), validator=idents, metadata=refers("agent"))
    publisher: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))
    #: First publication: a date (day precision) or an aware datetime.
    published: Moment | None = attrs.field(default=None, validator=opt_moment)
    modified: Moment | None = attrs.field(default=None, validator=opt_moment)
    #: The report's language (BCP 47).
    language: str | None = attrs.field(default=None, validator=opt_lang)
    #: Where the report was filed from ("GENEVA").
    dateline: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: Subjects, from a vocabulary the publisher controls.
    topics: tuple[str, ...] = attrs.field(default=(), validator=texts)
    #: Free keywords.
    tags: tuple[str, ...] = attrs.field(default=(), validator=texts)
    agents: tuple[Agent, ...] = attrs.field(default=(), validator=many(Agent))
    sources: tuple[SourceDocument, ...] = attrs.field(default=(), validator=many(SourceDocument))
    instruments: tuple[Instrument, ...] = attrs.field(default=(), validator=many(Instrument))
    body: tuple[Block, ...] = attrs.field(default=(), validator=many(Block))
    related: tuple[RelatedReport, ...] = attrs.field(default=(), validator=many(RelatedReport))
    comments: Comments | None = attrs.field(default=None, validator=opt_one_of(Comments))
    corrections: tuple[Correction, ...] = attrs.field(default=(), validator=many(Correction))

    def __attrs_post_init__(self) -> None:
        problems = report_problems(self)
        if problems:
            raise ValidationError(problems)

    # Exporters resolve ids constantly; the declarations are short tuples, so a scan is enough.

    def agent(self, id: str) -> Agent:
        """The declared person or organisation `id` (KeyError if the report declares none)."""
        return _find(self.agents, id, "agent")

    def source(self, id: str) -> SourceDocument:
        """The declared source document `id`."""
        return _find(self.sources, id, "source document")

    def instrument(self, id: str) -> Instrument:
        """The declared legal instrument `id`."""
        return _find(self.instruments, id, "instrument")


T = TypeVar("T", Agent, SourceDocument, Instrument)


def _find(declared: tuple[T, ...], id: str, kind: str) -> T:
    for item in declared:
        if item.id == id:
            return item
    raise KeyError(f"the report declares no {kind} {id!r}")


def dates_problem(report: Report) -> Problem | None:
    """A problem if the report says it was modified before it was published."""
    if report.published is not None and report.modified is not None:
        p, m = report.published, report.modified
        # Two instants compare as instants; with a date on either side, compare calendar days.
        both = isinstance(p, datetime) and isinstance(m, datetime)
        if (m < p) if both else (_day(m) < _day(p)):
            return Problem(
                f"modified ({m.isoformat()}) is before published ({p.isoformat()})", path="$.modified"
            )
    return None


def report_problems(report: Report) -> list[Problem]:
    """Every rule a whole report must keep that no single node can check: ids and dates."""
    declared, used, problems = collect_ids(report)
    problems.extend(reference_problems(declared, used))
    d = dates_problem(report)
    if d is not None:
        problems.append(d)
    return problems
