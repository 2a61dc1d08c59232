"""The typed report model: frozen attrs nodes, validated once at construction.

`Report` holds metadata, declared agents/sources/instruments, a body of `Block` nodes, related reports,
comments and corrections. The families are closed: `BLOCK_TYPES`, `INLINE_TYPES` and `AGENT_TYPES`
list every concrete node a tree may hold, so serialisers and walkers know the whole grammar.
"""

from __future__ import annotations

from newsmodel.model._base import Agent as Agent
from newsmodel.model._base import Block as Block
from newsmodel.model._base import Inline as Inline
from newsmodel.model._base import Moment as Moment
from newsmodel.model._base import Node as Node
from newsmodel.model.agents import Organization as Organization
from newsmodel.model.agents import Person as Person
from newsmodel.model.blocks import EditorsNote as EditorsNote
from newsmodel.model.blocks import Figure as Figure
from newsmodel.model.blocks import Image as Image
from newsmodel.model.blocks import ItemList as ItemList
from newsmodel.model.blocks import ListItem as ListItem
from newsmodel.model.blocks import Paragraph as Paragraph
from newsmodel.model.blocks import Promo as Promo
from newsmodel.model.blocks import Section as Section
from newsmodel.model.comments import Comment as Comment
from newsmodel.model.comments import Comments as Comments
from newsmodel.model.corrections import Correction as Correction
from newsmodel.model.corrections import CorrectionKind as CorrectionKind
from newsmodel.model.inlines import Elision as Elision
from newsmodel.model.inlines import ElisionMark as ElisionMark
from newsmodel.model.inlines import Emphasis as Emphasis
from newsmodel.model.inlines import Insertion as Insertion
from newsmodel.model.inlines import LineBreak as LineBreak
from newsmodel.model.inlines import Link as Link
from newsmodel.model.inlines import Origin as Origin
from newsmodel.model.inlines import Sic as Sic
from newsmodel.model.inlines import Strong as Strong
from newsmodel.model.inlines import Text as Text
from newsmodel.model.legal import Citation as Citation
from newsmodel.model.legal import Identifier as Identifier
from newsmodel.model.legal import Instrument as Instrument
from newsmodel.model.legal import InstrumentKind as InstrumentKind
from newsmodel.model.legal import LegalStatus as LegalStatus
from newsmodel.model.legal import ProvisionRef as ProvisionRef
from newsmodel.model.legal import ProvisionStep as ProvisionStep
from newsmodel.model.quotes import BlockQuote as BlockQuote
from newsmodel.model.quotes import InlineQuote as InlineQuote
from newsmodel.model.quotes import Occasion as Occasion
from newsmodel.model.quotes import Provenance as Provenance
from newsmodel.model.quotes import ScareQuote as ScareQuote
from newsmodel.model.quotes import Translation as Translation
from newsmodel.model.quotes import WorkTitle as WorkTitle
from newsmodel.model.related import RelatedReport as RelatedReport
from newsmodel.model.related import Relation as Relation
from newsmodel.model.report import Report as Report
from newsmodel.model.sources import SourceDocument as SourceDocument

#: Every concrete block node.
BLOCK_TYPES: tuple[type[Block], ...] = (
    Section,
    Paragraph,
    ItemList,
    Figure,
    BlockQuote,
    EditorsNote,
    Promo,
)
#: Every concrete inline node.
INLINE_TYPES: tuple[type[Inline], ...] = (
    Text,
    Emphasis,
    Strong,
    Link,
    LineBreak,
    InlineQuote,
    ScareQuote,
    Insertion,
    Elision,
    Sic,
    Citation,
    WorkTitle,
)
#: Every concrete agent node.
AGENT_TYPES: tuple[type[Agent], ...] = (Person, Organization)
#: The concrete classes behind each abstract family.
FAMILIES: dict[type, tuple[type, ...]] = {Block: BLOCK_TYPES, Inline: INLINE_TYPES, Agent: AGENT_TYPES}

__all__ = [
    "AGENT_TYPES",
    "BLOCK_TYPES",
    "FAMILIES",
    "INLINE_TYPES",
    "Agent",
    "Block",
    "BlockQuote",
    "Citation",
    "Comment",
    "Comments",
    "Correction",
    "CorrectionKind",
    "EditorsNote",
    "Elision",
    "ElisionMark",
    "Emphasis",
    "Figure",
    "Identifier",
    "Image",
    "Inline",
    "InlineQuote",
    "Insertion",
    "Instrument",
    "InstrumentKind",
    "ItemList",
    "LegalStatus",
    "LineBreak",
    "Link",
    "ListItem",
    "Moment",
    "Node",
    "Occasion",
    "Organization",
    "Origin",
    "Paragraph",
    "Person",
    "Promo",
    "Provenance",
    "ProvisionRef",
    "ProvisionStep",
    "RelatedReport",
    "Relation",
    "Report",
    "ScareQuote",
    "Section",
    "Sic",
    "SourceDocument",
    "Strong",
    "Text",
    "Translation",
    "WorkTitle",
]
