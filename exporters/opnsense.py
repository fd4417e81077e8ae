"""OPNsense: the pfSense export with OPNsense's menus, its comma-split alias Content field and its TCP/IP
Version field (see exporters.pfsense for the syntax sources)."""

from __future__ import annotations

from exporters.pfsense import PfsenseExporter

EXPORTER = PfsenseExporter(
    name="opnsense",
    description="OPNsense aliases (comma-separated Content, a:b), a rules table and port forwards",
    product="OPNsense",
    menus="opnsense",
    family_field="TCP/IP Version",
)
