from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fwplan.catalog import SCOPES, Note, Text
from fwplan.merge import (
    ANY,
    Endpoint,
    Flow,
    Limits,
    MergeOptions,
    Origin,
    build,
    merge,
    split_ports,
)
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan
from fwplan.ports import PortRange, PortSet

NET = Endpoint("network", "10.0.0.0/24")
ADDR = Endpoint("address", "10.0.0.5")
HOST = Endpoint("host", "pbx.example.net")
OTHER = Endpoint("address", "192.0.2.1")
PLACE_NET = Endpoint("placeholder", "<LAN network>")
PLACE_ADDR = Endpoint("placeholder", "<LAN address>")
ENDPOINTS = [ANY, NET, ADDR, HOST, OTHER, PLACE_NET, PLACE_ADDR]


def origin(name: str = "p/c") -> Origin:
    return Origin(name, "Section", "article line", Text(f"Zweck {name}", f"purpose {name}"))


def flow(ports: str, direction="outbound", protocol="tcp", source=NET, destination=HOST, who="p/c") -> Flow:
    return Flow(direction, protocol, source, destination, PortSet.parse(ports), origin(who))


# ---- named cases ----


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["10-20", "20-30"], "10-30"),  # shared endpoint
        (["10-20", "21-30"], "10-30"),  # adjacent
        (["10-30", "15-20"], "10-30"),  # contained
        (["443", "443"], "443"),  # duplicate
    ],
)
def test_one_rule_per_key_with_coalesced_ports(parts, expected):
    (rule,) = merge([flow(p, who=f"p/{i}") for i, p in enumerate(parts)])
    assert rule.ports.format() == expected
    assert rule.components == tuple(sorted({f"p/{i}" for i in range(len(parts))}))


def _fifteen_entry_ports() -> str:
    # 5 ranges (2 entries each) + 5 single ports = exactly 15 multiport entries
    return ",".join([f"{1000 + 10 * i}-{1001 + 10 * i}" for i in range(5)] + [str(2000 + 2 * i) for i in range(5)])


def test_exactly_15_entries_stay_one_rule():
    ports = PortSet.parse(_fifteen_entry_ports())
    assert ports.entry_count(2) == 15
    rules = merge(
        [Flow("outbound", "tcp", NET, HOST, ports, origin())], MergeOptions(limits=Limits(max_entries=15, range_cost=2))
    )
    assert len(rules) == 1 and (rules[0].part, rules[0].parts) == (1, 1)


def test_16_entries_split_into_two_rules_that_cover_the_same_ports():
    ports = PortSet.parse(_fifteen_entry_ports() + ",3000")
    assert ports.entry_count(2) == 16
    rules = merge(
        [Flow("outbound", "tcp", NET, HOST, ports, origin())], MergeOptions(limits=Limits(max_entries=15, range_cost=2))
    )
    assert len(rules) == 2
    assert [(r.part, r.parts) for r in rules] == [(1, 2), (2, 2)]
    assert all(r.ports.entry_count(2) <= 15 for r in rules)
    assert rules[0].ports | rules[1].ports == ports
    assert not (rules[0].ports & rules[1].ports)
    assert all(r.provenance and r.provenance[0].ports == r.ports for r in rules)


def test_tcp_and_udp_with_the_same_ports_fuse_unless_switched_off():
    flows = [flow("5060,5070", protocol="tcp"), flow("5060,5070", protocol="udp")]
    (fused,) = merge(flows)
    assert fused.protocol == "tcp/udp"
    separate = merge(flows, MergeOptions(fuse_protocols=False))
    assert [r.protocol for r in separate] == ["tcp", "udp"]


def test_entries_covered_by_a_broader_rule_go_but_ranges_are_not_split():
    flows = [
        flow("443,9200", destination=ANY, who="p/any"),
        flow("443,9094,9100-9101", destination=HOST, who="p/host"),
        flow("9000-9300", destination=OTHER, who="p/partial"),  # only partly covered: kept whole
    ]
    rules = {r.destination: r for r in merge(flows)}
    assert rules[HOST].ports.format() == "9094,9100-9101"
    assert rules[OTHER].ports.format() == "9000-9300"
    broad = rules[ANY]
    served = [p for p in broad.provenance if p.via]
    assert [(p.origin.component_id, p.ports.format(), p.via) for p in served] == [
        ("p/host", "443", "10.0.0.0/24 -> pbx.example.net")
    ]


def test_a_rule_left_empty_by_coverage_goes():
    rules = merge([flow("443", destination=ANY), flow("443", destination=HOST, who="p/other")])
    assert len(rules) == 1 and rules[0].destination == ANY
    assert set(rules[0].components) == {"p/c", "p/other"}


def test_order_is_outbound_first_then_destination_protocol_port():
    rules = merge(
        [
            flow("80", direction="inbound", source=ADDR, destination=NET),
            flow("53", protocol="udp", destination=ANY),
            flow("443", destination=ANY),
            flow("5060", protocol="udp", destination=HOST),
            flow("22", destination=HOST),
        ]
    )
    assert [(r.direction, str(r.destination), r.protocol, r.ports.format()) for r in rules] == [
        ("outbound", "pbx.example.net", "tcp", "22"),
        ("outbound", "pbx.example.net", "udp", "5060"),
        ("outbound", "any", "tcp", "443"),
        ("outbound", "any", "udp", "53"),
        ("inbound", "10.0.0.0/24", "tcp", "80"),
    ]


