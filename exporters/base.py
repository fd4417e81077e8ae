"""What every router exporter provides, and the helpers they share.

An exporter turns the engine's ``RuleSet`` into text for one target. It
declares the target's limits (handed to the engine's splitting) and whether
the target can take TCP and UDP in one rule. Everything a user or a catalog
supplied (hostnames, addresses, purposes) reaches the output only through the
quoting helpers here or in the exporter's module, never raw.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, Protocol

import netaddr

from fwplan.catalog import Catalog
from fwplan.errors import FwplanError, system_reason
from fwplan.formats import direction_word, note_lines, omitted_line
from fwplan.i18n import say, text
from fwplan.merge import (
    PLACEHOLDER_LAN_ADDRESS,
    PLACEHOLDER_LAN_NETWORK,
    PLACEHOLDER_PBX_HOST,
    PLACEHOLDER_WORDS,
    Endpoint,
    Limits,
    Rule,
    RuleSet,
    endpoints_for,
)
from fwplan.plan import Plan

Resolver = Callable[[str], "tuple[str, ...]"]

#: The roles an endpoint plays; each exporter names them its own way.
ROLES = ("lan-network", "lan-address", "vpn-router", "pbx-host")
#: The roles inside the site: their traffic comes in on (or goes out of) the LAN side of the router.
LAN_ROLES = frozenset(("lan-network", "lan-address", "vpn-router"))


class ExportError(FwplanError):
    """An export that cannot be made as asked; the message is one line for the user."""


def system_resolver(name: str) -> tuple[str, ...]:
    """The name's addresses from the system resolver (``/etc/hosts``, DNS), IPv4 first."""
    import socket  # only where a name is resolved: start-up time is a feature

    try:
        infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise ExportError.about("export.unresolved", host=name, reason=system_reason(exc)) from None
    found = {str(info[4][0]).split("%", 1)[0] for info in infos}
    return tuple(sorted(found, key=lambda a: netaddr.IPAddress(a).sort_key()))


class RouterSettings(NamedTuple):
    """How the site's internet router is set up: its interfaces, and whether it translates addresses.

    ``wan_if``/``lan_if`` None: the format's own default. ``nat``: the LAN is private IPv4 behind
    NAT (off with ``--no-nat`` for a routed public LAN; IPv6 never uses it). ``masquerade``: add the
    outbound source NAT (nftables, iptables). ``name_prefix``: the prefix of the objects an export
    creates. ``plain_acl``: Cisco IOS access lists instead of the zone-based firewall.
    """

    wan_if: str | None = None
    lan_if: str | None = None
    nat: bool = True
    masquerade: bool = False
    name_prefix: str = "fwplan"
    plain_acl: bool = False


@dataclass(frozen=True)
class ExportContext:
    """Everything an exporter may use besides the rule set."""

    catalog: Catalog
    plan: Plan
    lang: str = "en"
    resolve: bool = False
    router: RouterSettings = RouterSettings()
    csv_german: bool = False  # ';' separator and a BOM, for spreadsheets in German locales
    #: name -> addresses; the system resolver unless a caller supplies its own.
    resolver: Resolver | None = None

    def interfaces(self, default_wan: str, default_lan: str) -> tuple[str, str]:
        """The WAN and LAN interface names: the user's, else the format's defaults."""
        return self.router.wan_if or default_wan, self.router.lan_if or default_lan

    @property
    def nat(self) -> bool:
        """Whether the site's LAN sits behind NAT: private IPv4 unless ``--no-nat``; never for IPv6, nor for a
        public LAN (the internet reaches it as it is: it is routed)."""
        return self.router.nat and self.family == 4 and (self.plan.lan is None or not self.plan.lan.is_public)

    @property
    def family(self) -> int:
        """4 or 6: the address family of the plan's LAN (or its PBX IP), IPv4 when neither says."""
        if self.plan.lan is not None:
            return self.plan.lan.version
        return (self.plan.host.version if self.plan.host is not None else None) or 4

    @cached_property
    def resolved_host(self) -> tuple[str, ...]:
        """The PBX hostname's addresses of the plan's family, looked up once (only with ``resolve``)."""
        host = self.plan.host
        if host is None or host.is_ip or not self.resolve:
            return ()
        found = (self.resolver or system_resolver)(host.value)
        usable = tuple(a for a in found if netaddr.IPAddress(a).version == self.family)
        if not usable:
            nothing = text("export.nothing_found")
            raise ExportError.about(
                "export.no_address", host=host.value, family=self.family, found=", ".join(found) or nothing
            )
        return usable

    @cached_property
    def roles(self) -> dict[Endpoint, str]:
        endpoints = endpoints_for(self.plan)
        return {endpoints[role]: role for role in reversed(ROLES)}


