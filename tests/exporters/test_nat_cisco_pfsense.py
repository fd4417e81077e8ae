"""Issue 10 for Cisco ASA, Cisco IOS, pfSense and OPNsense: the site router behind NAT, its settings, the zone-based
firewall, merging into existing lists, and pasting again.

The files are made as ``fwplan export`` makes them and read back by the strict readers, which also check each
structure (removal before every definition, class, policy and zone pair per direction, NAT of inbound ports only,
the port forward table).
"""

from __future__ import annotations

import re

import pytest

import exporters
from exporters.base import ExportContext
from exporters.render import ExportSettings, render_export
from fwplan.cli import main
from fwplan.merge import Endpoint, Rule, RuleSet
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, parse_vpn_router
from fwplan.ports import PortSet
from tests.exporters.readback import READERS

CLASSIC = ("hostedpbx-classic",)
FORMATS = ("cisco", "cisco-ios", "pfsense", "opnsense")


def export(
    catalog,
    fmt: str,
    lan="192.168.50.2/24",
    host="203.0.113.10",
    lang="en",
    vpn_router="192.168.50.1",
    select=CLASSIC,
    **router,
) -> str:
    plan = Plan(
        expand_selection(catalog, select),
        parse_lan(lan),
        parse_host(host),
        vpn_router=parse_vpn_router(vpn_router) if vpn_router and ":" not in lan else None,
    )
    text = render_export(catalog, plan, fmt, ExportSettings(lang=lang, **router, given=frozenset(router)))
    READERS[fmt](text)  # every structure as the target reads it
    return text


def body(text: str) -> list[str]:
    """The lines the target reads: no comment."""
    return [line for line in text.splitlines() if not line.startswith(("!", "#"))]


def forward_rows(text: str) -> list[list[str]]:
    rows, inside = [], False
    for line in text.splitlines():
        if line.startswith("# Port forwards ("):
            inside = True
        elif inside and re.match(r"# \d+[a-z]* ", line):
            rows.append(re.split(r" {2,}", line[2:]))
    return rows


# --------------------------------------------------------------------------
# Port forwards, restricted to the PBX host
# --------------------------------------------------------------------------


def test_ios_forwards_the_tunnel_by_static_nat_and_its_class_admits_the_pbx_host_only(catalog):
    text = export(catalog, "cisco-ios", wan_if="GigabitEthernet0/0", lan_if="GigabitEthernet0/1")
    assert "ip nat inside source static udp 192.168.50.1 9944 interface GigabitEthernet0/0 9944" in body(text)
    inbound = text.split("ip access-list extended FWPLAN-IN\n", 1)[1].split("\nclass-map", 1)[0]
    assert " permit object-group FWPLAN-RULE5 object-group FWPLAN-PBX-HOST object-group FWPLAN-VPN-ROUTER" in inbound
    assert (
        "zone-pair security FWPLAN-IN-PAIR source outside destination inside\n"
        " service-policy type inspect FWPLAN-IN-POLICY\n"
    ) in text
    assert "interface GigabitEthernet0/1\n zone-member security inside\n" in text
    assert text.endswith("interface GigabitEthernet0/0\n zone-member security outside\n")


def test_asa_forwards_the_tunnel_by_object_nat_and_its_entry_admits_the_pbx_host_only(catalog):
    text = export(catalog, "cisco")
    assert (
        "object network FWPLAN-RULE5-UDP9944\n host 192.168.50.1\n"
        " nat (inside,outside) static interface service udp 9944 9944\n"
    ) in text
    assert (
        "access-list FWPLAN-IN extended permit udp object FWPLAN-PBX-HOST object FWPLAN-VPN-ROUTER "
        "object-group FWPLAN-RULE5"
    ) in body(text)
    assert "access-group binds one list per interface and direction and replaces the list bound before" in text