def test_max_gap_merges_across_gaps_and_reports_exactly_the_extra_ports():
    (rule,) = merge([flow("9094,9100-9101")], MergeOptions(max_gap=5))
    assert rule.ports.format() == "9094-9101"
    assert rule.extra_ports.format() == "9095-9099"
    (exact,) = merge([flow("9094,9100-9101")])
    assert exact.ports.format() == "9094,9100-9101" and not exact.extra_ports


def test_missing_inputs_leave_placeholders_and_name_the_components(catalog):
    ruleset = build(catalog, Plan(expand_selection(catalog, ["hostedpbx-classic/vpn-tunnel"])))
    assert {str(r.destination) for r in ruleset.rules if r.direction == "outbound"} == {"<PBX host>"}
    assert {str(r.source) for r in ruleset.rules if r.direction == "outbound"} == {"<LAN address>"}
    missing = {n.code: n for n in ruleset.notices}
    assert missing["missing-host"].components == ("hostedpbx-classic/vpn-tunnel",)
    assert missing["missing-lan"].components == ("hostedpbx-classic/vpn-tunnel",)


def test_classic_product_end_to_end(catalog):
    plan = Plan(
        expand_selection(catalog, ["hostedpbx-classic"]), parse_lan("192.168.50.2/24"), parse_host("acme.telovip.de")
    )
    ruleset = build(catalog, plan)
    tunnel = [r for r in ruleset.rules if r.ports == PortSet.of(9944)]
    assert {(r.direction, r.protocol, str(r.source), str(r.destination)) for r in tunnel} == {
        ("outbound", "udp", "192.168.50.2", "acme.telovip.de"),
        ("inbound", "udp", "acme.telovip.de", "192.168.50.2"),
    }
    remote = next(r for r in ruleset.rules if str(r.source) == "any" and str(r.destination) == "acme.telovip.de")
    assert "9100-9101" in remote.ports.format()
    assert ruleset.caveat.en


# ---- properties ----

port_sets = st.lists(
    st.builds(lambda lo, width: PortRange(lo, min(200, lo + width)), st.integers(1, 200), st.integers(0, 15)),
    min_size=1,
    max_size=5,
).map(lambda rs: PortSet(tuple(rs)))

FIRST_START = Note(Text("Nur beim ersten Start", "Only at the first start"), "first start")
DIRECT = Note(Text("Nur bei direkter Anbindung", "Only where attached directly"), "direct")

flows_strategy = st.lists(
    st.builds(
        Flow,
        st.sampled_from(["outbound", "inbound"]),
        st.sampled_from(["tcp", "udp"]),
        st.sampled_from(ENDPOINTS),
        st.sampled_from(ENDPOINTS),
        port_sets,
        st.sampled_from([origin("p/a"), origin("p/b"), origin("q/c")]),
        st.sampled_from(SCOPES),
        st.sampled_from([None, None, FIRST_START, DIRECT]),
    ),
    max_size=25,
)


def _atoms(rules_or_flows):
    for item in rules_or_flows:
        protocols = ("tcp", "udp") if item.protocol == "tcp/udp" else (item.protocol,)
        for protocol in protocols:
            for r in item.ports.ranges:
                for port in range(r.lo, r.hi + 1):
                    yield (item.scope, item.condition, item.direction, protocol, item.source, item.destination, port)


def _allowed(rules, atom):
    scope, condition, direction, protocol, source, destination, port = atom
    return any(
        r.scope == scope
        and r.condition == condition
        and r.direction == direction
        and protocol in r.protocols
        and r.source.covers(source)
        and r.destination.covers(destination)
        and port in r.ports
        for r in rules
    )


@settings(max_examples=150, deadline=None)
@given(flows_strategy)
def test_output_allows_exactly_the_input_flows(flows):
    """Per scope and condition, the union of the rules is exactly the flows of that scope and condition."""
    rules = merge(flows)
    input_atoms = set(_atoms(flows))
    assert all(_allowed(rules, atom) for atom in input_atoms)
    assert set(_atoms(rules)) <= input_atoms  # nothing opened that was not asked for


@settings(max_examples=150, deadline=None)
@given(flows_strategy)
def test_no_rule_mixes_scopes_or_conditions(flows):
    """Every requirement a rule credits was asked for in the rule's own scope and condition."""
    asked = {(f.origin, f.scope, f.condition) for f in flows}
    for rule in merge(flows):
        for p in rule.provenance:
            assert (p.origin, rule.scope, rule.condition) in asked


@settings(max_examples=100, deadline=None)
@given(flows_strategy, st.randoms(use_true_random=False))
def test_independent_of_input_order(flows, rnd):
    shuffled = list(flows)
    rnd.shuffle(shuffled)
    assert merge(shuffled) == merge(flows)


