"""One rule's port list written the way a router's port field wants it, and read back.

``format_ports(PortSet.of(443, 9094, (9100, 9101)), "routeros")`` gives
``443,9094,9100-9101``; ``parse_ports`` reads that text back into the same set.
The TUI's ``c`` key and ``fwplan export --dialect`` use these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fwplan.ports import PortError, PortRange, PortSet


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


_CISCO_ENTRY = re.compile(
    r"(?:port-object\s+)?(?:(?:tcp|udp|tcp-udp)\s+)?(?:eq\s+(\d{1,5})|range\s+(\d{1,5})\s+(\d{1,5}))"
)


def parse_ports(text: str, dialect: str = "generic") -> PortSet:
    """Read a port list written in the dialect; a bad entry raises PortError naming it."""
    _check(dialect)
    if not isinstance(text, str):
        raise PortError(f"port list {text!r} is not text")
    stripped = text.strip()
    if dialect == "nftables":
        if stripped.startswith("{") and stripped.endswith("}"):
            stripped = stripped[1:-1]
        return PortSet.parse(stripped, ",", "-")
    if dialect == "cisco":
        ranges = []
        for line in stripped.splitlines():
            line = line.strip()
            if not line:
                continue
            m = _CISCO_ENTRY.fullmatch(line)
            if m is None:
                raise PortError(f"{line!r} is not a Cisco port entry; write 'eq 443' or 'range 9100 9101'")
            lo, hi = (int(m.group(1)),) * 2 if m.group(1) else (int(m.group(2)), int(m.group(3)))
            ranges.append(PortRange(lo, hi))
        return PortSet(tuple(ranges))
    d = _PLAIN[dialect]
    if d.sep == "\n":
        lines = [line.strip() for line in stripped.splitlines() if line.strip()]
        return PortSet.parse(",".join(lines), ",", d.range_mark)
    return PortSet.parse(stripped, d.sep.strip() or " ", d.range_mark)
