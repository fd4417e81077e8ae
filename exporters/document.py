"""The core's formats (csv, text, json) as exporters, so that every output format is in one registry.

The rendering itself is the core's (``fwplan.formats``): the headless CLI and the planner show the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fwplan.formats import RenderOptions, render_csv, render_json, render_text
from fwplan.merge import Limits, RuleSet

if TYPE_CHECKING:  # the headless text export never imports the router exporters' base: start-up time
    from exporters.base import ExportContext


@dataclass(frozen=True)
class DocumentExporter:
    """A format for people and scripts: every scope by default, each rule labelled with its scope."""

    name: str
    suffix: str
    renderer: Callable[[RuleSet, RenderOptions], str]
    options: frozenset[str] = frozenset(("max_entries", "range_cost"))
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = True
    interfaces: tuple[str, str] | None = None
    document: bool = True

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        return self.render_options(
            ruleset,
            RenderOptions(lang=context.lang, csv_german=context.csv_german, catalog=context.catalog, plan=context.plan),
        )

    def render_options(self, ruleset: RuleSet, options: RenderOptions) -> str:
        return self.renderer(ruleset, options)


CSV = DocumentExporter(
    "csv",
    ".csv",
    render_csv,
    options=frozenset(("max_entries", "range_cost", "csv_german")),
)
TEXT = DocumentExporter("text", ".txt", render_text)
JSON = DocumentExporter("json", ".json", render_json)
