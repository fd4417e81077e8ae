"""One rule's port list written the way a router's port field wants it.

``format_ports(PortSet.of(443, 9094, (9100, 9101)), "routeros")`` gives ``443,9094,9100-9101``.
The TUI's ``c`` key and ``fwplan export --dialect`` use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from fwplan.ports import PortError, PortSet


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    sep: str
    range_mark: str


#: The dialects that join plain ranges; nftables (a set, ``{ 443, 9100-9101 }``) and cisco (``eq 443`` /
#: ``range 9100 9101`` entries) have forms of their own.
_PLAIN: dict[str, Dialect] = {
    d.name: d
    for d in (
        Dialect("generic", ",", "-"),  # 443,9094,9100-9101
        Dialect("routeros", ",", "-"),  # MikroTik dst-port
        Dialect("iptables", ",", ":"),  # multiport --dports: 443,9094,9100:9101
        Dialect("pfsense", "\n", ":"),  # port alias import: one entry per line
        Dialect("opnsense", ",", ":"),  # port alias Content field: comma-separated
        Dialect("fortigate", " ", "-"),  # tcp-portrange/udp-portrange: 443 9094 9100-9101
        Dialect("fritzbox", "\n", "-"),  # one port or range per sharing, one per line
        Dialect("markdown", ", ", "-"),  # tickets and documentation: 443, 9094, 9100-9101
    )
}

#: Every dialect name, in the order menus show them.
DIALECTS: tuple[str, ...] = (
    "generic",
    "routeros",
    "iptables",
    "nftables",
    "pfsense",
    "opnsense",
    "fortigate",
    "cisco",
    "fritzbox",
    "markdown",
)


class DialectError(PortError):
    """An unknown dialect name."""


def _check(dialect: str) -> None:
    if dialect not in DIALECTS:
        raise DialectError(f"unknown port dialect {dialect!r}; accepted: {', '.join(DIALECTS)}")


def format_ports(ports: PortSet, dialect: str = "generic") -> str:
    """The port list as the dialect's field wants it; numbers only, never service names."""
    _check(dialect)
    if dialect == "nftables":
        return "{ " + ports.format(", ", "-") + " }" if ports else ""
    if dialect == "cisco":
        return "\n".join(f"eq {r.lo}" if r.is_single else f"range {r.lo} {r.hi}" for r in ports.ranges)
    d = _PLAIN[dialect]
    return ports.format(d.sep, d.range_mark)
