"""walk, query, find and Transformer (`newsmodel.tree`, re-exported by `newsmodel`)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from newsmodel import Transformer, find, query, walk
from newsmodel.errors import ValidationError
from newsmodel.model import (
    Block,
    BlockQuote,
    Emphasis,
    Figure,
    Image,
    Inline,
    InlineQuote,
    LineBreak,
    Node,
    Paragraph,
    Provenance,
    Report,
    Section,
    Strong,
    Text,
)
from tests.samples import full_report, minimal_report


def texts(tree: Node) -> list[str]:
    return [t.text for t in find(tree, Text)]


def para(*words: str, id: str | None = None) -> Paragraph:
    return Paragraph(content=tuple(Text(text=w) for w in words), id=id)


# --- identity ----------------------------------------------------------------------------------------


def test_identity_walk_returns_the_same_object() -> None:
    report = full_report()
    assert walk(report, lambda n: n) is report
    assert walk(report, lambda n: None) is report
    assert walk(report, lambda n: n, into_inlines=False) is report
    assert walk(report, lambda n: n, types=(Text,)) is report


def test_only_changed_branches_are_rebuilt() -> None:
    report = full_report()
    changed = walk(report, lambda n: Text(text="FIRST") if isinstance(n, Text) and n.text == "first" else n)
    assert changed is not report
    assert changed != report
    assert changed.agents is report.agents
    assert changed.body[0] is report.body[0]  # the section holds no "first"
    assert changed.body[2] is report.body[2]
    assert changed.body[1] is not report.body[1]  # the list does
    assert "FIRST" in texts(changed)
    assert "first" not in texts(changed)


def test_equal_replacements_give_an_equal_tree() -> None:
    report = full_report()
    rebuilt = walk(report, attrs.evolve)
    assert rebuilt == report
    assert rebuilt is not report


# --- replacing, deleting, splicing -------------------------------------------------------------------


def test_replace_every_text() -> None:
    report = full_report()
    upper = walk(report, lambda n: Text(text=n.text.upper()) if isinstance(n, Text) else n)
    assert texts(upper) == [t.upper() for t in texts(report)]
    assert upper.headline == report.headline  # strings outside Text are untouched
    assert type(upper) is Report


def test_delete_with_an_empty_tuple() -> None:
    report = full_report()
    assert list(find(report, LineBreak))
    without = walk(report, lambda n: () if isinstance(n, LineBreak) else n)
    assert not list(find(without, LineBreak))
    assert len(list(find(without, Node))) == len(list(find(report, Node))) - 1


def test_delete_blocks() -> None:
    report = minimal_report(body=(para("a"), para("b"), para("c")))
    out = walk(report, lambda n: () if isinstance(n, Paragraph) and texts(n) == ["b"] else n)
    assert [texts(b) for b in out.body] == [["a"], ["c"]]


def test_splice_several_nodes_in_place_of_one() -> None:
    report = minimal_report(body=(para("a", "b", "c"),))

    def split(n: Any) -> Any:
        if isinstance(n, Text) and n.text == "b":
            return (Text(text="b1"), Strong(content=(Text(text="b2"),)), Text(text="b3"))
        return n

    out = walk(report, split)
    (paragraph,) = out.body
    assert isinstance(paragraph, Paragraph)
    assert [type(n).__name__ for n in paragraph.content] == ["Text", "Text", "Strong", "Text", "Text"]
    assert texts(out) == ["a", "b1", "b2", "b3", "c"]


def test_splice_blocks() -> None:
    report = minimal_report(body=(para("a"), para("b")))
    out = walk(report, lambda n: (n, para("copy")) if isinstance(n, Paragraph) else n)
    assert [texts(b) for b in out.body] == [["a"], ["copy"], ["b"], ["copy"]]


def test_walk_is_bottom_up() -> None:
    report = minimal_report(body=(para("a", "b"),))
    seen: list[str] = []

    def record(n: Any) -> Any:
        seen.append(type(n).__name__)
        if isinstance(n, Text):
            return Text(text=n.text * 2)
        if isinstance(n, Paragraph):
            assert texts(n) == ["aa", "bb"], "a parent sees its already rewritten children"
        return n

    walk(report, record)
    assert seen == ["Text", "Text", "Paragraph", "Report"]


def test_walk_a_subtree() -> None:
    paragraph = para("x", "y")
    out = walk(paragraph, lambda n: Emphasis(content=(n,)) if isinstance(n, Text) else n)
    assert isinstance(out, Paragraph)
    assert [type(c) for c in out.content] == [Emphasis, Emphasis]


# --- filters -----------------------------------------------------------------------------------------


def test_types_filter() -> None:
    report = full_report()
    called: list[type] = []

    def fn(n: Any) -> Any:
        called.append(type(n))
        return n

    walk(report, fn, types=(Paragraph, Section))
    assert called
    assert set(called) == {Paragraph, Section}
    assert called.count(Section) == 2


def test_types_filter_passes_other_nodes_untouched() -> None:
    report = minimal_report(body=(para("a"),))
    out = walk(report, lambda n: Text(text="z"), types=(Text,))
    assert texts(out) == ["z"]
    assert isinstance(out, Report)


def test_into_inlines_false_skips_every_inline() -> None:
    report = full_report()
    called: list[Node] = []

    def fn(n: Any) -> Any:
        called.append(n)
        return n

    walk(report, fn, into_inlines=False)
    assert called
    assert not [n for n in called if isinstance(n, Inline)]
    assert any(isinstance(n, Paragraph) for n in called)
    assert any(isinstance(n, BlockQuote) for n in called)
    # Nodes that live only under inlines (an inline quote's provenance) are not reached either.
    inline_provenance = next(find(report, InlineQuote)).provenance
    assert not [n for n in called if n is inline_provenance]


def test_into_inlines_false_can_rewrite_blocks() -> None:
    report = full_report()
    out = walk(report, lambda n: () if isinstance(n, Figure) else n, into_inlines=False)
    assert not list(find(out, Figure))
    assert len(out.body) == len(report.body) - 1


# --- query and find ----------------------------------------------------------------------------------


def test_query_in_document_order() -> None:
    report = minimal_report(
        standfirst=(Text(text="s"),),
        body=(
            Section(heading=(Text(text="h"),), content=(para("p1", "p2"),)),
            para("q"),
        ),
    )
    assert query(report, lambda n: n.text if isinstance(n, Text) else None) == ["s", "h", "p1", "p2", "q"]
    assert query(report, lambda n: n.text, types=(Text,)) == ["s", "h", "p1", "p2", "q"]
    names = query(report, lambda n: type(n).__name__)
    assert names[0] == "Report"  # the root first
    assert names.index("Section") < names.index("Paragraph")


def test_query_drops_none_but_keeps_falsy_values() -> None:
    report = minimal_report(body=(para("", "x"),))
    assert query(report, lambda n: n.text if isinstance(n, Text) else None) == ["", "x"]


def test_find_in_document_order() -> None:
    report = full_report()
    quotes = [q.id for q in find(report, InlineQuote)]
    assert quotes == ["q1"]
    blocks = [b.id for b in find(report, Block) if getattr(b, "id", None)]
    assert blocks == ["s1", "p1", "s1-1", "bq1", "list1", "fig1", "note1", "promo1"]
    assert texts(report)[:3] == ["The ", "summary", "."]  # the standfirst comes before the body
    assert [type(n) for n in find(report, Report)] == [Report]


# --- Transformer -------------------------------------------------------------------------------------


class Renumber(Transformer):
    """Give every paragraph an id in document order, and count the texts seen on the way."""

    def __init__(self) -> None:
        self.paragraphs = 0
        self.texts = 0

    def visit_Paragraph(self, node: Paragraph) -> Paragraph:
        self.paragraphs += 1
        return attrs.evolve(node, id=f"para-{self.paragraphs}")

    def visit_Text(self, node: Text) -> None:
        self.texts += 1


def test_transformer_with_state() -> None:
    report = minimal_report(body=(para("a"), Section(heading=(Text(text="h"),), content=(para("b", "c"),))))
    t = Renumber()
    out = t(report)
    assert t.paragraphs == 2
    assert t.texts == 4
    assert [p.id for p in find(out, Paragraph)] == ["para-1", "para-2"]
    assert texts(out) == texts(report)


def test_transformer_without_methods_is_the_identity() -> None:
    report = full_report()
    assert Transformer()(report) is report


def test_transformer_generic_visit() -> None:
    class DropEmphasis(Transformer):
        def generic_visit(self, node: Node) -> Any:
            return node.content if isinstance(node, Emphasis) else node

    report = full_report()
    out = DropEmphasis()(report)
    assert not list(find(out, Emphasis))
    assert texts(out) == texts(report)


# --- what a walk may not do --------------------------------------------------------------------------


def test_walk_that_makes_an_invalid_tree_raises() -> None:
    report = full_report()
    # Deleting the quote that a block quote re-quotes leaves a dangling reference.
    with pytest.raises(ValidationError) as info:
        walk(report, lambda n: () if isinstance(n, InlineQuote) else n)
    assert "'q1'" in str(info.value)
    assert any(p.path and p.path.endswith("requotes") for p in info.value.problems)


def test_walk_that_flattens_section_levels_raises() -> None:
    report = full_report()
    with pytest.raises(ValidationError, match="level"):
        walk(report, lambda n: attrs.evolve(n, level=2) if isinstance(n, Section) else n)


def test_walk_that_puts_an_inline_among_blocks_raises() -> None:
    report = minimal_report(body=(para("a"),))
    with pytest.raises(ValidationError):
        walk(report, lambda n: Text(text="x") if isinstance(n, Paragraph) else n)


def test_walk_that_duplicates_an_id_raises() -> None:
    report = minimal_report(body=(para("a", id="only"),))
    with pytest.raises(ValidationError, match="duplicate id"):
        walk(report, lambda n: (n, n) if isinstance(n, Paragraph) else n)


def test_several_nodes_for_a_single_node_field_is_a_type_error() -> None:
    report = full_report()
    with pytest.raises(TypeError, match="image"):
        walk(report, lambda n: (n, n) if isinstance(n, Image) else n)
    with pytest.raises(TypeError, match="provenance"):
        walk(report, lambda n: () if isinstance(n, Provenance) and n.requotes else n)


def test_one_node_tuple_for_a_single_node_field_is_fine() -> None:
    report = full_report()
    out = walk(report, lambda n: (attrs.evolve(n, alt="a photo"),) if isinstance(n, Image) else n)
    figure = out.body[2]
    assert isinstance(figure, Figure)
    assert figure.image.alt == "a photo"


def test_the_root_must_stay_one_node() -> None:
    report = minimal_report()
    with pytest.raises(TypeError):
        walk(report, lambda n: (n, n) if isinstance(n, Report) else n)
    with pytest.raises(TypeError):
        walk(report, lambda n: () if isinstance(n, Report) else n)
