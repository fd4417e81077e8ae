"""pfSense (and OPNsense): port alias import lists and the rules table that uses them.

Syntax: pfSense documentation "Aliases" (https://docs.netgate.com/pfsense/en/latest/firewall/aliases.html):
alias names of letters, digits and '_' (at most 31 characters); Firewall >
Aliases > Import takes one entry per line; a port range is written ``a:b``;
a Host alias may hold an FQDN, which the firewall resolves and keeps current.
OPNsense (https://docs.opnsense.org/manual/aliases.html) takes the same
entries in Firewall > Aliases. Rules may use protocol TCP/UDP.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import DIRECTION_WORDS, LAN_ROLES, ExportContext, Peer, comment_block, header_lines, labels_scopes
from exporters.base import one_line, peer, rule_about
from exporters.dialects import format_ports
from fwplan.table import aligned
from exporters.words import say
from fwplan.merge import Limits, Rule, RuleSet

ADDRESS_ALIASES = {"lan-network": "fwplan_lan_net", "lan-address": "fwplan_lan_addr", "vpn-router": "fwplan_vpn_router",
                   "pbx-host": "fwplan_pbx_host"}
COLUMNS = ("interface", "direction", "protocol", "source", "destination", "port", "description")
ALIAS_TYPES = {"lan-network": "Network", "lan-address": "Host", "vpn-router": "Host", "pbx-host": "Host"}


def port_alias(number: int) -> str:
    return f"fwplan_rule{number}"


@dataclass(frozen=True)
class PfsenseExporter:
    name: str = "pfsense"
    description: str = "pfSense port alias import lists (a:b, one per line) and a rules table"
    suffix: str = ".txt"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = True
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None
    product: str = "pfSense"
    menus: str = "pfsense"  # the key prefix of its menu paths in exporters.words

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        lang = context.lang
        head = header_lines(ruleset, context, self.product, self.takes_names)
        head.append(say("pfsense.steps", lang, address_menu=say(f"{self.menus}.address_menu", lang),
                        alias_menu=say(f"{self.menus}.alias_menu", lang)))
        out = [comment_block(head), "\n"]
        peers = {e: peer(e, context, self.takes_names)
                 for r in ruleset.rules for e in (r.source, r.destination)}
        out.append(f"# {say('pfsense.address_aliases', lang)}\n")
        for role, alias in ADDRESS_ALIASES.items():
            p = next((p for p in peers.values() if p.role == role), None)
            if p is None:
                continue
            line = say("pfsense.alias", lang, alias=alias, type=ALIAS_TYPES[role], value=self._address(p))
            out.append(f"# {one_line(line)}\n")
        out.append(f"\n# {say('pfsense.port_aliases', lang)}\n")
        for number, rule in enumerate(ruleset.rules, start=1):
            out.append(f"# BEGIN {say('pfsense.port_alias', lang, alias=port_alias(number), number=number)}\n")
            out.append(format_ports(rule.ports, self.name) + "\n")
            out.append(f"# END {port_alias(number)}\n")
        out.append(f"\n# {say('pfsense.rules', lang)}\n")
        heading = ("#", *(say(f"pfsense.col.{c}", lang) for c in COLUMNS))
        rows = [heading]
        scoped = labels_scopes(ruleset)
        for number, rule in enumerate(ruleset.rules, start=1):
            rows.append((
                str(number), self._interface(rule, peers), DIRECTION_WORDS[lang][rule.direction],
                rule.protocol.upper(), self._side(rule.source, peers), self._side(rule.destination, peers),
                port_alias(number), f"fwplan {number}: {rule_about(rule, lang, scoped)}",
            ))
        out.extend(f"# {line}\n" for line in aligned(rows, underline=False))
        return "".join(out)

    @staticmethod
    def _interface(rule: Rule, peers: dict) -> str:
        """Where the rule goes: the interface its traffic comes in on."""
        role = peers[rule.source].role
        if role in LAN_ROLES or (rule.direction == "outbound" and peers[rule.source].is_any):
            return "LAN"
        return "WAN"

    def _side(self, endpoint, peers: dict) -> str:
        p: Peer = peers[endpoint]
        if p.is_any:
            return "any"
        if p.role in ADDRESS_ALIASES:
            return ADDRESS_ALIASES[p.role]
        return one_line(self._address(p))

    @staticmethod
    def _address(p: Peer) -> str:
        if p.placeholder is not None:
            return p.placeholder
        if p.name is not None:
            return p.name
        return " ".join(p.addresses)


EXPORTER = PfsenseExporter()