@pytest.mark.parametrize("fmt", ["pfsense", "opnsense"])
def test_pfsense_forwards_the_tunnel_from_the_pbx_host_only_and_lists_it_once(catalog, fmt):
    text = export(catalog, fmt)
    (row,) = forward_rows(text)
    assert row[:9] == [
        "5",
        "WAN",
        "IPv4",
        "UDP",
        "fwplan_pbx_host",
        "WAN address",
        "fwplan_rule5",
        "fwplan_vpn_router",
        "fwplan_rule5",
    ]
    assert not re.search(r"^# 5 ", text.split("# Port forwards (", 1)[0], re.M), "the forward is also a rule row"
    assert "Add associated filter rule" in text


def test_a_port_range_forward_is_one_nat_entry_per_port_on_ios_and_twice_nat_on_the_asa(catalog):
    plan = Plan(expand_selection(catalog, CLASSIC), parse_lan("192.168.50.2/24"), parse_host("203.0.113.10"))
    rules = (
        Rule(
            "inbound",
            "udp",
            Endpoint("address", "203.0.113.10"),
            Endpoint("address", "192.168.50.2"),
            PortSet.of(5060, (6000, 6002)),
        ),
    )
    context = ExportContext(catalog, plan, "en")
    ios = exporters.get("cisco-ios").render(RuleSet(rules), context)
    assert [line.split()[7] for line in ios.splitlines() if line.startswith("ip nat")] == [
        "5060",
        "6000",
        "6001",
        "6002",
    ]
    asa = exporters.get("cisco").render(RuleSet(rules), context)
    assert "object service FWPLAN-RULE1-UDP6000-6002\n service udp source range 6000 6002\n" in asa
    assert (
        "nat (inside,outside) source static FWPLAN-RULE1-HOST interface service FWPLAN-RULE1-UDP6000-6002 "
        "FWPLAN-RULE1-UDP6000-6002"
    ) in asa.splitlines()
    assert "no nat (inside,outside) source static FWPLAN-RULE1-HOST" in asa
    for fmt, text in (("cisco-ios", ios), ("cisco", asa)):
        assert READERS[fmt](text) == [("udp", rules[0].ports)]


#: Rule 2 split into TCP and UDP: the pieces 2a and 2b, a port forward with a single port and a range.
_DEVICE, _PBX = Endpoint("address", "192.168.50.2"), Endpoint("address", "203.0.113.10")
SPLIT = (
    Rule("outbound", "tcp", _DEVICE, _PBX, PortSet.of(443), number=1),
    Rule("inbound", "tcp", _PBX, _DEVICE, PortSet.of(5060), number=2),
    Rule("inbound", "udp", _PBX, _DEVICE, PortSet.of(5060, (6000, 6002)), number=2),
)
SPLIT_NAMES = {
    "cisco": (
        "object-group service FWPLAN-RULE2A tcp\n",
        "access-list FWPLAN-IN remark fwplan 2b inbound udp",
        "object network FWPLAN-RULE2B-UDP5060\n",
        "object service FWPLAN-RULE2B-UDP6000-6002\n",
    ),
    "cisco-ios": ("object-group service FWPLAN-RULE2B\n", " remark fwplan 2a inbound tcp", "! fwplan 2b inbound udp\n"),
    "pfsense": ("# BEGIN fwplan_rule2a (type Port, rule 2a)\n", "# 2b  WAN ", " fwplan_rule2b ", "fwplan 2b:"),
    "markdown": ("| 2a | inbound | tcp |", "| 2b | inbound | udp |"),
}


