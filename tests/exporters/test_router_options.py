"""Issue 10: one behaviour for bad combinations, and the site's router settings from flags or the plan file."""

from __future__ import annotations

import pytest

import exporters
from exporters.render import OPTION_FLAGS, ExportSettings, accepted_options, render_export
from fwplan.cli import main
from fwplan.errors import FwplanError
from fwplan.plan import ExportPrefs, Plan, expand_selection, parse_host, parse_lan
from tests.formats import router_names

VALUES = {
    "wan_if": ["--wan-if", "eth9"],
    "lan_if": ["--lan-if", "br9"],
    "nat": ["--no-nat"],
    "masquerade": ["--masquerade"],
    "name_prefix": ["--name-prefix", "site7"],
    "plain_acl": ["--plain-acl"],
    "max_entries": ["--max-entries", "4"],
    "range_cost": ["--max-entries", "4", "--range-cost", "2"],
    "csv_german": ["--csv-dialect", "excel-de"],
    "resolve": ["--resolve"],
    "separate_protocols": ["--separate-protocols"],
}


def _plan(catalog, lan="192.168.50.2/24", host="203.0.113.10", **prefs) -> Plan:
    return Plan(
        expand_selection(catalog, ["hostedpbx-classic"]), parse_lan(lan), parse_host(host), export=ExportPrefs(**prefs)
    )


@pytest.mark.parametrize("fmt", router_names())
@pytest.mark.parametrize(
    ("lan", "host", "words"),
    [
        ("192.168.50.2/24", "2001:db8::10", "IPv4 and the PBX host IPv6"),
        ("2001:db8:50::2/64", "203.0.113.10", "IPv6 and the PBX host IPv4"),
    ],
)
def test_every_router_format_refuses_a_plan_of_two_families_the_same_way(fmt, lan, host, words, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(
        ["export", "--select", "hostedpbx-classic", "--lan", lan, "--host", host, "--format", fmt, "-o", str(out)]
    )
    error = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert error.count("\n") == 1 and f"the LAN address is {words}" in error and "NAT64" in error
    main(["export", "--select", "hostedpbx-classic", "--lan", lan, "--host", host, "--format", fmt, "--lang", "de"])
    assert "ohne NAT64" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", exporters.names())
def test_every_option_is_applied_or_refused_by_every_format(fmt, catalog, capsys):
    accepted = accepted_options(fmt)
    base = [
        "export",
        "--select",
        "hostedpbx-classic",
        "--lan",
        "192.168.50.2/24",
        "--host",
        "203.0.113.10",
        "--format",
        fmt,
    ]
    for option, flags in VALUES.items():
        code = main([*base, *flags])
        captured = capsys.readouterr()
        if option in accepted or (option == "range_cost" and "max_entries" in accepted):
            assert code == 0, (option, captured.err)
        else:
            assert code == 2, option
            line = captured.err.strip()
            named = "--max-entries" if option == "range_cost" else OPTION_FLAGS[option]
            assert "\n" not in line and f"{named} does not apply to format {fmt}" in line


def test_max_entries_on_a_router_format_is_refused_not_ignored(catalog):
    with pytest.raises(FwplanError, match="--max-entries does not apply to format iptables"):
        render_export(
            catalog, _plan(catalog), "iptables", ExportSettings(max_entries=2, given=frozenset({"max_entries"}))
        )


def test_the_plans_export_table_sets_the_format_and_the_router_and_flags_override_it(catalog, tmp_path, capsys):
    plan = tmp_path / "site.toml"
    plan.write_text(
        'select = ["hostedpbx-classic"]\nlan = "192.168.50.2/24"\nhost = "203.0.113.10"\n\n'
        '[export]\nformat = "nftables"\nwan_if = "ppp0"\nlan_if = "br-lan"\nmasquerade = true\n',
        encoding="utf-8",
    )
    assert main(["export", "--plan", str(plan)]) == 0
    from_plan = capsys.readouterr().out
    assert from_plan.startswith("#!/usr/sbin/nft -f") and '"ppp0"' in from_plan and '"br-lan"' in from_plan
    assert main(["export", "--plan", str(plan), "--wan-if", "eth1"]) == 0
    overridden = capsys.readouterr().out
    assert '"eth1"' in overridden and '"ppp0"' not in overridden and '"br-lan"' in overridden
    # another format takes what it applies from the table and leaves the rest
    assert main(["export", "--plan", str(plan), "--format", "fortigate"]) == 0
    assert "ppp0" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["nftables", "iptables"])
