"""Cisco IOS / IOS XE routers: a zone-based policy firewall over object groups and access lists, static NAT
for port forwards; or, with ``--plain-acl``, the access lists alone with advice to merge them.

Syntax:

- Zone-based firewall: Cisco IOS Security Configuration Guide, "Zone-Based Policy
  Firewalls" (https://www.cisco.com/c/en/us/td/docs/ios-xml/ios/sec_data_zbf/configuration/15-mt/sec-data-zbf-15-mt-book/sec-zone-pol-fw.html)
  and the "Zone-Based Policy Firewall Design and Application Guide"
  (https://www.cisco.com/c/dam/en/us/support/docs/security/ios-firewall/98628-zone-design-guide-01.pdf):
  ``zone security NAME``; ``class-map type inspect match-any NAME`` with ``match
  access-group name ACL``; ``policy-map type inspect NAME`` with ``class type
  inspect CLASS`` / ``inspect`` (stateful: the replies pass) and ``class
  class-default`` / ``drop``; ``match protocol tcp|udp|icmp`` in a ``match-any`` inspect class matches all
  traffic of that protocol (the design guide's inside-to-outside example inspects all TCP, UDP and ICMP that
  way); ``zone-pair security NAME source Z1 destination
  Z2`` with ``service-policy type inspect POLICY``; ``interface X`` / ``zone-member
  security Z``. "If a policy is not configured between a pair of zones, traffic
  is dropped by default"; an interface in no zone cannot reach one in a zone; the
  self zone (the router's own traffic) passes while no zone pair names it. The
  firewall classifies inbound traffic after the outside-to-inside NAT, so a port
  forward's class names the device's LAN address. IPv6: "Zone-Based Policy
  Firewall IPv6 Support" (https://www.cisco.com/en/US/docs/ios-xml/ios/sec_data_zbf/configuration/15-2mt/ip6-firewall-zb.html).
- Access lists and object groups: "Object Groups for ACLs"
  (https://www.cisco.com/en/US/docs/ios-xml/ios/sec_data_acl/configuration/15-2mt/sec-object-group-acl.html):
  ``object-group network NAME`` with ``host ADDRESS`` and ``NETWORK MASK``
  members (a network mask, not the wildcard mask of a plain ACL entry);
  ``object-group service NAME`` with ``tcp eq PORT`` / ``udp range LOW HIGH``;
  ``ip access-list extended NAME`` with ``permit object-group SERVICE
  {object-group NETWORK | any} {object-group NETWORK | any}``; "Commented IP
  Access List Entries": ``remark TEXT``, at most 100 characters. IPv6 (object
  groups only on some IOS XE platforms): the Cisco IOS IPv6 Command Reference
  (``ipv6 access-list``, ``permit (IPv6)``, ``remark (IPv6)``), one entry per
  port or range, ``any``, ``host ADDRESS`` or ``PREFIX/LENGTH``. IOS resolves no
  DNS name in a list or group: a hostname is resolved at export time
  (``--resolve``) or left as a placeholder that the header explains.
- Port forwards: "Configuring NAT for IP Address Conservation", static NAT with
  port translation: ``ip nat inside source static {tcp|udp} LOCAL-IP LOCAL-PORT
  interface TYPE NUMBER GLOBAL-PORT``, one port per entry.

The site router: zones ``inside`` (LAN) and ``outside`` (internet). The inside-to-outside policy inspects the
planned flows and then, in the class ``PREFIX-OTHER-OUT``, all other TCP, UDP and ICMP, so that the site's other
outbound traffic passes as through the plain NAT router before; outside to inside only the planned flows pass.
``--lan-if``
and ``--wan-if`` name the interfaces that join them (placeholders otherwise, so
that IOS refuses those lines until they are replaced). Names start with
``--name-prefix`` in upper case. The first lines remove the export's lists and
groups and the class ``PREFIX-OTHER-OUT`` (first taken out of the outbound policy, which refers to it), so
that pasting again replaces them. Lines starting with ``!`` are comments.
"""

from __future__ import annotations

from dataclasses import dataclass

import netaddr