@pytest.mark.parametrize("fmt", sorted(SPLIT_NAMES))
def test_a_split_rule_is_named_by_its_labels_which_the_reader_checks(catalog, fmt):
    plan = Plan(expand_selection(catalog, CLASSIC), parse_lan("192.168.50.2/24"), parse_host("203.0.113.10"))
    text = exporters.get(fmt).render(RuleSet(SPLIT), ExportContext(catalog, plan, "en"))
    for name in SPLIT_NAMES[fmt]:
        assert name in text, name
    assert READERS[fmt](text) == [(r.protocol, r.ports) for r in SPLIT]
    # a piece left out (2a, 2c), a lone piece (2 and 2b), a number left out (1, 3a, 3b): each label renamed throughout
    for renamed in ({"2b": "2c"}, {"2a": "2"}, {"2a": "3a", "2b": "3b"}):
        broken = text
        for old, new in renamed.items():
            broken = broken.replace(old, new).replace(old.upper(), new.upper())
        with pytest.raises(AssertionError):
            READERS[fmt](broken)


# --------------------------------------------------------------------------
# --no-nat, IPv6, --plain-acl
# --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_nat_gives_plain_filter_rules(catalog, fmt):
    text = export(catalog, fmt, nat=False)
    assert not any(re.match(r"(ip nat| nat \(|nat \()", line) for line in body(text))
    assert not forward_rows(text) and "(--no-nat)" in text
    if fmt == "pfsense":
        assert re.search(
            r"^# 5 +WAN +inbound +IPv4 +UDP +fwplan_pbx_host +fwplan_vpn_router +fwplan_rule5 ", text, re.M
        )


@pytest.mark.parametrize("fmt", FORMATS)
def test_ipv6_has_no_nat(catalog, fmt):
    text = export(catalog, fmt, lan="2001:db8:50::2/64", host="2001:db8:ffff::10")
    assert not any(re.match(r"(ip nat| nat \(|nat \()", line) for line in body(text)) and not forward_rows(text)
    assert "IPv6" in text
    if fmt in ("pfsense", "opnsense"):
        assert re.search(r"^# 5 +WAN +inbound +IPv6 +UDP ", text, re.M)
        assert not re.search(r"^# \d+[a-z]* .* IPv4 ", text, re.M)
    if fmt == "cisco":
        assert "object network FWPLAN-PBX-HOST-V6\n host 2001:db8:ffff::10\n" in text
    if fmt == "cisco-ios":
        assert "class-map type inspect match-any FWPLAN-IN-V6-CLASS\n match access-group name FWPLAN-IN-V6\n" in text
        assert "policy-map type inspect FWPLAN-IN-POLICY\n class type inspect FWPLAN-IN-V6-CLASS\n" in text


def test_plain_acl_gives_the_lists_alone_with_the_merge_advice(catalog):
    text = export(catalog, "cisco-ios", plain_acl=True, wan_if="Dialer0")
    assert not any(line.startswith(("class-map", "policy-map", "zone", "interface")) for line in body(text))
    assert "merge their entries into the list the interface already has" in text
    assert "Never apply FWPLAN-OUT or FWPLAN-IN on their own with ip access-group" in text
    # a list inbound on the internet interface sees the forward's public address: destination any, source the PBX
    assert " permit object-group FWPLAN-RULE5 object-group FWPLAN-PBX-HOST any" in body(text)
    assert "ip nat inside source static udp 192.168.50.1 9944 interface Dialer0 9944" in body(text)
    v6 = export(catalog, "cisco-ios", lan="2001:db8:50::2/64", host="2001:db8:ffff::10", plain_acl=True)
    assert "Never apply FWPLAN-OUT-V6 or FWPLAN-IN-V6 on their own with ipv6 traffic-filter" in v6


def test_the_plain_acl_header_names_the_interfaces_the_lists_belong_on(catalog):
    text = export(catalog, "cisco-ios", plain_acl=True, wan_if="Dialer0", lan_if="Vlan10")
    assert (
        "FWPLAN-OUT into the one inbound on the LAN interface Vlan10, FWPLAN-IN into the one inbound on the "
        "internet interface Dialer0"
    ) in text
    default = export(catalog, "cisco-ios", plain_acl=True, lang="de")
    assert (
        "FWPLAN-OUT in die eingehend an der LAN-Schnittstelle <LAN-Schnittstelle>, FWPLAN-IN in die eingehend "
        "an der Internet-Schnittstelle <WAN-Schnittstelle>"
    ) in default


