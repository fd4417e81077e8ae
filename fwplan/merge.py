"""The merge engine: a plan's requirements as concrete flows, then the minimal rule set.

``resolve`` fills the peers in from the plan (a missing input leaves a visible
placeholder and a notice); ``merge`` turns flows into rules: one per
(scope, condition, direction, protocol, source, destination) with the
coalesced union of ports, entries wholly covered by a broader rule of the same
scope and condition dropped, TCP and UDP twins fused, and rules split to a
target's entry limits. Nothing is ever fused, subsumed or coalesced across
scopes or conditions. ``build`` does both and gathers the article's notes.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, pairwise
from typing import Literal, NamedTuple

import netaddr

from fwplan.catalog import (
    SCOPES,
    Catalog,
    Component,
    Direction,
    Need,
    Note,
    Peer,
    Protocol,
    Protocols,
    Scope,
)
from fwplan.errors import FwplanError
from fwplan.i18n import NO_TEXT, Text, Texts, joined, text
from fwplan.plan import Notice, Plan, plan_notices
from fwplan.ports import PortRange, PortSet

DIRECTION_ORDER: dict[Direction, int] = {"outbound": 0, "inbound": 1}
SCOPE_ORDER: dict[Scope, int] = {scope: i for i, scope in enumerate(SCOPES)}
PROTOCOL_ORDER: dict[Protocols, int] = {"tcp": 0, "udp": 1, "tcp/udp": 2}

#: What a source or destination is: anything, a network, an address, a hostname, or a placeholder
#: for an input the plan lacks.
EndpointKind = Literal["any", "network", "address", "host", "placeholder"]
#: What a plan note is: an article note, a selected item's condition, or the condition of an item
#: of a product in use that is not selected.
NoteKind = Literal["note", "condition", "not-selected"]

PLACEHOLDER_LAN_NETWORK = "<LAN network>"
PLACEHOLDER_LAN_ADDRESS = "<LAN address>"
PLACEHOLDER_PBX_HOST = "<PBX host>"
#: How a placeholder reads for a person; the value itself stays as it is in JSON, CSV and plan logic.
PLACEHOLDER_WORDS = Texts(
    {
        PLACEHOLDER_LAN_NETWORK: "placeholder.lan_network",
        PLACEHOLDER_LAN_ADDRESS: "placeholder.lan_address",
        PLACEHOLDER_PBX_HOST: "placeholder.pbx_host",
    }
)


# --------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------


class Endpoint(NamedTuple):
    """A source or destination: ``any``, a network, an address, a hostname, or a placeholder."""

    kind: EndpointKind
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

    def label(self, lang: str) -> str:
        """The value as a person reads it in ``lang``: placeholders translated, everything else as it is."""
        words = PLACEHOLDER_WORDS.get(self.value) if self.kind == "placeholder" else None
        return words.get(lang) if words is not None else self.value


_KIND_ORDER: dict[EndpointKind, int] = {"host": 0, "address": 1, "network": 2, "placeholder": 3, "any": 4}
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


class Origin(NamedTuple):
    """One requirement of one component: why a flow exists."""

    component_id: str
    section: str
    article: str
    purpose: Text
    peer: Peer = "any"
    alternatives: bool = False


class Flow(NamedTuple):
    """One concrete flow a requirement asks for, before merging."""

    direction: Direction
    protocol: Protocol
    source: Endpoint
    destination: Endpoint
    ports: PortSet
    origin: Origin
    scope: Scope = "internet"
    condition: Note | None = None  # set where only a conditional item asks for the flow


class Provenance(NamedTuple):
    """Which ports of a rule one requirement asked for.

    ``via`` names the narrower destination (or source) the requirement asked
    for when a broader rule serves it instead.
    """

    origin: Origin
    ports: PortSet
    via: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One output rule: its peers, its coalesced ports, and why it exists."""

    direction: Direction
    protocol: Protocols
    source: Endpoint
    destination: Endpoint
    ports: PortSet
    provenance: tuple[Provenance, ...] = ()
    extra_ports: PortSet = PortSet()
    part: int = 1
    parts: int = 1
    scope: Scope = "internet"
    condition: Note | None = None
    #: The rule's place among the fused, unsplit rules of its plan: the TCP and UDP halves of a rule, and
    #: the parts a target's limits split it into, share it (``RuleSet.numbered`` labels them 6a, 6b).
    number: int = 0

    @property
    def components(self) -> tuple[str, ...]:
        return tuple(sorted({p.origin.component_id for p in self.provenance}))

    def purpose(self, lang: str = "en") -> str:
        """The distinct purposes behind the rule, joined with '; '."""
        return "; ".join(dict.fromkeys(p.origin.purpose.get(lang) for p in self.provenance))

    def condition_text(self, lang: str = "en") -> str:
        """The condition under which the rule is needed, or '' for a permanent rule."""
        return self.condition.text.get(lang) if self.condition is not None else ""

    def port_purposes(self, lang: str = "en") -> tuple[tuple[PortSet, tuple[str, ...]], ...]:
        """Which ports serve which purposes: ports that serve the same purposes grouped, by first port.

        ``443: web interface, first setup; 9443: web interface`` is ``((443, (a, b)), (9443, (a,)))``.
        """
        return port_purposes(self.provenance, lang)

    @property
    def protocols(self) -> tuple[Protocol, ...]:
        return _EACH_PROTOCOL if self.protocol == "tcp/udp" else (self.protocol,)

    @property
    def key(self) -> tuple[Scope, Note | None, Direction, Protocols, Endpoint, Endpoint, int]:
        """What identifies a rule across recomputations: scope, condition, peers, protocol and part, not ports."""
        return (self.scope, self.condition, self.direction, self.protocol, self.source, self.destination, self.part)


