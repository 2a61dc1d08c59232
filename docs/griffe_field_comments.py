"""A griffe extension: the ``#:`` comment above an attribute becomes its docstring in the reference.

The model documents each field with ``#:`` comments (the convention Sphinx also reads); griffe does not
read comments on its own, so this extension does.
"""

from __future__ import annotations

from typing import Any

import griffe


class FieldComments(griffe.Extension):
    """Attach ``#:`` comments to the attribute defined on the line below them."""

    def on_attribute_instance(self, *, node: Any, attr: griffe.Attribute, agent: Any, **kwargs: Any) -> None:
        if attr.docstring is not None or attr.lineno is None:
            return
        lines = attr.module.lines
        found: list[str] = []
        index = attr.lineno - 2
        while index >= 0 and lines[index].strip().startswith("#:"):
            found.insert(0, lines[index].strip().removeprefix("#:").strip())
            index -= 1
        if found:
            attr.docstring = griffe.Docstring(" ".join(found), parent=attr)