@pytest.mark.parametrize(
    "lang,words",
    [
        ("en", "insert each entry before it with a line number instead (access-list NAME line N extended permit"),
        (
            "de",
            "traefen sie nie; dann jeden Eintrag mit einer Zeilennummer davor "
            "einfuegen (access-list NAME line N extended permit",
        ),
    ],
)
def test_the_asa_header_says_to_insert_merged_entries_before_a_final_deny(catalog, lang, words):
    assert words in export(catalog, "cisco", lang=lang)


# --------------------------------------------------------------------------
# The IOS zone-based firewall lets the site's other outbound traffic pass
# --------------------------------------------------------------------------


def test_the_outbound_policy_inspects_the_sites_other_traffic_after_the_planned_flows(catalog):
    text = export(catalog, "cisco-ios")
    assert (
        "class-map type inspect match-any FWPLAN-OTHER-OUT\n match protocol tcp\n match protocol udp\n"
        " match protocol icmp\n"
    ) in text
    assert (
        "policy-map type inspect FWPLAN-OUT-POLICY\n class type inspect FWPLAN-OUT-CLASS\n  inspect\n"
        " class type inspect FWPLAN-OTHER-OUT\n  inspect\n class class-default\n  drop\n"
    ) in text
    inbound = text.split("policy-map type inspect FWPLAN-IN-POLICY\n", 1)[1].split("zone security", 1)[0]
    assert inbound == " class type inspect FWPLAN-IN-CLASS\n  inspect\n class class-default\n  drop\n"
    # the first lines take the class out of the policy that names it, then remove it
    removals = text.split("\nobject-group network", 1)[0] + "\n"
    assert removals.endswith(
        "policy-map type inspect FWPLAN-OUT-POLICY\n no class type inspect FWPLAN-OTHER-OUT\n"
        "no class-map type inspect match-any FWPLAN-OTHER-OUT\n"
    )
    assert (
        "The site's other outbound traffic (web, mail, DNS to outside servers) keeps passing as it did before" in text
        and "then no class type inspect FWPLAN-OTHER-OUT) leaves only the planned flows outbound" in text
    )
    de = export(catalog, "cisco-ios", lang="de")
    assert (
        "Der uebrige ausgehende Verkehr des Standorts (Web, Mail, DNS zu externen Servern) geht weiter durch wie bisher"
        in de
        and "laesst nach aussen nur noch die geplanten Fluesse zu" in de
    )
    assert not any("OTHER" in line for line in body(export(catalog, "cisco-ios", plain_acl=True)))


def test_an_inbound_only_plan_still_lets_the_site_out(catalog):
    plan = Plan(expand_selection(catalog, CLASSIC), parse_lan("192.168.50.2/24"), parse_host("203.0.113.10"))
    rules = (
        Rule(
            "inbound", "udp", Endpoint("address", "203.0.113.10"), Endpoint("address", "192.168.50.2"), PortSet.of(9944)
        ),
    )
    text = exporters.get("cisco-ios").render(RuleSet(rules), ExportContext(catalog, plan, "en"))
    assert (
        "policy-map type inspect FWPLAN-OUT-POLICY\n class type inspect FWPLAN-OTHER-OUT\n  inspect\n"
        " class class-default\n  drop\n"
    ) in text
    assert (
        "zone-pair security FWPLAN-OUT-PAIR source inside destination outside\n"
        " service-policy type inspect FWPLAN-OUT-POLICY\n"
    ) in text
    READERS["cisco-ios"](text)


@pytest.mark.parametrize("fmt", ["cisco", "pfsense", "opnsense"])
def test_plain_acl_is_refused_by_the_formats_without_a_zone_firewall(fmt, capsys):
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
            fmt,
            "--plain-acl",
        ]
    )
    assert code == 2 and f"--plain-acl does not apply to format {fmt}" in capsys.readouterr().err


