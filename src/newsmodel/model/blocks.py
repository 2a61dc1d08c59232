"""The body's blocks: sections, paragraphs, lists, figures, editor's notes and page furniture.

Quotations set apart are `newsmodel.model.quotes.BlockQuote`. Every block may carry an `id`, unique in
the report, for corrections and links to point at.
"""

from __future__ import annotations

from typing import Any

import attrs

from newsmodel.model._base import (
    Block,
    Inline,
    Moment,
    Node,
    boolean,
    declares,
    fail,
    fast,
    integer,
    many,
    node,
    nonempty,
    one_of,
    opt_ident,
    opt_integer,
    opt_moment,
    opt_nonempty,
    opt_text,
    opt_url,
)

__all__ = [
    "EditorsNote",
    "Figure",
    "Image",
    "ItemList",
    "ListItem",
    "Paragraph",
    "Promo",
    "Section",
]

#: Heading levels a section may have: 1 is the report's headline.
MIN_LEVEL, MAX_LEVEL = 2, 6


def _subsections(inst: Any, attr: attrs.Attribute[Any], value: object) -> None:
    many(Block)(inst, attr, value)
    assert isinstance(value, tuple)
    for i, block in enumerate(value):
        if isinstance(block, Section) and block.level <= inst.level:
            raise fail(
                inst,
                f"{attr.name}[{i}].level",
                f"a level-{block.level} section cannot sit inside a level-{inst.level} section",
            )


@node
class Section(Block):
    """A headed part of the report; sections nest by level (2 under the headline, then 3, ...)."""

    heading: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    content: tuple[Block, ...] = attrs.field(default=(), validator=_subsections)
    level: int = attrs.field(default=MIN_LEVEL, validator=integer(MIN_LEVEL, MAX_LEVEL))
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block"))


fast(
    "for _b in {v}:",
    "    if _b.__class__ is _Section and _b.level <= o.level: raise _Bail",
    _Section=Section,
)(_subsections)


@node
class Paragraph(Block):
    """A paragraph of running text."""

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block"))


@node
class ListItem(Node):
    """One item of an `ItemList`; `label` holds a lead-in such as "Religion:" when the item has one."""

    content: tuple[Block, ...] = attrs.field(validator=many(Block))
    label: tuple[Inline, ...] = attrs.field(default=(), validator=many(Inline))
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block"))


@node
class ItemList(Block):
    """A bulleted or numbered list."""

    items: tuple[ListItem, ...] = attrs.field(validator=many(ListItem))
    ordered: bool = attrs.field(default=False, validator=boolean)
    #: First number of an ordered list, when not 1.
    start: int | None = attrs.field(default=None, validator=opt_integer(0))
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block"))


@node
class Image(Node):
    """An image file or URL, with what a reader who cannot see it needs."""

    #: URL, or a file name as the page printed it when that is all the source kept (it may hold
    #: spaces; exporters encode it for their own syntax).
    src: str = attrs.field(validator=nonempty)
    #: Alternative text; None means missing (exporters warn), "" means decorative.
    alt: str | None = attrs.field(default=None, validator=opt_text)
    media_type: str | None = attrs.field(default=None, validator=opt_nonempty)
    width: int | None = attrs.field(default=None, validator=opt_integer(1))
    height: int | None = attrs.field(default=None, validator=opt_integer(1))


@node
class Figure(Block):
    """An image with its caption and credit."""

    image: Image = attrs.field(validator=one_of(Image))
    caption: tuple[Inline, ...] = attrs.field(default=(), validator=many(Inline))
    #: Who made or owns the image ("Photo: ...").
    credit: tuple[Inline, ...] = attrs.field(default=(), validator=many(Inline))
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block"))


@node
class EditorsNote(Block):
    """A note from the editors inside the body ("Note: this call took place before ...")."""

    content: tuple[Block, ...] = attrs.field(validator=many(Block))
    date: Moment | None = attrs.field(default=None, validator=opt_moment)
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block"))


@node
class Promo(Block):
    """Page furniture an importer found in the body (a newsletter prompt, a sign-up box).

    Kept so nothing is silently dropped; exporters usually leave it out or style it apart.
    """

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    #: What it promotes, in a word ("newsletter", "membership", "event").
    kind: str | None = attrs.field(default=None, validator=opt_nonempty)
    url: str | None = attrs.field(default=None, validator=opt_url)
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block"))
