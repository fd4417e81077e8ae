"""Cisco ASA: network objects, service object-groups and access lists to merge into the interfaces' own, and
static NAT for port forwards.

Syntax: Cisco ASA Series Firewall CLI Configuration Guide
(https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/), "Objects for Access Control":
``object network NAME`` with ``host``, ``subnet`` or ``fqdn v4|v6 NAME`` (the
ASA resolves the name itself); ``object-group service NAME tcp|udp`` with
``port-object eq PORT`` and ``port-object range LOW HIGH``; ``object service
NAME`` with ``service tcp|udp source eq PORT | range LOW HIGH``. "Extended Access
Lists": ``access-list NAME remark TEXT`` (at most 100 characters) and
``access-list NAME extended permit PROTO SRC DST object-group SVC``; from ASA
8.3 on a list names real (untranslated) addresses. "Access Rules": ``access-group
NAME in interface IF`` binds one list per interface and direction and replaces
the one bound before; without a list, traffic from a higher to a lower security
level (inside to outside) passes. "Network Object NAT" (ASA 8.4 and later,
https://www.cisco.com/en/US/docs/security/asa/asa84/configuration/guide/nat_objects.html):
static NAT with port translation to the interface's address, ``nat (REAL_IF,MAPPED_IF)
static interface service tcp|udp REAL_PORT MAPPED_PORT``, one NAT rule per
object, one port per rule; "Twice NAT"
(https://www.cisco.com/en/US/docs/security/asa/asa84/configuration/guide/nat_rules.html):
``nat (REAL_IF,MAPPED_IF) source static REAL_OBJ interface service REAL_SVC
MAPPED_SVC`` for a port range, the service object naming the real server's
source ports. Lines starting with ``!`` are comments; no line holds a ``?``,
which opens the CLI's help.

The site router: the interfaces' nameif from ``--wan-if``/``--lan-if`` (default
``outside``/``inside``); an inbound internet rule to the private IPv4 LAN is a
port forward, its list entry limited to the rule's source. Names start with
``--name-prefix`` in upper case; an IPv6 export's objects and service groups end
in ``-V6``. The first lines remove exactly the entries this export adds, so that
pasting again replaces them.
"""

from __future__ import annotations

from dataclasses import dataclass

import netaddr

from exporters.base import (
    ROLES,
    ExportContext,
    Peer,
    comment_block,
    header_lines,
    labels_scopes,
    named_peers,
    network_and_mask,
    port_forwards,
    rule_comment,
)
from exporters.cisco_common import (
    Names,
    cisco_text,
    device_address,
    placeholder,
    port_entries,
    remark,
    spell_placeholder,
)
from fwplan.i18n import say
from fwplan.merge import Endpoint, Limits, RuleSet

TARGET = "Cisco ASA"


@dataclass(frozen=True)
class CiscoExporter:
    name: str = "cisco"
    suffix: str = ".cfg"
    limits: Limits = Limits()
    fuse_protocols: bool = False
    takes_names: bool = True
    options: frozenset[str] = frozenset(("wan_if", "lan_if", "nat", "name_prefix"))
    interfaces: tuple[str, str] = ("outside", "inside")  # nameif

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        v6 = context.family == 6
        names = Names.of(context)
        wan, lan = context.interfaces(*self.interfaces)
        by_endpoint, named = named_peers(ruleset, context, self.takes_names)
        numbered = ruleset.numbered()
        by_label = dict(numbered)
        forwarded = port_forwards(numbered, context)
        scoped = labels_scopes(ruleset)
        entries = []
        for label, rule in numbered:
            acl = names.acl(rule.direction)
            src, dst = (self._ref(by_endpoint[e], names) for e in (rule.source, rule.destination))
            entries.append(f"access-list {acl} remark {remark(rule_comment(label, rule, context.lang, scoped))}")
            entries.append(
                f"access-list {acl} extended permit {rule.protocol} {src} {dst} "
                f"object-group {names.service(label, True)}"
            )
        nat, twice = [], []
        for label, target in forwarded.items():
            rule, device = by_label[label], device_address(by_endpoint[target])
            for r in rule.ports.ranges:
                name = f"{names.service(label)}-{rule.protocol.upper()}{r.lo}{'' if r.is_single else f'-{r.hi}'}"
                if r.is_single:
                    nat += [
                        f"object network {name}",
                        f" host {device}",
                        f" nat ({lan},{wan}) static interface service {rule.protocol} {r.lo} {r.lo}",
                    ]
                    continue
                host = f"{names.service(label)}-HOST"
                if f"object network {host}" not in nat:
                    nat += [f"object network {host}", f" host {device}"]
                nat += [f"object service {name}", f" service {rule.protocol} source range {r.lo} {r.hi}"]
                twice.append(f"nat ({lan},{wan}) source static {host} interface service {name} {name}")
        lines = [comment_block([cisco_text(line) for line in self._head(ruleset, context, forwarded)], "! ")]
        lines.extend(f"no {line}\n" for line in (*entries, *twice))
        lines.extend(f"no object-group service {names.service(label, True)}\n" for label, _ in numbered)
        for role in (r for r in ROLES if r in named):
            lines.append(f"object network {names.group(role, True)}\n {self._object_line(named[role], v6)}\n")
        for label, rule in numbered:
            lines.append(f"object-group service {names.service(label, True)} {rule.protocol}\n")
            lines.extend(f" port-object {entry}\n" for entry in port_entries(rule.ports))
        lines.extend(f"{line}\n" for line in (*entries, *nat, *twice))
        return "".join(lines)

    def _head(self, ruleset: RuleSet, context: ExportContext, forwarded: dict[str, Endpoint]) -> list[str]:
        lang, names = context.lang, Names.of(context)
        wan, lan = context.interfaces(*self.interfaces)
        head = header_lines(ruleset, context, TARGET, self.takes_names, spell=spell_placeholder)
        head.append(say("asa.load", lang, out=names.acl("outbound"), in_=names.acl("inbound"), wan=wan, lan=lan))
        head.append(say("asa.docs", lang))
        if context.plan.host is not None and not context.plan.host.is_ip:
            head.append(say("asa.fqdn", lang))
        if forwarded:
            head.append(say("asa.nat", lang, wan=wan, lan=lan))
        elif context.family == 6:
            head.append(say("asa.v6", lang))
        elif not context.router.nat and any(rule.direction == "inbound" for rule in ruleset.rules):
            head.append(say("asa.no_nat", lang))
        head.append(say("asa.again", lang, prefix=names.prefix))
        return head

    @staticmethod
    def _object_line(p: Peer, v6: bool) -> str:
        if p.placeholder is not None:
            return f"host {placeholder(p)}"
        if p.name is not None:
            return f"fqdn {'v6' if v6 else 'v4'} {p.name}"
        network = netaddr.IPNetwork(p.addresses[0]).cidr
        if network.size == 1:
            return f"host {network.ip}"
        if v6:
            return f"subnet {network}"
        return "subnet {} {}".format(*network_and_mask(p.addresses[0]))

    @staticmethod
    def _ref(p: Peer, names: Names) -> str:
        if p.is_any or p.role is None:
            return "any"
        return f"object {names.group(p.role, True)}"


EXPORTER = CiscoExporter()
