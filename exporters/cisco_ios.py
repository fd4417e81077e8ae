"""Cisco IOS / IOS XE routers: object groups and a named extended access list per direction (IPv4); plain
IPv6 access lists with one entry per port or range (IPv6).

Syntax: Cisco IOS Security Configuration Guide: Access Control Lists, "Object
Groups for ACLs" (https://www.cisco.com/en/US/docs/ios-xml/ios/sec_data_acl/configuration/15-2mt/sec-object-group-acl.html):
``object-group network NAME`` with ``host ADDRESS`` and ``NETWORK MASK`` members
(a network mask, not the wildcard mask of a plain ACL entry);
``object-group service NAME`` with ``tcp eq PORT`` / ``udp range LOW HIGH``
members; ``ip access-list extended NAME`` with ``permit object-group SERVICE
{object-group NETWORK | any} {object-group NETWORK | any}``. "Commented IP
Access List Entries" (.../sec_data_acl/configuration/xe-3s/sec-data-acl-xe-3s-book/sec-acl-comm-ipacl.html):
``remark TEXT``, "each remark is limited to 100 characters". No limit on the
size of an object group is documented, so rules are not split. IOS resolves no
DNS name in an access list or object group: a hostname is resolved at export
time (``--resolve``) or left as a placeholder that the header explains.

IPv6: object groups for IPv6 access lists exist only on some IOS XE platforms
("Object Groups for ACLs" with the zone-based firewall: "IPv6 is not
supported"), so an IPv6 plan gets the form every IOS release takes, from the
Cisco IOS IPv6 Command Reference (``ipv6 access-list``, ``permit (IPv6)``,
``remark (IPv6)``): ``ipv6 access-list NAME`` with ``permit tcp|udp SRC DST eq
PORT`` or ``range LOW HIGH``, SRC and DST being ``any``, ``host ADDRESS`` or
``PREFIX/LENGTH``; one entry per port or range, bound with ``ipv6 traffic-filter``.
Lines starting with ``!`` are comments.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from exporters.base import ExportContext, ExportError, Peer, ascii_text, comment_block, header_lines, labels_scopes
from exporters.base import rule_comment
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
from fwplan.merge import Limits, Rule, RuleSet

TARGET = "Cisco IOS"


@dataclass(frozen=True)
class CiscoIosExporter:
    name: str = "cisco-ios"
    description: str = "Cisco IOS/IOS XE routers: object groups (tcp eq, range a b) and extended access lists"
    suffix: str = ".ios"
    limits: Limits = Limits()
    fuse_protocols: bool = False
    takes_names: bool = False
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        v6 = context.family == 6
        by_endpoint, named = peers(ruleset, context, self.takes_names)
        for p in by_endpoint.values():
            _check_family(p, context.family)
        numbered = list(enumerate(ruleset.rules, start=1))
        directions = [d for d in ACLS if any(rule.direction == d for _, rule in numbered)]
        out = [comment_block([ascii_text(line) for line in self._head(ruleset, context, directions)], "! ")]
        if not v6:
            for role, name in OBJECTS.items():
                if role in named:
                    out.append(f"object-group network {name}\n")
                    out.extend(f" {line}\n" for line in _group_lines(named[role]))
            for number, rule in numbered:
                out.append(f"object-group service {service_group(number)}\n")
                out.extend(f" {rule.protocol} {entry}\n" for entry in port_entries(rule.ports))
        scoped = labels_scopes(ruleset)
        for direction in directions:
            out.append(f"{'ipv6 access-list' if v6 else 'ip access-list extended'} {ACLS[direction]}\n")
            for number, rule in numbered:
                if rule.direction != direction:
                    continue
                out.append(f" remark {remark(rule_comment(number, rule, context.lang, scoped))}\n")
                src, dst = by_endpoint[rule.source], by_endpoint[rule.destination]
                if v6:
                    out.extend(f" {line}\n" for line in _v6_entries(rule, src, dst))
                else:
                    out.append(f" permit object-group {service_group(number)} {_ref(src)} {_ref(dst)}\n")
        return "".join(out)

    def _head(self, ruleset: RuleSet, context: ExportContext, directions: list[str]) -> list[str]:
        head = header_lines(ruleset, context, TARGET, self.takes_names, spell=spell_placeholder)
        lang = context.lang
        command = "ipv6 traffic-filter" if context.family == 6 else "ip access-group"
        bindings = "; ".join(say("ios.bind", lang, command=command, acl=ACLS[d], side=say(f"ios.side.{d}", lang))
                             for d in directions)
        head.append(say("ios.load", lang, bindings=bindings))
        head.append(say("ios.stateless", lang))
        head.append(say("ios.again", lang, remove="no ipv6 access-list NAME" if context.family == 6
                        else say("ios.remove.v4", lang)))
        return head


def _check_family(p: Peer, family: int) -> None:
    if p.family not in (None, family):
        raise ExportError.about("export.cisco_family", address=p.addresses[0], version=p.family, family=family)


def _group_lines(p: Peer) -> list[str]:
    """An IPv4 network object group's members: ``host A.B.C.D`` or ``NETWORK MASK``."""
    if p.placeholder is not None:
        return [_placeholder_member(p)]
    lines = []
    for address in p.addresses:
        network = ipaddress.ip_network(address, strict=False)
        lines.append(f"host {network.network_address}" if network.num_addresses == 1
                     else f"{network.network_address} {network.netmask}")
    return lines


def _placeholder_member(p: Peer) -> str:
    """``host <LAN_address>``, or ``<LAN_network>`` alone where a network and its mask (or prefix) belong."""
    return placeholder(p) if p.role == "lan-network" else f"host {placeholder(p)}"


def _ref(p: Peer) -> str:
    if p.is_any or p.role not in OBJECTS:
        return "any"
    return f"object-group {OBJECTS[p.role]}"


def _v6_operands(p: Peer) -> list[str]:
    if p.is_any:
        return ["any"]
    if p.placeholder is not None:
        return [_placeholder_member(p)]
    operands = []
    for address in p.addresses:
        network = ipaddress.ip_network(address, strict=False)
        operands.append(f"host {network.network_address}" if network.num_addresses == 1 else network.with_prefixlen)
    return operands


def _v6_entries(rule: Rule, src: Peer, dst: Peer) -> list[str]:
    """One ``permit`` per source, destination and port entry: IPv6 lists take one port or range per entry."""
    return [f"permit {rule.protocol} {s} {d} {entry}"
            for s in _v6_operands(src) for d in _v6_operands(dst) for entry in port_entries(rule.ports)]


EXPORTER = CiscoIosExporter()
