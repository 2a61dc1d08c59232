"""The hooks a newsmodel plugin may implement. Each is a function a plugin module defines with
``@hookimpl``; all results are collected, and the registry decides order and conflicts.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsmodel.plugin import hookspec
from newsmodel.plugin.specs import FormatSpec, TransformSpec

__all__ = ["newsmodel_register_formats", "newsmodel_register_transforms"]


@hookspec
def newsmodel_register_formats() -> Iterable[FormatSpec]:  # type: ignore[empty-body]
    """Return the formats this plugin reads or writes.

    All results are collected. Two plugins returning the same format name is a conflict the user
    settles with ``NEWSMODEL_PREFER`` (never load order); a malformed result names the plugin and is
    skipped.

    :return: `FormatSpec` values; an importer may carry a sniffer that returns its confidence.
    """


@hookspec
def newsmodel_register_transforms() -> Iterable[TransformSpec]:  # type: ignore[empty-body]
    """Return the transforms this plugin provides (``newsmodel convert --transform NAME``).

    All results are collected; name conflicts are settled as for formats.

    :return: `TransformSpec` values.
    """
