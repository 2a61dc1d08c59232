"""Short constructors for writing reports by hand: strings become `Text`, lists become tuples.

The model's classes are strict (keyword-only, tuples of nodes) so that a tree is always valid; these
helpers keep hand-written reports short without loosening anything, since they call the same
constructors::

    from newsmodel import Person
    from newsmodel.build import p, em, q, section, report

    r = report(
        "Council approves river plan",
        id="river-plan",
        agents=[Person(id="ana", name="Ana Ruiz", role="mayor")],
        body=[section("The decision", p("The vote was ", em("close"), ": ", q("at last", speaker="ana")))],
    )
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsmodel.model import (
    Block,
    BlockQuote,
    Citation,
    EditorsNote,
    Elision,
    ElisionMark,
    Emphasis,
    Figure,
    Image,
    Inline,
    InlineQuote,
    Insertion,
    ItemList,
    LineBreak,
    Link,
    ListItem,
    Moment,
    Occasion,
    Origin,
    Paragraph,
    Provenance,
    ProvisionRef,
    ProvisionStep,
    Report,
    ScareQuote,
    Section,
    Sic,
    Strong,
    Text,
    Translation,
    WorkTitle,
)

__all__ = [
    "blockquote",
    "br",
    "cite",
    "elision",
    "em",
    "figure",
    "inlines",
    "insertion",
    "item",
    "link",
    "note",
    "ol",
    "p",
    "path",
    "provenance",
    "q",
    "report",
    "scare",
    "section",
    "sic",
    "strong",
    "ul",
    "work",
]

Part = str | Inline
_STEP = re.compile(r"([A-Za-z_]+)\s+([0-9A-Za-z.-]+)((?:\([0-9A-Za-z]+\))*)")


def inlines(*parts: Part) -> tuple[Inline, ...]:
    """Strings become `Text`; empty strings are dropped."""
    return tuple(Text(text=x) if isinstance(x, str) else x for x in parts if x != "")


def _blocks(parts: Iterable[str | Inline | Block]) -> tuple[Block, ...]:
    out: list[Block] = []
    run: list[Part] = []
    for x in parts:
        if isinstance(x, Block):
            if run:
                out.append(Paragraph(content=inlines(*run)))
                run = []
            out.append(x)
        else:
            run.append(x)
    if run:
        out.append(Paragraph(content=inlines(*run)))
    return tuple(out)


def path(text: str) -> tuple[ProvisionStep, ...]:
    """A provision path from words: ``path("article 10(1)")`` is article 10, paragraph 1.

    Parenthesised numbers after a step become paragraphs, then points.
    """
    steps: list[ProvisionStep] = []
    for m in _STEP.finditer(text):
        steps.append(ProvisionStep(unit=m.group(1).lower(), number=m.group(2)))
        subs = re.findall(r"\(([0-9A-Za-z]+)\)", m.group(3))
        for unit, number in zip(("paragraph", "point", "subpoint"), subs, strict=False):
            steps.append(ProvisionStep(unit=unit, number=number))
    if not steps and text.strip():
        raise ValueError(f"{text!r} is not a provision path such as 'article 19' or 'article 10(1)'")
    return tuple(steps)


def provenance(
    *,
    speaker: str | None = None,
    source: str | None = None,
    provision: str | ProvisionRef | None = None,
    instrument: str | None = None,
    occasion: str | Occasion | None = None,
    occasion_date: Moment | None = None,
    date: Moment | None = None,
    language: str | None = None,
    original_language: str | None = None,
    translator: str | None = None,
    requotes: str | None = None,
) -> Provenance:
    """A `Provenance`; ``provision="article 36", instrument="prc-constitution"`` builds the reference."""
    if isinstance(provision, str) or (provision is None and instrument is not None):
        if instrument is None:
            raise ValueError("a provision given as text needs instrument=")
        provision = ProvisionRef(instrument=instrument, path=path(provision or ""))
    if isinstance(occasion, str):
        occasion = Occasion(name=occasion, date=occasion_date)
    return Provenance(
        speaker=speaker,
        source=source,
        provision=provision,
        occasion=occasion,
        date=date,
        language=language,
        original_language=original_language,
        translator=translator,
        requotes=requotes,
    )


def em(*parts: Part, editor: bool = False) -> Emphasis:
    """Emphasis; ``editor=True`` marks emphasis the editor added to a quotation."""
    return Emphasis(content=inlines(*parts), origin=Origin.EDITOR if editor else Origin.ORIGINAL)


def strong(*parts: Part, editor: bool = False) -> Strong:
    """Strong emphasis."""
    return Strong(content=inlines(*parts), origin=Origin.EDITOR if editor else Origin.ORIGINAL)


def link(url: str, *parts: Part, title: str | None = None) -> Link:
    """A link; with no parts, the URL is its text."""
    return Link(url=url, content=inlines(*(parts or (url,))), title=title)


def br() -> LineBreak:
    """A line break."""
    return LineBreak()


def q(
    *parts: Part,
    id: str | None = None,
    marks: str | None = None,
    translations: Iterable[Translation] = (),
    **prov: Any,
) -> InlineQuote:
    """An inline quote; other keyword arguments are those of `provenance`."""
    return InlineQuote(
        content=inlines(*parts),
        provenance=provenance(**prov),
        id=id,
        marks=marks,
        translations=tuple(translations),
    )


def scare(*parts: Part, marks: str | None = None) -> ScareQuote:
    """Scare quotes: marked words that quote nobody."""
    return ScareQuote(content=inlines(*parts), marks=marks)


def work(*parts: Part, source: str | None = None, marks: str | None = None) -> WorkTitle:
    """The title of a work named in the text; `source` is its SourceDocument's id."""
    return WorkTitle(content=inlines(*parts), source=source, marks=marks)