@dataclass(frozen=True, slots=True)
class Peer:
    """A rule's source or destination as a target writes it.

    ``addresses`` are concrete IPs or networks; empty for ``any`` and where the
    target needs an address it does not have (``placeholder`` is then set).
    """

    endpoint: Endpoint
    role: str | None
    addresses: tuple[str, ...] = ()
    name: str | None = None  # a hostname the target resolves itself
    placeholder: str | None = None

    @property
    def is_any(self) -> bool:
        return self.endpoint.kind == "any"

    @property
    def family(self) -> int | None:
        if not self.addresses:
            return None
        return 6 if ":" in self.addresses[0] else 4


def peer(endpoint: Endpoint, context: ExportContext, takes_names: bool) -> Peer:
    """How a target with (or without) DNS names can write ``endpoint``."""
    role = context.roles.get(endpoint)
    if endpoint.kind in ("network", "address"):
        return Peer(endpoint, role, (endpoint.value,))
    if endpoint.kind == "host":
        if takes_names:
            return Peer(endpoint, role, name=endpoint.value)
        if context.resolve:
            return Peer(endpoint, role, context.resolved_host)
        return Peer(endpoint, role, placeholder=say("placeholder.host", context.lang, host=endpoint.value))
    if endpoint.kind == "placeholder":
        return Peer(endpoint, role, placeholder=endpoint.label(context.lang))
    return Peer(endpoint, role)