from exporters.base import (
    ROLES,
    ExportContext,
    ExportError,
    Peer,
    comment_block,
    header_lines,
    labels_scopes,
    named_peers,
    network_and_mask,
    port_forwards,
    rule_comment,
    rule_title,
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
from fwplan.catalog import Direction
from fwplan.i18n import say
from fwplan.merge import Endpoint, Limits, Rule, RuleSet

TARGET = "Cisco IOS"
#: The zones: the LAN side and the internet side.
INSIDE, OUTSIDE = "inside", "outside"
#: Each direction's zone pair: from which zone to which.
PAIRS: dict[Direction, tuple[str, str]] = {"outbound": (INSIDE, OUTSIDE), "inbound": (OUTSIDE, INSIDE)}


@dataclass(frozen=True)
class CiscoIosExporter:
    name: str = "cisco-ios"
    suffix: str = ".ios"
    limits: Limits = Limits()
    fuse_protocols: bool = False
    takes_names: bool = False
    options: frozenset[str] = frozenset(("wan_if", "lan_if", "nat", "name_prefix", "plain_acl"))
    interfaces: tuple[str, str] | None = None  # no default: placeholders until --wan-if/--lan-if

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        v6 = context.family == 6
        names = Names.of(context)
        by_endpoint, named = named_peers(ruleset, context, self.takes_names)
        for p in by_endpoint.values():
            _check_family(p, context.family)
        numbered = ruleset.numbered()
        by_label = dict(numbered)
        directions = [d for d in PAIRS if any(rule.direction == d for _, rule in numbered)]
        forwarded = port_forwards(numbered, context)
        plain = context.router.plain_acl
        wan, lan = self._interfaces(context)
        lines = [
            comment_block([cisco_text(line) for line in self._head(ruleset, context, directions, forwarded)], "! ")
        ]
        lines.extend(f"{line}\n" for line in _removals(names, named, numbered, directions, v6, plain))
        if not v6:
            for role in (r for r in ROLES if r in named):
                lines.append(f"object-group network {names.group(role)}\n")
                lines.extend(f" {line}\n" for line in _group_lines(named[role]))
            for label, rule in numbered:
                lines.append(f"object-group service {names.service(label)}\n")
                lines.extend(f" {rule.protocol} {entry}\n" for entry in port_entries(rule.ports))
        scoped = labels_scopes(ruleset)
        for direction in directions:
            lines.append(f"{'ipv6 access-list' if v6 else 'ip access-list extended'} {names.acl(direction, v6)}\n")
            for label, rule in numbered:
                if rule.direction != direction:
                    continue
                lines.append(f" remark {remark(rule_comment(label, rule, context.lang, scoped))}\n")
                src, dst = by_endpoint[rule.source], by_endpoint[rule.destination]
                if v6:
                    lines.extend(f" {line}\n" for line in _v6_entries(rule, src, dst))
                else:
                    # a list inbound on the internet interface sees a port forward's public (pre-NAT) address
                    to = "any" if plain and label in forwarded else _ref(dst, names)
                    lines.append(f" permit object-group {names.service(label)} {_ref(src, names)} {to}\n")
        if not plain:
            lines.extend(f"{line}\n" for line in _zone_firewall(names, directions, v6))
        for label, target in forwarded.items():
            rule, local = by_label[label], device_address(by_endpoint[target])
            lines.append(f"! {cisco_text(f'fwplan {rule_title(label, rule, context.lang, scoped)}')}\n")
            lines.extend(
                f"ip nat inside source static {rule.protocol} {local} {port} interface {wan} {port}\n"
                for r in rule.ports.ranges
                for port in range(r.lo, r.hi + 1)
            )
        if not plain:
            for interface, zone in ((lan, INSIDE), (wan, OUTSIDE)):
                lines.append(f"interface {interface}\n zone-member security {zone}\n")
        return "".join(lines)

    @staticmethod
    def _interfaces(context: ExportContext) -> tuple[str, str]:
        """The WAN and LAN interfaces: the user's, else placeholders that IOS refuses."""
        return context.interfaces(
            spell_placeholder(say("cisco.placeholder.wan", context.lang)),
            spell_placeholder(say("cisco.placeholder.lan", context.lang)),
        )

    def _head(
        self, ruleset: RuleSet, context: ExportContext, directions: list[Direction], forwarded: dict[str, Endpoint]
    ) -> list[str]:
        lang, names, v6 = context.lang, Names.of(context), context.family == 6
        head = header_lines(ruleset, context, TARGET, self.takes_names, spell=spell_placeholder)
        wan, lan = self._interfaces(context)
        plain = context.router.plain_acl
        if plain:
            command = "ipv6 traffic-filter" if v6 else "ip access-group"
            head.append(
                say(
                    "ios.plain",
                    lang,
                    out=names.acl("outbound", v6),
                    in_=names.acl("inbound", v6),
                    lan=lan,
                    wan=wan,
                    command=command,
                    command_list="ipv6 access-list" if v6 else "ip access-list extended",
                )
            )
        else:
            head.append(say("ios.zbf", lang, inside=INSIDE, outside=OUTSIDE))
            head.append(say("ios.interfaces", lang, lan=lan, wan=wan, inside=INSIDE, outside=OUTSIDE))
            head.append(
                say(
                    "ios.zbf.default",
                    lang,
                    policy=_policy(names, "outbound"),
                    other=_other(names),
                    inside=INSIDE,
                    outside=OUTSIDE,
                )
            )
            head.append(say("ios.zbf.existing", lang, other=_other(names)))
        head.append(say("ios.docs", lang))
        used = ((wan, context.router.wan_if), *(() if plain else ((lan, context.router.lan_if),)))
        missing = [name for name, given in used if given is None and (forwarded or not plain)]
        if missing:
            head.append(say("ios.interfaces.placeholder", lang, placeholders=", ".join(missing)))
        if forwarded:
            head.append(say("ios.nat", lang, wan=wan, filter=say("ios.nat.acl" if plain else "ios.nat.zbf", lang)))
        elif v6:
            head.append(say("ios.v6.plain" if plain else "ios.v6", lang))
        elif not context.router.nat and "inbound" in directions:
            head.append(say("ios.no_nat", lang))
        head.append(
            say(
                "ios.again.plain" if plain else "ios.again",
                lang,
                prefix=names.prefix,
                other=_other(names),
                policy=_policy(names, "outbound"),
            )
        )
        return head


def _check_family(p: Peer, family: int) -> None:
    if p.family not in (None, family):
        raise ExportError.about("export.cisco_family", address=p.addresses[0], version=p.family, family=family)


def _removals(
    names: Names,
    named: dict[str, Peer],
    numbered: list[tuple[str, Rule]],
    directions: list[Direction],
    v6: bool,
    plain: bool,
) -> list[str]:
    """What an earlier paste left that this one would add to: its lists first (they use the groups); with the
    zone-based firewall the class of the site's other outbound traffic, taken out of the policy that uses it first
    (IOS refuses to remove a class map a policy map names; the policy map is defined again below anyway)."""
    lines = [f"no {'ipv6 access-list' if v6 else 'ip access-list extended'} {names.acl(d, v6)}" for d in directions]
    if not v6:
        lines.extend(f"no object-group network {names.group(role)}" for role in ROLES if role in named)
        lines.extend(f"no object-group service {names.service(label)}" for label, _ in numbered)
    if not plain:
        lines += [
            f"policy-map type inspect {_policy(names, 'outbound')}",
            f" no class type inspect {_other(names)}",
            f"no class-map type inspect match-any {_other(names)}",
        ]
    return lines


def _class(names: Names, direction: Direction) -> str:
    return f"{names.acl(direction, names.v6)}-CLASS"


def _policy(names: Names, direction: Direction) -> str:
    """The direction's policy map: one for both families, each adding its class."""
    return f"{names.acl(direction)}-POLICY"


def _other(names: Names) -> str:
    """The class of the site's other outbound traffic: by protocol, so one for both families."""
    return f"{names.prefix}-OTHER-OUT"


def _zone_firewall(names: Names, directions: list[Direction], v6: bool) -> list[str]:
    """Per direction a class matching the list, a policy that inspects it, and the zone pair that applies it. The
    outbound policy, there even without outbound rules (zones without a zone pair drop everything), inspects the
    site's other TCP, UDP and ICMP after the planned flows: it passes as it did through the plain NAT router."""
    lines = [
        f"class-map type inspect match-any {_other(names)}",
        *(f" match protocol {protocol}" for protocol in ("tcp", "udp", "icmp")),
    ]
    pairs: list[Direction] = ["outbound", *(d for d in directions if d != "outbound")]
    for d in pairs:
        planned = d in directions
        if planned:
            lines += [
                f"class-map type inspect match-any {_class(names, d)}",
                f" match access-group name {names.acl(d, v6)}",
            ]
        lines.append(f"policy-map type inspect {_policy(names, d)}")
        if planned:
            lines += [f" class type inspect {_class(names, d)}", "  inspect"]
        if d == "outbound":
            lines += [f" class type inspect {_other(names)}", "  inspect"]
        lines += [" class class-default", "  drop"]
    lines += [f"zone security {INSIDE}", f"zone security {OUTSIDE}"]
    for d in pairs:
        source, destination = PAIRS[d]
        lines += [
            f"zone-pair security {names.acl(d)}-PAIR source {source} destination {destination}",
            f" service-policy type inspect {_policy(names, d)}",
        ]
    return lines


def _group_lines(p: Peer) -> list[str]:
    """An IPv4 network object group's members: ``host A.B.C.D`` or ``NETWORK MASK``."""
    if p.placeholder is not None:
        return [_placeholder_member(p)]
    lines = []
    for address in p.addresses:
        network, mask = network_and_mask(address)
        lines.append(f"host {network}" if mask == "255.255.255.255" else f"{network} {mask}")
    return lines


def _placeholder_member(p: Peer) -> str:
    """``host <LAN_address>``, or ``<LAN_network>`` alone where a network and its mask (or prefix) belong."""
    return placeholder(p) if p.role == "lan-network" else f"host {placeholder(p)}"


def _ref(p: Peer, names: Names) -> str:
    if p.is_any or p.role is None:
        return "any"
    return f"object-group {names.group(p.role)}"


def _v6_operands(p: Peer) -> list[str]:
    if p.is_any or (p.role is None and not p.addresses and p.placeholder is None):
        return ["any"]
    if p.placeholder is not None:
        return [_placeholder_member(p)]
    operands = []
    for address in p.addresses:
        network = netaddr.IPNetwork(address).cidr
        operands.append(f"host {network.ip}" if network.size == 1 else str(network))
    return operands


def _v6_entries(rule: Rule, src: Peer, dst: Peer) -> list[str]:
    """One ``permit`` per source, destination and port entry: IPv6 lists take one port or range per entry."""
    return [
        f"permit {rule.protocol} {s} {d} {entry}"
        for s in _v6_operands(src)
        for d in _v6_operands(dst)
        for entry in port_entries(rule.ports)
    ]


EXPORTER = CiscoIosExporter()
