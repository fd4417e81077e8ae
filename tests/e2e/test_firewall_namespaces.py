"""The exported nftables and iptables files, loaded into a real router between real namespaces.

Topology, IPv4 (every address exists only inside these namespaces; IPv6 below):

  LAN client ns   192.168.50.10/24 ─┐ br-lan (bridge, ports isolated)
                                    ├─ router ns (forwarding, the export loaded) ── ext0 ── WAN ns
  LAN address ns  192.168.50.2/24  ─┘   192.168.50.1, private VLAN proxy ARP               203.0.113.10 (PBX host)
                                                                                           198.51.100.20 ("any" host)

The router's LAN side is one interface, the bridge ``br-lan``, and its WAN
side ``ext0``: the export is made with ``--wan-if ext0 --lan-if br-lan``, and
its forward rules match them. The LAN routes here (the WAN reaches the LAN
addresses directly), so IPv4 is exported with ``--no-nat``; the NAT router is
tests/e2e/test_nat_namespaces.py.

IPv6 is the same with documentation addresses: LAN 2001:db8:50::/64 (client
::10, planning-document address ::2), PBX host 2001:db8:ffff::10, "any" host
2001:db8:eeee::20, the router answering neighbour discovery for each LAN host
(proxy NDP), and ip6tables-restore loading the iptables export.

The planning-document address sits in its own namespace on the same /24. The
bridge's ports are isolated from each other and the router answers ARP for
every LAN host on the bridge (proxy_arp_pvlan; proxy NDP for IPv6), so that
LAN-internal flows (LAN network -> LAN address) also pass the router, in and
out of ``br-lan``, and are tested, not assumed. A destination ``any`` is tried
with the internet host 198.51.100.20, which is not the PBX host, so a rule
narrowed by mistake would show; and with the LAN hosts, where an internet
rule's ``any`` must not reach (it is the internet side only).

For each product with everything ticked (its conditional items too), a matrix
of probes runs: every ordered pair of hosts on different sides, TCP and UDP,
on every single port of each rule, both ends and the middle of each range, the
ports just outside each range, and a fixed sample of unplanned ports. The
expected outcome of each probe is computed from the rule set (does some rule
cover this source, destination, protocol and port, between these sides of the
router?), so both "every planned flow passes" and "unplanned ports are blocked"
are checked by the same matrix.

Each product is exported twice: as the router formats default, the internet
scope only (the internal flows between the LAN and the LAN address, which cross
this router only because the test puts them in separate namespaces, must then
be blocked), and with ``--scope all`` (they must pass). One more case gives
HostedPBX classic a VPN router of its own (192.168.50.3, 2001:db8:50::3) in a
third LAN namespace: the tunnel must pass from there and not from the LAN
address.
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import require_root, require_tool
from tests.e2e.namespaces import SAVERS, UNPLANNED, Namespaces, cli_export, sample_ports, unique_tag

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # real routers in namespaces, 3 to 7 s a test


@dataclass(frozen=True)
class Addressing:
    family: int
    client: str
    lan_address: str
    prefix: int
    pbx: str
    internet: str
    vpn_router: str  # a LAN host of its own, used only where a case names a VPN router

    @property
    def lan(self) -> str:
        return f"{self.lan_address}/{self.prefix}"

    def hosts(self, with_vpn: bool) -> dict[str, str]:
        hosts = {self.client: "client", self.lan_address: "lanaddr", self.pbx: "wan", self.internet: "wan"}
        return hosts | ({self.vpn_router: "vpn"} if with_vpn else {})


V4 = Addressing(4, "192.168.50.10", "192.168.50.2", 24, "203.0.113.10", "198.51.100.20", "192.168.50.3")
V6 = Addressing(6, "2001:db8:50::10", "2001:db8:50::2", 64, "2001:db8:ffff::10", "2001:db8:eeee::20", "2001:db8:50::3")
PRODUCTS = ("instantpbx", "hostedpbx-vpnless", "hostedpbx-classic")


@dataclass(frozen=True)
class Case:
    product: str
    scope: str | None  # None: the format's default (the internet scope); "all": every scope
    vpn_router: bool = False  # the tunnel's end in a LAN namespace of its own, given with --vpn-router

    @property
    def id(self) -> str:
        return f"{self.product}-{self.scope or 'default'}{'-vpn-router' if self.vpn_router else ''}"


CASES = [Case(product, scope) for product in PRODUCTS for scope in (None, "all")]
CASES.append(Case("hostedpbx-classic", None, vpn_router=True))


#: The router's interfaces, given to the export with --wan-if/--lan-if (not the formats' defaults).
WAN_IF, LAN_IF = "ext0", "br-lan"


#: The LAN hosts: namespace role, the router's end of the link (a port of the LAN bridge), the host's end, and
#: its address.
def lan_sides(net: Addressing, with_vpn: bool) -> list[tuple[str, str, str, str]]:
    sides = [("client", "rc0", "c0", net.client), ("lanaddr", "ra0", "a0", net.lan_address)]
    return sides + ([("vpn", "rv0", "v0", net.vpn_router)] if with_vpn else [])


class Topology(Namespaces):
    def __init__(self, tag: str, net: Addressing, with_vpn: bool = False) -> None:
        self.net = net
        self.lan_sides = lan_sides(net, with_vpn)
        self.hosts = net.hosts(with_vpn)
        super().__init__(tag, ("router", *(s[0] for s in self.lan_sides), "wan"))

    def up(self) -> None:
        super().up()
        # The LAN side is one interface, the bridge br-lan, whose ports are isolated from each other: a LAN
        # host reaches another only through the router (private VLAN proxy ARP, proxy NDP).
        self.ip("router", "link", "add", LAN_IF, "type", "bridge", "mcast_snooping", "0")
        for role, router_if, host_if, _ in self.lan_sides:
            self.veth("router", router_if, role, host_if)
            self.ip("router", "link", "set", router_if, "master", LAN_IF)
            self.x("router", "bridge", "link", "set", "dev", router_if, "isolated", "on")
            # the router's redirects would send a host past the router, which isolated ports do not carry
            self.sysctl(
                role,
                "net.ipv4.conf.all.accept_redirects=0",
                "net.ipv6.conf.all.accept_redirects=0",
                f"net.ipv4.conf.{host_if}.accept_redirects=0",
                f"net.ipv6.conf.{host_if}.accept_redirects=0",
            )
        self.ip("router", "link", "set", LAN_IF, "up")
        self.veth("router", WAN_IF, "wan", "w0")
        if self.net.family == 4:
            self._up_v4()
        else:
            self._up_v6()

    def _up_v4(self) -> None:
        net = self.net
        self.sysctl(
            "router",
            "net.ipv4.ip_forward=1",
            "net.ipv4.conf.all.rp_filter=0",
            "net.ipv4.conf.default.rp_filter=0",
            "net.ipv4.conf.all.send_redirects=0",
            f"net.ipv4.conf.{LAN_IF}.send_redirects=0",
            # answer ARP for the other LAN hosts on the same bridge, at once (not after up to 0.8 s)
            f"net.ipv4.conf.{LAN_IF}.proxy_arp_pvlan=1",
            f"net.ipv4.neigh.{LAN_IF}.proxy_delay=0",
        )
        self.ip("router", "addr", "add", "192.168.50.1/24", "dev", LAN_IF)
        self.ip("router", "addr", "add", "203.0.113.1/24", "dev", WAN_IF)
        self.ip("router", "addr", "add", "198.51.100.1/24", "dev", WAN_IF)
        for role, _, dev, address in self.lan_sides:
            self.ip(role, "addr", "add", f"{address}/24", "dev", dev)
            self.ip(role, "route", "add", "default", "via", "192.168.50.1", "dev", dev)
        self.ip("wan", "addr", "add", f"{net.pbx}/24", "dev", "w0")
        self.ip("wan", "addr", "add", f"{net.internet}/24", "dev", "w0")
        self.ip("wan", "route", "add", "default", "via", "203.0.113.1", "dev", "w0")

    def _up_v6(self) -> None:
        # nodad: an address is usable at once, not after duplicate address detection
        net = self.net
        self.sysctl(
            "router",
            "net.ipv6.conf.all.forwarding=1",
            "net.ipv6.conf.all.proxy_ndp=1",
            # as with ARP, a proxied neighbour answer waits up to 0.8 s unless told otherwise
            f"net.ipv6.neigh.{LAN_IF}.proxy_delay=0",
        )
        self.ip("router", "-6", "addr", "add", "fe80::1/64", "dev", LAN_IF, "nodad")
        self.ip("router", "-6", "addr", "add", "2001:db8:50::1/64", "dev", LAN_IF, "nodad")
        for role, _, dev, address in self.lan_sides:
            # the router answers for every LAN host, so that LAN-internal flows cross it
            self.ip("router", "-6", "neigh", "add", "proxy", address, "dev", LAN_IF)
            self.ip(role, "-6", "addr", "add", f"{address}/64", "dev", dev, "nodad")
            self.ip(role, "-6", "route", "add", "default", "via", "fe80::1", "dev", dev)
        self.ip("router", "-6", "addr", "add", "2001:db8:ffff::1/64", "dev", WAN_IF, "nodad")
        self.ip("router", "-6", "addr", "add", "2001:db8:eeee::1/64", "dev", WAN_IF, "nodad")
        self.ip("wan", "-6", "addr", "add", f"{net.pbx}/64", "dev", "w0", "nodad")
        # deprecated (preferred_lft 0): reachable, but never chosen as a source, so the WAN sends as the PBX host
        self.ip("wan", "-6", "addr", "add", f"{net.internet}/64", "dev", "w0", "nodad", "preferred_lft", "0")
        self.ip("wan", "-6", "route", "add", "default", "via", "2001:db8:ffff::1", "dev", "w0")

    def listen_all(self, ports: dict) -> None:
        for role in sorted(set(self.hosts.values())):
            self.listen(role, [address for address, where in self.hosts.items() if where == role], ports)


@pytest.fixture
def topology(request):
    require_root()
    net = request.node.callspec.params["net"]
    tool = "iptables-restore" if net.family == 4 else "ip6tables-restore"
    require_tool("ip", "bridge", "nft", tool)
    case = request.node.callspec.params["case"]
    topo = Topology(unique_tag(), net, with_vpn=case.vpn_router)
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


def _crosses(rule, source_side: str, destination_side: str) -> bool:
    """Whether a packet between these sides may match the rule: an internal rule matches addresses only; the
    others match the router's interfaces, outbound (and remote) from the LAN to the WAN, inbound the reverse."""
    if rule.scope == "internal":
        return True
    return (source_side, destination_side) == (("wan", "lan") if rule.direction == "inbound" else ("lan", "wan"))