def port_purposes(provenance: Sequence[Provenance], lang: str) -> tuple[tuple[PortSet, tuple[str, ...]], ...]:
    """Cut the ports of ``provenance`` where the set of purposes changes; group the pieces by purposes."""
    bounds: set[int] = set()
    for p in provenance:
        for r in p.ports.ranges:
            bounds.update((r.lo, r.hi + 1))
    points = sorted(bounds)
    groups: dict[tuple[str, ...], list[PortRange]] = {}
    for lo, next_lo in pairwise(points):
        piece = PortRange(lo, next_lo - 1)
        purposes = tuple(dict.fromkeys(p.origin.purpose.get(lang) for p in provenance if p.ports.contains_range(piece)))
        if purposes:
            groups.setdefault(purposes, []).append(piece)
    result = [(PortSet(tuple(ranges)), purposes) for purposes, ranges in groups.items()]
    result.sort(key=lambda item: item[0].ranges[0].lo)
    return tuple(result)


@dataclass(frozen=True, slots=True)
class Limits:
    """A target's limits: entries per rule (a range costs ``range_cost``), and whether ranges exist."""

    max_entries: int | None = None
    range_cost: int = 1
    ranges: bool = True

    def __post_init__(self) -> None:
        if self.max_entries is not None and self.max_entries < 1:
            raise FwplanError.about("limits.max_entries", value=self.max_entries)
        if self.range_cost < 1:
            raise FwplanError.about("limits.range_cost", value=self.range_cost)
        if self.ranges and self.max_entries is not None and self.range_cost > self.max_entries:
            raise FwplanError.about("limits.range_over_entries", cost=self.range_cost, entries=self.max_entries)


@dataclass(frozen=True, slots=True)
class MergeOptions:
    """How merge builds the rule set."""

    fuse_protocols: bool = True
    drop_covered: bool = True
    max_gap: int = 0
    limits: Limits = Limits()

    def __post_init__(self) -> None:
        if self.max_gap < 0:
            raise FwplanError.about("limits.max_gap", value=self.max_gap)


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: the pieces of a split rule."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


