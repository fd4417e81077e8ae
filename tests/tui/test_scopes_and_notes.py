"""Issue 9 in the planner: conditional items are opt-in and marked, each rule says its scope, the article's
notes are one key away, and the VPN router's address has its own field while the tunnel is ticked."""

from __future__ import annotations

from textual.widgets import Input

from fwplan.plan import read_plan_file
from tests.tui.conftest import HOST, make_app, node_for, table_rows, tick, until
from tui.screens.help import HelpScreen
from tui.screens.notes import NotesScreen
from tui.widgets.component_tree import CHECKED, PARTIAL, UNCHECKED, ComponentTree
from tui.widgets.details_pane import DetailsPane
from tui.widgets.rules_table import RulesTable

ANALOG = "hostedpbx-classic/analog-adapters-direct"
TUNNEL = "hostedpbx-classic/vpn-tunnel"


async def test_a_product_tick_leaves_its_conditional_child_unticked_and_the_box_says_so(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ComponentTree)
        product, child = node_for(tree, "hostedpbx-classic"), node_for(tree, ANALOG)
        await tick(pilot, "hostedpbx-classic")
        assert ANALOG not in app.plan.selected and TUNNEL in app.plan.selected
        assert str(child.label).startswith(f"{UNCHECKED} *")  # the mark before the name: it survives cutting
        assert tree.state_of(product.data) == CHECKED
        assert str(product.label).startswith(f"{CHECKED} HostedPBX")
        assert not any(label.endswith("*") for label, *_ in table_rows(app))

        await tick(pilot, ANALOG)
        assert str(product.label).startswith(f"{CHECKED}+1 HostedPBX")
        assert str(child.label).startswith(f"{CHECKED} ")

        await tick(pilot, "hostedpbx-classic")  # unticking a fully ticked product unticks all, the conditional too
        assert app.plan.selected == () and str(product.label).startswith(f"{UNCHECKED} ")

        await tick(pilot, ANALOG)  # only the conditional item: partial, with the count
        assert tree.state_of(product.data) == PARTIAL
        assert str(product.label).startswith(f"{PARTIAL}+1 ")
        await tick(pilot, "hostedpbx-classic")  # a product tick adds the unconditional ones, keeps the conditional
        assert str(product.label).startswith(f"{CHECKED}+1 ") and ANALOG in app.plan.selected


