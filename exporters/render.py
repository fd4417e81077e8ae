"""One way to turn a plan into an export: the CLI's `fwplan export` and the planner's export dialog both call it."""

from __future__ import annotations

from dataclasses import dataclass

import exporters
from fwplan.catalog import Catalog
from fwplan.errors import FwplanError
from fwplan.formats import CORE_FORMATS, RenderOptions
from fwplan.merge import Limits, MergeOptions, RuleSet, build
from fwplan.plan import Plan

CORE_SUFFIXES = {"csv": ".csv", "text": ".txt", "json": ".json"}


@dataclass(frozen=True, slots=True)
class ExportSettings:
    """The options of `fwplan export`, with its defaults."""

    lang: str = "en"
    separate_protocols: bool = False
    max_gap: int = 0
    max_entries: int | None = None  # core formats only: routers bring their own limits
    range_cost: int = 1
    csv_german: bool = False
    resolve: bool = False
    dialect: str | None = None  # only each rule's port list, in this dialect
    #: Which scopes to export; None: every scope for the document formats, the internet router's for routers.
    scopes: tuple[str, ...] | None = None


#: Formats for people (tickets, spreadsheets, scripts): they show every scope, each labelled.
DOCUMENT_FORMATS = frozenset(("csv", "text", "json", "markdown"))
ROUTER_SCOPES = ("internet",)


def default_scopes(format_name: str) -> tuple[str, ...]:
    from fwplan.catalog import SCOPES

    return SCOPES if format_name in DOCUMENT_FORMATS else ROUTER_SCOPES


def format_names() -> tuple[str, ...]:
    return tuple(CORE_FORMATS) + tuple(n for n in exporters.names() if n not in CORE_FORMATS)


def format_suffixes() -> dict[str, str]:
    """Every format with its file suffix: the core's first, then the router exporters'."""
    formats = dict(CORE_SUFFIXES)
    for name in exporters.names():
        if name not in formats:
            suffix = exporters.get(name).suffix
            formats[name] = suffix if suffix.startswith(".") or not suffix else f".{suffix}"
    return formats


def render_export(catalog: Catalog, plan: Plan, format_name: str, settings: ExportSettings = ExportSettings()) -> str:
    if not plan.selected:
        # A router file with no rules would still set a drop policy and cut all forwarded traffic.
        raise FwplanError.about("export.nothing_selected")
    if format_name in CORE_FORMATS:
        limits = Limits(settings.max_entries, settings.range_cost) if settings.max_entries else Limits()
        options = MergeOptions(fuse_protocols=not settings.separate_protocols, max_gap=settings.max_gap,
                               limits=limits)
        ruleset = build(catalog, plan, options).in_scopes(settings.scopes or default_scopes(format_name))
        if settings.dialect:
            return port_lists(ruleset, settings.dialect)
        return CORE_FORMATS[format_name](ruleset, RenderOptions(lang=settings.lang, csv_german=settings.csv_german,
                                                                catalog=catalog, plan=plan))
    from exporters.base import ExportContext

    exporter = exporters.get(format_name)
    options = MergeOptions(fuse_protocols=exporter.fuse_protocols and not settings.separate_protocols,
                           max_gap=settings.max_gap, limits=exporter.limits)
    scopes = settings.scopes or default_scopes(format_name)
    ruleset = build(catalog, plan, options).in_scopes(scopes)
    if not ruleset.rules and format_name not in DOCUMENT_FORMATS:
        # A router file with no rules would still set a drop policy and cut all forwarded traffic.
        raise FwplanError.about("export.empty_scope", scopes=",".join(scopes),
                                others=",".join(scope for scope, _ in ruleset.omitted))
    if settings.dialect:
        return port_lists(ruleset, settings.dialect)
    return exporter.render(ruleset, ExportContext(catalog, plan, settings.lang, resolve=settings.resolve))


def port_lists(ruleset: RuleSet, dialect: str) -> str:
    """Each rule's port list in the dialect: one rule per line, or blank-line separated where a list spans lines."""
    from exporters.dialects import format_ports

    lists = [format_ports(rule.ports, dialect) for rule in ruleset.rules]
    joiner = "\n\n" if any("\n" in text for text in lists) else "\n"
    return joiner.join(lists) + "\n" if lists else ""
