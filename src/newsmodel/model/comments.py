"""Reader comments, kept apart from the report's own text."""

from __future__ import annotations

import attrs

from newsmodel.model._base import (
    Block,
    Inline,
    Moment,
    Node,
    declares,
    fail,
    many,
    node,
    opt_ident,
    opt_integer,
    opt_moment,
    opt_nonempty,
    opt_url,
)

__all__ = ["Comment", "Comments"]


@node
class Comment(Node):
    """One reader comment; `author` is the display name, None when the page shows none."""

    content: tuple[Block, ...] = attrs.field(validator=many(Block))
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("comment"))
    author: str | None = attrs.field(default=None, validator=opt_nonempty)
    author_url: str | None = attrs.field(default=None, validator=opt_url)
    date: Moment | None = attrs.field(default=None, validator=opt_moment)

    @property
    def anonymous(self) -> bool:
        """True when the page names no author."""
        return self.author is None


@node
class Comments(Node):
    """The comment thread: the count the page announces and the comments it shows."""

    items: tuple[Comment, ...] = attrs.field(default=(), validator=many(Comment))
    #: The count the page announces ("Comments (4)"); may exceed the comments shown.
    count: int | None = attrs.field(default=None, validator=opt_integer(0))
    #: Furniture shown with the thread ("Only members may comment.").
    notice: tuple[Inline, ...] = attrs.field(default=(), validator=many(Inline))

    def __attrs_post_init__(self) -> None:
        if self.count is not None and self.count < len(self.items):
            raise fail(self, "count", f"{self.count} is fewer than the {len(self.items)} comments shown")
