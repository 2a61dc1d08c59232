"""Walk, query and transform any node tree, as pandoc's `walk` and `query` do.

(The module is `tree`, not `walk`, so that `from newsmodel import walk` is always the function.)

- `walk(tree, fn)` rebuilds bottom-up: `fn` returns the node to keep it, a new node to replace it, a
  tuple of nodes to splice in its place (``()`` deletes it), or None to keep it.
- `query(tree, fn)` collects every non-None result of `fn`, in document order.
- `Transformer` is for stateful passes: subclass it, write ``visit_InlineQuote(self, node)`` methods.

Unchanged means identical: a node is rebuilt only if a child changed, so ``walk(r, lambda n: n) is r``
and "did anything change" is an ``is`` test. Rebuilt nodes go through their constructors, so a walk
cannot produce an invalid tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

import attrs

from newsmodel.model import Inline, Node
from newsmodel.model._tree import child_fields, iter_nodes

__all__ = ["Transformer", "find", "iter_nodes", "query", "replace", "walk"]

N = TypeVar("N", bound=Node)
T = TypeVar("T")

#: What a walk function may return.
Replacement = Node | tuple[Node, ...] | None
WalkFn = Callable[[Any], Replacement]


def _walk(node: Node, fn: WalkFn, kinds: tuple[type, ...], inlines: bool) -> Node | tuple[Node, ...]:
    changes: dict[str, Any] = {}
    for name, many in child_fields(type(node)):
        value = getattr(node, name)
        if many:
            items: list[Node] = []
            changed = False
            child: Node
            for child in value:
                if not inlines and isinstance(child, Inline):
                    items.append(child)
                    continue
                result = _walk(child, fn, kinds, inlines)
                if result is child:
                    items.append(child)
                    continue
                changed = True
                if isinstance(result, tuple):
                    items.extend(result)
                else:
                    items.append(result)
            if changed:
                changes[name] = tuple(items)
        elif value is not None and (inlines or not isinstance(value, Inline)):
            result = _walk(value, fn, kinds, inlines)
            if result is not value:
                if isinstance(result, tuple):
                    if len(result) != 1:
                        raise TypeError(
                            f"{type(node).__name__}.{name} holds one node; the walk returned {len(result)}"
                        )
                    result = result[0]
                changes[name] = result
    if changes:
        node = attrs.evolve(node, **changes)  # type: ignore[misc]
    if kinds and not isinstance(node, kinds):
        return node
    out = fn(node)
    return node if out is None else out


def walk(tree: N, fn: WalkFn, *, types: tuple[type, ...] = (), into_inlines: bool = True) -> N:
    """Rebuild `tree` bottom-up through `fn`.

    :param types: call `fn` only for nodes of these classes (others pass through untouched).
    :param into_inlines: False skips every inline node: much faster when `fn` only rewrites blocks.
    """
    result = _walk(tree, fn, types, into_inlines)
    if isinstance(result, tuple):
        if len(result) != 1:
            raise TypeError(f"the root of a walk must stay one node; the walk returned {len(result)}")
        result = result[0]
    return cast(N, result)


def replace(node: N, /, **changes: Any) -> N:
    """A copy of `node` with `changes`, checked by its constructor: ``dataclasses.replace`` for nodes."""
    return attrs.evolve(node, **changes)  # type: ignore[misc]


def query(tree: Node, fn: Callable[[Any], T | None], *, types: tuple[type, ...] = ()) -> list[T]:
    """Every non-None ``fn(node)`` over the tree, in document order (the root first)."""
    out: list[T] = []
    for _, node in iter_nodes(tree):
        if types and not isinstance(node, types):
            continue
        value = fn(node)
        if value is not None:
            out.append(value)
    return out


def find(tree: Node, kind: type[N]) -> Iterator[N]:
    """Every node of class `kind` in the tree, in document order: ``find(report, InlineQuote)``."""
    for _, node in iter_nodes(tree):
        if isinstance(node, kind):
            yield node


class Transformer:
    """A stateful pass: ``visit_<ClassName>(node)`` methods run bottom-up, like `walk`'s function.

    Keep state on ``self``; `generic_visit` handles classes without a method (it keeps the node).
    """

    def __call__(self, tree: N) -> N:
        return walk(tree, self.visit)

    def visit(self, node: Node) -> Replacement:
        method = getattr(self, f"visit_{type(node).__name__}", None)
        if method is None:
            return self.generic_visit(node)
        result: Replacement = method(node)
        return result

    def generic_visit(self, node: Node) -> Replacement:
        return node