def allowed(rules, source: str, destination: str, proto: str, port: int, hosts: dict[str, str] | None) -> bool:
    """Whether some rule passes this probe; ``hosts`` None: by addresses alone, as if no interface were matched."""
    side = {address: "wan" if where == "wan" else "lan" for address, where in (hosts or {}).items()}
    return any(
        proto in rule.protocols
        and port in rule.ports
        and _covers(rule.source, source)
        and _covers(rule.destination, destination)
        and (hosts is None or _crosses(rule, side[source], side[destination]))
        for rule in rules
    )


@dataclass(frozen=True)
class Probe:
    source: str
    proto: str
    destination: str
    port: int
    expect_open: bool


def probe_matrix(rules, hosts: dict[str, str]) -> list[Probe]:
    ports = sorted(sample_ports(rules))
    probes = []
    for source in hosts:
        for destination in hosts:
            if hosts[source] == hosts[destination]:
                continue  # same namespace: never passes the router
            for proto in ("tcp", "udp"):
                probes.extend(
                    Probe(source, proto, destination, port, allowed(rules, source, destination, proto, port, hosts))
                    for port in ports
                )
    return probes


def export(fmt: str, case: Case, net: Addressing, tmp_path: Path):
    """The file users get, written by the real CLI; the plan's rules of every scope; the scopes the file holds."""
    from exporters import get
    from exporters.render import default_scopes
    from fwplan.catalog import SCOPES, load_catalog
    from fwplan.merge import MergeOptions, build
    from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, parse_vpn_router

    catalog = load_catalog()
    # everything ticked: the product's components and, by their own ids, its conditional ones
    select = [case.product, *(c.id for c in catalog.product(case.product).components if c.is_conditional)]
    vpn_router = net.vpn_router if case.vpn_router else None
    plan = Plan(
        expand_selection(catalog, select),
        parse_lan(net.lan),
        parse_host(net.pbx),
        vpn_router=parse_vpn_router(vpn_router) if vpn_router else None,
    )
    exporter = get(fmt)
    ruleset = build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
    scopes = SCOPES if case.scope == "all" else default_scopes(fmt)
    # the router's own interface names; this topology routes the LAN (no NAT), so IPv4 is exported --no-nat
    # (tests/e2e/test_nat_namespaces.py proves the NAT router)
    argv = ["--lan", net.lan, "--host", net.pbx, "--format", fmt, "--wan-if", WAN_IF, "--lan-if", LAN_IF]
    argv += [word for item in select for word in ("--select", item)]
    argv += ["--scope", case.scope] if case.scope else []
    argv += ["--vpn-router", vpn_router] if vpn_router else []
    argv += ["--no-nat"] if net.family == 4 else []
    path = cli_export(tmp_path / f"{case.product}{exporter.suffix}", *argv)
    return path, ruleset, scopes


