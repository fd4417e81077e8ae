"""Round trip: for every exporter, the port text read back equals the engine's port set, within the target's limits."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import exporters
from exporters.base import ExportContext
from fwplan.merge import Endpoint, Rule, RuleSet, split_rule
from fwplan.plan import Plan, parse_host, parse_lan
from fwplan.ports import PortRange, PortSet
from tests.exporters.readback import READERS
from tests.formats import exporter_names

LAN = parse_lan("192.168.50.2/24")
HOST = parse_host("203.0.113.10")
ENDPOINTS = [
    Endpoint("network", LAN.network),
    Endpoint("address", LAN.address),
    Endpoint("address", HOST.value),
    Endpoint("any", "any"),
]


@st.composite
def port_sets(draw):
    ranges = []
    for _ in range(draw(st.integers(1, 40))):
        lo = draw(st.integers(1, 65535))
        hi = draw(st.one_of(st.just(lo), st.integers(lo, min(65535, lo + draw(st.sampled_from([1, 10, 5000]))))))
        ranges.append(PortRange(lo, hi))
    return PortSet(tuple(ranges))


@st.composite
def rules(draw):
    rule_list = []
    for number in range(1, draw(st.integers(1, 4)) + 1):  # numbered as the engine numbers fused rules
        source, destination = draw(st.sampled_from(ENDPOINTS)), draw(st.sampled_from(ENDPOINTS))
        rule_list.append(
            Rule(
                draw(st.sampled_from(["outbound", "inbound"])),
                draw(st.sampled_from(["tcp", "udp", "tcp/udp"])),
                source,
                destination,
                draw(port_sets()),
                number=number,
            )
        )
    return rule_list


def test_every_registered_exporter_has_a_reader():
    assert set(exporter_names()) == set(READERS)


@pytest.mark.parametrize("name", sorted(READERS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=rules())
def test_ports_read_back_equal_the_engines(name, drawn, catalog):
    exporter = exporters.get(name)
    parts = []
    for rule in drawn:
        if not exporter.fuse_protocols and rule.protocol == "tcp/udp":
            split = [replace(rule, protocol=p) for p in ("tcp", "udp")]
        else:
            split = [rule]
        for r in split:
            parts.extend(split_rule(r, exporter.limits))
    ruleset = RuleSet(tuple(parts))
    text = exporter.render(ruleset, ExportContext(catalog, Plan(("instantpbx/webinterface",), LAN, HOST)))
    read = READERS[name](text)
    assert read == [(r.protocol, r.ports) for r in parts]
    limits = exporter.limits
    for _, ports in read:
        if limits.max_entries is not None:
            assert ports.entry_count(limits.range_cost) <= limits.max_entries
