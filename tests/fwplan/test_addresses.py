"""Addresses go through one library (netaddr), strictly: only the forms ``inet_pton`` takes are addresses."""

from __future__ import annotations

import ast

import pytest

from fwplan.plan import PlanError, parse_host, parse_lan, parse_vpn_router
from tests.conftest import ROOT

#: Forms ``inet_aton`` (and so a lax parser) would take as an address: short, octal, hex, leading zeros.
NOT_ADDRESSES = ["1", "127.1", "10.0.1", "010.0.0.1", "1.2.3.04", "0x7f.0.0.1", "256.1.1.1", "1.2.3.4.", "00000::1"]


def test_no_module_of_the_core_imports_ipaddress():
    for path in sorted((ROOT / "fwplan").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert "ipaddress" not in names, f"{path.relative_to(ROOT)}:{node.lineno}: use netaddr"


@pytest.mark.parametrize("text", NOT_ADDRESSES)
def test_the_lax_forms_are_no_pbx_address(text):
    with pytest.raises(PlanError):
        parse_host(text)


@pytest.mark.parametrize("text", [t for t in NOT_ADDRESSES if "." in t and ":" not in t])
def test_the_lax_forms_are_no_lan_or_vpn_address(text):
    for parse in (parse_lan, parse_vpn_router):
        with pytest.raises(PlanError):
            parse(text)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("192.0.2.10", "192.0.2.10"),
        (" 192.0.2.10 ", "192.0.2.10"),
        ("2001:DB8::0:1", "2001:db8::1"),
        ("2001:db8:0:0:0:0:0:1", "2001:db8::1"),
        ("0000::1", "::1"),
        ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),  # RFC 5952 section 5: an IPv4-mapped address keeps its dots
    ],
)
def test_a_pbx_address_is_written_canonically(typed, value):
    host = parse_host(typed)
    assert host.is_ip and host.value == value and host.typed == typed


@pytest.mark.parametrize(
    ("lan", "public"),
    [
        ("192.168.50.2/24", False),
        ("10.1.2.3/8", False),
        ("172.16.0.5/12", False),
        ("169.254.10.1/16", False),
        ("100.64.0.2/10", False),  # shared address space (carrier-grade NAT): not reachable from the internet
        ("fd00::2/64", False),
        ("fe80::2/64", False),
        ("203.0.113.5/24", False),  # documentation
        ("2001:db8::5/64", False),
        ("8.8.4.2/24", True),
        ("172.32.0.5/16", True),
        ("2a00:1450::5/64", True),
    ],
)
def test_a_lan_is_public_where_the_internet_reaches_it(lan, public):
    assert parse_lan(lan).is_public is public
