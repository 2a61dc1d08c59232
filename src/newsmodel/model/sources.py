"""Documents the report quotes from: a statement on a website, a fact sheet, a company report."""

from __future__ import annotations

import attrs

from newsmodel.model._base import (
    Moment,
    Node,
    declares,
    ident,
    node,
    nonempty,
    opt_ident,
    opt_lang,
    opt_moment,
    opt_nonempty,
    opt_url,
    refers,
)

__all__ = ["SourceDocument"]


@node
class SourceDocument(Node):
    """A document quoted in the report, declared once and named by quotes' `Provenance.source`.

    Law is an `Instrument`, not a source document: quotes of law point at a provision.
    """

    id: str = attrs.field(validator=ident, metadata=declares("source"))
    title: str = attrs.field(validator=nonempty)
    #: What kind of document ("fact sheet", "ESG report", "web article").
    kind: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: Who wrote it, by agent id.
    author: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))
    #: Who published it (the site it appeared on), by agent id.
    publisher: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))
    url: str | None = attrs.field(default=None, validator=opt_url)
    date: Moment | None = attrs.field(default=None, validator=opt_moment)
    #: The language it is written in.
    language: str | None = attrs.field(default=None, validator=opt_lang)
