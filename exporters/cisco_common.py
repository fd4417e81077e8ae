"""What the Cisco exporters (ASA in exporters.cisco, IOS in exporters.cisco_ios) share.

Both name the plan's endpoints and access lists the same way, write remarks of
at most 100 printable ASCII characters (ASA "access-list remark"; IOS
"Commented IP Access List Entries": "Each remark is limited to 100
characters"), and write ports as ``eq PORT`` / ``range LOW HIGH`` lines (the
``cisco`` port dialect), never service names.
"""

from __future__ import annotations

from exporters.base import ExportContext, Peer, ascii_text, peer, token
from exporters.dialects import format_ports
from fwplan.merge import Endpoint, RuleSet
from fwplan.ports import PortSet

OBJECTS = {"lan-network": "FWPLAN-LAN-NET", "lan-address": "FWPLAN-LAN-ADDR", "vpn-router": "FWPLAN-VPN-ROUTER",
           "pbx-host": "FWPLAN-PBX-HOST"}
ACLS = {"outbound": "FWPLAN-OUT", "inbound": "FWPLAN-IN"}
REMARK_CHARS = 100


def remark(text: str) -> str:
    text = ascii_text(text)
    return text if len(text) <= REMARK_CHARS else text[: REMARK_CHARS - 3].rstrip() + "..."


def service_group(number: int) -> str:
    return f"FWPLAN-RULE{number}"


def port_entries(ports: PortSet) -> list[str]:
    """``eq 443``, ``range 9100 9101``: one entry per port or range."""
    return format_ports(ports, "cisco").splitlines()


def spell_placeholder(text: str) -> str:
    """A placeholder as one printable ASCII token, which the router refuses until it is replaced."""
    return token(ascii_text(text))


def placeholder(p: Peer) -> str:
    return spell_placeholder(p.placeholder)


def peers(ruleset: RuleSet, context: ExportContext, takes_names: bool) -> tuple[dict[Endpoint, Peer], dict[str, Peer]]:
    """Every endpoint's peer, and the peers that get a named object, by role."""
    found = {e: peer(e, context, takes_names) for r in ruleset.rules for e in (r.source, r.destination)}
    named = {p.role: p for p in found.values() if p.role in OBJECTS and not p.is_any}
    return found, named
