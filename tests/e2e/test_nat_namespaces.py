"""The site router behind NAT (issue 10), with real packets: the nftables and iptables exports as users load them.

Topology (every address exists only inside these namespaces, made and removed by each test):

  LAN ns                           router ns                            WAN ns
  192.168.50.2/24  (VPN router)    int0 192.168.50.1/24                 198.51.100.20/24 (PBX host)
  192.168.50.10/24 (phone)    ──── ext0 198.51.100.1/24 ──────────────  203.0.113.5/24   (another internet host)
  default via 192.168.50.1         forwarding; route to 203.0.113.0/24  no route to 192.168.50.0/24

The WAN namespace cannot reach the private LAN: its hosts answer only the
router's public address 198.51.100.1, so an outbound flow works only through
the export's source NAT, and an inbound one only through its port forward.

Each product is exported by the real CLI with ``--wan-if ext0 --lan-if int0
--masquerade`` (the internet router's rules, the formats' default) and loaded
into the router (``nft -f``, ``iptables-restore --noflush``; for iptables the
header's guarded commands then hook the nat chains, once). Then:

- every planned outbound flow, from each LAN host the rule covers, TCP (a
  connection) and UDP (a datagram the receiver echoes), reaches the WAN host,
  and the receiver saw it from 198.51.100.1;
- every inbound port forward (HostedPBX classic: UDP 9944 from the PBX host to
  the VPN router): sent by 198.51.100.20 to 198.51.100.1 it arrives at
  192.168.50.2, from 198.51.100.20; the same from 203.0.113.5 does not arrive;
- a sample of unplanned ports and directions is blocked: both LAN hosts to
  both WAN hosts on ports and protocols no rule names (the phone's UDP 9944 to
  the PBX host among them: only the VPN router's tunnel is planned), and both
  WAN hosts to the router's public address on every sampled port; none of
  these reaches a LAN listener;
- loaded a second time, the file gives the same result (for iptables: the
  same ``iptables-save``, the header's once-only nat jumps not stacked);
- iptables: a ``--no-nat`` file loaded after a NAT file ends its port
  forward (UDP 9944 from the PBX host to 198.51.100.1 no longer arrives at
  192.168.50.2), and the NAT file loaded again brings it back.

Before the export is loaded, the router is a NAT router with no firewall
(masquerading, and every port of its public address forwarded to the VPN
router): every one of these probes then passes, so each blocked probe is the
export's doing. IPv6 without NAT is tests/e2e/test_firewall_namespaces.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require_root, require_tool
from tests.e2e.namespaces import SAVERS, Namespaces, cli_export, sample_ports, unique_tag

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # real routers in namespaces, 3 to 7 s a test

VPN_ROUTER, PHONE, ROUTER_LAN = "192.168.50.2", "192.168.50.10", "192.168.50.1"
ROUTER_WAN, PBX, OTHER = "198.51.100.1", "198.51.100.20", "203.0.113.5"
LAN_HOSTS, WAN_HOSTS = (VPN_ROUTER, PHONE), (PBX, OTHER)
WAN_IF, LAN_IF = "ext0", "int0"
#: The router before the export: NAT with no firewall, every port of the public address forwarded to the VPN router.
OPEN_NAT = f"""table ip fwplantest_open_nat {{
	chain prerouting {{
		type nat hook prerouting priority dstnat; policy accept;
		iifname "{WAN_IF}" fib daddr type local dnat to {VPN_ROUTER}
	}}
	chain postrouting {{
		type nat hook postrouting priority srcnat; policy accept;
		oifname "{WAN_IF}" masquerade
	}}
}}
"""


class NatTopology(Namespaces):
    def __init__(self) -> None:
        super().__init__(unique_tag(), ("lan", "router", "wan"))

    def up(self) -> None:
        super().up()
        self.veth("router", LAN_IF, "lan", "l0")
        self.veth("router", WAN_IF, "wan", "w0")
        self.sysctl(
            "router", "net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0"
        )
        self.ip("router", "addr", "add", f"{ROUTER_LAN}/24", "dev", LAN_IF)
        self.ip("router", "addr", "add", f"{ROUTER_WAN}/24", "dev", WAN_IF)
        self.ip("router", "route", "add", "203.0.113.0/24", "dev", WAN_IF, "src", ROUTER_WAN)
        for address in LAN_HOSTS:
            self.ip("lan", "addr", "add", f"{address}/24", "dev", "l0")
        self.ip("lan", "route", "add", "default", "via", ROUTER_LAN, "dev", "l0")
        for address in WAN_HOSTS:
            self.ip("wan", "addr", "add", f"{address}/24", "dev", "w0")  # and no route to the LAN


@pytest.fixture
def nat():
    require_root()
    require_tool("ip", "nft", "iptables-restore", "iptables-save")
    topo = NatTopology()
    try:
        topo.up()
        yield topo
    finally:
        topo.down()


def _covers(endpoint, address: str) -> bool:
    import ipaddress

    if endpoint.kind == "any":
        return True
    if endpoint.kind == "network":
        return ipaddress.ip_address(address) in ipaddress.ip_network(endpoint.value)
    return endpoint.kind == "address" and endpoint.value == address


@dataclass(frozen=True)
class Probe:
    role: str  # the namespace it is sent from
    source: str
    proto: str
    destination: str  # where it is sent: a WAN host, or the router's public address
    port: int
    expect: str | None  # where it must arrive: the host that answers, or None for blocked


def probes_for(rules) -> list[Probe]:
    """Every LAN host to every WAN host, and every WAN host to the router's public address, on each sampled port."""
    ports = sorted(sample_ports(rules))
    probes = []
    for proto in ("tcp", "udp"):
        for port in ports:
            for source in LAN_HOSTS:
                for destination in WAN_HOSTS:
                    passes = any(
                        r.direction == "outbound"
                        and proto in r.protocols
                        and port in r.ports
                        and _covers(r.source, source)
                        and _covers(r.destination, destination)
                        for r in rules
                    )
                    probes.append(Probe("lan", source, proto, destination, port, destination if passes else None))
            for source in WAN_HOSTS:
                forwards = [
                    r.destination.value
                    for r in rules
                    if r.direction == "inbound"
                    and proto in r.protocols
                    and port in r.ports
                    and _covers(r.source, source)
                ]
                probes.append(Probe("wan", source, proto, ROUTER_WAN, port, forwards[0] if forwards else None))
    return probes