def insertion(*parts: Part, reason: str | None = None) -> Insertion:
    """Words the editor supplied inside a quotation ("[UN]")."""
    return Insertion(content=inlines(*parts), reason=reason)


def elision(*, bare: bool = False, omitted: str | None = None) -> Elision:
    """An omission inside a quotation: "[...]", or "…" with ``bare=True``."""
    return Elision(mark=ElisionMark.BARE if bare else ElisionMark.BRACKETED, omitted=omitted)


def sic(*parts: Part, correction: str | None = None) -> Sic:
    """Words kept as the source wrote them."""
    return Sic(content=inlines(*parts), correction=correction)


def cite(instrument: str, provision: str = "", *parts: Part) -> Citation:
    """A citation: ``cite("prc-constitution", "article 36", "(article 36)")``."""
    return Citation(instrument=instrument, path=path(provision), content=inlines(*parts))


def p(*parts: Part, id: str | None = None) -> Paragraph:
    """A paragraph."""
    return Paragraph(content=inlines(*parts), id=id)


def section(
    heading: str | Inline | Iterable[Part],
    *content: str | Inline | Block,
    level: int = 2,
    id: str | None = None,
) -> Section:
    """A section; loose strings and inlines among `content` are gathered into paragraphs."""
    head = inlines(heading) if isinstance(heading, (str, Inline)) else inlines(*heading)
    return Section(heading=head, content=_blocks(content), level=level, id=id)


def item(*content: str | Inline | Block, label: str | Iterable[Part] = (), id: str | None = None) -> ListItem:
    """A list item, optionally with a label ("Religion:")."""
    lab = inlines(label) if isinstance(label, str) else inlines(*label)
    return ListItem(content=_blocks(content), label=lab, id=id)


def _items(items: Iterable[ListItem | str | Inline]) -> tuple[ListItem, ...]:
    return tuple(x if isinstance(x, ListItem) else item(x) for x in items)


def ul(*items: ListItem | str | Inline, id: str | None = None) -> ItemList:
    """A bulleted list; strings become one-paragraph items."""
    return ItemList(items=_items(items), id=id)


def ol(*items: ListItem | str | Inline, start: int | None = None, id: str | None = None) -> ItemList:
    """A numbered list."""
    return ItemList(items=_items(items), ordered=True, start=start, id=id)


def blockquote(
    *content: str | Inline | Block,
    id: str | None = None,
    translations: Iterable[Translation] = (),
    **prov: Any,
) -> BlockQuote:
    """A block quote; loose strings become paragraphs; other keywords are those of `provenance`."""
    return BlockQuote(
        content=_blocks(content), provenance=provenance(**prov), id=id, translations=tuple(translations)
    )


def figure(
    src: str,
    *,
    alt: str | None = None,
    caption: Iterable[Part] | str = (),
    credit: Iterable[Part] | str = (),
    id: str | None = None,
    media_type: str | None = None,
    width: int | None = None,
    height: int | None = None,
) -> Figure:
    """A figure; `alt`, `media_type`, `width` and `height` describe its image."""
    cap = inlines(caption) if isinstance(caption, str) else inlines(*caption)
    cred = inlines(credit) if isinstance(credit, str) else inlines(*credit)
    image = Image(src=src, alt=alt, media_type=media_type, width=width, height=height)
    return Figure(image=image, caption=cap, credit=cred, id=id)


def note(*content: str | Inline | Block, date: Moment | None = None, id: str | None = None) -> EditorsNote:
    """An editor's note."""
    return EditorsNote(content=_blocks(content), date=date, id=id)


def report(
    headline: str,
    *,
    id: str,
    body: Iterable[Block] = (),
    standfirst: Iterable[Part] | str = (),
    **fields: Any,
) -> Report:
    """A report; every other `Report` field may be given as a keyword, lists for tuples."""
    first = inlines(standfirst) if isinstance(standfirst, str) else inlines(*standfirst)
    converted: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
    return Report(id=id, headline=headline, body=tuple(body), standfirst=first, **converted)
