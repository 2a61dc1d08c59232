"""Render a newsmodel `Report` as CommonMark.

The output is for people to read: headline, byline line, standfirst, the body, corrections, related
reports and comments. Quotes keep their provenance (a block quote ends with an attribution line built
from the report's declared agents, sources and instruments), and the editor's interventions inside
quotations print the way style guides print them: ``[UN]``, ``[…]``, ``everywere [sic]``, and
``[emphasis added]`` after a quote the editor emphasised.

Safety rules, kept everywhere:

- Every string from the report is escaped, so text cannot open emphasis, links, HTML, code, headings
  or lists. Characters that are markup anywhere are always backslash-escaped (`escape`); characters
  that are markup only at the start of a line are escaped there (`_finish`).
- Links and images are written only for http, https and mailto URLs and for relative references;
  anything else (``javascript:``, ``data:``, ...) leaves just the visible text.
- Square brackets the renderer adds for editorial marks are written bare (``[UN]``) unless a bracket
  there could start a link or a link reference definition, and then escaped.
- Emphasis is ``*...*`` and strong ``**...**`` wherever CommonMark's flanking rules read them as meant;
  in the rare spot where they would not (``a*(b)*c``: a delimiter between a letter and punctuation),
  the pair is written as ``<em>``/``<strong>`` instead, so emphasis never covers text it should not.

Output is deterministic: the same report and options give the same bytes, UTF-8, "\\n" line ends, and
exactly one newline at the end.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from newsmodel import errors
from newsmodel.model import (
    Agent,
    Block,
    BlockQuote,
    Citation,
    Comment,
    Comments,
    Correction,
    EditorsNote,
    Elision,
    ElisionMark,
    Emphasis,
    Figure,
    Inline,
    InlineQuote,
    Insertion,
    Instrument,
    ItemList,
    LineBreak,
    Link,
    ListItem,
    Moment,
    Organization,
    Origin,
    Paragraph,
    Person,
    Promo,
    Provenance,
    ProvisionStep,
    RelatedReport,
    Relation,
    Report,
    ScareQuote,
    Section,
    Sic,
    SourceDocument,
    Strong,
    Text,
    Translation,
    WorkTitle,
)
from newsmodel.model.legal import path_text

__all__ = [
    "DEFAULT_EMPHASIS_NOTE",
    "OPTIONS",
    "MarkdownOptions",
    "OptionError",
    "escape",
    "export",
    "format_moment",
    "is_safe_url",
    "parse_options",
    "render",
]

#: What follows a quote in which the editor emphasised words, inside square brackets.
DEFAULT_EMPHASIS_NOTE = "emphasis added"


@dataclass(frozen=True)
class MarkdownOptions:
    """The exporter's options, checked."""

    #: Include page furniture (`Promo` blocks); they are left out by default.
    promos: bool = False
    #: The words after a quote with editor's emphasis; "" writes no note.
    emphasis_note: str = DEFAULT_EMPHASIS_NOTE
    #: Link a citation to its instrument's URL when the instrument has one.
    link_citations: bool = True


#: newsmodel's own option error (a ValueError): the command line reports it as a usage error.
OptionError = errors.OptionError


#: Option names the exporter accepts (``-W NAME=VALUE`` on the command line).
OPTIONS: tuple[str, ...] = ("emphasis_note", "link_citations", "promos")


def parse_options(options: Mapping[str, Any]) -> MarkdownOptions:
    """Check the options mapping an exporter receives; `OptionError` (a ValueError) names anything wrong."""
    unknown = sorted(repr(k) for k in options if k not in OPTIONS)
    if unknown:
        raise OptionError(
            f"markdown: unknown option{'s' if len(unknown) > 1 else ''} {', '.join(unknown)} "
            f"(known: {', '.join(OPTIONS)})"
        )
    promos = options.get("promos", False)
    if type(promos) is not bool:
        raise OptionError(f"markdown option promos must be true or false, got {promos!r}")
    link_citations = options.get("link_citations", True)
    if type(link_citations) is not bool:
        raise OptionError(f"markdown option link_citations must be true or false, got {link_citations!r}")
    note = options.get("emphasis_note", DEFAULT_EMPHASIS_NOTE)
    if not isinstance(note, str):
        raise OptionError(f"markdown option emphasis_note must be a string, got {note!r}")
    return MarkdownOptions(promos=promos, emphasis_note=note, link_citations=link_citations)