class Exporter(Protocol):
    """What every format provides (read-only: each is a frozen dataclass)."""

    @property
    def name(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def limits(self) -> Limits: ...

    #: False where the target wants TCP and UDP as separate rules.
    @property
    def fuse_protocols(self) -> bool: ...

    #: True where the target resolves a DNS name itself (no --resolve needed).
    @property
    def takes_names(self) -> bool: ...

    #: The router settings (``RouterSettings`` fields) this format applies; ``fwplan export`` refuses the others.
    @property
    def options(self) -> frozenset[str]: ...

    #: The format's default (WAN, LAN) interface names, where it writes interfaces.
    @property
    def interfaces(self) -> tuple[str, str] | None: ...

    def render(self, ruleset: RuleSet, context: ExportContext) -> str: ...


#: How object names spell each role: ``fwplan-lan-net``, ``fwplan_vpn_router``, ``FWPLAN-PBX-HOST``.
ROLE_WORDS = {"lan-network": "lan-net", "lan-address": "lan-addr", "vpn-router": "vpn-router", "pbx-host": "pbx-host"}


def object_name(role: str, prefix: str, separator: str = "-", upper: bool = False, suffix: str = "") -> str:
    """The name of the object an export creates for ``role``, with the user's name prefix."""
    name = separator.join((prefix, *ROLE_WORDS[role].split("-"), *((suffix,) if suffix else ())))
    return name.upper() if upper else name


def named_peers(
    ruleset: RuleSet, context: ExportContext, takes_names: bool, roles: Iterable[str] = ROLES
) -> tuple[dict[Endpoint, Peer], dict[str, Peer]]:
    """Every endpoint's peer, and the peers that get a named object (``roles``, never ``any``), by role."""
    wanted = frozenset(roles)
    found = {e: peer(e, context, takes_names) for r in ruleset.rules for e in (r.source, r.destination)}
    named = {p.role: p for p in found.values() if p.role in wanted and not p.is_any}
    return found, named


def network_and_mask(address: str) -> tuple[str, str]:
    """An address or network as its network address and netmask: ``192.168.50.0``, ``255.255.255.0``."""
    network = netaddr.IPNetwork(address).cidr
    return str(network.network), str(network.netmask)


def is_private_ipv4(address: str) -> bool:
    """Whether ``address`` is in the private IPv4 ranges of RFC 1918 (10/8, 172.16/12, 192.168/16), which a NAT
    router's LAN uses and the internet cannot address; never for IPv6 (no NAT) nor for 100.64/10 or 169.254/16."""
    return bool(netaddr.IPAddress(address).is_ipv4_private_use())


def is_port_forward(rule: Rule, context: ExportContext) -> bool:
    """An inbound internet rule on a NAT router: a port forward (DNAT, VIP, static NAT, port sharing).

    Its destination is in the site's private IPv4 LAN, which the internet cannot address.
    """
    return (
        rule.scope == "internet"
        and rule.direction == "inbound"
        and context.nat
        and (
            context.roles.get(rule.destination) in LAN_ROLES
            or (rule.destination.kind == "address" and is_private_ipv4(rule.destination.value))
        )
    )


def forward_target(rule: Rule, number: str | int, context: ExportContext) -> Endpoint:
    """The one device a port forward goes to; a whole network cannot be one."""
    if rule.destination.kind in ("network", "any") or rule.destination.value == PLACEHOLDER_LAN_NETWORK:
        raise ExportError.about(
            "export.forward_to_network", rule=number, destination=rule.destination.label(context.lang)
        )
    return rule.destination


def forward_device(rule: Rule, number: str, context: ExportContext) -> Endpoint | None:
    """The device a port forward goes to, or None for a plain filter rule.

    ``fwplan export`` refuses a forward to a whole network before any exporter runs; a caller that renders
    such a rule directly gets the plain filter rule.
    """
    if not is_port_forward(rule, context):
        return None
    try:
        return forward_target(rule, number, context)
    except ExportError:
        return None


def port_forwards(numbered: Iterable[tuple[str, Rule]], context: ExportContext) -> dict[str, Endpoint]:
    """The port forwards among the numbered rules, each with the one device it goes to."""
    found = {}
    for number, rule in numbered:
        device = forward_device(rule, number, context)
        if device is not None:
            found[number] = device
    return found


# --------------------------------------------------------------------------
# Text that is safe to write
# --------------------------------------------------------------------------

_UNSAFE_CATEGORIES = frozenset(("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"))
_GERMAN = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "›": ">",
        "‹": "<",
        "–": "-",
        "—": "-",
        "„": '"',
        "“": '"',
        "”": '"',
    }
)


def one_line(text: str) -> str:
    """``text`` with every control, format and line/paragraph separator turned into a space, squeezed."""
    cleaned = "".join(" " if unicodedata.category(ch) in _UNSAFE_CATEGORIES else ch for ch in str(text))
    return " ".join(cleaned.split())


def ascii_text(text: str) -> str:
    """One line of printable ASCII: German letters spelled out, other marks dropped."""
    folded = unicodedata.normalize("NFKD", one_line(text).translate(_GERMAN))
    return "".join(ch for ch in folded if 32 <= ord(ch) < 127)


def clip(text: str, max_bytes: int) -> str:
    """At most ``max_bytes`` of UTF-8, cut at a character boundary, marked with '...' when cut."""
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    budget = max_bytes - 3
    out = text.encode("utf-8")[:budget].decode("utf-8", "ignore")
    return out.rstrip() + "..."


def token(text: str) -> str:
    """A placeholder as one shell-like token: spaces become '_'."""
    return "_".join(one_line(text).split())


# --------------------------------------------------------------------------
# Shared wording
# --------------------------------------------------------------------------


def labels_scopes(ruleset: RuleSet) -> bool:
    """Whether each rule's comment names its scope: where the export holds more than the internet router's."""
    return bool(ruleset.rules) and ruleset.scopes != ("internet",)


#: The word each scope goes by in a rule's comment.
SCOPE_KEYS = {"internet": "scope.internet", "internal": "scope.internal", "remote": "scope.remote"}


def scope_mark(rule: Rule, lang: str, scoped: bool) -> str:
    """``(internal)`` where the export mixes scopes, else ''."""
    return f"({say(SCOPE_KEYS[rule.scope], lang)})" if scoped else ""


def condition_mark(rule: Rule, lang: str) -> str:
    """``[condition: ...]`` for a conditional rule, so that it can be found and removed in one go; else ''."""
    return f"[{say('rule.condition', lang)}: {rule.condition_text(lang)}]" if rule.condition else ""