class PlanNote(NamedTuple):
    """An article note or condition, labelled with its product and component.

    ``not-selected``: the condition of a conditional item of a product in use that is not selected, so
    that the reader knows the item exists and when it is needed.
    """

    component_id: str
    kind: NoteKind
    where: Text  # "Product › Component"
    text: Text
    article: str = ""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The merged rules with the notices, the article's notes for the selection, and the caveat.

    ``omitted`` counts the rules of each scope that ``in_scopes`` left out.
    """

    rules: tuple[Rule, ...]
    notices: tuple[Notice, ...] = ()
    caveat: Text = NO_TEXT
    notes: tuple[PlanNote, ...] = ()
    omitted: tuple[tuple[Scope, int], ...] = ()

    def numbered(self) -> list[tuple[str, Rule]]:
        """Each rule with its label: 1, 2, ... by fused rule, so that every format numbers a rule alike for
        the same plan and scopes; where a target splits a rule (TCP and UDP apart, or to its limits) the
        pieces are 6a, 6b, ..."""
        counts: dict[int, int] = defaultdict(int)
        for rule in self.rules:
            counts[rule.number] += 1
        ranks = {n: i for i, n in enumerate(dict.fromkeys(r.number for r in self.rules), start=1)}
        seen: dict[int, int] = defaultdict(int)
        labelled = []
        for rule in self.rules:
            label = str(ranks[rule.number])
            if counts[rule.number] > 1:
                seen[rule.number] += 1
                label += _letters(seen[rule.number])
            labelled.append((label, rule))
        return labelled

    def in_scopes(self, scopes: Iterable[str]) -> RuleSet:
        """Only the rules of ``scopes``, in the same order; ``omitted`` counts the others' rules per scope."""
        wanted = frozenset(scopes)
        left_out: dict[Scope, int] = {}
        counted: set[int] = set()
        for rule in self.rules:
            if rule.scope not in wanted and (rule.number not in counted or not rule.number):
                counted.add(rule.number)
                left_out[rule.scope] = left_out.get(rule.scope, 0) + 1
        kept = tuple(r for r in self.rules if r.scope in wanted)
        omitted = tuple((scope, left_out[scope]) for scope in SCOPES if scope in left_out)
        return replace(self, rules=kept, omitted=omitted)

    @property
    def scopes(self) -> tuple[Scope, ...]:
        """The scopes that have rules, in output order."""
        present = {r.scope for r in self.rules}
        return tuple(s for s in SCOPES if s in present)

    def ports_per_protocol(self) -> dict[Protocol, int]:
        """Distinct ports opened per protocol, over all rules."""
        sets: dict[Protocol, PortSet] = {"tcp": PortSet(), "udp": PortSet()}
        for rule in self.rules:
            for proto in rule.protocols:
                sets[proto] = sets[proto] | rule.ports
        return {proto: len(ports) for proto, ports in sets.items()}


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
            Endpoint("address" if host.is_ip else "host", host.value)
            if host
            else Endpoint("placeholder", PLACEHOLDER_PBX_HOST)
        ),
        "vpn-router": (
            Endpoint("address", plan.vpn_router.address)
            if plan.vpn_router
            else Endpoint("address", lan.address)
            if lan
            else Endpoint("placeholder", PLACEHOLDER_LAN_ADDRESS)
        ),
        "manufacturer": ANY,
        "provider": ANY,
        "any": ANY,
        "remote": ANY,
    }


_EACH_WAY: tuple[Direction, ...] = ("outbound", "inbound")
_EACH_PROTOCOL: tuple[Protocol, ...] = ("tcp", "udp")


