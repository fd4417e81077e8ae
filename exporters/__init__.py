"""Every output format, registered by name. A module is imported only when its format is used.

Each module listed in ``REGISTRY`` defines the exporter object named there, which follows
``exporters.base.Exporter``. The core's csv, text and json come first (``exporters.document``),
then the router formats and markdown. Adding a format is one module, its golden files and a README row.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a format's module is imported only when it is used: start-up time
    from exporters.base import Exporter

#: format name -> (module, attribute) that defines the exporter
REGISTRY: dict[str, tuple[str, str]] = {}
#: formats for people and scripts (every scope by default); the others are router formats
DOCUMENTS: list[str] = []
#: the core's own formats (``fwplan.formats``), which the headless CLI has without any exporter module
CORE = ("csv", "text", "json")


def register(name: str, module: str, attribute: str = "EXPORTER", document: bool = False) -> None:
    REGISTRY[name] = (module, attribute)
    if document:
        DOCUMENTS.append(name)


def names() -> tuple[str, ...]:
    """Every format: the documents' first."""
    return tuple(REGISTRY)


def is_document(name: str) -> bool:
    return name in DOCUMENTS


def get(name: str) -> Exporter:
    """The exporter registered as ``name``; KeyError when there is none."""
    module, attribute = REGISTRY[name]
    exporter: Exporter = getattr(importlib.import_module(module), attribute)
    return exporter


for _name in CORE:
    register(_name, "exporters.document", _name.upper(), document=True)
for _name in ("nftables", "iptables", "routeros", "pfsense", "opnsense", "fortigate", "cisco"):
    register(_name, f"exporters.{_name}")
register("cisco-ios", "exporters.cisco_ios")
register("fritzbox", "exporters.fritzbox")
register("markdown", "exporters.markdown", document=True)