# --------------------------------------------------------------------------
# The site's interfaces and name prefix
# --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_name_prefix_changes_every_object_name(catalog, fmt):
    text = export(catalog, fmt, name_prefix="site-7")
    names = "\n".join(body(text)) if fmt.startswith("cisco") else text
    assert not re.search(r"FWPLAN|fwplan_", names)
    expected = {
        "cisco": "object network SITE-7-PBX-HOST",
        "cisco-ios": "zone-pair security SITE-7-IN-PAIR",
        "pfsense": "# site_7_pbx_host (type Host)",
        "opnsense": "# BEGIN site_7_rule5 ",
    }[fmt]
    assert expected in text


def test_the_interfaces_are_the_users(catalog):
    asa = export(catalog, "cisco", wan_if="wan2", lan_if="lan2")
    assert " nat (lan2,wan2) static interface service udp 9944 9944" in asa
    assert "access-group FWPLAN-IN in interface wan2" in asa
    ios = export(catalog, "cisco-ios")
    assert "interface <LAN_interface>\n zone-member security inside\n" in ios
    assert "Replace the placeholders <WAN_interface>, <LAN_interface>" in ios
    pf = export(catalog, "pfsense", wan_if="OPT1", lan_if="VOICE")
    assert forward_rows(pf)[0][:6] == ["5", "OPT1", "IPv4", "UDP", "fwplan_pbx_host", "OPT1 address"]
    assert re.search(r"^# 1 +VOICE +outbound ", pf, re.M)


@pytest.mark.parametrize("fmt", ["cisco", "cisco-ios"])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_no_pasted_cisco_line_holds_a_question_mark(catalog, fmt, lang):
    assert "?" not in export(catalog, fmt, lang=lang, host="acme.telovip.de")


def test_opnsense_port_aliases_are_one_comma_separated_line(catalog):
    text = export(catalog, "opnsense", select=("hostedpbx-classic/system-phones",))
    block = re.search(r"^# BEGIN fwplan_rule\d+[a-z]* .*\n(.*)\n# END ", text, re.M)
    assert "," in text.split("# Port aliases", 1)[1] and "\n" not in block.group(1)
    assert "splits it at the commas" in text and "click Text under Content" in text


# --------------------------------------------------------------------------
# Pasting again
# --------------------------------------------------------------------------


def paste(script: str, state: dict[str, list[str]], asa: bool = False) -> None:
    """IOS or the ASA, as far as pasting twice goes: ``no HEADER`` deletes a block (an ASA service group by its
    name), re-entering a block adds the members it lacks, a top-level line is entered once. On the ASA,
    access-list and twice NAT lines are entries (added again as duplicates, ``no`` removing one), and an object
    network or service holds one value and one NAT rule."""
    block = None
    entries = state.setdefault("entries", [])
    for line in script.splitlines():
        if line.startswith("!"):
            continue
        command = line.removeprefix("no ")
        if asa and command.startswith(("access-list", "nat ")):
            if command != line and command in entries:
                entries.remove(command)
            elif command == line:
                entries.append(line)
        elif command != line:
            for header in [h for h in state if h == command or h.startswith(f"{command} ")]:
                del state[header]
        elif line.startswith(" "):
            members = state[block]
            if asa and block.startswith("object "):
                members[:] = [m for m in members if m.split()[0] != line.split()[0]]
            if line not in members:
                members.append(line)
        else:
            block = line
            state.setdefault(block, [])


@pytest.mark.parametrize("router", [{}, {"plain_acl": True}, {"name_prefix": "site7"}])
def test_pasting_an_ios_file_twice_leaves_what_one_paste_leaves(catalog, router):
    text = export(catalog, "cisco-ios", **router)
    once, twice = {}, {}
    paste(text, once)
    paste(text, twice)
    paste(text, twice)
    assert once == twice and "no " in text


