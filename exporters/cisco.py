"""Cisco ASA: network objects, service object-groups (``port-object eq`` / ``range a b``) and ACLs.

Syntax: Cisco ASA Series Firewall CLI Configuration Guide, "Objects for Access
Control" and "Extended Access Lists" (https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/):
``object network NAME`` with ``host``, ``subnet`` or ``fqdn v4|v6 NAME`` (the
ASA resolves the name itself); ``object-group service NAME tcp|udp`` with
``port-object eq PORT`` and ``port-object range LOW HIGH``; ``access-list NAME
remark TEXT`` (at most 100 characters) and ``access-list NAME extended permit
PROTO SRC DST object-group SVC``. Lines starting with ``!`` are comments.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from exporters.base import ExportContext, Peer, ascii_text, comment_block, header_lines, labels_scopes, rule_comment
from exporters.cisco_common import (
    ACLS,
    OBJECTS,
    peers,
    placeholder,
    port_entries,
    remark,
    service_group,
    spell_placeholder,
)
from exporters.words import say
from fwplan.merge import Limits, RuleSet


@dataclass(frozen=True)
class CiscoExporter:
    name: str = "cisco"
    description: str = "Cisco ASA (for IOS routers use cisco-ios): objects, service object-groups, access lists"
    suffix: str = ".cfg"
    limits: Limits = Limits()
    fuse_protocols: bool = False
    takes_names: bool = True
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        v6 = context.family == 6
        head = header_lines(ruleset, context, "Cisco ASA", self.takes_names, spell=spell_placeholder)
        head.append(say("cisco.load", context.lang, out=ACLS["outbound"], in_=ACLS["inbound"]))
        out = [comment_block([ascii_text(line) for line in head], "! ")]
        by_endpoint, named = peers(ruleset, context, self.takes_names)
        for role, name in OBJECTS.items():
            if role in named:
                out.append(f"object network {name}\n {self._object_line(named[role], v6)}\n")
        for number, rule in enumerate(ruleset.rules, start=1):
            out.append(f"object-group service {service_group(number)} {rule.protocol}\n")
            out.extend(f" port-object {entry}\n" for entry in port_entries(rule.ports))
        scoped = labels_scopes(ruleset)
        for number, rule in enumerate(ruleset.rules, start=1):
            acl = ACLS[rule.direction]
            out.append(f"access-list {acl} remark {remark(rule_comment(number, rule, context.lang, scoped))}\n")
            src, dst = self._ref(by_endpoint[rule.source]), self._ref(by_endpoint[rule.destination])
            out.append(f"access-list {acl} extended permit {rule.protocol} {src} {dst} "
                       f"object-group {service_group(number)}\n")
        return "".join(out)

    @staticmethod
    def _object_line(p: Peer, v6: bool) -> str:
        if p.placeholder is not None:
            return f"host {placeholder(p)}"
        if p.name is not None:
            return f"fqdn {'v6' if v6 else 'v4'} {p.name}"
        network = ipaddress.ip_network(p.addresses[0], strict=False)
        if network.num_addresses == 1:
            return f"host {network.network_address}"
        if v6:
            return f"subnet {network.with_prefixlen}"
        return f"subnet {network.network_address} {network.netmask}"

    @staticmethod
    def _ref(p: Peer) -> str:
        if p.is_any or p.role not in OBJECTS:
            return "any"
        return f"object {OBJECTS[p.role]}"


EXPORTER = CiscoExporter()
