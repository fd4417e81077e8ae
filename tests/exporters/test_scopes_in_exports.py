"""Scopes, conditional items, the article's notes and the VPN router in every exporter's file.

Every file is made as ``fwplan export`` makes it (``render_export``): router
formats hold the internet scope unless told otherwise, Markdown every scope.
A text is looked for as the format writes it: Cisco folds comments to ASCII,
Markdown escapes its marks, the others write comments as they are.
"""

from __future__ import annotations

import pytest

import exporters
from exporters.base import ascii_text, one_line
from exporters.markdown import md
from exporters.render import ExportSettings, render_export
from fwplan.catalog import SCOPES
from fwplan.i18n import say
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, parse_vpn_router
from tests.exporters.readback import READERS
from tests.formats import router_names

ROUTERS = router_names()
FORMATS = (*ROUTERS, "markdown")
LAN, HOST = parse_lan("192.168.50.2/24"), parse_host("203.0.113.10")
COMMENT_PREFIX = {"cisco": "!", "cisco-ios": "!", "markdown": ""}  # every other format comments with '#'


def spell(fmt: str, text: str) -> str:
    """``text`` as ``fmt`` writes it in a comment (or, for Markdown, anywhere)."""
    if fmt in ("cisco", "cisco-ios"):
        return ascii_text(text)
    if fmt == "markdown":
        return md("x" + text)[1:]  # as inside a line: no escape for a mark that only matters at its start
    return one_line(text)


def comments(fmt: str, text: str) -> str:
    prefix = COMMENT_PREFIX.get(fmt, "#")
    return "\n".join(line for line in text.splitlines() if line.startswith(prefix))


def export(catalog, fmt: str, select, lang: str = "en", vpn_router: str | None = None, scopes=None) -> str:
    plan = Plan(
        expand_selection(catalog, select), LAN, HOST, vpn_router=parse_vpn_router(vpn_router) if vpn_router else None
    )
    return render_export(catalog, plan, fmt, ExportSettings(lang=lang, scopes=scopes))


def rules_of(catalog, fmt: str, select) -> tuple:
    """The plan's rules of every scope, merged and split as ``fmt`` wants them."""
    exporter = exporters.get(fmt)
    plan = Plan(expand_selection(catalog, select), LAN, HOST)
    return build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)).rules


def every_component(catalog) -> list[str]:
    """Every product and, by its own id, every conditional item: all the catalog's components."""
    return [p.id for p in catalog.products] + [c.id for c in catalog.components if c.is_conditional]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_note_and_condition_of_the_selection_is_in_the_comments(catalog, fmt, lang):
    select = every_component(catalog)
    assert set(expand_selection(catalog, select)) == {c.id for c in catalog.components}
    said = comments(fmt, export(catalog, fmt, select, lang))
    checked = 0
    for component in catalog.components:
        product = catalog.product(component.product_id)
        texts = [n.text.get(lang) for n in component.notes]
        texts += [component.condition.text.get(lang)] if component.condition else []
        for text in texts:
            where = f"{product.name.get(lang)} › {component.name.get(lang)}"
            assert spell(fmt, where) in said, (fmt, component.id)
            assert spell(fmt, text) in said, (fmt, component.id, text)
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("fmt", ROUTERS)
def test_router_formats_hold_the_internet_scope_and_count_what_they_left_out(catalog, fmt, lang):
    text = export(catalog, fmt, ["hostedpbx-classic"], lang)
    rules = rules_of(catalog, fmt, ["hostedpbx-classic"])
    assert READERS[fmt](text) == [(r.protocol, r.ports) for r in rules if r.scope == "internet"]
    counts = {scope: len({r.number for r in rules if r.scope == scope}) for scope in ("internal", "remote")}
    assert counts["internal"] and counts["remote"]
    head = comments(fmt, text)
    if lang == "en":
        assert f"Left out: {counts['internal']} internal rule(s), {counts['remote']} remote rule(s)" in head
    else:
        assert f"Nicht enthalten: {counts['internal']} Regel(n) internal, {counts['remote']} Regel(n) remote" in head
    assert "--scope internal,remote" in head and "--scope all" in head
    # one scope only: no rule names it
    assert f"({say('scope.internet', lang)}) {say('dir.outbound', lang)}" not in text


