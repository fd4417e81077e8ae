"""nftables: a complete file for ``nft -f`` with its own ``table inet fwplan``.

Syntax: nft(8) and the nftables wiki (https://wiki.nftables.org): ``define``,
named sets of ``type inet_service`` with ``flags interval``, a base chain with
``type filter hook forward priority filter; policy drop;``. Loading the file
replaces only this table (``table ...`` then ``delete table ...``), so it can
be loaded again after a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import ExportContext, Peer, clip, comment_block, header_lines, labels_scopes, one_line, peer
from exporters.base import rule_comment
from exporters.dialects import format_ports
from exporters.words import say
from fwplan.merge import Limits, Rule, RuleSet

DEFINES = {"lan-network": "LAN_NET", "lan-address": "LAN_ADDR", "vpn-router": "VPN_ROUTER", "pbx-host": "PBX_HOST"}
# nftables keeps at most 128 bytes of a rule comment.
COMMENT_BYTES = 128


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


@dataclass(frozen=True)
class NftablesExporter:
    name: str = "nftables"
    description: str = "nftables file for nft -f (table inet fwplan, forward chain)"
    suffix: str = ".nft"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = False
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        out = ["#!/usr/sbin/nft -f\n"]
        head = header_lines(ruleset, context, "nftables", self.takes_names)
        head.append(say("nftables.load", context.lang))
        out.append(comment_block(head))
        peers = self._peers(ruleset, context)
        defines = {}
        for p in peers.values():
            if p.role in DEFINES and not p.is_any:
                defines.setdefault(DEFINES[p.role], p)
        out.append("\n")
        for role, name in DEFINES.items():
            p = next((p for p in defines.values() if p.role == role), None)
            if p is not None:
                out.append(f"define {name} = {_value(p)}\n")
        out.append("\ntable inet fwplan\ndelete table inet fwplan\n\ntable inet fwplan {\n")
        for number, rule in enumerate(ruleset.rules, start=1):
            elements = format_ports(rule.ports, "nftables")
            out.append(f"\tset rule{number}_ports {{\n\t\ttype inet_service\n\t\tflags interval\n"
                       f"\t\telements = {elements}\n\t}}\n\n")
        out.append("\tchain forward {\n\t\ttype filter hook forward priority filter; policy drop;\n"
                   "\t\tct state established,related accept\n")
        scoped = labels_scopes(ruleset)
        for number, rule in enumerate(ruleset.rules, start=1):
            out.append(f"\t\t# {rule_comment(number, rule, context.lang, scoped)}\n")
            out.append(f"\t\t{self._match(rule, peers, context)} @rule{number}_ports accept "
                       f"comment {nft_string(f'fwplan rule {number}')}\n")
        out.append("\t}\n}\n")
        return "".join(out)

    def _peers(self, ruleset: RuleSet, context: ExportContext) -> dict:
        endpoints = {r.source for r in ruleset.rules} | {r.destination for r in ruleset.rules}
        return {e: peer(e, context, self.takes_names) for e in endpoints}

    def _match(self, rule: Rule, peers: dict, context: ExportContext) -> str:
        parts = []
        for key, endpoint in (("saddr", rule.source), ("daddr", rule.destination)):
            p = peers[endpoint]
            if p.is_any:
                continue
            family = p.family or context.family
            where = f"${DEFINES[p.role]}" if p.role in DEFINES else _value(p)
            parts.append(f"{'ip6' if family == 6 else 'ip'} {key} {where}")
        if rule.protocol == "tcp/udp":
            parts.append("meta l4proto { tcp, udp } th dport")
        else:
            parts.append(f"{rule.protocol} dport")
        return " ".join(parts)


EXPORTER = NftablesExporter()