def test_pasting_an_asa_file_twice_leaves_what_one_paste_leaves(catalog):
    text = export(catalog, "cisco")
    once, twice = {}, {}
    paste(text, once, asa=True)
    paste(text, twice, asa=True)
    paste(text, twice, asa=True)
    assert once == twice and len(once["entries"]) == 10
    assert once["object-group service FWPLAN-RULE3 tcp"] == [
        " port-object eq 21",
        " port-object eq 80",
        " port-object eq 443",
        " port-object eq 9200",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_header_says_what_pasting_again_does(catalog, fmt):
    text = export(catalog, fmt)
    assert re.search(r"(Pasting again|Entering again)", text)


# --------------------------------------------------------------------------
# The strict readers refuse a broken structure
# --------------------------------------------------------------------------

BROKEN = [
    ("cisco-ios", " service-policy type inspect FWPLAN-IN-POLICY\n", ""),
    ("cisco-ios", "no ip access-list extended FWPLAN-IN\n", ""),
    ("cisco-ios", " class class-default\n  drop\n", ""),
    ("cisco-ios", " class type inspect FWPLAN-OTHER-OUT\n  inspect\n", ""),
    ("cisco-ios", " match protocol udp\n", ""),
    ("cisco-ios", "no class-map type inspect match-any FWPLAN-OTHER-OUT\n", ""),
    ("cisco-ios", " no class type inspect FWPLAN-OTHER-OUT\n", ""),
    (
        "cisco-ios",
        "  inspect\n class type inspect FWPLAN-OTHER-OUT\n  inspect\n class class-default\n  drop\n"
        "class-map type inspect match-any FWPLAN-IN-CLASS\n match access-group name FWPLAN-IN\n"
        "policy-map type inspect FWPLAN-IN-POLICY\n class type inspect FWPLAN-IN-CLASS\n  inspect\n",
        "  inspect\n class class-default\n  drop\n"
        "class-map type inspect match-any FWPLAN-IN-CLASS\n match access-group name FWPLAN-IN\n"
        "policy-map type inspect FWPLAN-IN-POLICY\n class type inspect FWPLAN-IN-CLASS\n  inspect\n"
        " class type inspect FWPLAN-OTHER-OUT\n  inspect\n",
    ),
    ("cisco-ios", " match access-group name FWPLAN-IN\n", " match access-group name FWPLAN-OUT\n"),
    ("cisco-ios", "interface <WAN_interface>\n zone-member security outside\n", ""),
    (
        "cisco-ios",
        "udp 192.168.50.1 9944 interface <WAN_interface> 9944",
        "udp 192.168.50.1 9945 interface <WAN_interface> 9945",
    ),
    (
        "cisco-ios",
        "zone-pair security FWPLAN-IN-PAIR source outside",
        "zone-pair security FWPLAN-IN-PAIR source inside",
    ),
    ("cisco", "no object-group service FWPLAN-RULE5\n", ""),
    (
        "cisco",
        " nat (inside,outside) static interface service udp 9944 9944",
        " nat (inside,outside) static interface service udp 123 123",
    ),
    ("cisco", "object-group FWPLAN-RULE5\n", "object-group FWPLAN-RULE4\n"),
    (
        "pfsense",
        "fwplan_pbx_host  WAN address  fwplan_rule5      fwplan_vpn_router   fwplan_rule5",
        "fwplan_pbx_host  WAN address  fwplan_rule5      fwplan_vpn_router   fwplan_rule4",
    ),
    ("pfsense", "  IPv4            UDP       fwplan_pbx_host", "  IPv6            UDP       fwplan_pbx_host"),
    ("pfsense", "# 4  LAN", "# 5  LAN"),
    ("opnsense", "21,80,443,9200", "21\n80,443,9200"),
]


@pytest.mark.parametrize("fmt,good,bad", BROKEN)
def test_the_strict_reader_refuses_a_broken_structure(catalog, fmt, good, bad):
    text = export(catalog, fmt)
    assert good in text, good
    with pytest.raises(AssertionError):
        READERS[fmt](text.replace(good, bad, 1))
