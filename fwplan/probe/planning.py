"""Deciding what to probe (pure): which rules, ports and hosts, and why the rest is not probed.

Outbound TCP rules to the PBX host get a connect per port, UDP to the PBX host gets SIP on 5060 and
STUN on 3478; rules to ``any`` are probed only against a target the user named. Large ranges are
sampled. Nothing here touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass

from fwplan.catalog import Protocol
from fwplan.i18n import Text, Texts, text
from fwplan.merge import ANY, Endpoint, Rule, RuleSet, endpoints_for
from fwplan.plan import Plan
from fwplan.ports import PortRange, PortSet
from fwplan.probe.model import TCP_CONNECT, UDP_METHODS, Check, Entry, ProbePlan, Sample

#: Why ports are not probed, by name; each looked up when it is read, so that importing the probe does not
#: load the text table.
REASONS = Texts(
    {
        "udp": "probe.reason.udp",
        "inbound": "probe.reason.inbound",
        "any": "probe.reason.any",
        "remote": "probe.reason.remote",
        "no_host": "probe.reason.no_host",
    }
)


def reason_not_pbx(destination: Endpoint) -> Text:
    return text("probe.reason.not_pbx", destination=destination)


def note_single_source(source: Endpoint) -> Text:
    return text("probe.note.single_source", source=source)


@dataclass(frozen=True, slots=True)
class Sampling:
    """Ranges of more than ``full_up_to`` ports are sampled: both ends and ``inside`` ports between."""

    full_up_to: int = 8
    inside: int = 3


def sample_ports(port_range: PortRange, sampling: Sampling = Sampling()) -> tuple[int, ...]:
    if port_range.size <= sampling.full_up_to:
        return tuple(range(port_range.lo, port_range.hi + 1))
    step = (port_range.hi - port_range.lo) / (sampling.inside + 1)
    inside = (port_range.lo + round(step * i) for i in range(1, sampling.inside + 1))
    return tuple(sorted({port_range.lo, *inside, port_range.hi}))


def plan_probe(ruleset: RuleSet, plan: Plan, target: str | None = None, sampling: Sampling = Sampling()) -> ProbePlan:
    """Decide, for every rule, what is probed against which host and why the rest is not."""
    pbx = endpoints_for(plan)["pbx-host"]
    pbx_host = None if pbx.is_placeholder else pbx.value
    entries: list[Entry] = []
    for number, rule in enumerate(ruleset.rules, start=1):
        for protocol in rule.protocols:
            entries.extend(_plan_entries(number, rule, protocol, pbx, pbx_host, target, sampling))
    return ProbePlan(tuple(entries), pbx_host, target)


def _plan_entries(
    number: int,
    rule: Rule,
    protocol: Protocol,
    pbx: Endpoint,
    pbx_host: str | None,
    target: str | None,
    sampling: Sampling,
) -> list[Entry]:
    def skipped(ports: PortSet, reason: Text) -> Entry:
        return Entry(number, rule, protocol, None, ports, untested=ports, reason=reason)

    def probed(host: str, ports: PortSet) -> Entry:
        return _probe_entry(number, rule, protocol, host, ports, sampling)

    if rule.scope == "remote":
        return [skipped(rule.ports, REASONS["remote"])]
    if rule.direction != "outbound":
        return [skipped(rule.ports, REASONS["inbound"])]
    if rule.destination == pbx and pbx_host is not None:
        return [probed(pbx_host, rule.ports)]
    if rule.destination.is_placeholder and pbx.is_placeholder:
        return [skipped(rule.ports, REASONS["no_host"])]
    if rule.destination != ANY:
        return [skipped(rule.ports, reason_not_pbx(rule.destination))]
    # A rule to any also serves what the plan wants for the PBX host (the merge folded it in): probe that there.
    for_pbx = PortSet().union(*(p.ports for p in rule.provenance if p.origin.peer == "pbx-host"))
    entries = [probed(pbx_host, for_pbx)] if for_pbx and pbx_host is not None else []
    if target is not None:
        entries.append(probed(target, rule.ports))
    elif rest := rule.ports - (for_pbx if entries else PortSet()):
        entries.append(skipped(rest, REASONS["any"]))
    return entries


def _probe_entry(number: int, rule: Rule, protocol: Protocol, host: str, ports: PortSet, sampling: Sampling) -> Entry:
    note = note_single_source(rule.source) if rule.source.kind == "address" else None
    if protocol == "tcp":
        samples = tuple(Sample(r, sample_ports(r, sampling)) for r in ports if r.size > sampling.full_up_to)
        checks = tuple(Check(host, "tcp", port, TCP_CONNECT) for r in ports for port in sample_ports(r, sampling))
        return Entry(number, rule, protocol, host, ports, checks, samples, note=note)
    testable = [port for port in UDP_METHODS if port in ports]
    checks = tuple(Check(host, "udp", port, UDP_METHODS[port]) for port in sorted(testable))
    untested = ports - PortSet.of(*testable)
    return Entry(
        number,
        rule,
        protocol,
        host,
        ports,
        checks,
        untested=untested,
        reason=REASONS["udp"] if untested else None,
        note=note,
    )
