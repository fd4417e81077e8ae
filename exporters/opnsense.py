"""OPNsense: the pfSense export with OPNsense's menus, its comma-split alias Content field and its TCP/IP
Version field (see exporters.pfsense for the syntax sources)."""

from __future__ import annotations

from exporters.pfsense import Menus, PfsenseExporter

EXPORTER = PfsenseExporter(
    name="opnsense",
    product="OPNsense",
    menus=Menus(
        rules_menu="opnsense.rules_menu",
        nat_menu="opnsense.nat_menu",
        address_menu="opnsense.address_menu",
        alias_menu="opnsense.alias_menu",
        port_step="opnsense.port_step",
        docs="opnsense.docs",
        filter="opnsense.filter",
    ),
    family_field="TCP/IP Version",
)
