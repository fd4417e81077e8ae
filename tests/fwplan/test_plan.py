from __future__ import annotations

import pytest

from fwplan.errors import OutputError
from fwplan.plan import (
    Plan,
    PlanError,
    expand_selection,
    parse_host,
    parse_lan,
    parse_vpn_router,
    plan_notices,
    read_plan_file,
    write_plan_file,
)


@pytest.mark.parametrize(
    ("text", "address", "network", "assumed"),
    [
        ("192.168.50.2", "192.168.50.2", "192.168.50.0/24", True),
        ("192.168.50.2/24", "192.168.50.2", "192.168.50.0/24", False),
        (" 10.1.2.3/16 ", "10.1.2.3", "10.1.0.0/16", False),
        ("172.16.5.9/32", "172.16.5.9", "172.16.5.9/32", False),
        ("fd00::5", "fd00::5", "fd00::/64", True),
    ],
)
def test_lan_address_and_network(text, address, network, assumed):
    lan = parse_lan(text)
    assert (lan.address, lan.network, lan.prefix_assumed) == (address, network, assumed)


@pytest.mark.parametrize(
    "text",
    [
        "192.168.1.300",
        "192.168.1",
        "192.168.1.1/33",
        "192.168.1.1/x",
        "1",
        "0x1.2.3.4",
        "evil;rm -rf /",
        "=cmd|'/c calc'!A0",
        "",
        "127.0.0.1",
        "224.0.0.1",
        "192.168.1.1/",
        "192.168.1.1/24/1",
    ],
)
def test_bad_lan_addresses_are_rejected_naming_the_value(text):
    with pytest.raises(PlanError) as info:
        parse_lan(text)
    message = str(info.value)
    assert "\n" not in message
    assert "LAN address" in message
    if text.strip():
        assert repr(text) in message or repr(text.split("/")[-1]) in message


@pytest.mark.parametrize(
    ("text", "address"),
    [("192.168.50.1", "192.168.50.1"), (" 192.168.50.1/24 ", "192.168.50.1"), ("fd00::1", "fd00::1")],
)
def test_vpn_router_address(text, address):
    router = parse_vpn_router(text)
    assert router.address == address and router.typed == text.strip()


@pytest.mark.parametrize("text", ["192.168.1.300", "", "127.0.0.1", "192.168.1.1/33", "vpn.example.net"])
def test_bad_vpn_router_addresses_are_one_line_naming_the_value_in_both_languages(text):
    with pytest.raises(PlanError) as info:
        parse_vpn_router(text)
    english, german = str(info.value), info.value.message("de")
    assert "\n" not in english and "\n" not in german
    assert "VPN router address" in english and "VPN-Router-Adresse" in german
    if text.strip():
        assert repr(text) in english or repr(text.split("/")[-1]) in english


def test_vpn_router_round_trips_through_a_plan_file_and_is_left_out_when_not_set(tmp_path, catalog):
    plan = Plan(
        expand_selection(catalog, ["hostedpbx-classic"]),
        parse_lan("192.168.50.2/24"),
        parse_host("acme.telovip.de"),
        vpn_router=parse_vpn_router("192.168.50.1"),
    )
    path = write_plan_file(tmp_path / "site.toml", plan, catalog)
    assert 'vpn_router = "192.168.50.1"' in path.read_text(encoding="utf-8")
    assert read_plan_file(path, catalog).vpn_router.address == "192.168.50.1"
    bare = write_plan_file(tmp_path / "bare.toml", Plan(plan.selected, plan.lan, plan.host), catalog)
    assert "vpn_router" not in bare.read_text(encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace('"192.168.50.1"', '"192.168.50.300"'), "utf-8")
    with pytest.raises(PlanError, match="VPN router address '192.168.50.300'"):
        read_plan_file(path, catalog)


def test_a_vpn_router_of_another_family_than_the_lan_is_refused(tmp_path, catalog):
    from fwplan.cli import main

    path = tmp_path / "site.toml"
    path.write_text(
        'select = ["hostedpbx-classic/vpn-tunnel"]\nlan = "192.168.50.2/24"\nvpn_router = "fd00::1"\n', encoding="utf-8"
    )
    with pytest.raises(PlanError, match="VPN router address 'fd00::1' is IPv6 while the LAN address is IPv4"):
        read_plan_file(path, catalog)
    assert (
        main(
            [
                "export",
                "--select",
                "hostedpbx-classic/vpn-tunnel",
                "--lan",
                "fd00::5/64",
                "--vpn-router",
                "192.168.50.1",
            ]
        )
        == 2
    )


def test_public_lan_address_is_allowed_with_a_warning(catalog):
    notices = plan_notices(catalog, Plan(lan=parse_lan("8.8.4.4/24")))
    codes = {n.code for n in notices}
    assert "public-lan" in codes
    assert "public-lan" not in {n.code for n in plan_notices(catalog, Plan(lan=parse_lan("192.168.1.2/24")))}


def test_assumed_prefix_is_said(catalog):
    (notice,) = plan_notices(catalog, Plan(lan=parse_lan("192.168.7.7")))
    assert notice.code == "prefix-assumed"
    assert "192.168.7.0/24" in notice.text.en and "192.168.7.0/24" in notice.text.de


@pytest.mark.parametrize(
    ("text", "value", "is_ip"),
    [
        ("acme.telovip.de", "acme.telovip.de", False),
        ("ACME.telovip.de.", "acme.telovip.de", False),
        ("203.0.113.10", "203.0.113.10", True),
        ("2001:db8::1", "2001:db8::1", True),
        ("münchen.telovip.de", "xn--mnchen-3ya.telovip.de", False),
        ("a-1.b2.example", "a-1.b2.example", False),
    ],
)
def test_pbx_host(text, value, is_ip):
    host = parse_host(text)
    assert (host.value, host.is_ip) == (value, is_ip)


