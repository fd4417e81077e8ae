"""Issue 10 for RouterOS, FortiGate and FRITZ!Box: the site router behind NAT, its settings, and pasting again.

The files are made as ``fwplan export`` makes them and read back by the strict readers, which also check each
structure (dst-nat with its filter rule, VIP with its policy, removal before every add).
"""

from __future__ import annotations

import re

import pytest

from exporters.base import ExportContext, forward_target
from exporters.fortigate import OBJECT_NAME, POLICY_NAME
from exporters.render import ExportSettings, render_export
from fwplan.cli import main
from fwplan.errors import FwplanError
from fwplan.merge import Endpoint, Rule, RuleSet
from fwplan.plan import MAX_NAME_PREFIX, Plan, expand_selection, parse_host, parse_lan, parse_vpn_router
from fwplan.ports import PortSet
from tests.exporters.readback import READERS

CLASSIC = ("hostedpbx-classic",)


def export(
    catalog, fmt: str, lan="192.168.50.2/24", host="203.0.113.10", lang="en", vpn_router=None, select=CLASSIC, **router
) -> str:
    plan = Plan(
        expand_selection(catalog, select),
        parse_lan(lan),
        parse_host(host),
        vpn_router=parse_vpn_router(vpn_router) if vpn_router else None,
    )
    settings = ExportSettings(lang=lang, **router, given=frozenset(router))
    text = render_export(catalog, plan, fmt, settings)
    READERS[fmt](text)  # every structure as the target reads it
    return text


def lines(text: str, start: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(start)]


# --------------------------------------------------------------------------
# Port forwards, restricted to the PBX host
# --------------------------------------------------------------------------


def test_routeros_forwards_the_tunnel_from_the_pbx_host_only_with_its_filter_rule(catalog):
    text = export(catalog, "routeros", vpn_router="192.168.50.1")
    (nat,) = lines(text, "add chain=dstnat")
    assert (
        "action=dst-nat in-interface-list=WAN protocol=udp src-address-list=fwplan-pbx-host dst-port=9944 "
        "to-addresses=192.168.50.1 " in nat
    )
    (forward,) = [line for line in lines(text, "add chain=forward") if "connection-nat-state=dstnat" in line]
    assert (
        "in-interface-list=WAN out-interface-list=LAN protocol=udp src-address-list=fwplan-pbx-host "
        "dst-address=192.168.50.1 dst-port=9944 " in forward
    )
    assert 'add list=fwplan-pbx-host address="203.0.113.10"' in text
    assert "drop all from WAN not DSTNATed" in text


def test_fortigate_forwards_the_tunnel_through_a_vip_from_the_pbx_host_only(catalog):
    text = export(catalog, "fortigate", vpn_router="192.168.50.1")
    assert (
        '    edit "fwplan-rule5-udp-9944"\n        set comment "fwplan 5 inbound udp: VPN tunnel to the '
        'provider\'s endpoint"\n        set extintf "wan1"\n        set extip 0.0.0.0\n        set mappedip '
        '"192.168.50.1"\n        set portforward enable\n        set protocol udp\n        set extport 9944\n'
        "        set mappedport 9944\n    next\n"
    ) in text
    policy = text[text.index('set name "fwplan-5"') :].split("next", 1)[0]
    assert 'set srcintf "wan1"' in policy and 'set dstintf "internal"' in policy
    assert 'set srcaddr "fwplan-pbx-host"' in policy and 'set dstaddr "fwplan-rule5-udp-9944"' in policy
    assert "set nat" not in policy


def test_fortigate_outbound_internet_policies_enable_nat_and_go_out_of_the_wan(catalog):
    text = export(catalog, "fortigate")
    policies = text.split("config firewall policy\n", 1)[1].split("    next\n")[:-1]
    outbound = [p for p in policies if "outbound" in p]
    assert outbound and all("set nat enable" in p and 'set dstintf "wan1"' in p for p in outbound)
    assert 'set dstintf "any"' not in text


def test_fritzbox_shares_an_ipv4_port_to_one_device_and_names_the_external_port(catalog):
    text = export(catalog, "fritzbox", vpn_router="192.168.50.1")
    (sharing,) = [line for line in text.splitlines() if "device 192.168.50.1" in line]
    assert sharing.endswith("port to device 9944 through 9944, port requested externally 9944, enable sharing for IPv4")
    assert "refuses the second sharing" in text


def test_fritzbox_names_what_to_do_with_an_ipv4_rule_to_a_network(catalog):
    plan = Plan((), parse_lan("192.168.50.2/24"), parse_host("203.0.113.10"))
    rule = Rule(
        "inbound", "udp", Endpoint("address", "203.0.113.10"), Endpoint("network", "192.168.50.0/24"), PortSet.of(9944)
    )
    from exporters.fritzbox import EXPORTER

    text = EXPORTER.render(RuleSet((rule,)), ExportContext(catalog, plan))
    assert "over IPv4 a port goes to exactly one device; give the sharing to the one device" in text
    # fwplan export refuses such a rule before any exporter runs (render_export checks forward_target)
    with pytest.raises(FwplanError, match="cannot be a port forward, which goes to one device"):
        forward_target(rule, "3", ExportContext(catalog, plan))


