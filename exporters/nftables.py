"""nftables: a complete file for ``nft -f`` with its own ``table inet fwplan``.

Syntax: nft(8) (https://www.netfilter.org/projects/nftables/manpage.html) and
the nftables wiki: ``define``, named sets of ``type inet_service`` with ``flags
interval``, a base chain with ``type filter hook forward priority filter;
policy drop;``, ``iifname``/``oifname`` (by name, so that an interface created
later, such as ``ppp0``, still matches), ``ct status dnat``, ``fib daddr type
local``, and "Performing Network Address Translation (NAT)"
(https://wiki.nftables.org/wiki-nftables/index.php/Performing_Network_Address_Translation_(NAT)):
``type nat hook prerouting priority dstnat`` and ``hook postrouting priority
srcnat`` chains, which an ``inet`` table holds since Linux 5.2, where ``dnat``
names its family (``dnat ip to ADDRESS``; without a port the port is kept) and
``masquerade`` takes the outgoing interface's address.

The site router: forward rules match the interfaces (``--wan-if``/``--lan-if``,
default ``wan0``/``lan0``, in the ``WAN_IF``/``LAN_IF`` defines): outbound and
remote rules from the LAN to the WAN, inbound rules from the WAN to the LAN, so
that a peer ``any`` is the internet side only. Internal rules (both ends in the
site) match addresses only: they belong to a firewall between LAN segments,
whose interfaces are neither. An inbound internet rule to the private IPv4 LAN
is a port forward: a DNAT in chain ``prerouting`` for packets from the rule's
source to the router's own address (``fib daddr type local``) on the WAN, and
the forward rule accepts only the translated packet (``ct status dnat``).
``--masquerade`` adds ``masquerade`` for the LAN network leaving the WAN. IPv6
and ``--no-nat`` write plain filter rules.

Loading the file replaces only this table (``table ...`` then ``delete table
...``), so it can be loaded again after a change; other tables stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import (
    ExportContext,
    Peer,
    clip,
    comment_block,
    header_lines,
    labels_scopes,
    one_line,
    peer,
    port_forwards,
    rule_comment,
)
from exporters.dialects import format_ports
from fwplan.i18n import say
from fwplan.merge import Endpoint, Limits, Rule, RuleSet, endpoints_for

DEFINES = {"lan-network": "LAN_NET", "lan-address": "LAN_ADDR", "vpn-router": "VPN_ROUTER", "pbx-host": "PBX_HOST"}
# nftables keeps at most 128 bytes of a rule comment.
COMMENT_BYTES = 128
#: The default (WAN, LAN) interface names of the Linux formats: no distribution names an interface so, so a
#: file exported without --wan-if/--lan-if matches no interface (and forwards nothing) instead of the wrong one.
LINUX_INTERFACES = ("wan0", "lan0")


def nft_string(text: str, max_bytes: int = COMMENT_BYTES) -> str:
    """A double-quoted nft string: nft has no escapes inside quotes, so quotes and backslashes are dropped."""
    cleaned = one_line(text).replace('"', "'").replace("\\", "/")
    return '"' + clip(cleaned, max_bytes) + '"'


def _value(p: Peer) -> str:
    if p.placeholder is not None:
        return p.placeholder  # not nft syntax on purpose: the file will not load until it is replaced
    if len(p.addresses) == 1:
        return p.addresses[0]
    return "{ " + ", ".join(p.addresses) + " }"


# --------------------------------------------------------------------------
# The Linux site router, shared with the iptables exporter
# --------------------------------------------------------------------------


def sides(rule: Rule, wan: str, lan: str) -> tuple[str, str] | None:
    """The (in, out) interfaces a rule's packets cross; None for an internal rule, which matches addresses only."""
    if rule.scope == "internal":
        return None
    return (wan, lan) if rule.direction == "inbound" else (lan, wan)


def router_lines(
    ruleset: RuleSet,
    context: ExportContext,
    defaults: tuple[str, str],
    change: str,
    forwards: dict[str, Endpoint],
    lan_network: str,
) -> list[str]:
    """The header lines on the router: its interfaces, the port forwards and the source NAT, or why there is no NAT.

    ``change`` is the key of the format's line on how to change the interface names.
    """
    lang = context.lang
    wan, lan = context.interfaces(*defaults)
    lines = [say("linux.interfaces", lang, wan=wan, lan=lan), say(change, lang)]
    defaults_used = [name for name, given in ((wan, context.router.wan_if), (lan, context.router.lan_if)) if not given]
    if defaults_used:
        lines.append(say("linux.interfaces.default", lang, names="/".join(defaults_used)))
    if any(rule.scope == "internal" for rule in ruleset.rules):
        lines.append(say("linux.internal", lang))
    if not context.nat:
        lines.append(say("linux.no_nat.v6" if context.family == 6 else "linux.no_nat", lang))
        if context.router.masquerade:
            lines.append(say("linux.masquerade.unused", lang))
        return lines
    if forwards:
        lines.append(say("linux.forward", lang, numbers=", ".join(forwards), wan=wan))
    lines.append(
        say(
            "linux.masquerade" if context.router.masquerade else "linux.masquerade.off",
            lang,
            network=lan_network,
            wan=wan,
        )
    )
    return lines


