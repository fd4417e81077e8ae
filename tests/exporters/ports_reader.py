"""Read a port list written in a router dialect back into a PortSet, the way the target reads the field.

The round-trip readers (tests/exporters/readback.py) and the dialect tests use it to check what
``exporters.dialects.format_ports`` and the exporters write; the app itself never reads a port list back.
"""

from __future__ import annotations

import re

from exporters.dialects import DIALECTS, DialectError
from fwplan.ports import PortError, PortRange, PortSet

#: Each dialect's entry separator and range mark, as its field reads them; nftables (a set,
#: ``{ 443, 9100-9101 }``) and cisco (``eq 443`` / ``range 9100 9101`` entries) have forms of their own.
_PLAIN = {
    "generic": (",", "-"),
    "routeros": (",", "-"),
    "iptables": (",", ":"),
    "pfsense": ("\n", ":"),
    "opnsense": (",", ":"),
    "fortigate": (" ", "-"),
    "fritzbox": ("\n", "-"),
    "markdown": (", ", "-"),
}

_CISCO_ENTRY = re.compile(
    r"(?:port-object\s+)?(?:(?:tcp|udp|tcp-udp)\s+)?(?:eq\s+(\d{1,5})|range\s+(\d{1,5})\s+(\d{1,5}))"
)


def parse_ports(text: str, dialect: str = "generic") -> PortSet:
    """Read a port list written in the dialect; a bad entry raises PortError naming it."""
    if dialect not in DIALECTS:
        raise DialectError(f"unknown port dialect {dialect!r}; accepted: {', '.join(DIALECTS)}")
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
    sep, range_mark = _PLAIN[dialect]
    if sep == "\n":
        lines = [line.strip() for line in stripped.splitlines() if line.strip()]
        return PortSet.parse(",".join(lines), ",", range_mark)
    return PortSet.parse(stripped, sep.strip() or " ", range_mark)