# --------------------------------------------------------------------------
# --no-nat, IPv6: plain filter rules
# --------------------------------------------------------------------------


def test_no_nat_gives_plain_filter_rules(catalog):
    ros = export(catalog, "routeros", nat=False)
    assert not lines(ros, "add chain=dstnat") and "connection-nat-state" not in ros
    assert 'remove [find comment~"^fwplan [0-9]"]' in ros.split("/ip firewall nat\n", 1)[1]  # old forwards go
    assert (
        "in-interface-list=WAN out-interface-list=LAN protocol=udp src-address-list=fwplan-pbx-host "
        "dst-address=192.168.50.2 dst-port=9944 " in ros
    )
    forti = export(catalog, "fortigate", nat=False)
    assert "config firewall vip" not in forti and "set nat enable" not in forti
    assert 'set srcaddr "fwplan-pbx-host"\n        set dstaddr "fwplan-lan-addr"' in forti


@pytest.mark.parametrize("fmt", ["routeros", "fortigate", "fritzbox"])
def test_ipv6_gets_no_nat(catalog, fmt):
    text = export(catalog, fmt, lan="2001:db8:50::2/64", host="2001:db8::10")
    assert "192.168." not in text
    if fmt == "routeros":
        assert "/ip firewall" not in text and "dst-nat" not in text
        assert "connection-nat-state" not in text and lines(text, "/ipv6 firewall filter")
    if fmt == "fortigate":
        assert "config firewall vip" not in text and "set nat enable" not in text
        names = re.findall(r'^ +(?:edit|set name) "([^"]+)"', text, re.M)
        assert names and all(name.endswith("-v6") for name in names)
    if fmt == "fritzbox":
        (sharing,) = [line for line in text.splitlines() if "device 2001:db8:50::2" in line]
        assert "enable sharing for IPv6 (no external port" in sharing and "externally" not in sharing


# --------------------------------------------------------------------------
# Interfaces, name prefix, FortiOS name limits
# --------------------------------------------------------------------------


def test_the_interfaces_are_the_users(catalog):
    ros = export(catalog, "routeros", wan_if="ppp0", lan_if="bridge-lan")
    assert (
        "in-interface-list=ppp0 protocol=udp" in ros
        and "in-interface-list=bridge-lan out-interface-list=ppp0" in ros
        and "=WAN" not in ros
        and "=LAN" not in ros
        and "interface lists ppp0 (internet) and bridge-lan" in ros
    )
    forti = export(catalog, "fortigate", wan_if="ppp0", lan_if="port2")
    assert 'set extintf "ppp0"' in forti and '"wan1"' not in forti and '"internal"' not in forti
    assert "Interfaces: port2 (LAN) and ppp0 (internet)" in forti


@pytest.mark.parametrize("fmt", ["routeros", "fortigate"])
def test_the_name_prefix_changes_every_object_name(catalog, fmt):
    text = export(catalog, fmt, name_prefix="site7", vpn_router="192.168.50.1")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    if fmt == "fortigate":
        names = re.findall(r'(?:edit|set name|set srcaddr|set dstaddr|set service) "([^"]+)"', body)
        assert names and all(name.startswith("site7-") or name == "all" for name in names), names
        assert "fwplan-" not in body.replace('comment "fwplan ', "").replace('comments "fwplan ', "")
    else:
        assert "fwplan" not in body
        assert set(re.findall(r"(?:(?<![\w-])list|address-list)=(\S+)", body)) == {"site7-pbx-host"}
        assert all(c.startswith('"site7') for c in re.findall(r"comment=(\"[^\"]*\")", body))


def test_the_longest_prefix_keeps_every_fortios_name_within_its_limit(catalog):
    prefix = "p" * MAX_NAME_PREFIX
    for lan, host in (("192.168.50.2/24", "203.0.113.10"), ("2001:db8:50::2/64", "2001:db8::10")):
        text = export(
            catalog,
            "fortigate",
            lan=lan,
            host=host,
            name_prefix=prefix,
            vpn_router=None,
            select=("hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct"),
        )
        policies = re.findall(r'set name "([^"]+)"', text)
        objects = re.findall(r'    edit "([^"]+)"', text)
        assert policies and max(map(len, policies)) <= POLICY_NAME
        assert objects and max(map(len, objects)) <= OBJECT_NAME


@pytest.mark.parametrize("lang,words", [("en", "is too long for FortiOS: at most 35"), ("de", "zu lang: höchstens 35")])
def test_an_interface_name_fortios_cannot_hold_is_refused_in_one_line(catalog, capsys, lang, words):
    code = main(
        [
            "export",
            "--select",
            "hostedpbx-classic",
            "--lan",
            "192.168.50.2/24",
            "--host",
            "203.0.113.10",
            "--format",
            "fortigate",
            "--wan-if",
            "w" * 36,
            "--lang",
            lang,
        ]
    )
    error = capsys.readouterr().err
    assert code == 2 and error.count("\n") == 1 and words in error


# --------------------------------------------------------------------------
# Pasting again
# --------------------------------------------------------------------------


