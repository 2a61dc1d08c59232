"""Runs of text and the editorial marks that live inside quotations.

Editorial interventions are nodes, not characters: "[UN]" is an `Insertion`, "[...]" an `Elision`,
"[sic]" a `Sic`, and "[emphasis added]" is never typed at all: it is what an exporter says about an
`Emphasis` whose origin is the editor. Each exporter decides the brackets and the wording.
"""

from __future__ import annotations

from enum import Enum

import attrs

from newsmodel.model._base import (
    Inline,
    many,
    member,
    node,
    opt_nonempty,
    opt_text,
    text,
    url,
)

__all__ = [
    "Elision",
    "ElisionMark",
    "Emphasis",
    "Insertion",
    "LineBreak",
    "Link",
    "Origin",
    "Sic",
    "Strong",
    "Text",
]


class Origin(Enum):
    """Who put a mark on quoted words: the original speaker or writer, or the editor quoting them."""

    ORIGINAL = "original"
    EDITOR = "editor"


class ElisionMark(Enum):
    """How the source showed an omission, so a faithful exporter can show it the same way."""

    #: "[...]" or "[…]": the editor's omission, bracketed.
    BRACKETED = "bracketed"
    #: "…" or "...", bare.
    BARE = "bare"


@node
class Text(Inline):
    """A run of plain text. Line ends inside a paragraph are `LineBreak`, not "\\n"."""

    #: The characters; never empty in a well-formed tree, but empty is allowed while building.
    text: str = attrs.field(validator=text)


@node
class Emphasis(Inline):
    """Emphasised words (italic in most styles); `origin` says whose emphasis it is.

    Emphasis the editor added inside a quote has ``origin=Origin.EDITOR``; exporters then write
    "[emphasis added]" (or their style's wording). `Strong` is the heavier variant.
    """

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    origin: Origin = attrs.field(default=Origin.ORIGINAL, validator=member(Origin))


@node
class Strong(Inline):
    """Strongly emphasised words (bold in most styles); `origin` as for `Emphasis`."""

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    origin: Origin = attrs.field(default=Origin.ORIGINAL, validator=member(Origin))


@node
class Link(Inline):
    """A hyperlink. Exporters apply their own URL-scheme policy; the model keeps what it was given."""

    url: str = attrs.field(validator=url)
    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    #: Advisory title (the HTML ``title`` attribute).
    title: str | None = attrs.field(default=None, validator=opt_text)


@node
class LineBreak(Inline):
    """A hard line break inside a block (a poem line, an address)."""


@node
class Insertion(Inline):
    """Words the editor supplied inside a quotation: the "UN" of "[UN]" (TEI ``supplied``)."""

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    #: Why it was supplied, when the report says ("clarification", "translation").
    reason: str | None = attrs.field(default=None, validator=opt_nonempty)


@node
class Elision(Inline):
    """Words the editor left out of a quotation (TEI ``gap reason="omitted"``)."""

    #: How the source marked the omission.
    mark: ElisionMark = attrs.field(default=ElisionMark.BRACKETED, validator=member(ElisionMark))
    #: The omitted words, when known (from the source text); exporters normally do not show them.
    omitted: str | None = attrs.field(default=None, validator=opt_text)


@node
class Sic(Inline):
    """Words reproduced as the source wrote them, error and all ("HumanRights" [sic])."""

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    #: The corrected reading, if the editor gives one.
    correction: str | None = attrs.field(default=None, validator=opt_nonempty)