def resolve(catalog: Catalog, plan: Plan) -> tuple[Flow, ...]:
    endpoints = endpoints_for(plan)
    flows: list[Flow] = []
    for component_id in plan.selected:
        for demand in catalog.demands(component_id):
            req = demand.requirement
            origin = Origin(component_id, demand.section, req.article, req.purpose, req.peer, req.alternatives)
            local, peer = endpoints[demand.local], endpoints[req.peer]
            directions: tuple[Direction, ...] = _EACH_WAY if req.direction == "both" else (req.direction,)
            protocols: tuple[Protocol, ...] = _EACH_PROTOCOL if req.protocol == "tcp/udp" else (req.protocol,)
            for direction in directions:
                source, destination = (local, peer) if direction == "outbound" else (peer, local)
                for protocol in protocols:
                    flows.append(
                        Flow(
                            direction, protocol, source, destination, req.ports, origin, demand.scope, demand.condition
                        )
                    )
    return tuple(flows)


def plan_needs(catalog: Catalog, plan: Plan, component_id: str) -> frozenset[Need]:
    """The inputs the component's rules use in this plan: ``lan``, ``host``, ``vpn``.

    The VPN router's address falls back to the LAN address, so without it the tunnel needs the LAN's.
    """
    needs = catalog.needs(component_id)
    if "vpn" in needs and plan.vpn_router is None:
        return needs | {"lan"}
    return needs


def input_notices(catalog: Catalog, plan: Plan) -> tuple[Notice, ...]:
    notices: list[Notice] = []
    need_lan = tuple(c for c in plan.selected if "lan" in plan_needs(catalog, plan, c))
    need_host = tuple(c for c in plan.selected if "host" in catalog.needs(c))
    if plan.lan is None and need_lan:
        notices.append(
            Notice(
                "missing-lan",
                text("notice.missing_lan", ids=", ".join(need_lan)),
                need_lan,
            )
        )
    if plan.host is None and need_host:
        notices.append(
            Notice(
                "missing-host",
                text("notice.missing_host", ids=", ".join(need_host)),
                need_host,
            )
        )
    need_vpn = tuple(c for c in plan.selected if "vpn" in catalog.needs(c))
    if need_vpn and plan.vpn_router is None and plan.lan is not None:
        notices.append(
            Notice(
                "vpn-router-default",
                text("notice.vpn_default", address=plan.lan.address),
                need_vpn,
            )
        )
    router = plan.vpn_router
    if router is not None and not need_vpn:
        notices.append(
            Notice(
                "vpn-router-unused",
                text("notice.vpn_unused", address=router.address),
            )
        )
    elif router is not None and plan.lan is not None and not _inside(router.address, plan.lan.network):
        notices.append(
            Notice(
                "vpn-router-outside",
                text("notice.vpn_outside", address=router.address, network=plan.lan.network),
                need_vpn,
            )
        )
    notices.extend(_parentless_notices(catalog, plan))
    notices.extend(plan_notices(catalog, plan))
    return tuple(notices)


def _inside(address: str, network: str) -> bool:
    net = netaddr.IPNetwork(network)
    ip = netaddr.IPAddress(address)
    return ip.version == net.version and ip in net and (net.size <= 2 or ip not in (net.network, net.broadcast))


def _parentless_notices(catalog: Catalog, plan: Plan) -> list[Notice]:
    """A conditional item asks for ports in addition to its parent's: say so where the parent is not selected."""
    selected = set(plan.selected)
    notices = []
    for component_id in plan.selected:
        component = catalog.component(component_id)
        if component.is_conditional and component.parent is not None and component.parent not in selected:
            notices.append(
                Notice(
                    "parent-not-selected",
                    text("notice.parent", id=component_id, parent=component.parent),
                    (component_id,),
                )
            )
    return notices


