"""pfSense (and OPNsense): alias lists to enter, a rules table with each rule's address family, and a port
forward table for the inbound rules to the private LAN.

Syntax: pfSense documentation "Aliases" (https://docs.netgate.com/pfsense/en/latest/firewall/aliases.html):
alias names of letters, digits and ``_`` (at most 31 characters); Firewall >
Aliases > Ports > Import ("Bulk import") takes one port or range ``a:b`` per
line and refuses a name that exists; a Host alias may hold an FQDN, which the
firewall resolves and keeps current. "Port Forwards"
(https://docs.netgate.com/pfsense/en/latest/nat/port-forwards.html): Firewall >
NAT > Port Forward, with Address Family, Protocol, Source, Destination (the
interface's address), Destination port range, Redirect target IP and port (a
port alias as the destination port range is also the redirect target port), and
Filter rule association "Add associated filter rule". A firewall rule's Address
Family defaults to IPv4 ("Firewall Rule Configuration",
https://docs.netgate.com/pfsense/en/latest/firewall/configure.html).

OPNsense (https://docs.opnsense.org/manual/aliases.html, https://docs.opnsense.org/manual/nat.html): an
alias's Content field is a token field that splits pasted text at commas (one
entry per line goes through its Text button, from 24.1), so the port aliases
are written comma-separated; ports and ranges ``a:b`` as in pfSense. Port
forwards are Firewall > NAT > Destination NAT (Port Forward before 26.1), whose
Version field is the address family; a rule's is TCP/IP Version.

The site router: interfaces from ``--wan-if``/``--lan-if`` (default ``WAN`` and
``LAN``, as the web interfaces name them); aliases start with ``--name-prefix``
(``-`` written as ``_``).
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import (
    LAN_ROLES,
    ROLES,
    ExportContext,
    Peer,
    comment_block,
    header_lines,
    labels_scopes,
    named_peers,
    object_name,
    one_line,
    port_forwards,
    rule_about,
)
from exporters.dialects import format_ports
from fwplan.formats import direction_word
from fwplan.i18n import say
from fwplan.merge import Endpoint, Limits, Rule, RuleSet
from fwplan.table import aligned

#: The rules table's columns and the port forward table's, each the key of its heading.
RULE_COLUMNS = (
    "pfsense.col.interface",
    "pfsense.col.direction",
    "pfsense.col.family",
    "pfsense.col.protocol",
    "pfsense.col.source",
    "pfsense.col.destination",
    "pfsense.col.port",
    "pfsense.col.description",
)
FORWARD_COLUMNS = (
    "pfsense.col.interface",
    "pfsense.col.family",
    "pfsense.col.protocol",
    "pfsense.col.source",
    "pfsense.col.destination",
    "pfsense.col.port",
    "pfsense.col.redirect_ip",
    "pfsense.col.redirect_port",
    "pfsense.col.description",
)
ALIAS_TYPES = {"lan-network": "Network", "lan-address": "Host", "vpn-router": "Host", "pbx-host": "Host"}
FAMILIES = {4: "IPv4", 6: "IPv6"}


@dataclass(frozen=True)
class Menus:
    """A web interface's menu paths and steps: the keys of their texts in ``fwplan.i18n.exports``."""

    rules_menu: str
    nat_menu: str
    address_menu: str
    alias_menu: str
    port_step: str
    docs: str
    filter: str


PFSENSE_MENUS = Menus(
    rules_menu="pfsense.rules_menu",
    nat_menu="pfsense.nat_menu",
    address_menu="pfsense.address_menu",
    alias_menu="pfsense.alias_menu",
    port_step="pfsense.port_step",
    docs="pfsense.docs",
    filter="pfsense.filter",
)


def alias_prefix(context: ExportContext) -> str:
    """The name prefix as an alias name takes it: letters, digits and ``_``."""
    return context.router.name_prefix.replace("-", "_")


def port_alias(prefix: str, label: str) -> str:
    """The port alias of the rule labelled ``label``: ``fwplan_rule3``, ``fwplan_rule6a`` for piece 6a."""
    return f"{prefix}_rule{label}"


