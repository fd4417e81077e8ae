"""The format lists the tests and benchmarks go through, from the public registry the app uses.

``exporters.names()``, ``exporters.is_document()`` and ``exporters.CORE`` are what the CLI and the planner
read; the subsets here are only for parametrizing tests and for rendering every core format directly.
"""

from __future__ import annotations

from collections.abc import Callable

import exporters
from fwplan.formats import RenderOptions, render_csv, render_json, render_text
from fwplan.merge import RuleSet

#: The core's own renderers (``fwplan.formats``), by format name: the formats in ``exporters.CORE``.
CORE_FORMATS: dict[str, Callable[[RuleSet, RenderOptions], str]] = {
    "csv": render_csv,
    "text": render_text,
    "json": render_json,
}


def router_names() -> tuple[str, ...]:
    """The formats for a router, which hold the internet router's rules by default."""
    return tuple(name for name in exporters.names() if not exporters.is_document(name))


def exporter_names() -> tuple[str, ...]:
    """The formats beyond the core's: the router formats and markdown."""
    return tuple(name for name in exporters.names() if name not in exporters.CORE)
