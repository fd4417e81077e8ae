"""MikroTik RouterOS: a script of ``/ip firewall filter add ...`` lines, for ``/import`` or pasting.

Syntax: MikroTik help "Firewall / Filter" and "Common Firewall Matchers and
Actions" (https://help.mikrotik.com/docs/display/ROS/Filter), "Address-lists"
(an entry may be a DNS name, which RouterOS resolves and keeps current) and
"Scripting" (strings in double quotes; ``\\"``, ``\\\\``, ``\\$``, ``\\?`` and ``\\XX``
hex escapes). dst-port takes ``443,9100-9101``; RouterOS refuses more than 15
ports in one rule ("15 ports max"), so rules are split, a range counted as 2
to stay on the safe side.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import ExportContext, Peer, comment_block, header_lines, labels_scopes, one_line, peer
from exporters.base import rule_comment
from exporters.dialects import format_ports
from exporters.words import say
from fwplan.merge import PLACEHOLDER_PBX_HOST, PLACEHOLDER_WORDS, Limits, RuleSet

PBX_LIST = "fwplan-pbx-host"
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-_/()[]{}<>!#%&'*+=@^|~")


def ros_string(text: str) -> str:
    """A RouterOS double-quoted string: everything outside a safe ASCII set as a \\XX byte escape."""
    out = []
    for ch in one_line(text):
        if ch in _SAFE:
            out.append(ch)
        else:
            out.extend(f"\\{b:02X}" for b in ch.encode("utf-8"))
    return '"' + "".join(out) + '"'


@dataclass(frozen=True)
class RouterosExporter:
    name: str = "routeros"
    description: str = "MikroTik RouterOS script (/ip firewall filter, address list for the PBX host)"
    suffix: str = ".rsc"
    limits: Limits = Limits(max_entries=15, range_cost=2)
    fuse_protocols: bool = False
    takes_names: bool = True
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        ip = "/ipv6" if context.family == 6 else "/ip"
        head = header_lines(ruleset, context, "RouterOS", self.takes_names)
        head.append(say("routeros.load", context.lang))
        out = [comment_block(head)]
        host = context.plan.host
        uses_host = any(r.source.kind == "host" or r.destination.kind == "host"
                        or context.roles.get(r.source) == "pbx-host" or context.roles.get(r.destination) == "pbx-host"
                        for r in ruleset.rules)
        if uses_host:
            address = host.value if host is not None else PLACEHOLDER_WORDS[PLACEHOLDER_PBX_HOST].get(context.lang)
            comment = ros_string(say("routeros.pbx_comment", context.lang))
            out.append(f"{ip} firewall address-list\n")
            out.append(f"add list={PBX_LIST} address={ros_string(address)} comment={comment}\n")
        out.append(f"{ip} firewall filter\n")
        scoped = labels_scopes(ruleset)
        for number, rule in enumerate(ruleset.rules, start=1):
            words = ["add chain=forward action=accept", f"protocol={rule.protocol}"]
            for side, endpoint in (("src", rule.source), ("dst", rule.destination)):
                p = peer(endpoint, context, self.takes_names)
                if p.is_any:
                    continue
                if p.role == "pbx-host":
                    words.append(f"{side}-address-list={PBX_LIST}")
                else:
                    words.append(f"{side}-address={self._address(p)}")
            words.append(f"dst-port={format_ports(rule.ports, 'routeros')}")
            words.append(f"comment={ros_string(rule_comment(number, rule, context.lang, scoped))}")
            out.append(" ".join(words) + "\n")
        return "".join(out)

    @staticmethod
    def _address(p: Peer) -> str:
        if p.placeholder is not None:
            return ros_string(p.placeholder)
        return p.addresses[0]


EXPORTER = RouterosExporter()