def test_router_settings_that_cannot_work_are_refused_in_one_line(fmt, capsys):
    base = ["export", "--select", "hostedpbx-classic", "--format", fmt]
    cases = [
        (["--lan", "2001:db8:50::2/64", "--host", "2001:db8::10", "--masquerade"], "the plan is IPv6"),
        (["--lan", "192.168.50.2/24", "--host", "203.0.113.10", "--masquerade", "--no-nat"], "NAT is off (--no-nat"),
        (["--lan", "192.168.50.2/24", "--wan-if", "GigabitEthernet0/1"], "does not fit Linux"),
        (["--lan", "192.168.50.2/24", "--lan-if", "a-very-long-bridge"], "at most 15 characters"),
    ]
    for args, words in cases:
        assert main([*base, *args]) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and words in error, (args, error)
    assert main([*base, "--lan", "192.168.50.2/24", "--wan-if", "ppp0", "--masquerade"]) == 0


def test_port_lists_take_no_router_setting_and_range_cost_needs_max_entries(capsys):
    base = ["export", "--select", "hostedpbx-classic", "--lan", "192.168.50.2/24", "--host", "203.0.113.10"]
    for args, words in (
        (
            ["--format", "routeros", "--dialect", "routeros", "--name-prefix", "zz"],
            "--name-prefix does not apply to format routeros --dialect routeros",
        ),
        (["--format", "nftables", "--dialect", "nftables", "--wan-if", "eth0"], "--wan-if does not"),
        (["--format", "csv", "--dialect", "generic", "--csv-dialect", "excel-de"], "--csv-dialect"),
        (["--format", "csv", "--range-cost", "5"], "--range-cost does not apply to format csv"),
    ):
        assert main([*base, *args]) == 2
        assert words in capsys.readouterr().err, args


def test_flags_override_the_plans_booleans_and_dialect(tmp_path, capsys):
    plan = tmp_path / "site.toml"
    plan.write_text(
        'select = ["hostedpbx-classic"]\nlan = "192.168.50.2/24"\nhost = "203.0.113.10"\n\n'
        '[export]\nformat = "nftables"\nnat = false\ndialect = "nftables"\nwan_if = "eth0"\n',
        encoding="utf-8",
    )
    assert main(["export", "--plan", str(plan)]) == 0
    assert capsys.readouterr().out.startswith("{ ")  # the plan's dialect: port lists only
    assert main(["export", "--plan", str(plan), "--dialect", "none"]) == 0
    whole = capsys.readouterr().out
    assert whole.startswith("#!/usr/sbin/nft -f") and "dnat" not in whole and '"eth0"' in whole
    assert main(["export", "--plan", str(plan), "--dialect", "none", "--nat", "--masquerade"]) == 0
    assert "dnat" in capsys.readouterr().out
    assert main(["export", "--plan", str(plan), "--dialect", "none", "--masquerade"]) == 2
    assert "nat = false in the plan's [export]" in capsys.readouterr().err


def test_a_bad_export_table_names_the_plan_file_once(tmp_path, capsys):
    plan = tmp_path / "e.toml"
    plan.write_text('select = ["hostedpbx-classic"]\n[export]\nnat = "yes"\n', encoding="utf-8")
    assert main(["export", "--plan", str(plan)]) == 2
    error = capsys.readouterr().err
    assert error.count(str(plan)) == 1 and "[export] 'nat' must be true or false" in error


def test_a_public_lan_is_routed_so_its_inbound_rules_are_no_port_forwards(catalog):
    public = Plan(
        expand_selection(catalog, ["hostedpbx-classic"]), parse_lan("81.2.3.4/24"), parse_host("198.51.100.20")
    )
    for fmt in ("routeros", "nftables", "fortigate"):
        text = render_export(catalog, public, fmt, ExportSettings())
        assert "action=dst-nat" not in text and "dnat ip to" not in text and "config firewall vip" not in text, fmt
