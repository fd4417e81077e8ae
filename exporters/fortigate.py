"""FortiGate (FortiOS CLI): ``config firewall address``, ``vip``, ``service custom`` and ``policy`` blocks.

Syntax: FortiOS CLI Reference (https://docs.fortinet.com/document/fortigate/7.4.8/cli-reference):
``config firewall service custom`` (name at most 79 characters;
``set tcp-portrange``/``udp-portrange`` take space-separated entries
``dst[-dsthigh][:src[-srchigh]]``, so ``:`` would mean a source port and is
never written; ``set comment`` at most 255 characters), ``config firewall address``
and ``address6`` (name at most 79 characters; ``set subnet IP MASK``, ``set ip6``,
or ``set type fqdn`` and ``set fqdn``: the FortiGate resolves the name itself),
``config firewall vip`` (name at most 79 characters; ``set extintf``, ``set
extip`` (0.0.0.0: the external interface's own address), ``set mappedip``,
``set portforward enable``, ``set protocol tcp|udp``, ``set extport`` and ``set
mappedport`` take one port or one range; "Configuring a VIP": a VIP passes
traffic only as the destination of a policy from its external interface) and
``config firewall policy`` (``edit 0`` takes the next free id; ``set name`` at
most 35 characters, unique per VDOM (FortiOS Handbook "Policy names");
``srcaddr6``/``dstaddr6`` for IPv6; ``set nat enable`` translates the source to
the outgoing interface's address, and is off by default). Strings are
double-quoted with ``\\"`` and ``\\\\`` escaped. A ``?`` typed or pasted into
the CLI shows help (CLI Reference "Tips & tricks"), so no line holds one.

The site router: interfaces from ``--wan-if``/``--lan-if`` (default ``wan1``
and ``internal``). Outbound IPv4 internet policies ``set nat enable`` unless
``--no-nat``; an inbound internet rule to the private IPv4 LAN is a port
forward: one VIP per protocol and port range, the policy's ``dstaddr``, with
the rule's source as ``srcaddr``. IPv6 gets no NAT. Every object name starts
with ``--name-prefix`` (default ``fwplan``); the IPv6 export's names end in
``-v6``, so that an IPv4 and an IPv6 export of one site do not overwrite each
other. With the longest prefix the core allows (20 characters) the names stay
under 30 characters for a policy (limit 35) and under 50 for a VIP (limit 79);
each name is still checked, as the interfaces are (35), with a one-line error.
"""

from __future__ import annotations

from dataclasses import dataclass

import netaddr

from exporters.base import (
    LAN_ROLES,
    ExportContext,
    ExportError,
    Peer,
    clip,
    comment_block,
    forward_device,
    header_lines,
    labels_scopes,
    network_and_mask,
    object_name,
    one_line,
    peer,
    rule_comment,
)
from exporters.dialects import format_ports
from fwplan.catalog import Protocol
from fwplan.i18n import say
from fwplan.merge import Endpoint, Limits, Rule, RuleSet

ROLES = ("lan-network", "lan-address", "vpn-router", "pbx-host")
COMMENT_BYTES = 255
#: FortiOS name limits (CLI Reference): policy names 35 characters, addresses, VIPs and services 79,
#: interface names 35.
POLICY_NAME, OBJECT_NAME, INTERFACE_NAME = 35, 79, 35


def forti_text(text: str) -> str:
    """One line with no ``?``, which would open the CLI's help while pasting."""
    return one_line(text).replace("?", "")


def forti_string(text: str, max_bytes: int = COMMENT_BYTES) -> str:
    cleaned = clip(forti_text(text), max_bytes)
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Names:
    """The names an export gives its objects: the user's prefix, and ``-v6`` for an IPv6 export."""

    prefix: str
    v6: bool

    @property
    def suffix(self) -> str:
        return "-v6" if self.v6 else ""

    def address(self, role: str) -> str:
        return object_name(role, self.prefix, suffix="v6" if self.v6 else "")

    def service(self, number: str) -> str:
        return f"{self.prefix}-rule{number}{self.suffix}"

    def policy(self, number: str | int) -> str:
        return f"{self.prefix}-{number}{self.suffix}"

    def vip(self, number: str, protocol: Protocol, ports: str) -> str:
        return f"{self.prefix}-rule{number}-{protocol}-{ports}"


def _checked(name: str, most: int) -> str:
    if len(name) > most:
        raise ExportError.about("export.fortigate_name", name=name, most=most)
    return name


