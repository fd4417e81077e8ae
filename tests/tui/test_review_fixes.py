"""The reviewer's findings on the planner: who needs the LAN address with and without a VPN router, the export
dialog's scope choice, the rule table at 80 columns, the notes view's Footer, the rule labels of the exports,
and the German words."""

from __future__ import annotations

from textual.widgets import Input, Select

from fwplan.cli import main as cli_main
from fwplan.i18n import say
from fwplan.merge import Limits, MergeOptions, build
from tests.tui.conftest import HOST, LAN, make_app, node_for, table_rows, until
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.notes import NotesScreen
from tui.widgets.component_tree import ComponentTree
from tui.widgets.details_pane import DetailsPane
from tui.widgets.key_footer import KeyFooter
from tui.widgets.option_checkbox import OptionCheckbox
from tui.widgets.rules_table import RulesTable

TUNNEL = "hostedpbx-classic/vpn-tunnel"
LAN_CLIENTS = "hostedpbx-classic/swyx-clients-lan"


async def test_the_lan_field_names_the_tunnel_only_while_no_vpn_router_is_given(catalog):
    app = make_app(catalog, select=(TUNNEL,))
    async with app.run_test(size=(80, 24)) as pilot:
        lan_message = app.query_one("#lan-message")
        assert str(lan_message.render()) == "needed by: VPN tunnel"  # the tunnel falls back to the LAN address
        vpn = app.query_one("#vpn-input", Input)
        vpn.focus()
        await pilot.press(*"192.168.50.1")
        await until(pilot, lambda: app.plan.vpn_router is not None and app.plan.vpn_router.address == "192.168.50.1")
        assert str(lan_message.render()) == "not needed by any ticked component"
        assert "VPN tunnel" in str(app.query_one("#host-message").render())
        vpn.value = ""
        await until(pilot, lambda: app.plan.vpn_router is None)
        assert str(lan_message.render()) == "needed by: VPN tunnel"


def scope_boxes(dialog: ExportScreen) -> dict[str, bool]:
    return {
        scope: dialog.query_one(f"#scope-{scope}", OptionCheckbox).value for scope in ("internet", "internal", "remote")
    }


async def test_a_router_export_with_no_rule_in_its_scope_points_to_the_dialogs_scope_boxes(catalog, tmp_path):
    app = make_app(catalog, select=(LAN_CLIENTS,))
    target = tmp_path / "site.nft"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        assert scope_boxes(dialog) == {"internet": True, "internal": True, "remote": True}  # csv: every scope
        dialog.query_one("#format", Select).value = "nftables"
        await until(pilot, lambda: scope_boxes(dialog) == {"internet": True, "internal": False, "remote": False})
        path_input = dialog.query_one("#path", Input)
        path_input.value = str(target)
        path_input.focus()
        await pilot.press("enter")
        message = dialog.query_one("#export-error")
        await until(pilot, lambda: str(message.render()) != "")
        text = str(message.render())
        assert text.startswith("✗ Export failed: the selection has no rule in scope internet, only in internal;")
        assert "export with --scope internal" in text  # the core's words, kept
        assert text.endswith("belong on this router. In this dialog: tick internal under Scopes.")
        assert message.region.height >= 4 and dialog.screen is app.screen  # the hint in sight, the dialog open
        assert not target.exists()
        internal = dialog.query_one("#scope-internal", OptionCheckbox)
        assert dialog.focused is internal  # space ticks it, enter exports
        await pilot.press("space", "enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
    from_cli = tmp_path / "cli.nft"
    assert (
        cli_main(
            [
                "export",
                "--select",
                LAN_CLIENTS,
                "--lan",
                LAN,
                "--host",
                HOST,
                "--lang",
                "en",
                "--format",
                "nftables",
                "--scope",
                "internal",
                "-o",
                str(from_cli),
            ]
        )
        == 0
    )
    assert target.read_bytes() == from_cli.read_bytes()


async def test_the_hint_is_german_under_de_and_no_scope_ticked_is_refused(catalog, tmp_path):
    app = make_app(catalog, select=(LAN_CLIENTS,), lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ExportScreen))
        dialog = app.screen
        dialog.query_one("#format", Select).value = "iptables"
        await until(pilot, lambda: not scope_boxes(dialog)["internal"])
        dialog.query_one("#path", Input).value = str(tmp_path / "site.rules")
        dialog.query_one("#scope-internet", OptionCheckbox).focus()
        await pilot.press("space", "enter")  # nothing ticked
        message = dialog.query_one("#export-error")
        await until(pilot, lambda: str(message.render()) == "✗ Mindestens einen Bereich anhaken")
        await pilot.press("space", "enter")
        await until(pilot, lambda: str(message.render()).endswith("In diesem Dialog: intern unter Bereiche anhaken."))
    assert not (tmp_path / "site.rules").exists()