def lan_network(context: ExportContext, takes_names: bool = False) -> Peer:
    """The plan's LAN network (or its placeholder): the source that ``--masquerade`` translates."""
    return peer(endpoints_for(context.plan)["lan-network"], context, takes_names)


@dataclass(frozen=True)
class NftablesExporter:
    name: str = "nftables"
    suffix: str = ".nft"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = False
    options: frozenset[str] = frozenset(("wan_if", "lan_if", "nat", "masquerade"))
    interfaces: tuple[str, str] = LINUX_INTERFACES

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        numbered = ruleset.numbered()
        forwards = port_forwards(numbered, context)
        masquerade = context.nat and context.router.masquerade
        wan, lan = context.interfaces(*self.interfaces)
        network = lan_network(context, self.takes_names)
        out = ["#!/usr/sbin/nft -f\n"]
        head = header_lines(ruleset, context, "nftables", self.takes_names)
        head += router_lines(ruleset, context, self.interfaces, "nftables.interfaces.change", forwards, _value(network))
        head += [say("nftables.load", context.lang), say("nftables.docs", context.lang)]
        out.append(comment_block(head))
        peers = self._peers(ruleset, context)
        defines = {p.role: p for p in peers.values() if p.role in DEFINES and not p.is_any}
        if masquerade:
            defines.setdefault("lan-network", network)
        out.append(f"\ndefine WAN_IF = {nft_string(wan)}\ndefine LAN_IF = {nft_string(lan)}\n")
        for role, name in DEFINES.items():
            if role in defines:
                out.append(f"define {name} = {_value(defines[role])}\n")
        out.append("\ntable inet fwplan\ndelete table inet fwplan\n\ntable inet fwplan {\n")
        for number, rule in numbered:
            elements = format_ports(rule.ports, "nftables")
            out.append(
                f"\tset rule{number}_ports {{\n\t\ttype inet_service\n\t\tflags interval\n"
                f"\t\telements = {elements}\n\t}}\n\n"
            )
        out.append(
            "\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n"
            "\t\tct state established,related accept\n"
        )
        scoped = labels_scopes(ruleset)
        for number, rule in numbered:
            out.append(f"\t\t# {rule_comment(number, rule, context.lang, scoped)}\n")
            match = self._match(rule, peers, context, ("saddr", "daddr"))
            state = "ct status dnat " if number in forwards else ""
            out.append(
                f"\t\t{self._sides(rule)}{state}{match} @rule{number}_ports accept "
                f"comment {nft_string(f'fwplan rule {number}')}\n"
            )
        out.append("\t}\n")
        if forwards:
            out.append("\n\tchain prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n")
            for number, rule in numbered:
                if number not in forwards:
                    continue
                target = peers[rule.destination]
                match = self._match(rule, peers, context, ("saddr",))
                out.append(
                    f"\t\t# {rule_comment(number, rule, context.lang, scoped)}\n"
                    f"\t\tiifname $WAN_IF fib daddr type local {match} @rule{number}_ports "
                    f"dnat ip to {self._where(target)} comment {nft_string(f'fwplan rule {number}')}\n"
                )
            out.append("\t}\n")
        if masquerade:
            out.append(
                "\n\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
                '\t\toifname $WAN_IF ip saddr $LAN_NET masquerade comment "fwplan masquerade"\n\t}\n'
            )
        out.append("}\n")
        return "".join(out)

    def _peers(self, ruleset: RuleSet, context: ExportContext) -> dict[Endpoint, Peer]:
        endpoints = {r.source for r in ruleset.rules} | {r.destination for r in ruleset.rules}
        return {e: peer(e, context, self.takes_names) for e in endpoints}

    @staticmethod
    def _sides(rule: Rule) -> str:
        crossed = sides(rule, "$WAN_IF", "$LAN_IF")
        return "" if crossed is None else f"iifname {crossed[0]} oifname {crossed[1]} "

    @staticmethod
    def _where(p: Peer) -> str:
        return f"${DEFINES[p.role]}" if p.role in DEFINES else _value(p)

    def _match(self, rule: Rule, peers: dict[Endpoint, Peer], context: ExportContext, keys: tuple[str, ...]) -> str:
        parts = []
        for key, endpoint in (("saddr", rule.source), ("daddr", rule.destination)):
            p = peers[endpoint]
            if p.is_any or key not in keys:
                continue
            family = p.family or context.family
            parts.append(f"{'ip6' if family == 6 else 'ip'} {key} {self._where(p)}")
        if rule.protocol == "tcp/udp":
            parts.append("meta l4proto { tcp, udp } th dport")
        else:
            parts.append(f"{rule.protocol} dport")
        return " ".join(parts)


EXPORTER = NftablesExporter()