def export(report: Report, options: Mapping[str, Any]) -> bytes:
    """The `FormatSpec` exporter: ``export(report, options) -> bytes`` (UTF-8)."""
    return _Renderer(report, parse_options(options)).document().encode("utf-8")


def render(
    report: Report,
    *,
    promos: bool = False,
    emphasis_note: str = DEFAULT_EMPHASIS_NOTE,
    link_citations: bool = True,
) -> str:
    """`report` as a CommonMark string, ending with one newline."""
    options = {"promos": promos, "emphasis_note": emphasis_note, "link_citations": link_citations}
    return _Renderer(report, parse_options(options)).document()


# --- text -------------------------------------------------------------------------------------------

# Markup whose spelling depends on its neighbours travels as placeholder characters until a paragraph
# is finished and its neighbours are known: the brackets of editorial marks, and emphasis delimiters.
# The model forbids C0 controls in text, and `escape` replaces these anyway, so no report can forge them.
_OPEN = "\x01"
_CLOSE = "\x02"
_EM_OPEN = "\x03"
_EM_CLOSE = "\x04"
_STRONG_OPEN = "\x05"
_STRONG_CLOSE = "\x06"
_OPENERS = (_EM_OPEN, _STRONG_OPEN)
_CLOSERS = (_EM_CLOSE, _STRONG_CLOSE)
_PLACEHOLDERS = (_OPEN, _CLOSE, *_OPENERS, *_CLOSERS)

#: Markup anywhere in a line: escaped wherever it appears in text.
_SPECIAL = re.compile(r"[\\`*_\[\]<>#&~|]")
_CONTROLS = str.maketrans({**dict.fromkeys(_PLACEHOLDERS, "\ufffd"), "\n": " ", "\r": " "})


def escape(text: str) -> str:
    """`text` as Markdown that shows exactly `text` and opens no markup, wherever it is placed in a line.

    Line ends become spaces (a line end in a paragraph is a `LineBreak` in the model). A trailing "!"
    is escaped too, so a link placed after it cannot become an image.
    """
    out = _SPECIAL.sub(lambda m: "\\" + m.group(), text.translate(_CONTROLS))
    if out.endswith("!"):
        out = out[:-1] + "\\!"
    return out


_LEAD = re.compile(r"\A(?:\\\n|[^\S\n])+")
_TRAIL = re.compile(r"(?:\\\n|[^\S\n])+\Z")
_LIST_NUMBER = re.compile(r"([0-9]+)([.)])")


def _finish(raw: str) -> str:
    """Inline output as one paragraph's (or heading's) lines: line-start markup escaped, brackets resolved.

    Leading and trailing white space and hard breaks go (CommonMark would show a trailing one as a
    backslash); each line loses its indentation (four spaces would make code); a line that starts with
    "-", "+", "=" or "12." is escaped so it cannot become a list, a setext underline or a rule.
    """
    raw = _TRAIL.sub("", _LEAD.sub("", raw))
    lines = []
    for raw_line in raw.split("\n"):
        line = raw_line.strip(" \t")
        if line[:1] in ("-", "+", "="):
            line = "\\" + line
        elif m := _LIST_NUMBER.match(line):
            line = f"{m.group(1)}\\{line[m.end(1) :]}"
        lines.append(line)
    text = "\n".join(lines)
    if _OPEN in text or _CLOSE in text:
        text = _resolve_brackets(text)
    if _EM_OPEN in text or _STRONG_OPEN in text:
        text = _resolve_emphasis(text)
    return text