def send(topo: NatTopology, probes: list[Probe]) -> dict[Probe, list]:
    """Each probe's [outcome, peer, local]; both namespaces' probes at once."""
    batches = [[p for p in probes if p.role == role] for role in ("lan", "wan")]
    batches = [batch for batch in batches if batch]
    answers = topo.probe_all([(b[0].role, [[p.proto, p.destination, p.port, p.source] for p in b]) for b in batches])
    return {p: outcome for batch, answer in zip(batches, answers) for p, outcome in zip(batch, answer)}


def arrivals(log: Path) -> list[list]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def check(results: dict[Probe, list], arrived: list[list]) -> None:
    """Each probe went where it must: planned ones arrive, seen from the right address; the rest are blocked."""
    wrong = []
    for p, (outcome, peer, local) in results.items():
        if p.expect is None:
            if outcome == "open":
                wrong.append((p, outcome, peer, local))
        elif p.role == "lan" and (outcome, peer, local) != ("open", ROUTER_WAN, p.destination):
            wrong.append((p, outcome, peer, local))  # outbound: masqueraded to the router's public address
        elif p.role == "wan" and (outcome, peer, local) != ("open", p.source, p.expect):
            wrong.append((p, outcome, peer, local))  # a port forward: the source kept, at the LAN device
    assert not wrong, f"{len(wrong)} of {len(results)} probes went the wrong way, e.g. {wrong[:8]}"
    # nothing reached the LAN but the planned port forwards, from their planned source
    forwarded = {(p.proto, p.expect, p.port, p.source) for p in results if p.role == "wan" and p.expect}
    stray = [a for a in arrived if tuple(a) not in forwarded]
    assert not stray, f"reached the LAN unplanned: {stray[:8]}"


