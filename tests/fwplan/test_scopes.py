"""Issue 9: where each rule belongs (scope), conditional items apart, every article note in every output."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

import exporters
from exporters.render import ExportSettings, render_export
from fwplan.catalog import SCOPES
from fwplan.formats import note_lines
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, parse_vpn_router
from fwplan.ports import PortSet
from tests.conftest import ROOT
from tests.formats import router_names

LAN = parse_lan("192.168.50.2/24")
HOST = parse_host("acme.telovip.de")


def _plan(catalog, *ids: str, vpn: str | None = None) -> Plan:
    return Plan(expand_selection(catalog, ids), LAN, HOST, vpn_router=parse_vpn_router(vpn) if vpn else None)


def _everything(catalog, product_id: str) -> Plan:
    """A product with all its components, the conditional ones named by their ids."""
    conditional = [c.id for c in catalog.product(product_id).components if c.is_conditional]
    return _plan(catalog, product_id, *conditional)


def _csv_rows(catalog, plan: Plan, **settings) -> list[dict]:
    return list(csv.DictReader(io.StringIO(render_export(catalog, plan, "csv", ExportSettings(**settings)))))


def _ports(text: str) -> PortSet:
    return PortSet.parse(text)


# ---- the acceptance on the shipped catalog ----


@pytest.mark.parametrize("product_id", ["instantpbx", "hostedpbx-vpnless", "hostedpbx-classic"])
def test_every_article_port_of_a_product_is_in_its_csv_once_per_key(catalog, product_id):
    plan = _everything(catalog, product_id)
    rows = _csv_rows(catalog, plan)
    keys = [(r["scope"], r["direction"], r["protocol"], r["source"], r["destination"], r["condition"]) for r in rows]
    assert len(keys) == len(set(keys)), "a key appears twice"
    endpoint = {
        "lan-network": LAN.network,
        "lan-address": LAN.address,
        "vpn-router": LAN.address,
        "pbx-host": HOST.value,
        "manufacturer": "any",
        "provider": "any",
        "any": "any",
        "remote": "any",
    }
    for component_id in plan.selected:
        condition = catalog.component(component_id).condition
        for demand in catalog.demands(component_id):
            req = demand.requirement
            directions = ("outbound", "inbound") if req.direction == "both" else (req.direction,)
            for direction in directions:
                local, peer = endpoint[demand.local], endpoint[req.peer]
                source, destination = (local, peer) if direction == "outbound" else (peer, local)
                for protocol in ("tcp", "udp") if req.protocol == "tcp/udp" else (req.protocol,):
                    serving = [
                        r
                        for r in rows
                        if r["scope"] == demand.scope
                        and r["direction"] == direction
                        and protocol in r["protocol"].split("/")
                        and r["condition"] == (condition.text.en if condition else "")
                        and r["source"] in (source, "any")
                        and r["destination"] in (destination, "any")
                    ]
                    allowed = PortSet().union(*(_ports(r["ports"]) for r in serving))
                    assert allowed.covers(req.ports), (component_id, req.article, protocol)
    asked = PortSet().union(*(d.requirement.ports for c in plan.selected for d in catalog.demands(c)))
    assert PortSet().union(*(_ports(r["ports"]) for r in rows)) == asked, "a port the article does not name"


def test_classic_without_its_conditional_items_keeps_each_scope_apart(catalog):
    ruleset = build(catalog, _plan(catalog, "hostedpbx-classic"))
    scope_of = {
        (d.component_id, d.requirement.article, d.requirement.peer): d.scope
        for c in ruleset.rules
        for p in c.provenance
        for d in catalog.demands(p.origin.component_id)
    }
    for rule in ruleset.rules:
        if rule.scope in ("internet", "internal"):
            assert str(rule.source) != "any", rule
        for p in rule.provenance:
            assert scope_of[(p.origin.component_id, p.origin.article, p.origin.peer)] == rule.scope, (rule, p)
    internet = {
        (r.direction, r.protocol, str(r.source), str(r.destination), r.ports.format(","))
        for r in ruleset.rules
        if r.scope == "internet"
    }
    assert internet == {
        ("outbound", "udp", "192.168.50.2", "acme.telovip.de", "9944"),  # the VPN tunnel, both ways
        ("inbound", "udp", "acme.telovip.de", "192.168.50.2", "9944"),
        ("outbound", "tcp", "192.168.50.0/24", "acme.telovip.de", "9443"),  # the web interface (443 via any)
        # FTP, http, https, provisioning, first setup at the PBX's external address (9200, 443)
        ("outbound", "tcp", "192.168.50.0/24", "any", "21,80,443,9200"),
        ("outbound", "udp", "192.168.50.0/24", "any", "123"),  # NTP
    }
    to_any = next(
        r for r in ruleset.rules if r.scope == "internet" and r.protocol == "tcp" and r.destination.kind == "any"
    )
    credited = {(p.origin.component_id.split("/")[1], p.origin.peer) for p in to_any.provenance}
    assert ("webinterface", "pbx-host") in credited and ("yealink-phones", "pbx-host") in credited
    assert {c.split("/")[1] for r in ruleset.rules if r.scope == "internet" for c in r.components} == {
        "vpn-tunnel",
        "webinterface",
        "system-phones",
        "yealink-phones",
    }
    internal = [r for r in ruleset.rules if r.scope == "internal"]
    assert internal and all({str(r.source), str(r.destination)} <= {LAN.network, LAN.address} for r in internal)
    assert not any(r.condition for r in ruleset.rules)


def test_the_analog_adapters_exception_is_a_rule_of_its_own(catalog):
    ruleset = build(catalog, _plan(catalog, "hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct"))
    (exception,) = [r for r in ruleset.rules if r.condition is not None]
    assert (exception.scope, exception.protocol, str(exception.destination)) == ("internet", "udp", "any")
    assert exception.ports == PortSet.of(3478, 5060)
    assert exception.components == ("hostedpbx-classic/analog-adapters-direct",)
    internal_sip = [r for r in ruleset.rules if r.scope == "internal" and r.protocol == "udp" and 5060 in r.ports]
    assert internal_sip and str(internal_sip[0].destination) == LAN.address, "the internal SIP stays internal"


def test_remote_clients_ports_are_only_in_the_remote_scope(catalog):
    ruleset = build(catalog, _plan(catalog, "hostedpbx-classic"))
    remote_id = "hostedpbx-classic/swyx-clients-remote"
    holding = [r for r in ruleset.rules if remote_id in r.components]
    assert holding and all(r.scope == "remote" for r in holding)
    assert all(r.components == (remote_id,) for r in ruleset.rules if r.scope == "remote")
    assert {16203, 57203} & set().union(*(set(r.ports) for r in ruleset.rules if r.scope != "remote")) == set()


def test_first_start_ports_stay_apart_from_the_permanent_ones_and_say_when_they_go(catalog):
    plan = _plan(
        catalog,
        "instantpbx",
        "instantpbx/swyxit-windows-first-start",
        "hostedpbx-vpnless",
        "hostedpbx-vpnless/swyxit-windows-first-start",
    )
    ruleset = build(catalog, plan)
    conditional = [r for r in ruleset.rules if r.condition is not None]
    assert [(r.protocol, r.ports.format(",")) for r in conditional] == [("tcp/udp", "5060,5070")]
    assert set(conditional[0].components) == {
        "instantpbx/swyxit-windows-first-start",
        "hostedpbx-vpnless/swyxit-windows-first-start",
    }
    assert "RemoteConnector" in conditional[0].condition_text("en")
    assert all(5070 not in r.ports for r in ruleset.rules if r.condition is None)
    rows = _csv_rows(catalog, plan)
    assert [r["condition"] != "" for r in rows] == [r.condition is not None for r in ruleset.rules]
    document = json.loads(render_export(catalog, plan, "json", ExportSettings(lang="de")))
    assert "RemoteConnector" in document["rules"][-1]["condition"]
    assert all(r["condition"] is None for r in document["rules"][:-1])
    text = render_export(catalog, plan, "text", ExportSettings())
    number = len(ruleset.rules)
    assert re.search(rf"^{number}\*\s+outbound\s+tcp/udp", text, re.M)
    assert "    * condition: Only until the RemoteConnector" in text


# ---- notes ----


def _all_components(catalog) -> Plan:
    return Plan(tuple(c.id for c in catalog.components), LAN, HOST)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_note_and_condition_reaches_the_document_formats(catalog, fmt, lang):
    plan = _all_components(catalog)
    output = render_export(catalog, plan, fmt, ExportSettings(lang=lang))
    if fmt == "json":
        notes = json.loads(output)["notes"]
        said = {(n["component"], n["where"], n["text"]) for n in notes}
        assert all(n["kind"] in ("note", "condition") for n in notes)
    flattened = " ".join((html.unescape(output) if fmt == "markdown" else output).split())
    condition_label = {"de": "Bedingung: ", "en": "Condition: "}[lang]
    for component in catalog.components:
        product = catalog.product(component.product_id)
        where = f"{product.name.get(lang)} › {component.name.get(lang)}"
        texts = [("", n.text.get(lang)) for n in component.notes]
        texts += [(condition_label, component.condition.text.get(lang))] if component.condition else []
        for label, text in texts:
            if fmt == "json":
                assert (component.id, where, text) in said
            else:  # the note stands under its own product and component, on one line
                assert " ".join(f"{where}: {label}{text}".split()) in flattened, (component.id, text)


def test_a_conditional_item_not_selected_is_still_named_with_its_condition(catalog):
    plan = _plan(catalog, "hostedpbx-classic")
    (hint,) = [n for n in build(catalog, plan).notes if n.kind == "not-selected"]
    assert hint.component_id == "hostedpbx-classic/analog-adapters-direct"
    text = render_export(catalog, plan, "text", ExportSettings())
    assert "not selected (hostedpbx-classic/analog-adapters-direct); condition: Only where the provider" in text
    selected = _plan(catalog, "hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct")
    assert not [n for n in build(catalog, selected).notes if n.kind == "not-selected"]


def test_a_conditional_item_without_its_parent_is_warned_about(catalog):
    plan = _plan(catalog, "instantpbx/swyxit-windows-first-start")
    (notice,) = [n for n in build(catalog, plan).notices if n.code == "parent-not-selected"]
    assert "in addition to those of instantpbx/swyxit-windows" in notice.text.en
    assert "hinzu" in notice.text.de
    with_parent = _plan(catalog, "instantpbx/swyxit-windows", "instantpbx/swyxit-windows-first-start")
    assert "parent-not-selected" not in {n.code for n in build(catalog, with_parent).notices}


def test_the_vpn_router_stands_in_for_the_lan_address_and_odd_values_are_said(catalog):
    plan = Plan(
        expand_selection(catalog, ["hostedpbx-classic/vpn-tunnel"]),
        None,
        HOST,
        vpn_router=parse_vpn_router("192.168.1.1"),
    )
    assert "missing-lan" not in {n.code for n in build(catalog, plan).notices}, "the tunnel uses the VPN router"
    without = Plan(plan.selected, None, HOST)
    assert "missing-lan" in {n.code for n in build(catalog, without).notices}
    unused = _plan(catalog, "instantpbx/webinterface", vpn="192.168.50.1")
    assert "vpn-router-unused" in {n.code for n in build(catalog, unused).notices}
    outside = _plan(catalog, "hostedpbx-classic/vpn-tunnel", vpn="10.9.9.9")
    assert "vpn-router-outside" in {n.code for n in build(catalog, outside).notices}
    network_address = _plan(catalog, "hostedpbx-classic/vpn-tunnel", vpn="192.168.50.0")
    assert "vpn-router-outside" in {n.code for n in build(catalog, network_address).notices}
    inside = _plan(catalog, "hostedpbx-classic/vpn-tunnel", vpn="192.168.50.1")
    assert not {"vpn-router-outside", "vpn-router-unused"} & {n.code for n in build(catalog, inside).notices}


def test_the_same_note_of_two_products_is_said_once_per_product(catalog):
    plan = _plan(catalog, "instantpbx/swyxit-windows-first-start", "hostedpbx-vpnless/swyxit-windows-first-start")
    notes = build(catalog, plan).notes
    conditions = [n for n in notes if n.kind == "condition"]
    assert [n.where.en.split(" › ")[0] for n in conditions] == ["InstantPBX", "HostedPBX VPNless"]
    lines = note_lines(build(catalog, plan), "en")
    assert len(lines) == len(set(lines)), "two identical, unlabelled lines"


# ---- which port is for what ----


def test_each_port_says_which_purposes_it_serves(catalog):
    ruleset = build(catalog, _plan(catalog, "hostedpbx-classic/yealink-phones", "hostedpbx-classic/webinterface"))
    to_host = next(
        r for r in ruleset.rules if r.scope == "internet" and r.destination.kind == "any" and r.protocol == "tcp"
    )
    breakdown = {ports.format(","): purposes for ports, purposes in to_host.port_purposes("en")}
    assert set(breakdown["9200"]) == {
        "First setup at the PBX's external address (http/https)",
        "First setup at the central provisioning server (http/https)",
    }
    assert "PBX web interface" in breakdown["443"] and "PBX web interface" not in breakdown["9200"]
    web = next(r for r in ruleset.rules if 9443 in r.ports)
    assert web.port_purposes("de") == ((PortSet.of(9443), ("Webinterface der Telefonanlage",)),)
    document = json.loads(render_export(catalog, _plan(catalog, "hostedpbx-classic/webinterface"), "json"))
    assert {
        (tuple(map(tuple, p["ports"])), tuple(p["purposes"])) for r in document["rules"] for p in r["port_purposes"]
    } == {(((443, 443), (9443, 9443)), ("PBX web interface",))}


# ---- the VPN router ----


def test_the_tunnel_uses_the_vpn_router_and_everything_else_the_lan_address(catalog):
    plan = _plan(catalog, "hostedpbx-classic", vpn="192.168.50.1")
    ruleset = build(catalog, plan)
    tunnel = [r for r in ruleset.rules if "hostedpbx-classic/vpn-tunnel" in r.components]
    assert {(r.direction, str(r.source), str(r.destination)) for r in tunnel} == {
        ("outbound", "192.168.50.1", "acme.telovip.de"),
        ("inbound", "acme.telovip.de", "192.168.50.1"),
    }
    others = {str(e) for r in ruleset.rules if r not in tunnel for e in (r.source, r.destination)}
    assert "192.168.50.1" not in others and LAN.address in others
    assert "vpn-router-default" not in {n.code for n in ruleset.notices}
    default = build(catalog, _plan(catalog, "hostedpbx-classic"))
    (notice,) = [n for n in default.notices if n.code == "vpn-router-default"]
    assert "192.168.50.2" in notice.text.en and "192.168.50.2" in notice.text.de
    assert "vpn-router-default" not in {n.code for n in build(catalog, _plan(catalog, "instantpbx")).notices}


# ---- choosing scopes ----


def test_document_formats_show_every_scope_and_router_formats_the_internet_router_only(catalog):
    plan = _plan(catalog, "hostedpbx-classic")
    full = build(catalog, plan)
    assert {r["scope"] for r in _csv_rows(catalog, plan)} == set(SCOPES)
    internet_only = _csv_rows(catalog, plan, scopes=("internet",))
    assert {r["scope"] for r in internet_only} == {"internet"}
    assert [r["rule"] for r in internet_only] == [str(n) for n in range(1, len(internet_only) + 1)]
    nft = render_export(catalog, plan, "nftables", ExportSettings())
    counts = {s: sum(1 for r in full.rules if r.scope == s) for s in ("internal", "remote")}
    assert f"Left out: {counts['internal']} internal rule(s), {counts['remote']} remote rule(s)" in nft
    assert "--scope internal,remote" in nft


def test_rule_numbers_agree_across_formats_for_the_same_scopes(catalog):
    plan = _plan(catalog, "hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct")
    for scopes in (("internet",), SCOPES, ("internal", "remote")):
        settings = ExportSettings(scopes=scopes)
        rows = _csv_rows(catalog, plan, scopes=scopes)
        document = json.loads(render_export(catalog, plan, "json", settings))
        assert [(r["rule"], r["ports"]) for r in rows] == [
            (str(r["rule"]), ",".join(f"{lo}" if lo == hi else f"{lo}-{hi}" for lo, hi in r["ports"]))
            for r in document["rules"]
        ]
        text = render_export(catalog, plan, "text", settings)
        numbers = [int(m.group(1)) for m in re.finditer(r"^(\d+)\*?\s", text, re.M)]
        assert numbers == [r["rule"] for r in document["rules"]]
        # every router format numbers a rule as json does; the pieces it splits a rule into share the number
        by_number = {r["rule"]: r for r in document["rules"]}
        for fmt in router_names():
            exporter = exporters.get(fmt)
            options = MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)
            for label, rule in build(catalog, plan, options).in_scopes(scopes).numbered():
                same = by_number[int(label.rstrip("abcdefghijklmnopqrstuvwxyz"))]
                assert (same["scope"], same["direction"], same["source"], same["destination"]) == (
                    rule.scope,
                    rule.direction,
                    str(rule.source),
                    str(rule.destination),
                ), (fmt, label)
                assert set(rule.protocols) <= set(same["protocol"].split("/")), (fmt, label)


def test_every_format_numbers_its_rules_through_the_rule_sets_labels():
    """No exporter counts rules on its own: a count restarts per format and drifts when a rule is split."""
    for path in [*(ROOT / "exporters").glob("*.py"), ROOT / "fwplan" / "formats.py"]:
        assert "enumerate(ruleset.rules" not in path.read_text(encoding="utf-8"), path.name


def test_a_router_file_without_a_rule_in_its_scopes_is_refused_not_written(catalog, tmp_path):
    from fwplan.cli import main

    out = tmp_path / "lan-only.nft"
    code = main(
        [
            "export",
            "--select",
            "hostedpbx-classic/swyx-clients-lan",
            "--lan",
            "192.168.50.2/24",
            "--format",
            "nftables",
            "-o",
            str(out),
        ]
    )
    assert code == 2 and not out.exists()
    assert (
        main(
            [
                "export",
                "--select",
                "hostedpbx-classic/swyx-clients-lan",
                "--lan",
                "192.168.50.2/24",
                "--format",
                "nftables",
                "--scope",
                "internal",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert "192.168.50.2" in out.read_text(encoding="utf-8")


def test_scope_choices_on_the_command_line(catalog, capsys):
    from fwplan.cli import main

    args = ["export", "--select", "hostedpbx-classic", "--lan", "192.168.50.2/24", "--format", "csv"]
    assert main([*args, "--scope", "internal,remote"]) == 0
    comma = capsys.readouterr().out
    assert main([*args, "--scope", "internal", "--scope", "remote"]) == 0
    assert capsys.readouterr().out == comma
    assert {row["scope"] for row in csv.DictReader(io.StringIO(comma))} == {"internal", "remote"}
    assert main([*args, "--scope", "wan"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "unknown scope 'wan'; accepted: internet, internal, remote, all" in error
    assert main([*args, "--scope", "wan", "--lang", "de"]) == 2
    assert "unbekannter Bereich 'wan'" in capsys.readouterr().err