def plan_notes(catalog: Catalog, plan: Plan) -> tuple[PlanNote, ...]:
    """The condition and the notes of each selected component, in selection order, each labelled with
    its product and component so that the same note of two products reads as two products' notes."""

    def where(component: Component) -> Text:
        product = catalog.product(component.product_id)
        return joined(product.name, " › ", component.name)

    notes: list[PlanNote] = []
    for component_id in plan.selected:
        component = catalog.component(component_id)
        if component.condition is not None:
            notes.append(
                PlanNote(
                    component_id, "condition", where(component), component.condition.text, component.condition.article
                )
            )
        notes.extend(PlanNote(component_id, "note", where(component), n.text, n.article) for n in component.notes)
    selected = set(plan.selected)
    products = dict.fromkeys(catalog.component(c).product_id for c in plan.selected)
    for product_id in products:
        for component in catalog.product(product_id).components:
            if component.condition is not None and component.id not in selected:
                notes.append(
                    PlanNote(
                        component.id,
                        "not-selected",
                        where(component),
                        component.condition.text,
                        component.condition.article,
                    )
                )
    return tuple(notes)


def build(catalog: Catalog, plan: Plan, options: MergeOptions = MergeOptions()) -> RuleSet:
    rules = merge(resolve(catalog, plan), options)
    notices = list(input_notices(catalog, plan))
    if options.max_gap:
        notices.extend(gap_notices(rules, options.max_gap))
    return RuleSet(rules, tuple(notices), catalog.caveat.text, plan_notes(catalog, plan))


def gap_notices(rules: Sequence[Rule], max_gap: int) -> list[Notice]:
    notices = []
    for rule in rules:
        if rule.extra_ports:
            extra = rule.extra_ports.format(", ")
            where = f"{rule.protocol} {rule.source} -> {rule.destination}"
            notices.append(
                Notice(
                    "max-gap",
                    text("notice.max_gap", max_gap=max_gap, extra=extra, where=where),
                    rule.components,
                )
            )
    return notices


# --------------------------------------------------------------------------
# Merging flows into rules
# --------------------------------------------------------------------------


class _Draft:
    """A rule while it is being merged.

    ``original`` is the coalesced union of what was asked; ``exact`` is that
    less the entries a broader rule covers; ``ports`` is ``exact`` widened by
    max_gap. ``origins`` holds the ranges each requirement asked for that this
    rule still carries. Every such range lies inside one entry of
    ``original``, and entries are dropped whole, so a range is kept exactly
    when ``exact`` contains it: no set intersection is needed.
    """

    __slots__ = (
        "condition",
        "destination",
        "direction",
        "exact",
        "extra",
        "original",
        "origins",
        "ports",
        "protocol",
        "scope",
        "source",
    )

    def __init__(
        self,
        scope: Scope,
        condition: Note | None,
        direction: Direction,
        protocol: Protocol,
        source: Endpoint,
        destination: Endpoint,
    ) -> None:
        self.scope, self.condition = scope, condition
        self.direction, self.protocol, self.source, self.destination = direction, protocol, source, destination
        self.origins: dict[tuple[Origin, str | None], list[PortRange]] = {}
        self.original = self.exact = self.ports = self.extra = PortSet()

    def add(self, origin: Origin, ranges: Iterable[PortRange], via: str | None = None) -> None:
        self.origins.setdefault((origin, via), []).extend(ranges)

    def provenance(self) -> tuple[Provenance, ...]:
        result = []
        for (origin, via), ranges in self.origins.items():
            ports = PortSet._canonical((ranges[0],)) if len(ranges) == 1 else PortSet(tuple(ranges))
            result.append(Provenance(origin, ports, via))
        result.sort(key=_provenance_order)
        return tuple(result)


def _provenance_order(p: Provenance) -> tuple[bool, str, int, str, Origin]:
    return (p.via is not None, p.origin.component_id, p.ports.ranges[0].lo, p.via or "", p.origin)


def merge(flows: Iterable[Flow], options: MergeOptions = MergeOptions()) -> tuple[Rule, ...]:
    # Merging allocates many small acyclic objects; the cyclic collector would
    # rescan them again and again for nothing.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _merge(flows, options)
    finally:
        if gc_was_enabled:
            gc.enable()