def hook(topo: NatTopology, text: str) -> None:
    """Run what the iptables header says to run once after loading: the guarded jumps into the nat chains."""
    m = re.search(r"run: (iptables -t nat -C .*?)\. Each command", text)
    assert m, "the iptables header names no hook commands"
    topo.x("router", "sh", "-c", m.group(1))


def saved(topo: NatTopology) -> str:
    """iptables-save without its timestamps and counters: the router's IPv4 rules as they stand."""
    text = topo.x("router", SAVERS[4]).stdout
    return "\n".join(re.sub(r"\[\d+:\d+\]$", "", line) for line in text.splitlines() if not line.startswith("#"))


def rules_of(select: str, fmt: str):
    import exporters
    from fwplan.catalog import load_catalog
    from fwplan.merge import MergeOptions, build
    from fwplan.plan import Plan, expand_selection, parse_host, parse_lan

    catalog = load_catalog()
    exporter = exporters.get(fmt)
    plan = Plan(expand_selection(catalog, [select]), parse_lan(f"{VPN_ROUTER}/24"), parse_host(PBX))
    options = MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)
    return build(catalog, plan, options).in_scopes(("internet",)).rules


@pytest.mark.parametrize("fmt", ["nftables", "iptables"])
@pytest.mark.parametrize("select", ["hostedpbx-classic", "instantpbx"])
def test_nat_router_forwards_the_plan_through_nat_and_blocks_the_rest(nat, tmp_path, fmt, select):
    from tests.exporters.readback import READERS

    rules = rules_of(select, fmt)
    path = cli_export(
        tmp_path / f"{select}.{fmt}",
        "--select",
        select,
        "--lan",
        f"{VPN_ROUTER}/24",
        "--host",
        PBX,
        "--format",
        fmt,
        "--wan-if",
        WAN_IF,
        "--lan-if",
        LAN_IF,
        "--masquerade",
    )
    text = path.read_text()
    assert READERS[fmt](text) == [(r.protocol, r.ports) for r in rules]
    assert f"# Interfaces: internet side (WAN) {WAN_IF}, LAN side {LAN_IF}." in text
    inbound = [r for r in rules if r.direction == "inbound"]
    assert bool(inbound) == (select == "hostedpbx-classic")
    assert all(r.destination.value == VPN_ROUTER and r.source.value == PBX for r in inbound)
    # the port forward itself is restricted to the PBX host (the forward rule behind it is too: the probe from
    # 203.0.113.5 below is stopped by either)
    dnat = [line for line in text.splitlines() if " dnat ip to " in line or " -j DNAT " in line]
    assert len(dnat) == len(inbound)
    assert all(
        ("ip saddr $PBX_HOST" in line and f"define PBX_HOST = {PBX}\n" in text)
        if fmt == "nftables"
        else f" -s {PBX} " in line
        for line in dnat
    )

    probes = probes_for(rules)
    ports = sorted({p.port for p in probes})
    log = tmp_path / "lan-arrivals.jsonl"
    nat.listen("lan", LAN_HOSTS, {"tcp": ports, "udp": ports}, log=log)
    nat.listen("wan", WAN_HOSTS, {"tcp": ports, "udp": ports})

    # Before: a NAT router with no firewall passes every probe (so each blocked one below is the export's
    # doing); the rounds also resolve every neighbour, so that no first packet waits behind ARP.
    nat.x("router", "nft", "-f", "-", input=OPEN_NAT)
    for _ in range(5):  # bounded: each round waits at most the probe timeout
        before = send(nat, probes)
        closed = [p for p, (outcome, _, _) in before.items() if outcome != "open"]
        if not closed:
            break
    assert not closed, f"{len(closed)} probes did not pass the open NAT router, e.g. {closed[:8]}"
    assert all(peer == ROUTER_WAN for p, (_, peer, _) in before.items() if p.role == "lan")
    assert all(local == VPN_ROUTER for p, (_, _, local) in before.items() if p.role == "wan")
    nat.x("router", "nft", "delete", "table", "ip", "fwplantest_open_nat")

    states = []
    for _load in (1, 2):  # loading a second time gives the same result
        nat.load("router", fmt, 4, path)
        if fmt == "iptables":
            hook(nat, text)  # as the header says; run after each load, it must not stack either
            states.append(saved(nat))
        seen = len(arrivals(log))
        results = send(nat, probes)
        check(results, arrivals(log)[seen:])
        planned = [p for p in probes if p.expect]
        assert planned and len(planned) < len(probes) // 2
        assert {p.role for p in planned} == ({"lan", "wan"} if inbound else {"lan"})

    # the phone may not use the tunnel's port, which only the VPN router's rule opens
    if inbound:
        assert any(p.source == PHONE and p.proto == "udp" and p.port == 9944 and p.expect is None for p in probes)
        assert any(p.source == OTHER and p.proto == "udp" and p.port == 9944 and p.expect is None for p in probes)
        assert any(p.source == PBX and p.proto == "udp" and p.port == 9944 and p.expect == VPN_ROUTER for p in probes)
    if fmt == "nftables":
        listing = nat.x("router", "nft", "list", "ruleset").stdout
        assert listing.count("table inet fwplan") == 1 and "masquerade" in listing
        assert ("dnat ip to" in listing) == bool(inbound)
    else:
        # two loads (each with the header's hook commands) leave the rules exactly as one did: one jump each
        assert states[0] == states[1]
        state = states[1]
        assert state.count("-A FORWARD -j FWPLAN") == 1 and ":FORWARD DROP" in state
        assert state.count("-A POSTROUTING -j FWPLAN-SNAT") == 1
        assert state.count("-A PREROUTING -j FWPLAN-DNAT") == 1
        assert state.count("-j MASQUERADE") == 1 and state.count("-j DNAT") == len(inbound)


