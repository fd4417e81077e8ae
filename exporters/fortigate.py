"""FortiGate (FortiOS CLI): ``config firewall address``, ``service custom`` and ``policy`` blocks.

Syntax: FortiOS CLI Reference (https://docs.fortinet.com/document/fortigate/7.4.8/cli-reference):
``config firewall service custom`` (name at most 79 characters;
``set tcp-portrange``/``udp-portrange`` take space-separated entries
``dst[-dsthigh][:src[-srchigh]]``, so ``:`` would mean a source port and is
never written; ``set comment`` at most 255 characters), ``config firewall address``
(``set subnet IP MASK``, or ``set type fqdn`` and ``set fqdn``: the FortiGate
resolves the name itself) and ``config firewall policy`` (``edit 0`` takes the
next free id). Strings are double-quoted with ``\\"`` and ``\\\\`` escaped.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from exporters.base import LAN_ROLES, ExportContext, Peer, clip, comment_block, header_lines, labels_scopes, one_line
from exporters.base import peer, rule_comment
from exporters.dialects import format_ports
from exporters.words import say
from fwplan.merge import Limits, Rule, RuleSet

ADDRESSES = {"lan-network": "fwplan-lan-net", "lan-address": "fwplan-lan-addr", "vpn-router": "fwplan-vpn-router",
             "pbx-host": "fwplan-pbx-host"}
LAN_INTERFACE, WAN_INTERFACE = "internal", "wan1"
COMMENT_BYTES = 255


def forti_string(text: str, max_bytes: int = COMMENT_BYTES) -> str:
    cleaned = clip(one_line(text), max_bytes)
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


def service_name(number: int) -> str:
    return f"fwplan-rule{number}"


@dataclass(frozen=True)
class FortigateExporter:
    name: str = "fortigate"
    description: str = "FortiGate CLI: firewall address, service custom and policy blocks"
    suffix: str = ".conf"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = True
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        v6 = context.family == 6
        head = header_lines(ruleset, context, "FortiGate", self.takes_names)
        head.append(say("fortigate.load", context.lang, lan=LAN_INTERFACE, wan=WAN_INTERFACE))
        out = [comment_block(head)]
        peers = {e: peer(e, context, self.takes_names) for r in ruleset.rules for e in (r.source, r.destination)}
        named = {p.role: p for p in peers.values() if p.role in ADDRESSES and not p.is_any}
        if named:
            out.append(f"config firewall {'address6' if v6 else 'address'}\n")
            for role, name in ADDRESSES.items():
                if role in named:
                    out.append(f'    edit "{name}"\n')
                    out.extend(f"        {line}\n" for line in self._address_lines(named[role], v6))
                    out.append("    next\n")
            out.append("end\n")
        out.append("config firewall service custom\n")
        scoped = labels_scopes(ruleset)
        for number, rule in enumerate(ruleset.rules, start=1):
            out.append(f'    edit "{service_name(number)}"\n')
            for proto in rule.protocols:
                out.append(f"        set {proto}-portrange {format_ports(rule.ports, 'fortigate')}\n")
            out.append(f"        set comment {forti_string(rule_comment(number, rule, context.lang, scoped))}\n")
            out.append("    next\n")
        out.append("end\n")
        out.append("config firewall policy\n")
        for number, rule in enumerate(ruleset.rules, start=1):
            src, dst = peers[rule.source], peers[rule.destination]
            suffix = "6" if v6 else ""
            out.append("    edit 0\n")
            out.append(f'        set name "fwplan-{number}"\n')
            out.append(f'        set srcintf "{self._interface(src, rule, source=True)}"\n')
            out.append(f'        set dstintf "{self._interface(dst, rule, source=False)}"\n')
            out.append(f'        set srcaddr{suffix} "{self._address_name(src)}"\n')
            out.append(f'        set dstaddr{suffix} "{self._address_name(dst)}"\n')
            out.append("        set action accept\n")
            out.append('        set schedule "always"\n')
            out.append(f'        set service "{service_name(number)}"\n')
            out.append(f"        set comments {forti_string(rule_comment(number, rule, context.lang, scoped), 1023)}\n")
            out.append("    next\n")
        out.append("end\n")
        return "".join(out)

    @staticmethod
    def _address_lines(p: Peer, v6: bool) -> list[str]:
        if p.placeholder is not None:
            return [f"set {'ip6' if v6 else 'subnet'} {forti_string(p.placeholder)}"]
        if p.name is not None:
            return ["set type fqdn", f"set fqdn {forti_string(p.name)}"]
        network = ipaddress.ip_network(p.addresses[0], strict=False)
        if v6:
            return [f"set ip6 {network.with_prefixlen}"]
        return [f"set subnet {network.network_address} {network.netmask}"]

    @staticmethod
    def _address_name(p: Peer) -> str:
        if p.is_any:
            return "all"
        return ADDRESSES.get(p.role, "all")

    @staticmethod
    def _interface(p: Peer, rule: Rule, source: bool) -> str:
        if p.role in LAN_ROLES:
            return LAN_INTERFACE
        if p.is_any:
            return "any"
        return WAN_INTERFACE


EXPORTER = FortigateExporter()
