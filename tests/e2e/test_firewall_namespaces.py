"""The exported nftables and iptables files, loaded into a real router between real namespaces.

Topology (every address exists only inside these namespaces):

  LAN client ns   192.168.50.10/24 ─┐
                                    ├─ router ns (forwarding, the export loaded) ── WAN ns
  LAN address ns  192.168.50.2/24  ─┘   192.168.50.1, proxy ARP                     203.0.113.10 (PBX host)
                                                                                    198.51.100.20 ("any" host)

The planning-document address sits in its own namespace on the same /24, and
the router answers ARP for both sides (proxy ARP), so that LAN-internal rules
(LAN network -> LAN address) also pass the router and are tested, not assumed.
A destination ``any`` is tried with the internet host 198.51.100.20, which is
not the PBX host, so a rule narrowed by mistake would show.

For each product with everything ticked, a matrix of probes runs: every
ordered pair of hosts on different sides, TCP and UDP, on every single port of
each rule, both ends and the middle of each range, the ports just outside each
range, and a fixed sample of unplanned ports. The expected outcome of each
probe is computed from the rule set (does some rule cover this source,
destination, protocol and port?), so both "every planned flow passes" and
"unplanned ports are blocked" are checked by the same matrix.
"""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_root, require_tool

pytestmark = pytest.mark.e2e

CLIENT, LAN_ADDRESS, PBX, INTERNET = "192.168.50.10", "192.168.50.2", "203.0.113.10", "198.51.100.20"
LAN = f"{LAN_ADDRESS}/24"
HOSTS = {CLIENT: "client", LAN_ADDRESS: "lanaddr", PBX: "wan", INTERNET: "wan"}
UNPLANNED = (1, 22, 25, 53, 135, 442, 444, 1194, 3389, 5059, 5061, 8081, 9093, 9999, 60000, 65535)
PRODUCTS = ("instantpbx", "hostedpbx-vpnless", "hostedpbx-classic")


