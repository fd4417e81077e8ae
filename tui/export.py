"""Export text for a plan, with the defaults of ``fwplan export`` so that both write the same file."""

from __future__ import annotations

import exporters
from fwplan.catalog import Catalog
from fwplan.formats import CORE_FORMATS, RenderOptions
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan

CORE_SUFFIXES = {"csv": ".csv", "text": ".txt", "json": ".json"}


def export_formats() -> dict[str, str]:
    """Every format the planner offers, with its file suffix: the core's first, then the exporters'."""
    formats = dict(CORE_SUFFIXES)
    for name in exporters.names():
        if name not in formats:
            try:
                suffix = exporters.get(name).suffix
            except Exception:  # a broken exporter module must not take the dialog down
                continue
            formats[name] = suffix if suffix.startswith(".") or not suffix else f".{suffix}"
    return formats


def render_export(catalog: Catalog, plan: Plan, lang: str, name: str) -> str:
    if name in CORE_FORMATS:
        return CORE_FORMATS[name](build(catalog, plan, MergeOptions()), RenderOptions(lang=lang))
    from exporters.base import ExportContext

    exporter = exporters.get(name)
    options = MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)
    return exporter.render(build(catalog, plan, options), ExportContext(catalog, plan, lang))