def _resolve_brackets(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch == _OPEN:
            # "[" at the start of a line could begin a link reference definition ("[x]: url").
            out.append("\\[" if i == 0 or text[i - 1] == "\n" else "[")
        elif ch == _CLOSE:
            # "]" followed by "(" or "[" would make a link; by ":", a definition.
            nxt = text[i + 1 : i + 2]
            out.append("\\]" if nxt in ("(", "[", ":", _OPEN) else "]")
        else:
            out.append(ch)
    return "".join(out)


def _wrap(strong: bool, inner: str) -> str:
    """`inner` emphasised (or strong), with edge white space and hard breaks moved outside.

    CommonMark opens emphasis only before, and closes it only after, a non-space character. The
    delimiters are placeholders here; `_resolve_emphasis` spells them once their neighbours are known.
    """
    lead = _LEAD.match(inner)
    start = lead.end() if lead else 0
    trail = _TRAIL.search(inner, start)
    end = trail.start() if trail else len(inner)
    if start >= end:
        return inner
    opening, closing = (_STRONG_OPEN, _STRONG_CLOSE) if strong else (_EM_OPEN, _EM_CLOSE)
    return f"{inner[:start]}{opening}{inner[start:end]}{closing}{inner[end:]}"


# Emphasis is "*" (strong "**"), and "_" ("__") directly inside emphasis of the same kind, since "**"
# would read as strong. Each pair is checked against CommonMark's flanking rules with the characters
# actually around it; a pair the rules would not read as intended (a delimiter between a letter and
# punctuation, a delimiter run merging with its neighbour's) is written as <em>/<strong> instead, so
# emphasis never spans text it should not.
_HTML = {_EM_OPEN: "<em>", _EM_CLOSE: "</em>", _STRONG_OPEN: "<strong>", _STRONG_CLOSE: "</strong>"}
_SPACE, _PUNCT, _OTHER = "space", "punct", "other"


def _classes(ch: str) -> tuple[str, ...]:
    """What CommonMark may take `ch` for next to a delimiter ("" is a line's start or end).

    Symbols outside ASCII (currency signs, emoji) count as punctuation since CommonMark 0.31 and as
    letters before it; either reading must work, so they are both.
    """
    if ch in ("", "\n", " ", "\t", "\f", "\r"):
        return (_SPACE,)
    if ch in _PLACEHOLDERS:  # another delimiter: "*", "_", "<em>" or "</em>": punctuation all
        return (_PUNCT,)
    if ch.isascii():
        return (_PUNCT,) if not ch.isalnum() else (_OTHER,)
    category = unicodedata.category(ch)
    if category == "Zs":
        return (_SPACE,)
    if category.startswith("P"):
        return (_PUNCT,)
    if category.startswith("S"):
        return (_PUNCT, _OTHER)
    return (_OTHER,)


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """(left-flanking, right-flanking) for a delimiter run between classes `before` and `after`."""
    left = after != _SPACE and (after != _PUNCT or before in (_SPACE, _PUNCT))
    right = before != _SPACE and (before != _PUNCT or after in (_SPACE, _PUNCT))
    return left, right


def _works(char: str, before: str, after: str, *, opening: bool, lone: bool) -> bool:
    """Whether a `char` delimiter run between `before` and `after` opens (or closes) as intended.

    `lone` is False when an enclosing pair uses the same delimiter: then an opener that could also
    close would close that pair instead.
    """
    left, right = _flanking(before, after)
    if opening:
        ok = left if char == "*" else left and (not right or before == _PUNCT)
        return ok and (lone or not right)
    return right if char == "*" else right and (not left or after == _PUNCT)


def _resolve_emphasis(text: str) -> str:
    pairs: dict[int, int] = {}
    delimiter: dict[int, str] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            same = sum(1 for j in stack if text[j] == ch)
            base = "**" if ch == _STRONG_OPEN else "*"
            delimiter[i] = base if same % 2 == 0 else base.replace("*", "_")
            stack.append(i)
        elif ch in _CLOSERS:
            j = stack.pop()
            pairs[j] = i
            delimiter[i] = delimiter[j]

    def near(i: int) -> str:
        return text[i] if 0 <= i < len(text) else ""

    def works(i: int, opening: bool, lone: bool) -> bool:
        mark = delimiter[i]
        before, after = near(i - 1), near(i + 1)
        for neighbour in (i - 1, i + 1):
            if neighbour in delimiter and delimiter[neighbour][0] == mark[0]:
                return False  # the two runs would merge into one
        return all(
            _works(mark[0], b, a, opening=opening, lone=lone)
            for b in _classes(before)
            for a in _classes(after)
        )

    spelled: dict[int, str] = {}
    chosen: list[tuple[int, str]] = []  # open pairs written with delimiters: (closer index, delimiter)
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            chosen = [(c, d) for c, d in chosen if c > i]
            mark = delimiter[i]
            lone = all(d != mark for _, d in chosen)
            if works(i, True, lone) and works(pairs[i], False, True):
                spelled[i] = spelled[pairs[i]] = mark
                chosen.append((pairs[i], mark))
            else:
                spelled[i], spelled[pairs[i]] = _HTML[ch], _HTML[text[pairs[i]]]
    return "".join(spelled.get(i, ch) for i, ch in enumerate(text))


_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_AUTHORITY_END = re.compile(r"[/?#]")


def is_safe_url(url: str) -> bool:
    """True for http, https and mailto URLs and for relative references (no scheme)."""
    if not url or any(c.isspace() or ord(c) < 0x20 or c == "\x7f" for c in url):
        return False
    head = _AUTHORITY_END.split(url, maxsplit=1)[0]
    if ":" not in head:
        return True
    return head.split(":", 1)[0].lower() in _SAFE_SCHEMES


_DESTINATION = re.compile(r"[\\()<>&]")
_TITLE = re.compile(r'[\\"&]')


def _destination(url: str) -> str:
    return _DESTINATION.sub(lambda m: "\\" + m.group(), url)


def _title(title: str) -> str:
    return '"' + _TITLE.sub(lambda m: "\\" + m.group(), title.translate(_CONTROLS)) + '"'


def _link(text: str, url: str, title: str | None = None) -> str:
    """``[text](url "title")``; `text` is Markdown already, `url` must be safe."""
    suffix = f" {_title(title)}" if title else ""
    return f"[{text}]({_destination(url)}{suffix})"


# --- dates and names --------------------------------------------------------------------------------

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_moment(moment: Moment) -> str:
    """``3 April 2023`` for a date; ``3 April 2023, 08:15 UTC+05:45`` for a datetime (never the locale)."""
    day = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    if not isinstance(moment, datetime):
        return day
    offset = moment.utcoffset()
    zone = "UTC"
    if offset:
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        hours, mins = divmod(abs(minutes), 60)
        zone = f"UTC{sign}{hours:02d}:{mins:02d}"
    return f"{day}, {moment:%H:%M} {zone}"


_LANGUAGES = {
    "ar": "Arabic",
    "bn": "Bengali",
    "bo": "Tibetan",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "kk": "Kazakh",
    "ko": "Korean",
    "mn": "Mongolian",
    "ms": "Malay",
    "my": "Burmese",
    "nb": "Norwegian",
    "ne": "Nepali",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "th": "Thai",
    "tr": "Turkish",
    "ug": "Uyghur",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "yue": "Cantonese",
    "zh": "Chinese",
}


def _language(tag: str) -> str:
    """An English name for a BCP 47 tag's language ("zh-Hans" -> "Chinese"); the tag if unknown."""
    return _LANGUAGES.get(tag.split("-", 1)[0].lower(), tag)


_RELATIONS: tuple[tuple[Relation, str], ...] = (
    (Relation.CITED_BY, "Cited by"),
    (Relation.CITES, "Cites"),
    (Relation.FOLLOW_UP, "Followed up by"),
    (Relation.FOLLOWS, "Follows up on"),
    (Relation.RELATED, "Related"),
    (Relation.RECENT, "Recent"),
)

_DEFAULT_MARKS = ("“”", "‘’")


# --- the renderer -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    """Where an inline sits: inside link text, on a heading's single line, how deeply nested."""

    in_link: bool = False
    one_line: bool = False
    quotes: int = 0


@dataclass
class _Quote:
    """A quotation being rendered: did the editor emphasise anything in it?"""

    emphasis_added: bool = False


@dataclass
class _Renderer:
    report: Report
    options: MarkdownOptions
    agents: dict[str, Agent] = field(init=False)
    sources: dict[str, SourceDocument] = field(init=False)
    instruments: dict[str, Instrument] = field(init=False)
    quotes: list[_Quote] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.agents = {a.id: a for a in self.report.agents}
        self.sources = {s.id: s for s in self.report.sources}
        self.instruments = {i.id: i for i in self.report.instruments}

    # --- the document ---

    def document(self) -> str:
        r = self.report
        parts = [f"# {_finish(escape(r.headline))}", self.meta_line(), self.inline_block(r.standfirst)]
        parts.append(self.blocks(r.body))
        parts.append(self.corrections(r.corrections))
        parts.append(self.related(r.related))
        if r.comments is not None:
            parts.append(self.comments(r.comments))
        text = "\n\n".join(p for p in parts if p)
        return "\n".join(line.rstrip(" \t") for line in text.split("\n")).strip("\n") + "\n"

    def meta_line(self) -> str:
        r = self.report
        parts = []
        if r.authors:
            parts.append("By " + _and([self.agent_name(a) for a in r.authors]))
        if r.publisher is not None:
            parts.append(self.agent_name(r.publisher))
        if r.dateline is not None:
            parts.append(r.dateline)
        if r.published is not None:
            parts.append(format_moment(r.published))
        if r.modified is not None and r.modified != r.published:
            parts.append("updated " + format_moment(r.modified))
        return _finish(escape(" · ".join(parts)))

    # --- names ---

    def agent_name(self, agent_id: str) -> str:
        agent = self.agents.get(agent_id)
        if isinstance(agent, Person):
            return agent.name or agent.role or agent_id
        if isinstance(agent, Organization):
            return agent.name
        return agent_id

    def instrument_name(self, instrument_id: str, path: Sequence[ProvisionStep]) -> tuple[str, str]:
        """(short name, full title), each followed by the provision path when there is one."""
        inst = self.instruments.get(instrument_id)
        short = (inst.short_name or inst.title) if inst else instrument_id
        title = inst.title if inst else instrument_id
        where = path_text(path)
        return (f"{short}, {where}", f"{title}, {where}") if where else (short, title)

    # --- blocks ---

    def blocks(self, blocks: Iterable[Block]) -> str:
        out: list[str] = []
        previous: Block | None = None
        switched = False
        for block in blocks:
            # Two lists in a row would merge into one: each list after a list of its kind switches
            # its marker ("-"/"*", "1."/"1)"), which ends the one before.
            alternate = (
                isinstance(block, ItemList)
                and isinstance(previous, ItemList)
                and previous.ordered == block.ordered
                and not switched
            )
            text = self.block(block, alternate=alternate)
            if text:
                out.append(text)
                previous, switched = block, alternate
        return "\n\n".join(out)

    def block(self, block: Block, *, alternate: bool = False) -> str:
        if isinstance(block, Paragraph):
            return self.inline_block(block.content)
        if isinstance(block, Section):
            heading = "#" * block.level + " " + _finish(self.inlines(block.heading, _Ctx(one_line=True)))
            return "\n\n".join(p for p in (heading, self.blocks(block.content)) if p)
        if isinstance(block, ItemList):
            return self.item_list(block, alternate=alternate)
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, BlockQuote):
            return self.block_quote(block)
        if isinstance(block, EditorsNote):
            return self.editors_note(block)
        if isinstance(block, Promo):
            return self.promo(block) if self.options.promos else ""
        # A block class newer than this plugin: keep whatever text it has.
        content = getattr(block, "content", ())
        if content and all(isinstance(c, Block) for c in content):
            return self.blocks(content)
        if content and all(isinstance(c, Inline) for c in content):
            return self.inline_block(content)
        return ""

    def inline_block(self, content: Sequence[Inline]) -> str:
        return _finish(self.inlines(content, _Ctx()))

    def item_list(self, lst: ItemList, *, alternate: bool) -> str:
        start = lst.start if lst.start is not None else 1
        tight = all(
            len(item.content) <= 1 and all(isinstance(b, Paragraph) for b in item.content)
            for item in lst.items
        )
        items = []
        for i, item in enumerate(lst.items):
            marker = f"{start + i}{')' if alternate else '.'}" if lst.ordered else ("*" if alternate else "-")
            items.append(_indent(marker + " ", self.list_item(item)))
        return ("\n" if tight else "\n\n").join(items)

    def list_item(self, item: ListItem) -> str:
        label_content = item.label
        if len(label_content) == 1 and isinstance(label_content[0], Strong):
            # The label is bold anyway: "**Faith:**", not "**__Faith:__**".
            if label_content[0].origin is Origin.EDITOR and self.quotes:
                self.quotes[-1].emphasis_added = True
            label_content = label_content[0].content
        label = _wrap(True, self.inlines(label_content, _Ctx()))
        if not label.strip():
            return self.blocks(item.content)
        return self.led(label, item.content)

    def led(self, label: str, blocks: Sequence[Block]) -> str:
        """`blocks` with `label` (Markdown) leading the first paragraph, or on its own line before them."""
        first, rest = (blocks[0], blocks[1:]) if blocks else (None, ())
        if isinstance(first, Paragraph):
            lead = _finish(f"{label} {self.inlines(first.content, _Ctx())}")
        else:
            lead, rest = _finish(label), blocks
        return "\n\n".join(p for p in (lead, self.blocks(rest)) if p)

    def figure(self, fig: Figure) -> str:
        image = fig.image
        alt = image.alt if image.alt is not None else _plain(fig.caption)
        if is_safe_url(image.src):
            picture = f"![{escape(alt)}]({_destination(image.src)})"
        else:
            picture = _finish(escape(alt))
        caption = self.inlines(fig.caption, _Ctx())
        credit = self.inlines(fig.credit, _Ctx())
        words = _finish(" — ".join(p for p in (caption, credit) if p.strip()))
        return "\n\n".join(p for p in (picture, words) if p)

    def block_quote(self, quote: BlockQuote) -> str:
        self.quotes.append(_Quote())
        parts = [self.blocks(quote.content)]
        parts.extend(self.block_translation(t) for t in quote.translations)
        state = self.quotes.pop()
        attribution = self.attribution(quote.provenance)
        line = f"— {attribution}" if attribution else ""
        if state.emphasis_added and self.options.emphasis_note.strip():
            line = f"{line} {self.note(_Ctx())}".strip()
        parts.append(_finish(line))
        inside = "\n\n".join(p for p in parts if p)
        return _prefix("> ", inside) if inside else ""

    def block_translation(self, translation: Translation) -> str:
        who = f", by {self.agent_name(translation.translator)}" if translation.translator else ""
        label = escape(f"Translation ({_language(translation.language)}{who}):")
        return _finish(f"{_wrap(False, label)} {self.inlines(translation.content, _Ctx())}")

    def attribution(self, prov: Provenance) -> str:
        """Who, where from, on what occasion, when, and who translated: Markdown, one line."""
        parts = []
        if prov.speaker is not None:
            parts.append(escape(self.agent_name(prov.speaker)))
        if prov.source is not None:
            parts.append(self.source(prov.source))
        if prov.provision is not None:
            short, title = self.instrument_name(prov.provision.instrument, prov.provision.path)
            inst = self.instruments.get(prov.provision.instrument)
            if inst is not None and inst.url and is_safe_url(inst.url):
                parts.append(_link(escape(short), inst.url, title if title != short else None))
            else:
                parts.append(escape(short))
        when = prov.date
        if prov.occasion is not None:
            parts.append(escape(prov.occasion.name))
            if prov.occasion.place:
                parts.append(escape(prov.occasion.place))
            when = when if when is not None else prov.occasion.date
        if when is not None:
            parts.append(escape(format_moment(when)))
        text = ", ".join(parts)
        translated = self.translation_note(prov)
        if translated and text:
            return f"{text} ({escape(translated)})"
        if translated:
            return escape(translated[:1].upper() + translated[1:])
        return text

    def translation_note(self, prov: Provenance) -> str:
        original = prov.original_language
        printed = prov.language or self.report.language
        translated = prov.translated or (
            original is not None and printed is not None and _language(original) != _language(printed)
        )
        if not translated:
            return ""
        note = "translated"
        if original is not None:
            note += f" from {_language(original)}"
        if prov.translator is not None:
            note += f" by {self.agent_name(prov.translator)}"
        return note

    def source(self, source_id: str) -> str:
        doc = self.sources.get(source_id)
        if doc is None:
            return escape(source_id)
        title = escape(doc.title)
        return _link(title, doc.url) if doc.url and is_safe_url(doc.url) else title

    def editors_note(self, note: EditorsNote) -> str:
        parts = [self.led(_wrap(True, escape("Editor's note:")), note.content)]
        if note.date is not None:
            parts.append(_finish(_wrap(False, escape(format_moment(note.date)))))
        return _prefix("> ", "\n\n".join(p for p in parts if p))

    def promo(self, promo: Promo) -> str:
        label = escape(f"Promotion ({promo.kind}):" if promo.kind else "Promotion:")
        if promo.url and is_safe_url(promo.url):
            inner = self.inlines(promo.content, _Ctx(in_link=True)) or escape(promo.url)
            body = _link(inner, promo.url)
        else:
            body = self.inlines(promo.content, _Ctx())
        return _finish(f"{_wrap(True, label)} {body}")

    # --- after the body ---

    def corrections(self, corrections: Sequence[Correction]) -> str:
        if not corrections:
            return ""
        out = ["## Corrections"]
        for c in corrections:
            label = escape(f"{c.kind.value.capitalize()}, {format_moment(c.date)}:")
            out.append(_finish(f"{_wrap(True, label)} {self.inlines(c.content, _Ctx())}"))
        return "\n\n".join(out)

    def related(self, related: Sequence[RelatedReport]) -> str:
        out = []
        for relation, heading in _RELATIONS:
            group = [r for r in related if r.relation is relation]
            if not group:
                continue
            items = [_indent("- ", self.related_item(r)) for r in group]
            out.append(f"## {heading}\n\n" + "\n".join(items))
        return "\n\n".join(out)

    def related_item(self, item: RelatedReport) -> str:
        title = escape(item.title)
        text = _link(title, item.url) if item.url and is_safe_url(item.url) else title
        if item.date is not None:
            text += f" ({escape(format_moment(item.date))})"
        if item.teaser:
            text += f": {escape(item.teaser)}"
        return _finish(text)

    def comments(self, comments: Comments) -> str:
        count = comments.count if comments.count is not None else len(comments.items)
        out = [f"## Comments ({count})", self.inline_block(comments.notice)]
        if count > len(comments.items):
            shown = escape(f"Showing {len(comments.items)} of {count} comments.")
            out.append(_finish(_wrap(False, shown)))
        out.extend(self.comment(c) for c in comments.items)
        return "\n\n".join(p for p in out if p)

    def comment(self, comment: Comment) -> str:
        name = escape(comment.author or "Anonymous")
        if comment.author_url and is_safe_url(comment.author_url):
            name = _link(name, comment.author_url)
        head = _wrap(True, name)
        if comment.date is not None:
            head += " · " + escape(format_moment(comment.date))
        body = self.blocks(comment.content)
        return "\n\n".join(p for p in (_finish(head), _prefix("> ", body) if body else "") if p)

    # --- inlines ---

    def inlines(self, content: Iterable[Inline], ctx: _Ctx) -> str:
        return "".join(self.inline(node, ctx) for node in content)

    def note(self, ctx: _Ctx) -> str:
        words = escape(self.options.emphasis_note.strip())
        return f"\\[{words}\\]" if ctx.in_link else f"{_OPEN}{words}{_CLOSE}"

    def brackets(self, inner: str, ctx: _Ctx) -> str:
        return f"\\[{inner}\\]" if ctx.in_link else f"{_OPEN}{inner}{_CLOSE}"

    def marks(self, marks: str | None, ctx: _Ctx) -> tuple[str, str]:
        pair = marks if marks is not None else _DEFAULT_MARKS[ctx.quotes % 2]
        return escape(pair[0]), escape(pair[1])

    def inline(self, node: Inline, ctx: _Ctx) -> str:
        if isinstance(node, Text):
            return escape(node.text)
        if isinstance(node, (Emphasis, Strong)):
            if node.origin is Origin.EDITOR and self.quotes:
                self.quotes[-1].emphasis_added = True
            return _wrap(isinstance(node, Strong), self.inlines(node.content, ctx))
        if isinstance(node, Link):
            return self.link(node, ctx)
        if isinstance(node, LineBreak):
            return " " if ctx.one_line else "\\\n"
        if isinstance(node, InlineQuote):
            return self.inline_quote(node, ctx)
        if isinstance(node, ScareQuote):
            # Not a quotation (it attributes nothing), but printed the same way.
            opening, closing = self.marks(node.marks, ctx)
            inner = self.inlines(node.content, replace(ctx, quotes=ctx.quotes + 1))
            return f"{opening}{inner}{closing}"
        if isinstance(node, Insertion):
            return self.brackets(self.inlines(node.content, ctx), ctx)
        if isinstance(node, Elision):
            return self.brackets("…", ctx) if node.mark is ElisionMark.BRACKETED else "…"
        if isinstance(node, Sic):
            return f"{self.inlines(node.content, ctx)} {self.brackets('sic', ctx)}"
        if isinstance(node, Citation):
            return self.citation(node, ctx)
        if isinstance(node, WorkTitle):
            # A title is set off by the marks it was printed in, or in italics.
            if node.marks is not None:
                opening, closing = self.marks(node.marks, ctx)
                return f"{opening}{self.inlines(node.content, ctx)}{closing}"
            return _wrap(False, self.inlines(node.content, ctx))
        # An inline class newer than this plugin: keep its text.
        content = getattr(node, "content", ())
        return self.inlines(content, ctx) if all(isinstance(c, Inline) for c in content) else ""

    def link(self, link: Link, ctx: _Ctx) -> str:
        if ctx.in_link or not is_safe_url(link.url):
            return self.inlines(link.content, ctx)
        inner = self.inlines(link.content, replace(ctx, in_link=True))
        return _link(inner if inner.strip() else escape(link.url), link.url, link.title)

    def inline_quote(self, quote: InlineQuote, ctx: _Ctx) -> str:
        opening, closing = self.marks(quote.marks, ctx)
        inner_ctx = replace(ctx, quotes=ctx.quotes + 1)
        self.quotes.append(_Quote())
        inner = self.inlines(quote.content, inner_ctx)
        translations = "".join(self.inline_translation(t, ctx) for t in quote.translations)
        state = self.quotes.pop()
        out = f"{opening}{inner}{closing}"
        if state.emphasis_added and self.options.emphasis_note.strip():
            out += " " + self.note(ctx)
        return out + translations

    def inline_translation(self, translation: Translation, ctx: _Ctx) -> str:
        opening, closing = self.marks(None, ctx)
        label = _language(translation.language)
        if translation.translator is not None:
            label += f", translated by {self.agent_name(translation.translator)}"
        inner = self.inlines(translation.content, replace(ctx, quotes=ctx.quotes + 1))
        return f" ({escape(label + ':')} {opening}{inner}{closing})"

    def citation(self, citation: Citation, ctx: _Ctx) -> str:
        short, title = self.instrument_name(citation.instrument, citation.path)
        inst = self.instruments.get(citation.instrument)
        url = inst.url if inst is not None else None
        if self.options.link_citations and not ctx.in_link and url and is_safe_url(url):
            inner = self.inlines(citation.content, replace(ctx, in_link=True))
            return _link(inner if inner.strip() else escape(short), url, title)
        inner = self.inlines(citation.content, ctx)
        return inner if inner.strip() else escape(short)


# --- helpers ----------------------------------------------------------------------------------------


def _and(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _indent(marker: str, text: str) -> str:
    """`text` as a list item: the marker on the first line, the rest indented to match."""
    pad = " " * len(marker)
    lines = text.split("\n")
    out = [(marker + lines[0]).rstrip()]
    out.extend(pad + line if line else "" for line in lines[1:])
    return "\n".join(out)


def _prefix(prefix: str, text: str) -> str:
    """Every line of `text` behind `prefix` (a block quote's "> "); blank lines keep the bare marker."""
    bare = prefix.rstrip()
    return "\n".join(prefix + line if line else bare for line in text.split("\n"))


def _plain(content: Iterable[Inline]) -> str:
    """The words of `content` without markup (an image's alt text when none was given)."""
    out = []
    for node in content:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, LineBreak):
            out.append(" ")
        elif isinstance(node, Elision):
            out.append("[…]" if node.mark is ElisionMark.BRACKETED else "…")
        else:
            inner = getattr(node, "content", ())
            out.append(_plain(c for c in inner if isinstance(c, Inline)))
    return "".join(out)