@pytest.mark.parametrize("net", [V4, V6], ids=["ipv4", "ipv6"])
@pytest.mark.parametrize("fmt", ["nftables", "iptables"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_export_loaded_into_router_passes_the_plan_and_blocks_the_rest(topology, tmp_path, fmt, case, net):
    path, everything, scopes = export(fmt, case, net, tmp_path)
    ruleset = everything.in_scopes(scopes)
    rules = ruleset.rules
    # the WAN namespace sends as the PBX host; the internet host is tried as a destination only
    hosts = topology.hosts
    probes = [p for p in probe_matrix(rules, hosts) if not (hosts[p.source] == "wan" and p.source != net.pbx)]
    all_ports = sorted({p.port for p in probes})
    topology.listen_all({"tcp": all_ports, "udp": all_ports})

    # Before the firewall: every path is open (so a "blocked" below is the firewall's doing), and every
    # neighbour on it is resolved (a first packet queued behind neighbour discovery must not look blocked).
    # Every source at once (as below): the waits overlap.
    pending = {source: [d for d in hosts if hosts[d] != hosts[source]] for source in sorted({p.source for p in probes})}
    for _ in range(10):  # bounded: each round waits at most the probe timeout
        answers = topology.probe_all(
            [(hosts[source], [["udp", d, all_ports[0]] for d in across]) for source, across in pending.items()]
        )
        closed = {
            source: [(d, outcome) for d, (outcome, _, _) in zip(across, answer) if outcome != "open"]
            for (source, across), answer in zip(pending.items(), answers)
        }
        pending = {source: pending[source] for source, shut in closed.items() if shut}
        if not pending:
            break
    assert not pending, f"paths closed before the firewall: {closed}"

    topology.load("router", fmt, net.family, path)
    if fmt == "nftables":
        listing = topology.x("router", "nft", "list", "table", "inet", "fwplan").stdout
        assert "policy drop" in listing
    else:
        saved = topology.x("router", SAVERS[net.family]).stdout
        assert ":FORWARD DROP" in saved and "-A FORWARD -j FWPLAN" in saved

    results: dict[Probe, str] = {}
    batches = [[p for p in probes if p.source == source] for source in sorted({p.source for p in probes})]
    answers = topology.probe_all([(hosts[b[0].source], [[p.proto, p.destination, p.port] for p in b]) for b in batches])
    for batch, answer in zip(batches, answers):
        results.update(zip(batch, (outcome for outcome, _, _ in answer)))

    planned = [p for p in probes if p.expect_open]
    unplanned = [p for p in probes if not p.expect_open]
    assert planned and len(unplanned) > len(UNPLANNED)
    wrong = [(p, outcome) for p, outcome in results.items() if outcome != ("open" if p.expect_open else "blocked")]
    assert not wrong, (
        f"{len(wrong)} of {len(results)} probes went the wrong way, e.g. {wrong[:8]}; by path: {sorted(Counter((p.source, p.destination, p.proto, outcome) for p, outcome in wrong).items())}"
    )
    # every rule had at least one probe that passed through it
    for rule in rules:
        assert any(p.expect_open and p.port in rule.ports and p.proto in rule.protocols for p in planned), rule
    # the flows only the internal rules allow: open with --scope all, blocked in the internet router's file
    internal_only = [
        p
        for p in probes
        if not allowed(
            [r for r in everything.rules if r.scope != "internal"], p.source, p.destination, p.proto, p.port, hosts
        )
        and allowed(everything.rules, p.source, p.destination, p.proto, p.port, hosts)
    ]
    if any(rule.scope == "internal" for rule in everything.rules):
        assert internal_only, "the internal rules were not probed"
    assert all(p.expect_open == (case.scope == "all") for p in internal_only)
    # a peer "any" is the internet side only: LAN-internal flows that an internet rule's "any" would cover by
    # addresses alone are blocked (unless an internal rule allows them)
    inside = [
        p
        for p in unplanned
        if hosts[p.source] != "wan"
        and hosts[p.destination] != "wan"
        and allowed([r for r in rules if r.scope != "internal"], p.source, p.destination, p.proto, p.port, None)
    ]
    if any(r.destination.kind == "any" and r.scope == "internet" for r in rules):
        assert inside, "no LAN-internal probe tried an internet rule's any"
    if case.scope is None:
        assert all(rule.scope == "internet" for rule in rules)
        assert (ruleset.omitted != ()) == ("# Left out: " in path.read_text()), ruleset.omitted
    if case.vpn_router:
        tunnel = [p for p in planned if p.port == 9944]
        assert tunnel and {p.source for p in tunnel if hosts[p.source] != "wan"} == {net.vpn_router}
        assert {p.destination for p in tunnel if hosts[p.destination] != "wan"} == {net.vpn_router}
        assert any(p.source == net.lan_address and p.port == 9944 and p.proto == "udp" for p in unplanned)
