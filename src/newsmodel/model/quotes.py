"""Quotations with provenance, the scare quotes that are not quotations, and titles of works.

A quote says who said it (`speaker`) or where it was written (`source`, or `provision` when it is law),
on what occasion, when, in which language, whether what is printed is a translation and by whom, and
whether it re-quotes an earlier quote of the same report. Scare quotes ('re-education') are a different
node: they mark words, they attribute nothing.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from newsmodel.model._base import (
    Block,
    Inline,
    Moment,
    Node,
    declares,
    fail,
    fast,
    lang,
    many,
    node,
    nonempty,
    one_of,
    opt_ident,
    opt_lang,
    opt_moment,
    opt_nonempty,
    opt_one_of,
    opt_url,
    refers,
)
from newsmodel.model.legal import ProvisionRef

__all__ = [
    "BlockQuote",
    "InlineQuote",
    "Occasion",
    "Provenance",
    "ScareQuote",
    "Translation",
    "WorkTitle",
]


@node
class Occasion(Node):
    """Where words were said: an investor call, a hearing, a press conference."""

    name: str = attrs.field(validator=nonempty)
    date: Moment | None = attrs.field(default=None, validator=opt_moment)
    place: str | None = attrs.field(default=None, validator=opt_nonempty)
    url: str | None = attrs.field(default=None, validator=opt_url)


@node
class Provenance(Node):
    """Where quoted words come from. Every field is optional: say what the report knows.

    `speaker` and `source` may both be set (a person quoted from a document they wrote); `provision`
    is for quoted law, cited or not; `requotes` names an earlier quote of this report that the words
    repeat, so a reader (and a fidelity check) can follow them back.
    """

    #: Who said or wrote it, by agent id.
    speaker: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))
    #: The document it was taken from, by source id.
    source: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("source"))
    #: The provision of law it quotes.
    provision: ProvisionRef | None = attrs.field(default=None, validator=opt_one_of(ProvisionRef))
    #: The event it was said at.
    occasion: Occasion | None = attrs.field(default=None, validator=opt_one_of(Occasion))
    #: When it was said or written, if not the occasion's date.
    date: Moment | None = attrs.field(default=None, validator=opt_moment)
    #: The language the words are printed in (when it differs from the report's).
    language: str | None = attrs.field(default=None, validator=opt_lang)
    #: The language the words were first said or written in; if it differs, the print is a translation.
    original_language: str | None = attrs.field(default=None, validator=opt_lang)
    #: Who translated them, by agent id.
    translator: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))
    #: An earlier quote in this report that these words repeat, by quote id.
    requotes: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("quote"))

    @property
    def translated(self) -> bool:
        """True when the printed words are a translation of the original."""
        return (
            self.original_language is not None
            and self.language is not None
            and self.original_language != self.language
        ) or self.translator is not None


_NO_PROVENANCE = Provenance()


@node
class Translation(Node):
    """A translation printed alongside a quote that keeps its original words."""

    #: The language of this translation.
    language: str = attrs.field(validator=lang)
    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    #: Who translated, by agent id.
    translator: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("agent"))


#: Two characters, neither a letter, digit, underscore nor white space: an opening and a closing mark.
_MARKS = re.compile(r"[^\w\s]{2}\Z")


@fast("if {v} is not None and _MARKLIKE({v}) is None: raise _Bail", _MARKLIKE=_MARKS.match)
def _marks(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    nonempty(inst, attr, value)
    assert isinstance(value, str)
    if not _MARKS.match(value):
        raise fail(inst, attr.name, f"{value!r} is not an opening and a closing quotation mark, such as '“”'")


@node
class InlineQuote(Inline):
    """Quoted words inside a sentence, with their provenance (``<q>`` in HTML)."""

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    provenance: Provenance = attrs.field(default=_NO_PROVENANCE, validator=one_of(Provenance))
    #: Id for re-quotes and fidelity reports to point at.
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("quote"))
    #: Translations printed with the quote.
    translations: tuple[Translation, ...] = attrs.field(default=(), validator=many(Translation))
    #: The quotation marks the source typed, opening then closing ('""', '“”', '«»'), if recorded.
    marks: str | None = attrs.field(default=None, validator=_marks)


@node
class BlockQuote(Block):
    """A quotation set apart from the text, one or more blocks long, with its provenance."""

    content: tuple[Block, ...] = attrs.field(validator=many(Block))
    provenance: Provenance = attrs.field(default=_NO_PROVENANCE, validator=one_of(Provenance))
    id: str | None = attrs.field(default=None, validator=opt_ident, metadata=declares("block", "quote"))
    translations: tuple[Translation, ...] = attrs.field(default=(), validator=many(Translation))


@node
class ScareQuote(Inline):
    """Words in quotation marks that quote nobody: irony, distance, a term ('re-education')."""

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    marks: str | None = attrs.field(default=None, validator=_marks)


@node
class WorkTitle(Inline):
    """The title of a work the text names: an essay, a book, a report, a film (HTML ``<cite>``).

    `source` links it to the declared `SourceDocument` when the report quotes from that work. Laws are
    named with `Citation`; other reports of the publication with `Link` or `RelatedReport`.
    """

    content: tuple[Inline, ...] = attrs.field(validator=many(Inline))
    #: The work, by source id, when the report declares it.
    source: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("source"))
    #: Quotation marks the title was printed in ('""', '“”'), if any; None when set off otherwise.
    marks: str | None = attrs.field(default=None, validator=_marks)
