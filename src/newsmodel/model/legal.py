"""Legal instruments, provision paths, and citations of them in the text.

An instrument (a constitution, a declaration, a treaty) is declared once on the report with what a
reader needs to weigh it: its kind, who issued it, whether it binds anyone. Text then points at it:
a `Citation` where the report cites ("(article 36)"), a quote's `Provenance.provision` where it quotes
law without citing it. A provision is a path of (unit, number) steps, so "article 19 paragraph 2" and
"the Fourth Amendment" share one shape and render to AKN, URN:LEX or ELI ids where those exist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import Any

import attrs

from newsmodel.model._base import (
    Inline,
    Moment,
    Node,
    declares,
    fail,
    fast,
    ident,
    many,
    member,
    node,
    nonempty,
    opt_ident,
    opt_moment,
    opt_nonempty,
    opt_url,
    refers,
    texts,
)

__all__ = [
    "Citation",
    "Identifier",
    "Instrument",
    "InstrumentKind",
    "LegalStatus",
    "ProvisionRef",
    "ProvisionStep",
    "path_text",
]


class InstrumentKind(Enum):
    """What sort of legal text an instrument is."""

    CONSTITUTION = "constitution"
    AMENDMENT = "amendment"
    DECLARATION = "declaration"
    TREATY = "treaty"
    CHARTER = "charter"
    STATUTE = "statute"
    REGULATION = "regulation"
    DIRECTIVE = "directive"
    GUIDELINES = "guidelines"
    DECISION = "decision"
    COLLECTION = "collection"
    OTHER = "other"


class LegalStatus(Enum):
    """Whom an instrument binds, as far as the report's argument needs it."""

    BINDING = "binding"
    BINDING_ON_PARTIES = "binding_on_parties"
    NON_BINDING = "non_binding"
    NOT_IN_FORCE = "not_in_force"
    #: A collection whose parts differ (a non-binding declaration grouped with binding treaties).
    MIXED = "mixed"
    REPEALED = "repealed"
    UNKNOWN = "unknown"


_SCHEME = re.compile(r"[a-z][a-z0-9+.:-]{0,31}\Z")
_UNIT = re.compile(r"[a-z][a-z_]{0,31}\Z")
_NUMBER = re.compile(r"[0-9A-Za-z][0-9A-Za-z.-]{0,31}\Z")


@fast("if _SCHEME({v}) is None: raise _Bail", _SCHEME=_SCHEME.match)
def _scheme(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    nonempty(inst, attr, value)
    if not _SCHEME.match(str(value)):
        raise fail(inst, attr.name, f"{value!r} is not a scheme name such as 'eli', 'urn:lex' or 'akn'")


@node
class Identifier(Node):
    """An identifier of an instrument in a named scheme (``eli``, ``urn:lex``, ``akn``, ``celex``, ...)."""

    #: The scheme, lower case.
    scheme: str = attrs.field(validator=_scheme)
    #: The identifier as that scheme writes it.
    value: str = attrs.field(validator=nonempty)


@node
class Instrument(Node):
    """A legal text the report cites or quotes, declared once on the report."""

    #: Id citations and quotes use to name this instrument.
    id: str = attrs.field(validator=ident, metadata=declares("instrument"))
    #: Full title ("Universal Declaration of Human Rights").
    title: str = attrs.field(validator=nonempty)
    #: What sort of text it is.
    kind: InstrumentKind = attrs.field(validator=member(InstrumentKind))
    #: The short form the report uses ("UDHR", "the Charter").
    short_name: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: Other names readers meet it under.
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    #: Where it is law: an ISO 3166 code ("CN", "US"), "EU", or "international".
    jurisdiction: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: Who issued or adopted it ("UN General Assembly").
    issuing_body: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: When it was adopted.
    adopted: Moment | None = attrs.field(default=None, validator=opt_moment)
    #: Whom it binds.
    status: LegalStatus = attrs.field(default=LegalStatus.UNKNOWN, validator=member(LegalStatus))
    #: Why the status is what it is, in a sentence ("binds only states that ratified it").
    status_note: str | None = attrs.field(default=None, validator=opt_nonempty)
    #: ELI, URN:LEX, AKN and other identifiers.
    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=many(Identifier))
    #: The official or authoritative online text.
    url: str | None = attrs.field(default=None, validator=opt_url)
    #: A collection this instrument belongs to (the UDHR in the International Bill of Human Rights).
    part_of: str | None = attrs.field(default=None, validator=opt_ident, metadata=refers("instrument"))


@fast("if _UNIT({v}) is None: raise _Bail", _UNIT=_UNIT.match)
def _unit(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    nonempty(inst, attr, value)
    if not _UNIT.match(str(value)):
        raise fail(
            inst, attr.name, f"{value!r} is not a unit name such as 'article', 'amendment', 'paragraph'"
        )


@fast("if _NUMBER({v}) is None: raise _Bail", _NUMBER=_NUMBER.match)
def _number(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    nonempty(inst, attr, value)
    if not _NUMBER.match(str(value)):
        raise fail(inst, attr.name, f"{value!r} is not a provision number such as '36', '4', '2a' or 'IV'")


@node
class ProvisionStep(Node):
    """One step of a provision path: ``ProvisionStep(unit="article", number="19")``."""

    #: The kind of division, lower case: article, amendment, section, paragraph, clause, point, ...
    unit: str = attrs.field(validator=_unit)
    #: Its number as the instrument writes it ("36", "4", "2a", "IV").
    number: str = attrs.field(validator=_number)


def path_text(path: Sequence[ProvisionStep]) -> str:
    """A provision path as a reader says it: ``article 19 paragraph 2``."""
    return " ".join(f"{s.unit} {s.number}" for s in path)


@fast("if len({v}) > 1 and len({{_s.unit for _s in {v}}}) != len({v}): raise _Bail")
def _path(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    many(ProvisionStep)(inst, attr, value)
    seen: set[str] = set()
    assert isinstance(value, tuple)
    for step in value:
        if step.unit in seen:
            raise fail(inst, attr.name, f"unit {step.unit!r} appears twice in one path")
        seen.add(step.unit)


@node
class ProvisionRef(Node):
    """A place in an instrument: the whole instrument (empty path) or a provision inside it.

    Used where a quote *is* law (`Provenance.provision`); `Citation` is the inline form that cites.
    """

    #: The instrument, by id.
    instrument: str = attrs.field(validator=ident, metadata=refers("instrument"))
    #: Outermost step first: article 10, paragraph 1.
    path: tuple[ProvisionStep, ...] = attrs.field(default=(), validator=_path)
    #: Which text of the instrument the words follow, when it has several (a consolidation date, an
    #: official translation: "2018 English translation"); matching must not assume one wording.
    version: str | None = attrs.field(default=None, validator=opt_nonempty)


@node
class Citation(Inline):
    """The report's own citation of law, anchored in the text: "(article 36)", "the First Amendment".

    `content` is the text as cited; `instrument` and `path` say what it resolves to. An empty path
    cites the instrument as a whole ("the ICCPR"). For law quoted without a citation, see
    `Provenance.provision`.
    """

    #: The instrument cited, by id.
    instrument: str = attrs.field(validator=ident, metadata=refers("instrument"))
    #: The provision cited, outermost step first; empty for the whole instrument.
    path: tuple[ProvisionStep, ...] = attrs.field(default=(), validator=_path)
    #: The words of the citation as the report prints them.
    content: tuple[Inline, ...] = attrs.field(default=(), validator=many(Inline))
