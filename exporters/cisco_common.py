"""What the Cisco exporters (ASA in exporters.cisco, IOS in exporters.cisco_ios) share.

Both name the plan's endpoints, service groups and access lists after the
user's name prefix in upper case (``FWPLAN-LAN-NET``, ``FWPLAN-RULE3``,
``FWPLAN-OUT``; the pieces 6a, 6b of a split rule are ``FWPLAN-RULE6A``,
``FWPLAN-RULE6B``, their remarks ``fwplan 6a ...``), write remarks of at most
100 printable ASCII characters (ASA "access-list remark"; IOS "Commented IP
Access List Entries": "Each remark is limited to 100 characters"), and write
ports as ``eq PORT`` / ``range LOW HIGH`` lines (the ``cisco`` port dialect),
never service names. No pasted line holds a ``?``: typed or pasted into the
IOS or ASA CLI it shows the context help instead of being entered ("Using the
Cisco IOS Command-Line Interface", "Getting Help"), so comments and remarks
drop it.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import ExportContext, Peer, ascii_text, object_name, token
from exporters.dialects import format_ports
from fwplan.catalog import Direction
from fwplan.ports import PortSet

REMARK_CHARS = 100
DIRECTIONS = {"outbound": "OUT", "inbound": "IN"}


def cisco_text(text: str) -> str:
    """One line of printable ASCII without ``?``, which would open the CLI's help while pasting."""
    return ascii_text(text).replace("?", "")


def remark(text: str) -> str:
    text = cisco_text(text)
    return text if len(text) <= REMARK_CHARS else text[: REMARK_CHARS - 3].rstrip() + "..."


def port_entries(ports: PortSet) -> list[str]:
    """``eq 443``, ``range 9100 9101``: one entry per port or range."""
    return format_ports(ports, "cisco").splitlines()


def spell_placeholder(text: str) -> str:
    """A placeholder as one printable ASCII token, which the router refuses until it is replaced."""
    return token(cisco_text(text))


def placeholder(p: Peer) -> str:
    """The peer's placeholder as one token; only for a peer that has one."""
    if p.placeholder is None:
        raise ValueError(f"{p.endpoint} has no placeholder")
    return spell_placeholder(p.placeholder)


@dataclass(frozen=True)
class Names:
    """The names an export gives its objects: the user's prefix in upper case, ``-V6`` where a family needs it."""

    prefix: str
    v6: bool = False

    @classmethod
    def of(cls, context: ExportContext) -> Names:
        return cls(context.router.name_prefix.upper(), context.family == 6)

    @property
    def suffix(self) -> str:
        return "-V6" if self.v6 else ""

    def group(self, role: str, family_suffix: bool = False) -> str:
        """The network object (group) of ``role``: ``FWPLAN-VPN-ROUTER``; ``-V6`` with ``family_suffix``."""
        return object_name(role, self.prefix, upper=True, suffix="V6" if family_suffix and self.v6 else "")

    def service(self, label: str, family_suffix: bool = False) -> str:
        """The service group of the rule labelled ``label``: ``FWPLAN-RULE3``, ``FWPLAN-RULE6A`` for piece 6a."""
        return f"{self.prefix}-RULE{label.upper()}{self.suffix if family_suffix else ''}"

    def acl(self, direction: Direction, family_suffix: bool = False) -> str:
        return f"{self.prefix}-{DIRECTIONS[direction]}{self.suffix if family_suffix else ''}"


def device_address(p: Peer) -> str:
    """A port forward's target as the CLI takes it: its address, or its placeholder token."""
    return placeholder(p) if p.placeholder is not None else p.addresses[0].split("/", 1)[0]