@dataclass(frozen=True)
class FortigateExporter:
    name: str = "fortigate"
    suffix: str = ".conf"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = True
    options: frozenset[str] = frozenset(("wan_if", "lan_if", "nat", "name_prefix"))
    interfaces: tuple[str, str] = ("wan1", "internal")

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        lang = context.lang
        v6 = context.family == 6
        names = Names(context.router.name_prefix, v6)
        wan, lan = (_checked(i, INTERFACE_NAME) for i in context.interfaces(*self.interfaces))
        numbered = ruleset.numbered()
        forwards = {n: forward_device(r, n, context) for n, r in numbered}
        head = header_lines(ruleset, context, "FortiGate", self.takes_names)
        head.append(say("fortigate.load", lang, lan=lan, wan=wan))
        if v6:
            head.append(say("fortigate.v6", lang))
        elif context.nat:
            head.append(say("fortigate.nat", lang, wan=wan))
            if any(forwards.values()):
                head.append(say("fortigate.forward", lang, wan=wan))
        else:
            head.append(say("fortigate.no_nat", lang))
        head.append(
            say("fortigate.again", lang, prefix=names.prefix, first=names.policy(1), last=names.policy(numbered[-1][0]))
        )
        head.append(say("fortigate.docs", lang))
        out = [comment_block([forti_text(line) for line in head])]
        peers = {e: peer(e, context, self.takes_names) for r in ruleset.rules for e in (r.source, r.destination)}
        named = {p.role: p for p in peers.values() if p.role in ROLES and not p.is_any}
        if named:
            out.append(f"config firewall {'address6' if v6 else 'address'}\n")
            for role in ROLES:
                if role in named:
                    out.append(f'    edit "{_checked(names.address(role), OBJECT_NAME)}"\n')
                    out.extend(f"        {line}\n" for line in self._address_lines(named[role], v6))
                    out.append("    next\n")
            out.append("end\n")
        scoped = labels_scopes(ruleset)
        vips: dict[str, list[str]] = {}
        if any(forwards.values()):
            out.append("config firewall vip\n")
            for number, rule in numbered:
                target = forwards[number]
                if target is not None:
                    out.extend(self._vips(number, rule, target, names, wan, context, scoped, vips))
            out.append("end\n")
        out.append("config firewall service custom\n")
        for number, rule in numbered:
            out.append(f'    edit "{_checked(names.service(number), OBJECT_NAME)}"\n')
            for proto in rule.protocols:
                out.append(f"        set {proto}-portrange {format_ports(rule.ports, 'fortigate')}\n")
            out.append(f"        set comment {forti_string(rule_comment(number, rule, lang, scoped))}\n")
            out.append("    next\n")
        out.append("end\n")
        out.append("config firewall policy\n")
        for number, rule in numbered:
            src, dst = peers[rule.source], peers[rule.destination]
            family = "6" if v6 else ""
            destination = (
                " ".join(f'"{v}"' for v in vips[number]) if number in vips else f'"{self._address_name(dst, names)}"'
            )
            out.append("    edit 0\n")
            out.append(f'        set name "{_checked(names.policy(number), POLICY_NAME)}"\n')
            out.append(f'        set srcintf "{self._interface(src, rule, wan, lan, source=True)}"\n')
            out.append(f'        set dstintf "{self._interface(dst, rule, wan, lan, source=False)}"\n')
            out.append(f'        set srcaddr{family} "{self._address_name(src, names)}"\n')
            out.append(f"        set dstaddr{family} {destination}\n")
            out.append("        set action accept\n")
            out.append('        set schedule "always"\n')
            out.append(f'        set service "{names.service(number)}"\n')
            if context.nat and rule.scope == "internet" and rule.direction == "outbound":
                out.append("        set nat enable\n")
            out.append(f"        set comments {forti_string(rule_comment(number, rule, lang, scoped), 1023)}\n")
            out.append("    next\n")
        out.append("end\n")
        return "".join(out)

    def _vips(
        self,
        number: str,
        rule: Rule,
        target: Endpoint,
        names: Names,
        wan: str,
        context: ExportContext,
        scoped: bool,
        vips: dict[str, list[str]],
    ) -> list[str]:
        """One VIP per protocol and port range of a port forward, each naming the one device it goes to."""
        mapped = peer(target, context, self.takes_names)
        address = forti_string(mapped.placeholder) if mapped.placeholder is not None else f'"{mapped.addresses[0]}"'
        comment = forti_string(rule_comment(number, rule, context.lang, scoped))
        lines = []
        for proto in rule.protocols:
            for r in rule.ports.ranges:
                ports = r.format("-")
                name = _checked(names.vip(number, proto, ports), OBJECT_NAME)
                vips.setdefault(number, []).append(name)
                lines += [
                    f'    edit "{name}"\n',
                    f"        set comment {comment}\n",
                    f'        set extintf "{wan}"\n',
                    "        set extip 0.0.0.0\n",
                    f"        set mappedip {address}\n",
                    "        set portforward enable\n",
                    f"        set protocol {proto}\n",
                    f"        set extport {ports}\n",
                    f"        set mappedport {ports}\n",
                    "    next\n",
                ]
        return lines

    @staticmethod
    def _address_lines(p: Peer, v6: bool) -> list[str]:
        if p.placeholder is not None:
            return [f"set {'ip6' if v6 else 'subnet'} {forti_string(p.placeholder)}"]
        if p.name is not None:
            return ["set type fqdn", f"set fqdn {forti_string(p.name)}"]
        if v6:
            return [f"set ip6 {netaddr.IPNetwork(p.addresses[0]).cidr}"]
        return ["set subnet {} {}".format(*network_and_mask(p.addresses[0]))]

    @staticmethod
    def _address_name(p: Peer, names: Names) -> str:
        if p.is_any or p.role not in ROLES:
            return "all"
        return names.address(p.role)

    @staticmethod
    def _interface(p: Peer, rule: Rule, wan: str, lan: str, source: bool) -> str:
        """An internet rule's ends are the two sides of the router; other scopes keep ``any`` for the far end."""
        if rule.scope == "internet":
            return lan if (rule.direction == "outbound") == source else wan
        if p.role in LAN_ROLES:
            return lan
        return "any" if p.is_any else wan


EXPORTER = FortigateExporter()
