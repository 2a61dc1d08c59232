"""newsmodel-markdown: writes newsmodel reports as CommonMark.

Installed, it registers the ``markdown`` format through the ``newsmodel`` entry-point group, so
``newsmodel.dumps(report, "markdown")`` and ``newsmodel convert r.json -t markdown`` use it. The
renderer can also be called directly: ``newsmodel_markdown.render.render(report, promos=True)``.

This module imports nothing from newsmodel, so finding the plugin stays cheap; the renderer is imported
the first time a report is written.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