def run(*argv: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, input=input, capture_output=True, text=True, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")
    return result


class Topology:
    def __init__(self, tag: str) -> None:
        self.ns = {role: f"fwp{tag}-{role}" for role in ("router", "client", "lanaddr", "wan")}
        self.listeners: list[subprocess.Popen] = []

    def x(self, role: str, *argv: str, **kw) -> subprocess.CompletedProcess:
        return run("ip", "netns", "exec", self.ns[role], *argv, **kw)

    def up(self) -> None:
        for name in self.ns.values():
            run("ip", "netns", "add", name)
        for role in self.ns.values():
            run("ip", "-n", role, "link", "set", "lo", "up")
        r = self.ns["router"]
        for role, router_if, host_if in (("client", "rc0", "c0"), ("lanaddr", "ra0", "a0"), ("wan", "rw0", "w0")):
            run("ip", "link", "add", router_if, "netns", r, "type", "veth", "peer", "name", host_if,
                "netns", self.ns[role])
            run("ip", "-n", r, "link", "set", router_if, "up")
            run("ip", "-n", self.ns[role], "link", "set", host_if, "up")
        for key in ("net.ipv4.ip_forward=1", "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
                    "net.ipv4.conf.rc0.proxy_arp=1", "net.ipv4.conf.ra0.proxy_arp=1",
                    # proxy ARP answers after a random delay of up to 0.8 s unless told otherwise
                    "net.ipv4.neigh.rc0.proxy_delay=0", "net.ipv4.neigh.ra0.proxy_delay=0"):
            self.x("router", "sysctl", "-qw", key)
        run("ip", "-n", r, "addr", "add", "192.168.50.1/32", "dev", "rc0")
        run("ip", "-n", r, "route", "add", f"{CLIENT}/32", "dev", "rc0")
        run("ip", "-n", r, "route", "add", f"{LAN_ADDRESS}/32", "dev", "ra0")
        run("ip", "-n", r, "addr", "add", "203.0.113.1/24", "dev", "rw0")
        run("ip", "-n", r, "addr", "add", "198.51.100.1/24", "dev", "rw0")
        for role, dev, address in (("client", "c0", CLIENT), ("lanaddr", "a0", LAN_ADDRESS)):
            run("ip", "-n", self.ns[role], "addr", "add", f"{address}/24", "dev", dev)
            run("ip", "-n", self.ns[role], "route", "add", "default", "via", "192.168.50.1", "dev", dev)
        w = self.ns["wan"]
        run("ip", "-n", w, "addr", "add", f"{PBX}/24", "dev", "w0")
        run("ip", "-n", w, "addr", "add", f"{INTERNET}/24", "dev", "w0")
        run("ip", "-n", w, "route", "add", "default", "via", "203.0.113.1", "dev", "w0")

    def listen(self, ports: dict) -> None:
        for role in ("client", "lanaddr", "wan"):
            proc = subprocess.Popen(
                ["ip", "netns", "exec", self.ns[role], sys.executable, "-m", "tests.e2e.netpeers", "listen"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            )
            self.listeners.append(proc)
            addresses = [address for address, where in HOSTS.items() if where == role]
            proc.stdin.write(json.dumps({**ports, "addresses": addresses}))
            proc.stdin.close()
            line = proc.stdout.readline()  # bounded: the process either prints "ready" or exits
            assert line.strip() == "ready", f"listener in {role} failed: {proc.stderr.read()}"

    def probe(self, role: str, items: list) -> list:
        result = subprocess.run(
            ["ip", "netns", "exec", self.ns[role], sys.executable, "-m", "tests.e2e.netpeers", "probe"],
            input=json.dumps(items), capture_output=True, text=True, cwd=ROOT, timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def down(self) -> None:
        for proc in self.listeners:
            proc.kill()
            proc.wait(timeout=10)
        for name in self.ns.values():
            subprocess.run(["ip", "netns", "del", name], capture_output=True)


@pytest.fixture
def topology(request):
    require_root()
    require_tool("ip", "nft", "iptables-restore")
    topo = Topology(f"{os.getpid() % 100000}{request.node.name[-12:].replace('[', '').replace(']', '')[-6:]}")
    request.addfinalizer(topo.down)
    topo.up()
    return topo


# --------------------------------------------------------------------------
# What should pass, computed from the rule set
# --------------------------------------------------------------------------

def _covers(endpoint, address: str) -> bool:
    if endpoint.kind == "any":
        return True
    if endpoint.kind == "network":
        return ipaddress.ip_address(address) in ipaddress.ip_network(endpoint.value)
    if endpoint.kind == "address":
        return endpoint.value == address
    raise AssertionError(f"unexpected endpoint {endpoint} in an e2e plan")


def allowed(rules, source: str, destination: str, proto: str, port: int) -> bool:
    return any(proto in rule.protocols and port in rule.ports and _covers(rule.source, source)
               and _covers(rule.destination, destination) for rule in rules)


def sample_ports(rules) -> set[int]:
    ports = set(UNPLANNED)
    for rule in rules:
        for r in rule.ports.ranges:
            ports.update({r.lo, r.hi, (r.lo + r.hi) // 2})
            ports.update(p for p in (r.lo - 1, r.hi + 1) if 1 <= p <= 65535)
    return ports


@dataclass(frozen=True)
class Probe:
    source: str
    proto: str
    destination: str
    port: int
    expect_open: bool


def probe_matrix(rules) -> list[Probe]:
    ports = sorted(sample_ports(rules))
    probes = []
    for source in HOSTS:
        for destination in HOSTS:
            if HOSTS[source] == HOSTS[destination]:
                continue  # same namespace: never passes the router
            for proto in ("tcp", "udp"):
                probes.extend(Probe(source, proto, destination, port,
                                    allowed(rules, source, destination, proto, port)) for port in ports)
    return probes


def export(fmt: str, product: str, tmp_path: Path) -> tuple[Path, tuple]:
    from exporters import get
    from exporters.base import ExportContext
    from fwplan.catalog import load_catalog
    from fwplan.merge import MergeOptions, build
    from fwplan.plan import Plan, expand_selection, parse_host, parse_lan

    catalog = load_catalog()
    plan = Plan(expand_selection(catalog, [product]), parse_lan(LAN), parse_host(PBX))
    exporter = get(fmt)
    ruleset = build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
    # the file users get: written by the real CLI
    path = tmp_path / f"{product}{exporter.suffix}"
    cli = run(sys.executable, "-m", "fwplan.cli", "export", "--select", product, "--lan", LAN, "--host", PBX,
              "--format", fmt, "-o", str(path))
    assert cli.returncode == 0
    return path, ruleset.rules


LOADERS = {
    "nftables": ("nft", "-f"),
    "iptables": ("iptables-restore",),
}


@pytest.mark.parametrize("fmt", ["nftables", "iptables"])
@pytest.mark.parametrize("product", PRODUCTS)
def test_export_loaded_into_router_passes_the_plan_and_blocks_the_rest(topology, tmp_path, fmt, product):
    path, rules = export(fmt, product, tmp_path)
    topology.x("router", *LOADERS[fmt], str(path))
    if fmt == "nftables":
        listing = topology.x("router", "nft", "list", "table", "inet", "fwplan").stdout
        assert "policy drop" in listing
    else:
        saved = topology.x("router", "iptables-save").stdout
        assert ":FORWARD DROP" in saved and "-A FORWARD -j FWPLAN" in saved

    # the WAN namespace sends from its primary address, the PBX host; 198.51.100.20 is tried as a destination
    probes = [p for p in probe_matrix(rules) if not (HOSTS[p.source] == "wan" and p.source != PBX)]
    all_ports = sorted({p.port for p in probes})
    topology.listen({"tcp": all_ports, "udp": all_ports})

    results: dict[Probe, str] = {}
    for source in {p.source for p in probes}:
        batch = [p for p in probes if p.source == source]
        outcomes = topology.probe(HOSTS[source], [[p.proto, p.destination, p.port] for p in batch])
        results.update(zip(batch, outcomes))

    planned = [p for p in probes if p.expect_open]
    unplanned = [p for p in probes if not p.expect_open]
    assert planned and len(unplanned) > len(UNPLANNED)
    wrong = [(p, outcome) for p, outcome in results.items() if outcome != ("open" if p.expect_open else "blocked")]
    assert not wrong, f"{len(wrong)} of {len(results)} probes went the wrong way, e.g. {wrong[:8]}"
    # every rule had at least one probe that passed through it
    for rule in rules:
        assert any(p.expect_open and p.port in rule.ports and p.proto in rule.protocols for p in planned), rule
