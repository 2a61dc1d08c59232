"""newsmodel: a typed content model for news reports, and converters between formats.

Layout: the model lives in `newsmodel.model`, the walk in `newsmodel.tree`, formats are plugins
(`newsmodel.plugin`), and `load`/`dump`/`convert` in `newsmodel.api` resolve them by name. This module
re-exports the public names lazily, so ``import newsmodel`` imports nothing heavy and scans no plugins.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsmodel.api import apply_transforms as apply_transforms
    from newsmodel.api import convert as convert
    from newsmodel.api import dump as dump
    from newsmodel.api import dumps as dumps
    from newsmodel.api import dumps_many as dumps_many
    from newsmodel.api import list_formats as list_formats
    from newsmodel.api import list_transforms as list_transforms
    from newsmodel.api import load as load
    from newsmodel.api import load_many as load_many
    from newsmodel.api import loads as loads
    from newsmodel.api import loads_many as loads_many
    from newsmodel.model import AGENT_TYPES as AGENT_TYPES
    from newsmodel.model import BLOCK_TYPES as BLOCK_TYPES
    from newsmodel.model import FAMILIES as FAMILIES
    from newsmodel.model import INLINE_TYPES as INLINE_TYPES
    from newsmodel.model import Agent as Agent
    from newsmodel.model import Block as Block
    from newsmodel.model import BlockQuote as BlockQuote
    from newsmodel.model import Citation as Citation
    from newsmodel.model import Comment as Comment
    from newsmodel.model import Comments as Comments
    from newsmodel.model import Correction as Correction
    from newsmodel.model import CorrectionKind as CorrectionKind
    from newsmodel.model import EditorsNote as EditorsNote
    from newsmodel.model import Elision as Elision
    from newsmodel.model import ElisionMark as ElisionMark
    from newsmodel.model import Emphasis as Emphasis
    from newsmodel.model import Figure as Figure
    from newsmodel.model import Identifier as Identifier
    from newsmodel.model import Image as Image
    from newsmodel.model import Inline as Inline
    from newsmodel.model import InlineQuote as InlineQuote
    from newsmodel.model import Insertion as Insertion
    from newsmodel.model import Instrument as Instrument
    from newsmodel.model import InstrumentKind as InstrumentKind
    from newsmodel.model import ItemList as ItemList
    from newsmodel.model import LegalStatus as LegalStatus
    from newsmodel.model import LineBreak as LineBreak
    from newsmodel.model import Link as Link
    from newsmodel.model import ListItem as ListItem
    from newsmodel.model import Moment as Moment
    from newsmodel.model import Node as Node
    from newsmodel.model import Occasion as Occasion
    from newsmodel.model import Organization as Organization
    from newsmodel.model import Origin as Origin
    from newsmodel.model import Paragraph as Paragraph
    from newsmodel.model import Person as Person
    from newsmodel.model import Promo as Promo
    from newsmodel.model import Provenance as Provenance
    from newsmodel.model import ProvisionRef as ProvisionRef
    from newsmodel.model import ProvisionStep as ProvisionStep
    from newsmodel.model import RelatedReport as RelatedReport
    from newsmodel.model import Relation as Relation
    from newsmodel.model import Report as Report
    from newsmodel.model import ScareQuote as ScareQuote
    from newsmodel.model import Section as Section
    from newsmodel.model import Sic as Sic
    from newsmodel.model import SourceDocument as SourceDocument
    from newsmodel.model import Strong as Strong
    from newsmodel.model import Text as Text
    from newsmodel.model import Translation as Translation
    from newsmodel.model import WorkTitle as WorkTitle
    from newsmodel.tree import Transformer as Transformer
    from newsmodel.tree import find as find
    from newsmodel.tree import query as query
    from newsmodel.tree import replace as replace
    from newsmodel.tree import walk as walk

_LAZY: dict[str, str] = {
    "convert": "newsmodel.api",
    "dump": "newsmodel.api",
    "dumps": "newsmodel.api",
    "loads_many": "newsmodel.api",
    "load_many": "newsmodel.api",
    "dumps_many": "newsmodel.api",
    "load": "newsmodel.api",
    "loads": "newsmodel.api",
    "list_formats": "newsmodel.api",
    "list_transforms": "newsmodel.api",
    "apply_transforms": "newsmodel.api",
    "walk": "newsmodel.tree",
    "query": "newsmodel.tree",
    "replace": "newsmodel.tree",
    "find": "newsmodel.tree",
    "Transformer": "newsmodel.tree",
    "AGENT_TYPES": "newsmodel.model",
    "Agent": "newsmodel.model",
    "BLOCK_TYPES": "newsmodel.model",
    "Block": "newsmodel.model",
    "BlockQuote": "newsmodel.model",
    "Citation": "newsmodel.model",
    "Comment": "newsmodel.model",
    "Comments": "newsmodel.model",
    "Correction": "newsmodel.model",
    "CorrectionKind": "newsmodel.model",
    "EditorsNote": "newsmodel.model",
    "Elision": "newsmodel.model",
    "ElisionMark": "newsmodel.model",
    "Emphasis": "newsmodel.model",
    "FAMILIES": "newsmodel.model",
    "Figure": "newsmodel.model",
    "INLINE_TYPES": "newsmodel.model",
    "Identifier": "newsmodel.model",
    "Image": "newsmodel.model",
    "Inline": "newsmodel.model",
    "InlineQuote": "newsmodel.model",
    "Insertion": "newsmodel.model",
    "Instrument": "newsmodel.model",
    "InstrumentKind": "newsmodel.model",
    "ItemList": "newsmodel.model",
    "LegalStatus": "newsmodel.model",
    "LineBreak": "newsmodel.model",
    "Link": "newsmodel.model",
    "ListItem": "newsmodel.model",
    "Moment": "newsmodel.model",
    "Node": "newsmodel.model",
    "Occasion": "newsmodel.model",
    "Organization": "newsmodel.model",
    "Origin": "newsmodel.model",
    "Paragraph": "newsmodel.model",
    "Person": "newsmodel.model",
    "Promo": "newsmodel.model",
    "Provenance": "newsmodel.model",
    "ProvisionRef": "newsmodel.model",
    "ProvisionStep": "newsmodel.model",
    "RelatedReport": "newsmodel.model",
    "Relation": "newsmodel.model",
    "Report": "newsmodel.model",
    "ScareQuote": "newsmodel.model",
    "Section": "newsmodel.model",
    "Sic": "newsmodel.model",
    "SourceDocument": "newsmodel.model",
    "Strong": "newsmodel.model",
    "Text": "newsmodel.model",
    "Translation": "newsmodel.model",
    "WorkTitle": "newsmodel.model",
}

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
    "Transformer",
    "Translation",
    "WorkTitle",
    "__version__",
    "apply_transforms",
    "convert",
    "dump",
    "dumps",
    "dumps_many",
    "find",
    "list_formats",
    "list_transforms",
    "load",
    "load_many",
    "loads",
    "loads_many",
    "query",
    "replace",
    "walk",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("newsmodel")
    raise AttributeError(f"module 'newsmodel' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
