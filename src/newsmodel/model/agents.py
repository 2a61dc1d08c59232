"""People and organisations: who writes, speaks, publishes, translates or chairs.

Agents are declared once on the `Report` and named elsewhere by id, so a byline, a quote's speaker and a
translator that are the same person are provably the same person.
"""

from __future__ import annotations

import attrs

from newsmodel.model._base import (
    Agent,
    declares,
    fail,
    ident,
    node,
    nonempty,
    opt_ident,
    opt_nonempty,
    opt_url,
    refers,
)

__all__ = ["Organization", "Person"]


@node
class Person(Agent):
    """A person; anonymous when `name` is None, and then `role` says who they are ("a Chinese official").

    Use `Organization` for a company, a government body or a newsroom team.
    """

    #: Id other nodes use to name this person (bylines, quote speakers, translators).
    id: str = attrs.field(validator=ident, metadata=declares("agent"))
    #: Full name as published; None for an anonymous source.
    name: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: What the person is, in the report's words ("chair", "a Chinese official").
    role: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: A page about the person (profile, homepage).
    url: str | None = attrs.field(default=None, validator=opt_url)
    #: The organisation the role is held in, by id.
    affiliation: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.role is None:
            raise fail(self, "role", "an anonymous person (no name) needs a described role")

    @property
    def anonymous(self) -> bool:
        """True when the report does not name this person."""
        return self.name is None


@node
class Organization(Agent):
    """A company, a public body, a newsroom or a team inside one (with `parent`)."""

    #: Id other nodes use to name this organisation.
    id: str = attrs.field(validator=ident, metadata=declares("agent"))
    #: Name as published ("IPVM Team" would be a team whose parent is the publisher).
    name: str = attrs.field(validator=nonempty)
    #: A common short form ("UN", "CSHRS").
    short_name: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: The organisation's own site.
    url: str | None = attrs.field(default=None, validator=opt_url)
    #: The organisation this one belongs to, by id.
    parent: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))
