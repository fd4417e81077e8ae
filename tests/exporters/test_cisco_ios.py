"""Cisco IOS specifics the shared exporter tests do not reach: IPv6 lists, the address family check,
--resolve, placeholders, remark length, and the ASA format staying the ASA format (the zone-based firewall, NAT
and the site router's settings: tests/exporters/test_nat_cisco_pfsense.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import exporters
from exporters.base import ExportContext, ExportError
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan
from tests.conftest import ROOT
from tests.exporters.readback import READERS

IOS = exporters.get("cisco-ios")


def export(catalog, select, lan, host, resolve=False, resolver=None, lang="en") -> tuple[str, tuple]:
    plan = Plan(expand_selection(catalog, select), parse_lan(lan) if lan else None, parse_host(host) if host else None)
    ruleset = build(catalog, plan, MergeOptions(fuse_protocols=IOS.fuse_protocols, limits=IOS.limits))
    context = ExportContext(catalog, plan, lang, resolve=resolve, resolver=resolver)
    return IOS.render(ruleset, context), ruleset.rules


def body(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("!")]


def test_ipv6_plans_get_plain_ipv6_lists_with_one_port_or_range_per_entry(catalog):
    text, rules = export(catalog, ["hostedpbx-classic"], "2001:db8:50::2/64", "2001:db8:ffff::10")
    lines = body(text)
    assert not any(line.startswith(("object-group", "ip access-list")) for line in lines)
    assert [line for line in lines if line.startswith("ipv6 access-list")] == [
        "ipv6 access-list FWPLAN-OUT-V6",
        "ipv6 access-list FWPLAN-IN-V6",
    ]
    assert lines[:2] == ["no ipv6 access-list FWPLAN-OUT-V6", "no ipv6 access-list FWPLAN-IN-V6"]
    entries = [line for line in lines if line.startswith(" permit ")]
    assert len(entries) == sum(len(rule.ports.ranges) for rule in rules)
    assert " permit udp host 2001:db8:50::2 host 2001:db8:ffff::10 eq 9944" in entries
    assert "class-map type inspect match-any FWPLAN-IN-V6-CLASS\n match access-group name FWPLAN-IN-V6\n" in text
    assert READERS["cisco-ios"](text) == [(r.protocol, r.ports) for r in rules]


def test_ipv4_object_groups_use_network_masks_not_wildcards(catalog):
    text, _ = export(catalog, ["instantpbx"], "10.20.0.5/16", "198.51.100.7")
    lines = body(text)
    net = lines.index("object-group network FWPLAN-LAN-NET")
    assert lines[net + 1] == " 10.20.0.0 255.255.0.0"
    assert "object-group network FWPLAN-PBX-HOST\n host 198.51.100.7\n" in text
    assert "0.0.255.255" not in text


def test_a_pbx_host_of_the_other_address_family_is_refused_in_one_line(catalog):
    with pytest.raises(ExportError, match=r"^address '2001:db8::10' is IPv6 but this Cisco IOS export is IPv4; "):
        export(catalog, ["instantpbx"], "192.168.1.10/24", "2001:db8::10")
    with pytest.raises(ExportError, match=r"^address '203.0.113.10' is IPv4 but this Cisco IOS export is IPv6; "):
        export(catalog, ["instantpbx"], "2001:db8:50::2/64", "203.0.113.10")


def test_the_cli_refuses_mixed_families_with_exit_2_and_writes_no_file(tmp_path):
    out = tmp_path / "r.ios"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "fwplan.cli",
            "export",
            "--select",
            "instantpbx",
            "--lan",
            "192.168.1.10/24",
            "--host",
            "2001:db8::10",
            "--format",
            "cisco-ios",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "the LAN address is IPv4 and the PBX host IPv6" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_resolve_writes_every_address_of_the_plans_family_and_says_so(catalog):
    looked_up = []

    def resolver(name):
        looked_up.append(name)
        return ("198.51.100.7", "198.51.100.8", "2001:db8::7")

    text, _ = export(
        catalog, ["hostedpbx-classic/vpn-tunnel"], "192.168.50.2/24", "acme.telovip.de", resolve=True, resolver=resolver
    )
    assert looked_up == ["acme.telovip.de"]
    assert "resolved when this file was exported (--resolve) to 198.51.100.7, 198.51.100.8" in text
    assert "object-group network FWPLAN-PBX-HOST\n host 198.51.100.7\n host 198.51.100.8\n" in text
    assert "acme.telovip.de" not in "\n".join(body(text)) and "2001:db8::7" not in text

    text6, rules = export(
        catalog,
        ["hostedpbx-classic/vpn-tunnel"],
        "2001:db8:50::2/64",
        "acme.telovip.de",
        resolve=True,
        resolver=lambda name: ("198.51.100.7", "2001:db8::7", "2001:db8::8"),
    )
    entries = [line for line in body(text6) if line.startswith(" permit ")]
    assert entries == [
        " permit udp host 2001:db8:50::2 host 2001:db8::7 eq 9944",
        " permit udp host 2001:db8:50::2 host 2001:db8::8 eq 9944",
        " permit udp host 2001:db8::7 host 2001:db8:50::2 eq 9944",
        " permit udp host 2001:db8::8 host 2001:db8:50::2 eq 9944",
    ]
    assert READERS["cisco-ios"](text6) == [(r.protocol, r.ports) for r in rules]


def test_without_resolve_a_name_becomes_a_placeholder_the_header_explains(catalog):
    text, _ = export(catalog, ["hostedpbx-classic/vpn-tunnel"], None, "acme.telovip.de")
    assert "Cisco IOS cannot take a name here: replace the placeholder <PBX_host_acme.telovip.de>" in text
    assert "Placeholders <LAN_network>, <LAN_address>: missing from the plan" in text
    assert "object-group network FWPLAN-PBX-HOST\n host <PBX_host_acme.telovip.de>\n" in text
    assert "object-group network FWPLAN-LAN-ADDR\n host <LAN_address>\n" in text


def test_a_missing_lan_network_is_a_placeholder_where_network_and_mask_belong(catalog):
    text, _ = export(catalog, ["instantpbx/webinterface"], None, "203.0.113.10")
    assert "object-group network FWPLAN-LAN-NET\n <LAN_network>\n" in text
    text6, _ = export(catalog, ["instantpbx/webinterface"], None, "2001:db8::10")
    assert " permit tcp <LAN_network> host 2001:db8::10 eq 443" in text6


def test_remarks_are_ascii_and_at_most_100_characters(catalog):
    text, rules = export(catalog, ["hostedpbx-classic"], "192.168.50.2/24", "203.0.113.10", lang="de")
    remarks = [line.removeprefix(" remark ") for line in text.splitlines() if line.startswith(" remark ")]
    assert len(remarks) == len(rules)
    assert all(len(r) <= 100 and r.isascii() for r in remarks)
    assert any(len(r) == 100 and r.endswith("...") for r in remarks)


def test_cisco_stays_the_asa_format():
    asa = exporters.get("cisco")
    assert asa.name == "cisco" and asa.suffix == ".cfg" and asa.takes_names
    assert IOS.name == "cisco-ios" and IOS.suffix == ".ios" and not IOS.takes_names