@pytest.mark.parametrize("order", [(0, 1, 2), (1, 0, 2), (2, 1, 0), (1, 2, 0)])
def test_a_chain_of_covered_rules_credits_the_rule_that_keeps_the_ports_in_any_order(order):
    # any -> 10.0.0.5 lies inside any -> 10.0.0.0/24, which lies inside any -> any. Once hypothesis found that
    # with the /24 handled first, the address's requirement was credited to the /24 after the /24 had
    # been dropped, and vanished from the rule that allows its port.
    flows = [
        flow("1", source=ANY, destination=ANY),
        flow("1", source=ANY, destination=NET),
        flow("1", source=ANY, destination=ADDR),
    ]
    (rule,) = merge([flows[i] for i in order])
    assert rule.destination == ANY
    assert {p.via for p in rule.provenance} == {None, "any -> 10.0.0.0/24", "any -> 10.0.0.5"}
    assert all(p.ports == rule.ports for p in rule.provenance)


def _as_flows(rules):
    for rule in rules:
        for protocol in rule.protocols:
            for p in rule.provenance:
                yield Flow(
                    rule.direction,
                    protocol,
                    rule.source,
                    rule.destination,
                    p.ports,
                    p.origin,
                    rule.scope,
                    rule.condition,
                )


@settings(max_examples=100, deadline=None)
@given(flows_strategy)
def test_idempotent(flows):
    once = merge(flows)
    twice = merge(list(_as_flows(once)))

    def key(rules):
        return [(r.scope, r.condition, r.direction, r.protocol, r.source, r.destination, r.ports) for r in rules]

    assert key(twice) == key(once)


@settings(max_examples=150, deadline=None)
@given(flows_strategy)
def test_locally_minimal(flows):
    rules = merge(flows)
    keys = [(r.scope, r.condition, r.direction, r.protocol, r.source, r.destination) for r in rules]
    assert len(keys) == len(set(keys)), "two rules could be merged"
    by_peers = {}
    for r in rules:
        by_peers.setdefault((r.scope, r.condition, r.direction, r.source, r.destination, r.ports), []).append(
            r.protocol
        )
    assert all(len(protos) == 1 for protos in by_peers.values()), "tcp and udp twins were not fused"
    for r in rules:
        for a, b in zip(r.ports.ranges, r.ports.ranges[1:]):
            assert a.hi + 1 < b.lo, "two ranges could be coalesced"
        for entry in r.ports.ranges:
            broader = [
                b
                for b in rules
                if b is not r
                and b.direction == r.direction
                and b.scope == r.scope
                and b.condition == r.condition
                and set(r.protocols) <= set(b.protocols)
                and b.source.covers(r.source)
                and b.destination.covers(r.destination)
            ]
            covering = PortSet().union(*(b.ports for b in broader))
            assert not covering.covers(PortSet((entry,))), "an entry a broader rule allows was kept"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda lo, w: PortRange(lo, min(65535, lo + w)), st.integers(1, 65000), st.sampled_from([0, 0, 0, 1, 5])
        ),
        min_size=1,
        max_size=60,
    ).map(lambda rs: PortSet(tuple(rs))),
    st.integers(min_value=2, max_value=16),
    st.sampled_from([1, 2]),
)
def test_split_respects_the_limit_with_the_fewest_rules(ports, cap, range_cost):
    limits = Limits(max_entries=cap, range_cost=range_cost)
    parts = split_ports(ports, limits)
    assert all(p.entry_count(range_cost) <= cap for p in parts)
    assert PortSet().union(*parts) == ports
    assert sum(len(p) for p in parts) == len(ports)  # disjoint
    singles = sum(1 for r in ports.ranges if r.is_single)
    ranges = len(ports.ranges) - singles
    total = singles + range_cost * ranges
    fewest = max(math.ceil(total / cap), math.ceil(ranges / (cap // range_cost)) if ranges else 0)
    assert len(parts) == fewest


def test_split_packs_better_than_first_fit_where_that_wastes_room():
    ports = PortSet.parse("10-11,20-21,30,40")  # r r s s with room for 3: first fit needs 3 rules
    parts = split_ports(ports, Limits(max_entries=3, range_cost=2))
    assert len(parts) == 2


def test_one_port_or_range_per_rule_for_port_sharing_targets():
    ports = PortSet.parse("80,443,8000,8080,10000-59999")
    parts = split_ports(ports, Limits(max_entries=1, range_cost=1))
    assert [p.format() for p in parts] == ["80", "443", "8000", "8080", "10000-59999"]


def test_limits_that_cannot_hold_a_range_are_refused():
    from fwplan.errors import FwplanError

    with pytest.raises(FwplanError, match="a port range counts as 2 entries"):
        Limits(max_entries=1, range_cost=2)


def test_random_catalog_selection_is_stable(catalog):
    ids = [c.id for c in catalog.components]
    rnd = random.Random(7)
    for _ in range(20):
        chosen = rnd.sample(ids, rnd.randint(1, len(ids)))
        plan = Plan(expand_selection(catalog, chosen), parse_lan("192.168.1.2"), parse_host("acme.telovip.de"))
        assert build(catalog, plan) == build(catalog, plan)
