"""OPNsense: the pfSense export with OPNsense's menus (see exporters.pfsense for the syntax sources)."""

from __future__ import annotations

from exporters.pfsense import PfsenseExporter

EXPORTER = PfsenseExporter(
    name="opnsense",
    description="OPNsense port alias lists (a:b, one per line) and a rules table",
    product="OPNsense",
    menus="opnsense",
)