def _merge(flows: Iterable[Flow], options: MergeOptions) -> tuple[Rule, ...]:
    drafts: dict[tuple[Scope, Note | None, Direction, Protocol, Endpoint, Endpoint], _Draft] = {}
    for flow in flows:
        key = (flow.scope, flow.condition, flow.direction, flow.protocol, flow.source, flow.destination)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(*key)
        draft.add(flow.origin, flow.ports.ranges)
    for draft in drafts.values():
        draft.original = draft.exact = draft.ports = PortSet(tuple(chain.from_iterable(draft.origins.values())))
    if options.drop_covered:
        _drop_covered(list(drafts.values()))
    live = [d for d in drafts.values() if d.exact]
    for draft in live:
        draft.ports = draft.exact
    if options.max_gap:
        for draft in live:
            draft.ports = draft.exact.widened(options.max_gap)
            draft.extra = draft.ports - draft.exact
    rules = _numbered(_fuse(live, options.fuse_protocols))
    rules = [part for rule in rules for part in split_rule(rule, options.limits)]
    rules.sort(key=lambda rule: (rule.number, PROTOCOL_ORDER[rule.protocol], rule.part))
    return tuple(rules)


def _numbered(groups: list[list[Rule]]) -> list[Rule]:
    """Number the rules by their fused form, so that every format numbers a rule alike.

    ``groups`` holds, per fused rule, the rules it stands for: itself, or its TCP and UDP halves where
    the target keeps them apart. A group's number is its fused rule's place in the order of rule_sort_key.
    """

    def fused_key(group: list[Rule]) -> SortKey:
        first = group[0]
        protocol: Protocols = "tcp/udp" if len(group) == 2 else first.protocol
        return rule_sort_key(replace(first, protocol=protocol))

    numbered: list[Rule] = []
    for number, group in enumerate(sorted(groups, key=fused_key), start=1):
        numbered.extend(replace(rule, number=number) for rule in group)
    return numbered


#: The order of the rules: see ``rule_sort_key``.
SortKey = tuple[int, tuple[int, str, str], int, tuple[int, str], int, int, tuple[int, str], int]


def rule_sort_key(rule: Rule) -> SortKey:
    """Scope by scope; within one, the permanent rules first, then each condition's; then by direction,
    destination, protocol and first port."""
    first = rule.ports.ranges[0].lo if rule.ports else 0
    condition = (1, rule.condition.text.en, rule.condition.article) if rule.condition is not None else (0, "", "")
    return (
        SCOPE_ORDER.get(rule.scope, len(SCOPE_ORDER)),
        condition,
        DIRECTION_ORDER[rule.direction],
        rule.destination.sort_key,
        PROTOCOL_ORDER[rule.protocol],
        first,
        rule.source.sort_key,
        rule.part,
    )


def _drop_covered(drafts: list[_Draft]) -> None:
    """Drop each entry that broader rules (same scope, condition, direction and protocol) wholly allow already.

    A range is kept or dropped whole, never split. The requirement that asked
    for a dropped entry is recorded on the broader rules that serve it.
    """
    by_kind: dict[tuple[Scope, Note | None, Direction, Protocol], list[_Draft]] = defaultdict(list)
    for draft in drafts:
        by_kind[(draft.scope, draft.condition, draft.direction, draft.protocol)].append(draft)
    for group in by_kind.values():
        narrowed = []
        for narrow in group:
            broader = sorted(
                (
                    b
                    for b in group
                    if b is not narrow and b.source.covers(narrow.source) and b.destination.covers(narrow.destination)
                ),
                key=_narrowest_first,
            )
            if not broader:
                continue
            covering = PortSet().union(*(b.original for b in broader))
            kept = tuple(r for r in narrow.original.ranges if not covering.contains_range(r))
            if len(kept) < len(narrow.original.ranges):
                narrow.exact = PortSet._canonical(kept)
                narrowed.append((narrow, broader))
        # Credit only once every rule knows what it keeps: a requirement must land on a rule that still
        # allows its ports, whatever order the rules came in.
        for narrow, broader in narrowed:
            via = _via(narrow)
            keeps = narrow.exact.contains_range
            for key, ranges in list(narrow.origins.items()):
                kept_ranges: list[PortRange] = []
                asked: list[PortRange] = []
                for r in ranges:
                    (kept_ranges if keeps(r) else asked).append(r)
                if not asked:
                    continue
                if kept_ranges:
                    narrow.origins[key] = kept_ranges
                else:
                    del narrow.origins[key]
                _credit_broader(broader, key[0], asked, key[1] or via)