@pytest.mark.parametrize("fmt", ROUTERS)
def test_every_scope_on_request_each_rule_naming_its_scope(catalog, fmt):
    text = export(catalog, fmt, ["hostedpbx-classic"], "en", scopes=SCOPES)
    rules = rules_of(catalog, fmt, ["hostedpbx-classic"])
    assert READERS[fmt](text) == [(r.protocol, r.ports) for r in rules]
    for scope in SCOPES:
        assert f"({say(f'scope.{scope}', 'en')})" in text
    if fmt not in ("fritzbox", "pfsense", "opnsense"):
        number = next(n for n, r in enumerate(rules, start=1) if r.scope == "internal")
        assert spell(fmt, f"fwplan {number} (internal) ") in text
    assert "Left out" not in text


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_conditional_rule_is_marked(catalog, fmt, lang):
    mark = spell(fmt, f"[{say('rule.condition', lang)}: ")
    if fmt == "markdown":
        mark = md(say("markdown.condition.one", lang, mark="*", numbers="6", text="x"))[:-1]
    text = export(catalog, fmt, ["hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct"], lang)
    assert mark in text
    condition = catalog.component("hostedpbx-classic/analog-adapters-direct").condition.text.get(lang)
    marked = [line for line in text.splitlines() if mark in line]
    assert all(spell(fmt, condition)[:40] in line for line in marked), marked
    if fmt == "markdown":
        assert "| 6\\* |" in text
    assert mark not in export(catalog, fmt, ["hostedpbx-classic"], lang), "a permanent rule marked"


#: How each format writes the tunnel's rules, with the VPN router 192.168.50.1 and the PBX host 203.0.113.10.
TUNNEL = {
    "nftables": [
        "define VPN_ROUTER = 192.168.50.1",
        "ip saddr $VPN_ROUTER ip daddr $PBX_HOST udp dport",
        "ip saddr $PBX_HOST ip daddr $VPN_ROUTER udp dport",
    ],
    "iptables": [
        "-s 192.168.50.1 -d 203.0.113.10 -p udp --dport 9944 ",
        "-s 203.0.113.10 -d 192.168.50.1 -p udp --dport 9944 ",
    ],
    "routeros": [
        "src-address=192.168.50.1 dst-address-list=fwplan-pbx-host dst-port=9944 ",
        "src-address-list=fwplan-pbx-host dst-address=192.168.50.1 dst-port=9944 ",
    ],
    "pfsense": [
        "# fwplan_vpn_router (type Host): 192.168.50.1",
        "fwplan_vpn_router  fwplan_pbx_host",
        "fwplan_pbx_host  WAN address",
    ],
    "fortigate": [
        'edit "fwplan-vpn-router"\n        set subnet 192.168.50.1 255.255.255.255',
        'set srcaddr "fwplan-vpn-router"',
        'set mappedip "192.168.50.1"',
    ],
    "cisco": [
        "object network FWPLAN-VPN-ROUTER\n host 192.168.50.1",
        "permit udp object FWPLAN-VPN-ROUTER object FWPLAN-PBX-HOST",
        "permit udp object FWPLAN-PBX-HOST object FWPLAN-VPN-ROUTER",
    ],
    "cisco-ios": [
        "object-group network FWPLAN-VPN-ROUTER\n host 192.168.50.1",
        "object-group FWPLAN-VPN-ROUTER object-group FWPLAN-PBX-HOST",
        "object-group FWPLAN-PBX-HOST object-group FWPLAN-VPN-ROUTER",
    ],
    "fritzbox": ["device 192.168.50.1, protocol UDP, port to device 9944", "UDP 9944: 192.168.50.1 -> 203.0.113.10"],
    "markdown": ["| udp | 192.168.50.1 | 203.0.113.10 | 9944 |", "| udp | 203.0.113.10 | 192.168.50.1 | 9944 |"],
}
TUNNEL["opnsense"] = TUNNEL["pfsense"]


def test_every_format_has_a_tunnel_example():
    assert set(TUNNEL) == set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_vpn_router_address_is_used_for_the_tunnel(catalog, fmt):
    text = export(catalog, fmt, ["hostedpbx-classic/vpn-tunnel"], vpn_router="192.168.50.1")
    for written in TUNNEL[fmt]:
        assert written in text, written
    # the LAN address stays in the header's inputs only: no rule of the tunnel names it
    assert all("192.168.50.0/24" in line for line in text.splitlines() if "192.168.50.2" in line)
    # with everything else of the product the LAN address and network keep their own rules
    text = export(catalog, fmt, ["hostedpbx-classic"], vpn_router="192.168.50.1", scopes=SCOPES)
    assert spell(fmt, "VPN router (planning document): 192.168.50.1") in text or fmt == "markdown"
    for written in TUNNEL[fmt][1:]:
        assert written in text, written