@dataclass(frozen=True)
class PfsenseExporter:
    name: str = "pfsense"
    suffix: str = ".txt"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = True
    options: frozenset[str] = frozenset(("wan_if", "lan_if", "nat", "name_prefix"))
    interfaces: tuple[str, str] = ("WAN", "LAN")
    product: str = "pfSense"
    menus: Menus = PFSENSE_MENUS
    family_field: str = "Address Family"  # a rule's address family field, as the web interface names it

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        lang, prefix = context.lang, alias_prefix(context)
        wan, lan = context.interfaces(*self.interfaces)
        family = FAMILIES[context.family]
        peers, named = named_peers(ruleset, context, self.takes_names)
        numbered = ruleset.numbered()
        by_label = dict(numbered)
        forwarded = port_forwards(numbered, context)
        out = [comment_block(self._head(ruleset, context, bool(forwarded))), "\n"]
        out.append(f"# {say('pfsense.address_aliases', lang)}\n")
        for role in (r for r in ROLES if r in named):
            line = say(
                "pfsense.alias",
                lang,
                alias=object_name(role, prefix, "_"),
                type=ALIAS_TYPES[role],
                value=self._address(named[role]),
            )
            out.append(f"# {one_line(line)}\n")
        out.append(f"\n# {say('pfsense.port_aliases', lang)}\n")
        for label, rule in numbered:
            alias = port_alias(prefix, label)
            out.append(f"# BEGIN {say('pfsense.port_alias', lang, alias=alias, number=label)}\n")
            out.append(format_ports(rule.ports, self.name) + "\n")
            out.append(f"# END {alias}\n")
        scoped = labels_scopes(ruleset)
        rows = [("#", *(say(key, lang) for key in RULE_COLUMNS))]
        for label, rule in numbered:
            if label in forwarded:
                continue
            rows.append(
                (
                    label,
                    self._interface(rule, peers, wan, lan),
                    direction_word(rule.direction, lang),
                    family,
                    rule.protocol.upper(),
                    self._side(rule.source, peers, prefix),
                    self._side(rule.destination, peers, prefix),
                    port_alias(prefix, label),
                    f"fwplan {label}: {rule_about(rule, lang, scoped)}",
                )
            )
        out.append(f"\n# {say('pfsense.rules', lang, menu=say(self.menus.rules_menu, lang))}\n")
        out.extend(f"# {line}\n" for line in aligned(rows, underline=False))
        if forwarded:
            rows = [("#", *(say(key, lang) for key in FORWARD_COLUMNS))]
            for label, target in forwarded.items():
                rule = by_label[label]
                rows.append(
                    (
                        label,
                        wan,
                        family,
                        rule.protocol.upper(),
                        self._side(rule.source, peers, prefix),
                        f"{wan} address",
                        port_alias(prefix, label),
                        self._side(target, peers, prefix),
                        port_alias(prefix, label),
                        f"fwplan {label}: {rule_about(rule, lang, scoped)}",
                    )
                )
            out.append(f"\n# {say('pfsense.forwards', lang, menu=say(self.menus.nat_menu, lang))}\n")
            out.extend(f"# {line}\n" for line in aligned(rows, underline=False))
        return "".join(out)

    def _head(self, ruleset: RuleSet, context: ExportContext, forwards: bool) -> list[str]:
        lang = context.lang
        wan, lan = context.interfaces(*self.interfaces)
        head = header_lines(ruleset, context, self.product, self.takes_names)
        head.append(say("pfsense.interfaces", lang, wan=wan, lan=lan))
        head.append(
            say(
                "pfsense.steps",
                lang,
                address_menu=say(self.menus.address_menu, lang),
                port_step=say(self.menus.port_step, lang, menu=say(self.menus.alias_menu, lang)),
                rules_menu=say(self.menus.rules_menu, lang),
                family_field=self.family_field,
            )
        )
        head.append(say(self.menus.docs, lang))
        if forwards:
            head.append(say("pfsense.nat", lang, wan=wan))
            head.append(
                say(
                    "pfsense.forward_step",
                    lang,
                    nat_menu=say(self.menus.nat_menu, lang),
                    destination=f"{wan} address",
                    filter=say(self.menus.filter, lang, wan=wan),
                )
            )
        elif not context.router.nat and context.family == 4 and any(r.direction == "inbound" for r in ruleset.rules):
            head.append(say("pfsense.no_nat", lang, wan=wan))
        head.append(say("pfsense.again", lang))
        return head

    @staticmethod
    def _interface(rule: Rule, peers: dict[Endpoint, Peer], wan: str, lan: str) -> str:
        """Where the rule goes: the interface its traffic comes in on."""
        source = peers[rule.source]
        if source.role in LAN_ROLES or (rule.direction == "outbound" and source.is_any):
            return lan
        return wan

    def _side(self, endpoint: Endpoint, peers: dict[Endpoint, Peer], prefix: str) -> str:
        p = peers[endpoint]
        if p.is_any:
            return "any"
        if p.role in ALIAS_TYPES:
            return object_name(p.role, prefix, "_")
        return one_line(self._address(p))

    @staticmethod
    def _address(p: Peer) -> str:
        if p.placeholder is not None:
            return p.placeholder
        if p.name is not None:
            return p.name
        return " ".join(p.addresses)


EXPORTER = PfsenseExporter()
