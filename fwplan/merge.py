"""The merge engine: a plan's requirements as concrete flows, then the minimal rule set.

``resolve`` fills the peers in from the plan (a missing input leaves a visible
placeholder and a notice); ``merge`` turns flows into rules: one per
(direction, protocol, source, destination) with the coalesced union of ports,
entries wholly covered by a broader rule dropped, TCP and UDP twins fused,
and rules split to a target's entry limits. ``build`` does both.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Sequence

import netaddr

from fwplan.catalog import Catalog, Text
from fwplan.errors import FwplanError
from fwplan.plan import Plan, plan_notices
from fwplan.ports import PortRange, PortSet

DIRECTION_ORDER = {"outbound": 0, "inbound": 1}
PROTOCOL_ORDER = {"tcp": 0, "udp": 1, "tcp/udp": 2}

PLACEHOLDER_LAN_NETWORK = "<LAN network>"
PLACEHOLDER_LAN_ADDRESS = "<LAN address>"
PLACEHOLDER_PBX_HOST = "<PBX host>"


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Endpoint:
    """A source or destination: ``any``, a network, an address, a hostname, or a placeholder."""

    kind: str  # any | network | address | host | placeholder
    value: str

    @property
    def is_placeholder(self) -> bool:
        return self.kind == "placeholder"

    def covers(self, other: Endpoint) -> bool:
        return _covers(self, other)

    @property
    def sort_key(self) -> tuple[int, str]:
        return (_KIND_ORDER[self.kind], self.value)

    def __str__(self) -> str:
        return self.value


_KIND_ORDER = {"host": 0, "address": 1, "network": 2, "placeholder": 3, "any": 4}
ANY = Endpoint("any", "any")


@lru_cache(maxsize=4096)
def _covers(outer: Endpoint, inner: Endpoint) -> bool:
    if outer == inner or outer.kind == "any":
        return True
    if outer.kind == "placeholder" and inner.kind == "placeholder":
        return outer.value == PLACEHOLDER_LAN_NETWORK and inner.value == PLACEHOLDER_LAN_ADDRESS
    if outer.kind == "network" and inner.kind in ("network", "address"):
        outer_net = netaddr.IPNetwork(outer.value)
        inner_net = netaddr.IPNetwork(inner.value)
        return inner_net.version == outer_net.version and inner_net in outer_net
    return False


@dataclass(frozen=True, slots=True)
class Origin:
    """One requirement of one component: why a flow exists."""

    component_id: str
    section: str
    article: str
    purpose: Text
    peer: str = "any"
    alternatives: bool = False


@dataclass(frozen=True, slots=True)
class Flow:
    direction: str  # outbound | inbound
    protocol: str  # tcp | udp
    source: Endpoint
    destination: Endpoint
    ports: PortSet
    origin: Origin


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which ports of a rule one requirement asked for.

    ``via`` names the narrower destination (or source) the requirement asked
    for when a broader rule serves it instead.
    """

    origin: Origin
    ports: PortSet
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    direction: str
    protocol: str  # tcp | udp | tcp/udp
    source: Endpoint
    destination: Endpoint
    ports: PortSet
    provenance: tuple[Provenance, ...] = ()
    extra_ports: PortSet = PortSet()
    part: int = 1
    parts: int = 1

    @property
    def components(self) -> tuple[str, ...]:
        return tuple(sorted({p.origin.component_id for p in self.provenance}))

    def purpose(self, lang: str = "en") -> str:
        return "; ".join(dict.fromkeys(p.origin.purpose.get(lang) for p in self.provenance))

    @property
    def protocols(self) -> tuple[str, ...]:
        return ("tcp", "udp") if self.protocol == "tcp/udp" else (self.protocol,)

    @property
    def key(self) -> tuple:
        return (self.direction, self.protocol, self.source, self.destination, self.part)


@dataclass(frozen=True, slots=True)
class Limits:
    """A target's limits: entries per rule (a range costs ``range_cost``), and whether ranges exist."""

    max_entries: int | None = None
    range_cost: int = 1
    ranges: bool = True

    def __post_init__(self) -> None:
        if self.max_entries is not None and self.max_entries < 1:
            raise FwplanError(f"max_entries {self.max_entries} must be 1 or more")
        if self.range_cost < 1:
            raise FwplanError(f"range_cost {self.range_cost} must be 1 or more")
        if self.ranges and self.max_entries is not None and self.range_cost > self.max_entries:
            raise FwplanError(
                f"a range costs {self.range_cost} entries but a rule holds only {self.max_entries}; "
                "set ranges=False or raise max_entries"
            )


