"""The plugin layer. Plugin authors need only this module:

    from newsmodel.plugin import FormatSpec, hookimpl

    @hookimpl
    def newsmodel_register_formats():
        return [FormatSpec(name="mine", description="...", media_type="text/x-mine", exporter=export)]

and an entry point in the ``newsmodel`` group naming the module. Built-in formats register the same way.
"""

from __future__ import annotations

import pluggy

from newsmodel.plugin.specs import FormatSpec as FormatSpec
from newsmodel.plugin.specs import Option as Option
from newsmodel.plugin.specs import TransformSpec as TransformSpec

#: Project name of the hooks; also the entry-point group third-party plugins register under.
PROJECT = "newsmodel"

#: Marks a function of a plugin module as an implementation of a newsmodel hook.
hookimpl = pluggy.HookimplMarker(PROJECT)
#: Marks a function of `newsmodel.plugin.hookspecs` as a hook specification.
hookspec = pluggy.HookspecMarker(PROJECT)

__all__ = ["PROJECT", "FormatSpec", "Option", "TransformSpec", "hookimpl", "hookspec"]
