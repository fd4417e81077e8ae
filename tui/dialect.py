"""Port lists written the way a router's web UI wants them.

The router exporters own the dialects (``exporters.dialects``); until that
module exists, a small built-in table stands in for it.
"""

from __future__ import annotations

from fwplan.ports import PortSet

#: name -> (separator, range mark)
_BUILTIN: dict[str, tuple[str, str]] = {
    "generic": (",", "-"),
    "space": (" ", "-"),
    "pfsense": (",", ":"),
    "iptables": (",", ":"),
    "nftables": (", ", "-"),
}

try:  # the exporter engineer's table, when it is there
    from exporters.dialects import DIALECTS as _EXPORTER_DIALECTS
    from exporters.dialects import format_ports as _exporter_format_ports
except ImportError:
    _EXPORTER_DIALECTS = ()
    _exporter_format_ports = None

DIALECTS: tuple[str, ...] = tuple(_EXPORTER_DIALECTS) or tuple(_BUILTIN)


def format_ports(ports: PortSet, dialect: str) -> str:
    """``ports`` in ``dialect``; ValueError names the dialects accepted."""
    if _exporter_format_ports is not None and dialect in _EXPORTER_DIALECTS:
        return _exporter_format_ports(ports, dialect)
    try:
        sep, range_mark = _BUILTIN[dialect]
    except KeyError:
        raise ValueError(f"unknown port-list dialect {dialect!r}; accepted: {', '.join(DIALECTS)}") from None
    return ports.format(sep, range_mark)


def next_dialect(current: str) -> str:
    if current not in DIALECTS:
        return DIALECTS[0]
    return DIALECTS[(DIALECTS.index(current) + 1) % len(DIALECTS)]
