"""The details pane and the status line under Pilot."""

from __future__ import annotations

from fwplan.merge import build
from tests.tui.conftest import HOST, make_app, make_plan
from tui.widgets.details_pane import DetailsPane
from tui.widgets.rules_table import RulesTable
from tui.widgets.status_line import StatusLine


async def test_the_details_explain_the_rule_with_the_article(catalog):
    app = make_app(catalog, select=("hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct"), lan="8.8.8.8/24")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(RulesTable)
        details = app.query_one(DetailsPane).plain
        assert "Rule 1: out tcp 8.8.8.0/24 → acme.telovip.de" in details
        assert "Scope (I): Internet router. Rules between the site's LAN and the internet" in details
        assert "Which port for what:\n • 9443: PBX web interface\n" in details
        assert "HostedPBX classic" in details  # the article section
        assert "is public" in details
        table.focus()
        await pilot.press(*["down"] * (table.row_count - 1))
        await pilot.pause()
        details = app.query_one(DetailsPane).plain
        assert f"Rule {table.row_count}: out tcp any → {HOST}" in details
        assert "Swyx clients outside your network (remote)" in details
        assert "Scope (R): Remote clients. For the network where a remote client sits" in details
        assert "Notes from the article:\n • HostedPBX classic (with VPN) › Swyx clients outside" in details
        conditional = next(i for i, rule in enumerate(table.ruleset.rules) if rule.condition is not None)
        table.move_cursor(row=conditional)
        await pilot.pause()
        details = app.query_one(DetailsPane).plain
        assert f"Rule {conditional + 1}*: out udp 8.8.8.0/24 → any" in details
        assert "* Condition: Only where the provider attaches analog adapters" in details
        assert " • 3478: STUN directly to the provider's network" in details


async def test_the_status_line_counts_rules_and_ports(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)):
        counts = build(catalog, make_plan(catalog, ("hostedpbx-classic",))).ports_per_protocol()
        status = str(app.query_one(StatusLine).render())
        assert status.startswith("9 rules")
        assert f"TCP {counts['tcp']} / UDP {counts['udp']} ports" in status
        assert "agree changes with the provider" in status