def _credit_broader(broader: list[_Draft], origin: Origin, asked: list[PortRange], via: str) -> None:
    """Record on the broader rules that they now serve ``asked``: each range on the narrowest rule that
    keeps it whole, or else piece by piece on the rules that keep its parts."""
    served: dict[int, list[PortRange]] = defaultdict(list)
    for r in asked:
        holder = next((i for i, b in enumerate(broader) if b.exact.contains_range(r)), None)
        if holder is not None:
            served[holder].append(r)
            continue
        remaining = PortSet((r,))
        for i, b in enumerate(broader):
            piece = remaining & b.exact
            if piece:
                served[i].extend(piece.ranges)
                remaining = remaining - piece
                if not remaining:
                    break
    for i, ranges in served.items():
        if ranges:
            broader[i].add(origin, ranges, via)


def _narrowest_first(draft: _Draft) -> tuple[bool, bool, tuple[int, str], tuple[int, str]]:
    return (
        draft.destination.kind == "any",
        draft.source.kind == "any",
        draft.destination.sort_key,
        draft.source.sort_key,
    )


def _via(draft: _Draft) -> str:
    return f"{draft.source} -> {draft.destination}"


def _to_rule(draft: _Draft, protocol: Protocols, provenance: tuple[Provenance, ...] | None = None) -> Rule:
    return Rule(
        draft.direction,
        protocol,
        draft.source,
        draft.destination,
        draft.ports,
        draft.provenance() if provenance is None else provenance,
        draft.extra,
        scope=draft.scope,
        condition=draft.condition,
    )


def _fuse(drafts: list[_Draft], fuse: bool = True) -> list[list[Rule]]:
    """TCP and UDP twins (same peers, same ports) as one ``tcp/udp`` rule, or, without ``fuse``, as a
    group of their two rules; every other draft as a group of one."""
    twins: dict[tuple[Scope, Note | None, Direction, Endpoint, Endpoint, PortSet, PortSet], list[_Draft]] = defaultdict(
        list
    )
    for draft in drafts:
        twins[
            (draft.scope, draft.condition, draft.direction, draft.source, draft.destination, draft.ports, draft.extra)
        ].append(draft)
    groups = []
    for group in twins.values():
        if len(group) == 2 and fuse:
            tcp, udp = sorted(group, key=lambda d: d.protocol)
            provenance = tuple(dict.fromkeys(tcp.provenance() + udp.provenance()))
            groups.append([_to_rule(tcp, "tcp/udp", provenance)])
        elif len(group) == 2:
            groups.append([_to_rule(d, d.protocol) for d in sorted(group, key=lambda d: d.protocol)])
        else:
            groups.extend([_to_rule(d, d.protocol)] for d in group)
    return groups


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

    def cost(r: PortRange) -> int:
        return 1 if r.is_single else limits.range_cost

    contiguous: list[list[PortRange]] = [[]]
    used = 0
    for entry in entries:
        c = cost(entry)
        if used + c > cap:
            contiguous.append([])
            used = 0
        contiguous[-1].append(entry)
        used += c

    total = ports.entry_count(limits.range_cost) if limits.ranges else len(entries)
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
        provenance = tuple(p._replace(ports=p.ports & chunk) for p in rule.provenance if p.ports & chunk)
        parts.append(
            replace(
                rule,
                ports=chunk,
                provenance=provenance,
                extra_ports=rule.extra_ports & chunk,
                part=i,
                parts=len(chunks),
            )
        )
    return parts