async def test_ticking_the_conditional_child_yields_a_marked_conditional_rule(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        before = table_rows(app)
        await tick(pilot, ANALOG)
        rows = table_rows(app)
        marked = [row for row in rows if row[0].endswith("*")]
        assert len(rows) == len(before) + 1 and len(marked) == 1
        number, scope, direction, protocol, ports, source, destination, _purpose = marked[0]
        assert (scope, direction, protocol, ports, source, destination) == (
            "I",
            "out",
            "udp",
            "3478,5060",
            "192.168.50.0/24",
            "any",
        )
        table = app.query_one(RulesTable)
        table.focus()
        table.move_cursor(row=int(number.rstrip("*")) - 1)
        await pilot.pause()
        details = app.query_one(DetailsPane).plain
        assert details.startswith(f"Rule {number}: out udp 192.168.50.0/24 → any")
        assert "* Condition: Only where the provider attaches analog adapters" in details
        assert "Scope (I): Internet router." in details


async def test_the_rules_table_names_each_scope_and_fits_80_columns(catalog):
    app = make_app(catalog, select=("hostedpbx-classic", ANALOG, "instantpbx/swyxit-windows-first-start"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = table_rows(app)
        assert {row[1] for row in rows} == {"I", "S", "R"}
        assert [row[0] for row in rows if row[0].endswith("*")] == ["6*", "7*"]
        table = app.query_one(RulesTable)
        shown = [table.render_line(y).text for y in range(1, table.scrollable_content_region.height)]
        assert len(shown) >= 5
        for line, row in zip(shown, rows):  # number, scope, direction, protocol and ports in sight, ports whole
            assert line.split()[:5] == [*row[:4], row[4]], (line, row)


async def test_n_lists_every_note_of_the_selection_with_its_product_and_component(catalog):
    app = make_app(catalog, select=(TUNNEL,))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        text = screen.plain
        assert "HostedPBX classic (with VPN) › VPN tunnel\n" in text
        assert any("priorit" in line.lower() and line.startswith(" • ") for line in text.splitlines())
        assert "Conditional components, not ticked" in text
        assert "Analog adapters attached directly to the provider's network" in text
        assert "Condition: Only where the provider attaches analog adapters" in text
        await pilot.press("n")  # the planner's keys do not act under it; n closes it, as esc does
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen) and len(app.screen_stack) == 1


async def test_the_notes_are_in_the_planners_language_and_say_when_there_are_none(catalog):
    app = make_app(catalog, select=("instantpbx", "hostedpbx-vpnless"), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        text = app.screen.plain
        assert text.startswith("Hinweise und Bedingungen aus dem Artikel")
        for product in ("InstantPBX", "HostedPBX VPNless"):
            assert f"☐ {product} › SwyxIt! für Windows: erstmaliger Start\n   Bedingung: " in text
        await pilot.press("escape")
        await tick(pilot, "instantpbx")
        await tick(pilot, "hostedpbx-vpnless")
        await pilot.press("n")
        await pilot.pause()
        assert "Keine Hinweise" in app.screen.plain


async def test_the_vpn_router_field_shows_only_with_the_tunnel_and_feeds_its_rules(catalog, tmp_path):
    app = make_app(catalog, select=("hostedpbx-classic/webinterface",), plan_path=str(tmp_path / "site.toml"))
    async with app.run_test(size=(120, 40)) as pilot:
        row = app.query_one("#vpn-row")
        assert not row.display
        await tick(pilot, TUNNEL)
        assert row.display
        vpn = app.query_one("#vpn-input", Input)
        assert vpn.placeholder == "empty: the LAN address"
        assert table_rows(app)[1][:7] == ("2", "I", "out", "udp", "9944", "192.168.50.2", HOST)

        await pilot.press("tab")
        assert app.focused.id == "lan-input"
        await pilot.press("tab", "tab")
        assert app.focused is vpn
        await pilot.press(*"192.168.50.1")
        await pilot.pause()
        assert app.plan.vpn_router.address == "192.168.50.1"
        tunnel = [row for row in table_rows(app) if row[4] == "9944"]
        assert [(r[5], r[6]) for r in tunnel] == [("192.168.50.1", HOST), (HOST, "192.168.50.1")]
        assert "192.168.50.2" not in {cell for r in tunnel for cell in r}
        assert app.modified

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert read_plan_file(tmp_path / "site.toml", catalog).vpn_router.address == "192.168.50.1"

        await tick(pilot, TUNNEL)
        assert not row.display
        await pilot.press("tab", "tab", "tab")
        assert app.focused.id == "rules"


async def test_an_invalid_vpn_router_shows_inline_and_leaves_the_rules_alone(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), vpn_router="192.168.50.1", lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        before = table_rows(app)
        vpn = app.query_one("#vpn-input", Input)
        assert vpn.value == "192.168.50.1"
        vpn.focus()
        await pilot.press("home", "x")
        await pilot.pause()
        message = app.query_one("#vpn-message")
        assert message.display and vpn.has_class("-invalid")
        assert str(message.render()) == (
            "✗ VPN-Router-Adresse 'x192.168.50.1' ist keine IP-Adresse; z. B. 192.168.50.1 angeben (Regeln unverändert)"
        )
        assert table_rows(app) == before and app.plan.vpn_router.address == "192.168.50.1"
        assert table_rows(app)[1][5] == "192.168.50.1"

        app.query_one(ComponentTree).focus()
        await pilot.press("l")
        await pilot.pause()
        assert str(message.render()).startswith("✗ VPN router address 'x192.168.50.1' is not an IP address")
        vpn.focus()
        await pilot.press("home", "delete")
        await pilot.pause()
        assert not message.display and not vpn.has_class("-invalid")
        assert table_rows(app)[1][5] == "192.168.50.1"


async def test_help_explains_the_marks(catalog):
    app = make_app(catalog, lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        assert f"{CHECKED}+N" in text and "6*" in text and "Bedingung" in text
        assert "n                    Hinweise und Bedingungen" in text
        for mark, title in (("I", "Internet-Router"), ("S", "Innerhalb des Standorts"), ("U", "Clients unterwegs")):
            assert f"\n{mark}                    in der Spalte B (Bereich): {title}\n" in text


async def test_an_opened_plan_fills_the_vpn_router_field(catalog, tmp_path):
    plan_file = tmp_path / "site.toml"
    plan_file.write_text(
        'fwplan = 1\nselect = ["hostedpbx-classic"]\nlan = "192.168.50.2/24"\n'
        'host = "acme.telovip.de"\nvpn_router = "192.168.50.254"\n'
    )
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.query_one("#vpn-row").display
        app.load_plan(read_plan_file(plan_file, catalog), str(plan_file))
        await pilot.pause()
        assert app.query_one("#vpn-row").display
        assert app.query_one("#vpn-input", Input).value == "192.168.50.254"
        assert table_rows(app)[1][5] == "192.168.50.254" and not app.modified


async def test_a_vpn_router_of_another_family_than_the_lan_is_refused_inline(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), vpn_router="192.168.50.1")
    async with app.run_test(size=(120, 40)) as pilot:
        vpn = app.query_one("#vpn-input", Input)
        vpn.focus()
        vpn.value = "fd00::1"
        await until(pilot, lambda: vpn.has_class("-invalid"))
        message = app.query_one("#vpn-message")
        assert message.display and vpn.has_class("-invalid")
        assert "is IPv6 while the LAN address is IPv4" in str(message.render())
        assert app.plan.vpn_router.address == "192.168.50.1", "an invalid value never changes the rules"
        lan = app.query_one("#lan-input", Input)
        lan.value = "fd00::5/64"  # now the LAN is of the router's family: the router's address is right again
        await until(pilot, lambda: app.plan.vpn_router.address == "fd00::1")
        assert not vpn.has_class("-invalid")