def paste(script: str, state: dict[str, list[dict[str, str]]]) -> None:
    """A RouterOS terminal, as far as these scripts use it: ``remove [find ...]`` and ``add`` per menu.

    An address-list entry that exists aborts the script ("already have such entry"), as RouterOS does.
    """
    menu = None
    for line in script.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("/"):
            menu = state.setdefault(line, [])
            continue
        if m := re.fullmatch(r'remove \[find (?:list=(\S+) dynamic=no|comment~"(.*)")\]', line):
            keep = [
                e
                for e in menu
                if not (
                    (m.group(1) and e.get("list") == m.group(1))
                    or (m.group(2) and re.search(m.group(2), e.get("comment", "")))
                )
            ]
            menu[:] = keep
            continue
        entry = dict(re.findall(r'([a-z-]+)=("(?:\\.|[^"\\])*"|\S+)', line))
        entry = {k: v.strip('"') for k, v in entry.items()}
        if "list" in entry and any(e["list"] == entry["list"] and e["address"] == entry["address"] for e in menu):
            raise RuntimeError("failure: already have such entry")
        menu.append(entry)


@pytest.mark.parametrize("router", [{}, {"nat": False}, {"name_prefix": "site7"}])
def test_pasting_a_routeros_file_twice_leaves_what_one_paste_leaves(catalog, router):
    text = export(catalog, "routeros", **router)
    own = {
        "/ip firewall filter": [{"chain": "forward", "action": "drop", "comment": "defconf: drop invalid"}],
        "/ip firewall address-list": [{"list": "office", "address": "10.0.0.1", "comment": "fwplan-like"}],
    }
    once = {k: list(v) for k, v in own.items()}
    paste(text, once)
    twice = {k: list(v) for k, v in once.items()}
    paste(text, twice)
    assert twice == once
    assert once["/ip firewall filter"][0] == own["/ip firewall filter"][0]  # the user's own rule stays
    assert own["/ip firewall address-list"][0] in once["/ip firewall address-list"]
    # a plan with fewer rules replaces the earlier one instead of leaving its rules behind
    fewer = export(catalog, "routeros", select=("hostedpbx-classic/vpn-tunnel",), **router)
    paste(fewer, twice)
    assert len(twice["/ip firewall filter"]) == 1 + len(READERS["routeros"](fewer))


def test_routeros_comments_are_ascii(catalog):
    text = export(
        catalog, "routeros", lang="de", select=("hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct")
    )
    comments = re.findall(r'comment=("(?:\\.|[^"\\])*")', text)
    assert comments and all(c.isascii() and "\\C3" not in c for c in comments)
    assert "fuer Fax" in text


# --------------------------------------------------------------------------
# The strict readers catch a broken structure
# --------------------------------------------------------------------------

BROKEN = [
    ("routeros", 'remove [find comment~"^fwplan [0-9]"]\nadd chain=forward', "add chain=forward"),  # no removal
    ("routeros", "remove [find list=fwplan-pbx-host dynamic=no]\n", ""),  # the address list aborts a second paste
    ("routeros", "connection-nat-state=dstnat ", ""),  # the forward's filter rule lost
    ("routeros", "to-addresses=192.168.50.2", "to-addresses=192.168.50.3"),  # forwarded elsewhere
    ("routeros", "src-address-list=fwplan-pbx-host dst-port=9944 to", "dst-port=9944 to"),  # from anyone
    ("routeros", 'comment="fwplan 5', 'comment="mine 5'),  # escapes the removal
    ("routeros", "Time sync (NTP)", "Zeitabgleich (NTP) \\C3\\A4"),  # not ASCII
    ("fortigate", "        set portforward enable\n", ""),
    ("fortigate", "set mappedport 9944", "set mappedport 9945"),
    ("fortigate", 'set dstaddr "fwplan-rule5-udp-9944"', 'set dstaddr "fwplan-lan-addr"'),  # VIP unused
    (
        "fortigate",
        'set srcintf "wan1"\n        set dstintf "internal"',
        'set srcintf "internal"\n        set dstintf "internal"',
    ),
    ("fortigate", 'set service "fwplan-rule1"', 'set service "fwplan-rule99"'),  # no such service
    (
        "fortigate",
        'set udp-portrange 9944\n        set comment "fwplan 5',
        'set udp-portrange 9945\n        set comment "fwplan 5',
    ),
    ("fortigate", "(data 2020-04)", "(data 2020-04?)"),  # a '?' opens the CLI's help
    ("fritzbox", "port requested externally 9944, enable sharing for IPv4", "enable sharing for IPv4"),
    ("fritzbox", "  3a. TCP 21:", "  3a. TCP 21 to 80:"),
]


@pytest.mark.parametrize("fmt,good,bad", BROKEN)
def test_the_strict_reader_refuses_a_broken_structure(catalog, fmt, good, bad):
    text = export(catalog, fmt, host="acme.telovip.de" if fmt == "fritzbox" else "203.0.113.10")
    assert good in text, good
    with pytest.raises(AssertionError):
        READERS[fmt](text.replace(good, bad, 1))