def rule_title(number: str | int, rule: Rule, lang: str, scoped: bool = False) -> str:
    """``3 outbound tcp``; ``3 (1/2) (internal) outbound tcp`` for a part of a rule in an export of several scopes."""
    part = f"({rule.part}/{rule.parts})" if rule.parts > 1 else ""
    words = (str(number), part, scope_mark(rule, lang, scoped), direction_word(rule.direction, lang), rule.protocol)
    return " ".join(w for w in words if w)


def rule_about(rule: Rule, lang: str, scoped: bool = False) -> str:
    """The rule's purposes, after its scope (where the export mixes scopes) and its condition, one line."""
    marks = (scope_mark(rule, lang, scoped), condition_mark(rule, lang), rule.purpose(lang))
    return one_line(" ".join(m for m in marks if m))


def rule_comment(number: str | int, rule: Rule, lang: str, scoped: bool = False) -> str:
    """``fwplan 3 outbound tcp: purpose``, one line, not yet quoted for any target.

    A conditional rule says so before its purposes (``fwplan 6 outbound udp [condition: ...]: purpose``); with ``scoped``
    the title names the rule's scope (``fwplan 7 (internal) outbound tcp: ...``).
    """
    condition = condition_mark(rule, lang)
    return one_line(
        f"fwplan {rule_title(number, rule, lang, scoped)}{' ' if condition else ''}{condition}: {rule.purpose(lang)}"
    )


def header_lines(
    ruleset: RuleSet, context: ExportContext, target: str, takes_names: bool, spell: Callable[[str], str] = str
) -> list[str]:
    """What the file is, what it was made from, what the user must still do; one line each, unquoted.

    ``spell`` writes a placeholder as the exporter writes it in the rules (as one token, say),
    so that the header names exactly the text the user must replace.
    """
    lang = context.lang
    plan, catalog = context.plan, context.catalog
    lines = [
        say("head.title", lang, target=target),
        say("head.catalog", lang, title=catalog.title, version=catalog.data_version),
        say("head.selected", lang, ids=", ".join(plan.selected)),
    ]
    if plan.lan is not None:
        lines.append(say("head.lan", lang, address=plan.lan.address, network=plan.lan.network))
    if plan.vpn_router is not None:
        lines.append(say("head.vpn_router", lang, address=plan.vpn_router.address))
    host = plan.host
    if host is not None and host.is_ip:
        lines.append(say("head.host", lang, host=host.value))
    elif host is not None and takes_names:
        lines.append(say("head.host.name", lang, host=host.value, target=target))
    elif host is not None and context.resolve:
        lines.append(say("head.host.resolved", lang, host=host.value, addresses=", ".join(context.resolved_host)))
    elif host is not None:
        lines.append(
            say(
                "head.host.placeholder",
                lang,
                host=host.value,
                target=target,
                placeholder=spell(say("placeholder.host", lang, host=host.value)),
            )
        )
    wanted = ((PLACEHOLDER_LAN_NETWORK, PLACEHOLDER_LAN_ADDRESS), plan.lan), ((PLACEHOLDER_PBX_HOST,), host)
    used = {r.source.value for r in ruleset.rules} | {r.destination.value for r in ruleset.rules}
    missing: list[str] = []
    for group, value in wanted:
        if value is None and any(p in used for p in group):
            missing.extend(spell(PLACEHOLDER_WORDS[p].get(lang)) for p in group)
    if missing:
        lines.append(say("head.missing", lang, placeholders=", ".join(missing)))
    for notice in ruleset.notices:
        lines.append(say("head.notice", lang, text=notice.text.get(lang)))
    omitted = omitted_line(ruleset, lang)
    if omitted:
        lines.append(omitted)
    lines.extend(say("head.article_note", lang, text=line) for line in note_lines(ruleset, lang))
    if ruleset.caveat.get(lang):
        lines.append(ruleset.caveat.get(lang))
    return [one_line(line) for line in lines]


def comment_block(lines: list[str], prefix: str = "# ") -> str:
    return "".join(f"{prefix}{one_line(line)}".rstrip() + "\n" for line in lines)