@pytest.mark.parametrize(
    "text",
    [
        "evil;rm -rf /",
        "=cmd|'/c calc'!A0",
        "acme",
        "-acme.telovip.de",
        "acme-.telovip.de",
        "a..b",
        "a b.de",
        "x" * 64 + ".de",
        "$(reboot).de",
        "acme.telovip.de\nX",
        "256.1.1.1",
        "1.2.3.4.5",
        "acme.123",
        "",
    ],
)
def test_bad_hosts_are_rejected(text):
    with pytest.raises(PlanError) as info:
        parse_host(text)
    assert "\n" not in str(info.value)


def test_selection_expands_products_and_suggests_close_ids(catalog):
    ids = expand_selection(catalog, ["hostedpbx-classic"])
    assert "hostedpbx-classic/analog-adapters-direct" not in ids, "a conditional item is opt-in"
    assert set(ids) == {c.id for c in catalog.product("hostedpbx-classic").components if not c.condition}
    assert all(i.startswith("hostedpbx-classic/") for i in ids)
    with_item = expand_selection(catalog, ["hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct"])
    assert set(with_item) == set(ids) | {"hostedpbx-classic/analog-adapters-direct"}
    assert expand_selection(catalog, ["instantpbx/swyxit-windows-first-start"]) == (
        "instantpbx/swyxit-windows-first-start",
    ), "its own id selects it alone, without its parent"
    assert expand_selection(catalog, ["instantpbx/webinterface", "instantpbx/sip-phones"]) == (
        "instantpbx/sip-phones",
        "instantpbx/webinterface",
    )
    with pytest.raises(PlanError, match="did you mean instantpbx/webinterface"):
        expand_selection(catalog, ["instantpbx/webinterfac"])


PLAN_WITH_COMMENTS = """\
# Site Musterstadt: from the planning document
fwplan = 1
catalog_version = "2020-04"
select = [
  "hostedpbx-classic/vpn-tunnel",  # the tunnel first
]
lan = "192.168.50.2/24"  # the VPN router
host = "acme.telovip.de"
"""


def test_save_keeps_comments_and_round_trips(tmp_path, catalog):
    path = tmp_path / "site.toml"
    path.write_text(PLAN_WITH_COMMENTS, encoding="utf-8")
    plan = read_plan_file(path, catalog)
    assert plan.selected == ("hostedpbx-classic/vpn-tunnel",)
    changed = plan.with_selection(plan.selected + ("hostedpbx-classic/webinterface",))
    write_plan_file(path, changed, catalog)
    text = path.read_text(encoding="utf-8")
    assert "# Site Musterstadt: from the planning document" in text
    assert "# the VPN router" in text
    again = read_plan_file(path, catalog)
    assert again.selected == changed.selected
    assert again.lan == changed.lan and again.host == changed.host
    assert again.catalog_digest == catalog.digest


def test_a_new_plan_file_reads_back_equal(tmp_path, catalog):
    plan = Plan(expand_selection(catalog, ["instantpbx"]), parse_lan("10.0.0.5/16"), parse_host("x.telovip.de"))
    path = write_plan_file(tmp_path / "new.toml", plan, catalog)
    again = read_plan_file(path, catalog)
    assert (again.selected, again.lan, again.host) == (plan.selected, plan.lan, plan.host)
    assert not [n for n in plan_notices(catalog, again) if n.code == "catalog-changed"]


def test_a_changed_catalog_is_warned_about(tmp_path, catalog):
    path = tmp_path / "old.toml"
    path.write_text('catalog_version = "2019-01"\nselect = ["instantpbx"]\n', encoding="utf-8")
    notices = plan_notices(catalog, read_plan_file(path, catalog))
    assert [n.code for n in notices] == ["catalog-changed"]
    assert "2019-01" in notices[0].text.en


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("select = [", "not valid TOML"),
        ('select = ["nope"]', "unknown product or component id 'nope'"),
        ('lan = "192.168.1.300"', "not a valid IPv4 address"),
        ('colour = "blue"', "unknown key 'colour'"),
        ("select = 5", "must be a list"),
        ("lan = 5", "'lan' must be a string"),
    ],
)
def test_broken_plan_files(tmp_path, catalog, content, message):
    path = tmp_path / "broken.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanError, match=message):
        read_plan_file(path, catalog)


def test_save_through_a_symlink_replaces_the_target_not_the_link(tmp_path, catalog):
    target = tmp_path / "real.toml"
    target.write_text(PLAN_WITH_COMMENTS, encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(target)
    write_plan_file(link, Plan(("instantpbx/webinterface",)), catalog)
    assert link.is_symlink()
    assert '"instantpbx/webinterface"' in target.read_text(encoding="utf-8")


def test_saving_onto_a_directory_is_refused(tmp_path, catalog):
    with pytest.raises(PlanError, match="is a directory"):
        write_plan_file(tmp_path, Plan(), catalog)


def test_save_into_a_missing_directory_is_a_clear_error(tmp_path, catalog):
    with pytest.raises(OutputError, match=r"cannot write plan .*missing-dir.*No such file or directory"):
        write_plan_file(tmp_path / "missing-dir" / "plan.toml", Plan(), catalog)
    assert not (tmp_path / "missing-dir").exists()