@dataclass(frozen=True, slots=True)
class MergeOptions:
    fuse_protocols: bool = True
    drop_covered: bool = True
    max_gap: int = 0
    limits: Limits = Limits()

    def __post_init__(self) -> None:
        if self.max_gap < 0:
            raise FwplanError(f"max_gap {self.max_gap} is negative; use 0 (the default) or more")


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should know about the rule set: localised, with the components it concerns."""

    code: str
    text: Text
    components: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    notices: tuple[Notice, ...] = ()
    caveat: Text = Text("", "")

    def ports_per_protocol(self) -> dict[str, int]:
        """Distinct ports opened per protocol, over all rules."""
        sets: dict[str, PortSet] = {"tcp": PortSet(), "udp": PortSet()}
        for rule in self.rules:
            for proto in rule.protocols:
                sets[proto] = sets[proto] | rule.ports
        return {proto: len(ports) for proto, ports in sets.items()}

    @property
    def extra_ports(self) -> bool:
        return any(rule.extra_ports for rule in self.rules)


# --------------------------------------------------------------------------
# Resolving a plan into flows
# --------------------------------------------------------------------------

def endpoints_for(plan: Plan) -> dict[str, Endpoint]:
    """The concrete endpoint for each catalog peer kind, placeholders where the plan lacks the input."""
    lan, host = plan.lan, plan.host
    return {
        "lan-network": Endpoint("network", lan.network) if lan else Endpoint("placeholder", PLACEHOLDER_LAN_NETWORK),
        "lan-address": Endpoint("address", lan.address) if lan else Endpoint("placeholder", PLACEHOLDER_LAN_ADDRESS),
        "pbx-host": (
            Endpoint("address" if host.is_ip else "host", host.value) if host
            else Endpoint("placeholder", PLACEHOLDER_PBX_HOST)
        ),
        "manufacturer": ANY,
        "provider": ANY,
        "any": ANY,
    }


def resolve(catalog: Catalog, plan: Plan) -> tuple[Flow, ...]:
    endpoints = endpoints_for(plan)
    flows: list[Flow] = []
    for component_id in plan.selected:
        for demand in catalog.demands(component_id):
            req = demand.requirement
            origin = Origin(component_id, demand.section, req.article, req.purpose, req.peer, req.alternatives)
            local, peer = endpoints[demand.local], endpoints[req.peer]
            directions = ("outbound", "inbound") if req.direction == "both" else (req.direction,)
            protocols = ("tcp", "udp") if req.protocol == "tcp/udp" else (req.protocol,)
            for direction in directions:
                source, destination = (local, peer) if direction == "outbound" else (peer, local)
                for protocol in protocols:
                    flows.append(Flow(direction, protocol, source, destination, req.ports, origin))
    return tuple(flows)


def input_notices(catalog: Catalog, plan: Plan) -> tuple[Notice, ...]:
    notices: list[Notice] = []
    need_lan = tuple(c for c in plan.selected if "lan" in catalog.needs(c))
    need_host = tuple(c for c in plan.selected if "host" in catalog.needs(c))
    if plan.lan is None and need_lan:
        notices.append(Notice("missing-lan", Text(
            f"LAN-Adresse (Planungsdokument) fehlt; benötigt von: {', '.join(need_lan)}",
            f"LAN address (planning document) missing; needed by: {', '.join(need_lan)}",
        ), need_lan))
    if plan.host is None and need_host:
        notices.append(Notice("missing-host", Text(
            f"PBX-Hostname fehlt; benötigt von: {', '.join(need_host)}",
            f"PBX hostname missing; needed by: {', '.join(need_host)}",
        ), need_host))
    for notice in plan_notices(catalog, plan):
        notices.append(Notice(notice.code, notice.text))
    for component_id in plan.selected:
        component = catalog.component(component_id)
        if component.condition is not None:
            notices.append(Notice("condition", Text(
                f"{component.name.de}: {component.condition.text.de}",
                f"{component.name.en}: {component.condition.text.en}",
            ), (component_id,)))
    return tuple(notices)


def build(catalog: Catalog, plan: Plan, options: MergeOptions = MergeOptions()) -> RuleSet:
    rules = merge(resolve(catalog, plan), options)
    notices = list(input_notices(catalog, plan))
    if options.max_gap:
        notices.extend(gap_notices(rules, options.max_gap))
    return RuleSet(rules, tuple(notices), catalog.caveat.text)


def gap_notices(rules: Sequence[Rule], max_gap: int) -> list[Notice]:
    notices = []
    for rule in rules:
        if rule.extra_ports:
            extra = rule.extra_ports.format(", ")
            where = f"{rule.protocol} {rule.source} -> {rule.destination}"
            notices.append(Notice("max-gap", Text(
                f"max_gap {max_gap} öffnet zusätzlich {extra} ({where}), die der Artikel nicht verlangt",
                f"max_gap {max_gap} also opens {extra} ({where}), which the article does not ask for",
            ), rule.components))
    return notices


# --------------------------------------------------------------------------
# Merging flows into rules
# --------------------------------------------------------------------------

@dataclass
class _Draft:
    direction: str
    protocol: str
    source: Endpoint
    destination: Endpoint
    ranges: list[PortRange] = field(default_factory=list)
    origins: dict[tuple[Origin, str | None], list[PortRange]] = field(default_factory=dict)
    ports: PortSet = PortSet()
    extra: PortSet = PortSet()

    @property
    def key(self) -> tuple[str, str, Endpoint, Endpoint]:
        return (self.direction, self.protocol, self.source, self.destination)

    def add(self, origin: Origin, ranges: Iterable[PortRange], via: str | None = None) -> None:
        self.origins.setdefault((origin, via), []).extend(ranges)

    def provenance(self, ports: PortSet) -> tuple[Provenance, ...]:
        result = []
        for (origin, via), ranges in self.origins.items():
            asked = PortSet(tuple(ranges)) & ports
            if asked:
                result.append(Provenance(origin, asked, via))
        result.sort(key=lambda p: (p.via is not None, p.origin.component_id, p.ports.ranges[0].lo, p.origin.section,
                                   p.origin.article, p.origin.peer, p.origin.purpose.en))
        return tuple(result)


def merge(flows: Iterable[Flow], options: MergeOptions = MergeOptions()) -> tuple[Rule, ...]:
    drafts: dict[tuple, _Draft] = {}
    for flow in flows:
        key = (flow.direction, flow.protocol, flow.source, flow.destination)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(*key)
        draft.ranges.extend(flow.ports.ranges)
        draft.add(flow.origin, flow.ports.ranges)
    for draft in drafts.values():
        draft.ports = PortSet(tuple(draft.ranges))
    if options.drop_covered:
        _drop_covered(list(drafts.values()))
    live = [d for d in drafts.values() if d.ports]
    if options.max_gap:
        for draft in live:
            widened = draft.ports.widened(options.max_gap)
            draft.extra = widened - draft.ports
            draft.ports = widened
    rules = _fuse(live) if options.fuse_protocols else [_to_rule(d, d.protocol) for d in live]
    rules = [part for rule in rules for part in split_rule(rule, options.limits)]
    rules.sort(key=rule_sort_key)
    return tuple(rules)


def rule_sort_key(rule: Rule) -> tuple:
    first = rule.ports.ranges[0].lo if rule.ports else 0
    return (DIRECTION_ORDER[rule.direction], rule.destination.sort_key, PROTOCOL_ORDER[rule.protocol], first,
            rule.source.sort_key, rule.part)


def _drop_covered(drafts: list[_Draft]) -> None:
    """Drop each entry that broader rules (same direction and protocol) wholly allow already.

    A range is kept or dropped whole, never split. The requirement that asked
    for a dropped entry is recorded on the broader rules that serve it.
    """
    by_kind: dict[tuple[str, str], list[_Draft]] = defaultdict(list)
    for draft in drafts:
        by_kind[(draft.direction, draft.protocol)].append(draft)
    original = {id(d): d.ports for d in drafts}
    for group in by_kind.values():
        if len(group) < 2:
            continue
        for narrow in group:
            broader = [b for b in group if b is not narrow
                       and b.source.covers(narrow.source) and b.destination.covers(narrow.destination)]
            if not broader:
                continue
            covering = PortSet().union(*(original[id(b)] for b in broader))
            dropped = [r for r in narrow.ports.ranges if covering.covers(PortSet((r,)))]
            if not dropped:
                continue
            dropped_set = PortSet(tuple(dropped))
            narrow.ports = narrow.ports - dropped_set
            via = _via(narrow)
            for (origin, old_via), ranges in list(narrow.origins.items()):
                asked = PortSet(tuple(ranges)) & dropped_set
                if not asked:
                    continue
                for b in broader:
                    served = asked & original[id(b)]
                    if served:
                        b.add(origin, served.ranges, old_via or via)


def _via(draft: _Draft) -> str:
    return f"{draft.source} -> {draft.destination}"


def _to_rule(draft: _Draft, protocol: str, provenance: tuple[Provenance, ...] | None = None) -> Rule:
    return Rule(
        draft.direction, protocol, draft.source, draft.destination, draft.ports,
        draft.provenance(draft.ports) if provenance is None else provenance, draft.extra,
    )


def _fuse(drafts: list[_Draft]) -> list[Rule]:
    twins: dict[tuple, list[_Draft]] = defaultdict(list)
    for draft in drafts:
        twins[(draft.direction, draft.source, draft.destination, draft.ports, draft.extra)].append(draft)
    rules = []
    for group in twins.values():
        if len(group) == 2:
            tcp, udp = sorted(group, key=lambda d: d.protocol)
            provenance = tuple(dict.fromkeys(tcp.provenance(tcp.ports) + udp.provenance(udp.ports)))
            rules.append(_to_rule(tcp, "tcp/udp", provenance))
        else:
            rules.extend(_to_rule(d, d.protocol) for d in group)
    return rules


# --------------------------------------------------------------------------
# Splitting to a target's limits
# --------------------------------------------------------------------------

def split_ports(ports: PortSet, limits: Limits) -> list[PortSet]:
    """The fewest port sets, each within ``limits``, whose union is ``ports``."""
    entries: list[PortRange] = list(ports.ranges)
    if not limits.ranges:
        entries = [PortRange(p, p) for r in entries for p in range(r.lo, r.hi + 1)]
    cap = limits.max_entries
    if cap is None or not entries:
        return [ports] if entries else []
    cost = (lambda r: 1 if r.is_single else limits.range_cost)

    contiguous: list[list[PortRange]] = [[]]
    used = 0
    for entry in entries:
        c = cost(entry)
        if used + c > cap:
            contiguous.append([])
            used = 0
        contiguous[-1].append(entry)
        used += c

    total = sum(cost(e) for e in entries)
    ranges = [e for e in entries if not e.is_single]
    per_bin = cap // limits.range_cost
    fewest = max(math.ceil(total / cap), math.ceil(len(ranges) / per_bin) if ranges else 0)
    if len(contiguous) <= fewest:
        return [PortSet(tuple(chunk)) for chunk in contiguous]

    # Contiguous packing wastes room; fill ranges evenly first, then singles.
    bins: list[list[PortRange]] = [[] for _ in range(fewest)]
    room = [cap] * fewest
    for i, r in enumerate(ranges):
        b = i * fewest // len(ranges)
        bins[b].append(r)
        room[b] -= limits.range_cost
    b = 0
    for single in (e for e in entries if e.is_single):
        while room[b] < 1:
            b += 1
        bins[b].append(single)
        room[b] -= 1
    return [PortSet(tuple(chunk)) for chunk in bins if chunk]


def split_rule(rule: Rule, limits: Limits) -> list[Rule]:
    if limits.max_entries is None and limits.ranges:
        return [rule]
    chunks = split_ports(rule.ports, limits)
    if len(chunks) == 1 and chunks[0] == rule.ports:
        return [rule]
    parts = []
    for i, chunk in enumerate(chunks, start=1):
        provenance = tuple(
            replace(p, ports=p.ports & chunk) for p in rule.provenance if p.ports & chunk
        )
        parts.append(replace(rule, ports=chunk, provenance=provenance, extra_ports=rule.extra_ports & chunk,
                             part=i, parts=len(chunks)))
    return parts
