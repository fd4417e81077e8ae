"""The exporters parse and format addresses with netaddr alone; these pin that they decide and write exactly
what the standard library's ``ipaddress`` did before (the port forward's "private" question, the FortiGate
address objects, the resolver's order)."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from exporters.base import Peer, is_private_ipv4, system_resolver
from exporters.fortigate import FortigateExporter
from fwplan.merge import Endpoint

RFC1918 = [ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")]

ADDRESSES = [
    ("10.0.0.1", True),
    ("10.255.255.255", True),
    ("172.16.0.1", True),
    ("172.31.255.254", True),
    ("172.32.0.1", False),
    ("172.15.255.255", False),
    ("192.168.50.2", True),
    ("192.169.0.1", False),
    ("100.64.0.1", False),  # carrier-grade NAT: not the site's own LAN
    ("169.254.1.1", False),  # link-local
    ("127.0.0.1", False),
    ("203.0.113.10", False),
    ("8.8.8.8", False),
    ("fc00::1", False),  # unique local IPv6: no NAT for IPv6
    ("fd12:3456::1", False),
    ("fe80::1", False),
    ("2001:db8::10", False),
    ("2a00:1450::1", False),
    ("::ffff:192.168.1.1", False),  # an IPv4-mapped IPv6 address is IPv6
]


def _stdlib_private(address: str) -> bool:
    """What the port forward check decided with ``ipaddress``: an IPv4 address in an RFC 1918 range."""
    ip = ipaddress.ip_address(address)
    return ip.version == 4 and any(ip in network for network in RFC1918)


@pytest.mark.parametrize(("address", "private"), ADDRESSES)
def test_private_ipv4_is_rfc1918_only(address, private):
    assert is_private_ipv4(address) is private
    assert is_private_ipv4(address) is _stdlib_private(address)


NETWORKS = [
    "192.168.50.0/24",
    "192.168.50.2",
    "10.1.2.3/8",
    "172.16.5.4/12",
    "203.0.113.10/32",
    "0.0.0.0/0",
    "2001:db8:0:1::/64",
    "2001:db8::10",
    "2001:db8:0:0:1:0:0:1/128",
    "2001:db8:0:1:1:1:1:1/64",
    "fd00:1:2:3::/48",
    "fe80::1/10",
]


@pytest.mark.parametrize("network", NETWORKS)
def test_fortigate_address_objects_read_as_before(network):
    old = ipaddress.ip_network(network, strict=False)
    v6 = old.version == 6
    expected = [f"set ip6 {old.with_prefixlen}"] if v6 else [f"set subnet {old.network_address} {old.netmask}"]
    kind = "network" if "/" in network else "address"
    peer = Peer(Endpoint(kind, network), "lan-network", (network,))
    assert FortigateExporter._address_lines(peer, v6) == expected


def test_the_resolver_lists_ipv4_first_each_family_in_address_order(monkeypatch):
    found = ["2001:db8::20", "192.168.50.10", "2001:db8::3", "10.0.0.2", "192.168.50.9", "fe80::1%eth0"]

    def fake_getaddrinfo(name, port, type=0):
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, type, 6, "", (a, 0)) for a in found]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    addresses = [a.split("%", 1)[0] for a in found]
    expected = sorted(set(addresses), key=lambda a: (ipaddress.ip_address(a).version, ipaddress.ip_address(a)))
    assert system_resolver("pbx.example") == tuple(expected)
    assert system_resolver("pbx.example")[:3] == ("10.0.0.2", "192.168.50.9", "192.168.50.10")