async def test_at_80_columns_the_rule_table_shows_the_source_whole_and_the_ports_as_before(catalog):
    app = make_app(catalog, select=("hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RulesTable)
        shown = [table.render_line(y).text for y in range(1, table.scrollable_content_region.height)]
        assert len(shown) >= 5
        for line, row in zip(shown, table_rows(app)):  # number, scope, direction, protocol, ports, source
            assert line.split()[:6] == list(row[:6]), (line, row)
        assert any("192.168.50.0/24" in line for line in shown)


async def test_a_conditional_item_under_the_tree_cursor_shows_its_condition_in_the_details(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)) as pilot:
        details = app.query_one(DetailsPane)
        assert details.plain.startswith("Rule 1: ")
        tree = app.query_one(ComponentTree)
        tree.focus()
        tree.move_cursor(node_for(tree, "hostedpbx-classic/analog-adapters-direct"))
        await until(pilot, lambda: details.plain.startswith("HostedPBX classic (with VPN) › *Analog adapters"))
        assert "\n* Condition: Only where the provider attaches analog adapters" in details.plain
        assert "Rule 1: " in details.plain  # the rule follows
        app.query_one(RulesTable).focus()
        await until(pilot, lambda: details.plain.startswith("Rule 1: "))


async def test_the_notes_view_footer_names_its_keys_and_they_work(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NotesScreen))
        screen = app.screen
        footer = screen.query_one(KeyFooter)
        await until(pilot, lambda: "Schließen" in " ".join(str(w.render()) for w in footer.query("FooterKey")))
        keys = " ".join(str(w.render()) for w in footer.query("FooterKey"))
        assert "esc n q Schließen" in keys and "↑↓ pgup pgdn home end Blättern" in keys
        scroll = screen.query_one("#notes-dialog")
        await pilot.press("pagedown")
        await until(pilot, lambda: scroll.scroll_y > 0)
        await pilot.press("home")
        await until(pilot, lambda: scroll.scroll_y == 0)
        await pilot.press("q")
        await until(pilot, lambda: not isinstance(app.screen, NotesScreen))


async def test_the_planner_labels_rules_as_the_exports_do(catalog):
    """RuleSet.numbered, not a row count: a rule set split by a target's limits labels its pieces 1a, 1b."""
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        split = build(catalog, app.plan, MergeOptions(limits=Limits(max_entries=2)))
        labels = [label for label, _rule in split.numbered()]
        assert labels != [str(n) for n in range(1, len(labels) + 1)]  # the test means something
        table = app.query_one(RulesTable)
        table.show(split)
        await pilot.pause()
        assert [row[0] for row in table_rows(app)] == labels
        table.focus()
        table.move_cursor(row=1)
        await until(pilot, lambda: app.query_one(DetailsPane).plain.startswith(f"Rule {labels[1]}: "))


async def test_the_german_words_say_what_the_english_ones_say(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(80, 24)) as pilot:
        assert table_rows(app)[-1][1] == "U"  # unterwegs, as in the heading "Clients unterwegs"
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = app.screen.plain
        assert "U                    in der Spalte B (Bereich): Clients unterwegs" in text
        assert "fern" not in text
    for lang, words in (
        ("de", ("unbedingten Komponenten an", "ganz angehaktes Produkt abhaken hakt alle")),
        ("en", ("ticks its unconditional components", "unticking a fully ticked product unticks")),
    ):
        assert all(word in say("help.toggle", lang) for word in words)


async def test_the_probe_screen_labels_rules_as_the_exports_do(catalog):
    """Without a PBX host nothing is probed; the rows still carry the rule set's labels (1a, 1b, ...)."""
    from dataclasses import replace

    from textual.widgets import DataTable

    from tui.screens.probe import ProbeScreen

    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        plan = replace(app.plan, host=None)
        split = build(catalog, plan, MergeOptions(limits=Limits(max_entries=2)))
        labels = dict(split.numbered())
        app.push_screen(ProbeScreen(split, plan))
        await until(pilot, lambda: isinstance(app.screen, ProbeScreen))
        await pilot.pause()
        table = app.screen.query_one("#probe-rules", DataTable)
        shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert shown and set(shown) <= set(labels) and any(not label.isdigit() for label in shown)
        entries = app.screen.probe_plan.entries
        assert all(labels[label] is entry.rule for label, entry in zip(shown, entries))