def test_iptables_no_nat_file_after_a_nat_file_ends_the_port_forward(nat, tmp_path):
    """NAT file, then a --no-nat file, then the NAT file again: the DNAT of UDP 9944 ends, and comes back."""
    common = (
        "--select",
        "hostedpbx-classic",
        "--lan",
        f"{VPN_ROUTER}/24",
        "--host",
        PBX,
        "--format",
        "iptables",
        "--wan-if",
        WAN_IF,
        "--lan-if",
        LAN_IF,
    )
    with_nat = cli_export(tmp_path / "nat.rules", *common, "--masquerade")
    without = cli_export(tmp_path / "no-nat.rules", *common, "--no-nat")
    assert "\n*nat\n:FWPLAN-DNAT - [0:0]\n:FWPLAN-SNAT - [0:0]\nCOMMIT\n" in without.read_text()
    log = tmp_path / "lan-arrivals.jsonl"
    nat.listen("lan", [VPN_ROUTER], {"tcp": [], "udp": [9944]}, log=log)
    forward = Probe("wan", PBX, "udp", ROUTER_WAN, 9944, VPN_ROUTER)

    def arrives() -> bool:
        seen = len(arrivals(log))
        ((outcome, peer, local),) = send(nat, [forward]).values()
        new = arrivals(log)[seen:]
        assert all(a == ["udp", VPN_ROUTER, 9944, PBX] for a in new), new
        return outcome == "open" and (peer, local) == (PBX, VPN_ROUTER) and bool(new)

    nat.load("router", "iptables", 4, with_nat)
    hook(nat, with_nat.read_text())
    assert any(arrives() for _ in range(3)), "the port forward did not work after the NAT file"  # first: ARP
    nat.load("router", "iptables", 4, without)
    assert not arrives(), "the DNAT of UDP 9944 outlived the --no-nat file"
    state = saved(nat)
    assert "-j DNAT" not in state and "-j MASQUERADE" not in state
    # the once-only jumps stay, into the emptied chains
    assert state.count("-A PREROUTING -j FWPLAN-DNAT") == 1 and state.count("-A POSTROUTING -j FWPLAN-SNAT") == 1
    nat.load("router", "iptables", 4, with_nat)  # and back: the jumps set once still lead to the port forward
    assert arrives(), "the port forward did not come back"
    assert saved(nat).count("-A PREROUTING -j FWPLAN-DNAT") == 1
