"""Router exporters, registered by name. A module is imported only when its format is used.

Each module listed in ``REGISTRY`` defines ``EXPORTER``, an object that follows
``exporters.base.Exporter``.
"""

from __future__ import annotations

import importlib

#: format name -> module that defines ``EXPORTER``
REGISTRY: dict[str, str] = {}


def register(name: str, module: str) -> None:
    REGISTRY[name] = module


def names() -> tuple[str, ...]:
    return tuple(REGISTRY)


def get(name: str):
    """The exporter registered as ``name``; KeyError when there is none."""
    return importlib.import_module(REGISTRY[name]).EXPORTER


for _name in ("nftables", "iptables", "routeros", "pfsense", "opnsense", "fortigate", "cisco", "fritzbox",
              "markdown"):
    register(_name, f"exporters.{_name}")
register("cisco-ios", "exporters.cisco_ios")
