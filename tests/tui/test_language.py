"""The planner's language under Pilot: l switches it everywhere, German from the start."""

from __future__ import annotations

import io

from tests.tui.conftest import footer_labels, make_app, node_for, settle, table_rows, until
from tui.widgets.component_tree import ComponentTree
from tui.widgets.details_pane import DetailsPane
from tui.widgets.rules_table import RulesTable
from tui.widgets.status_line import StatusLine


async def test_l_switches_the_language_everywhere(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ComponentTree)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "de"
        assert "HostedPBX classic (mit VPN)" in str(node_for(tree, "hostedpbx-classic").label)
        assert str(app.query_one(RulesTable).columns["direction"].label) == "Ri."
        assert table_rows(app)[0][1:3] == ("I", "aus")
        assert table_rows(app)[-1][1:3] == ("U", "aus")  # unterwegs: the remote clients
        assert str(app.query_one(RulesTable).columns["scope"].label) == "B"
        assert str(app.query_one(StatusLine).render()).startswith("9 Regeln")
        assert "LAN-Adresse (Planungsdokument)" in str(app.query_one("#lan-label").render())
        assert "Regel 1" in app.query_one(DetailsPane).plain
        await until(pilot, lambda: footer_labels(app.screen).get("space") == "Haken")
        labels = footer_labels(app.screen)
        assert labels["ctrl+q"] == "Ende" and labels["c"] == "Kopie" and labels["l"] == "English"
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard.startswith("Katalog: ")
        assert "\nInternet-Router\n===============\n" in app.clipboard and "#  Richtung" in app.clipboard
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en"
        assert str(app.query_one(RulesTable).columns["direction"].label) == "Dir"


async def test_german_from_the_start(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)):
        assert "benötigt von" in str(app.query_one("#lan-message").render())
        assert "Installationen unterscheiden sich" in str(app.query_one(StatusLine).render())


async def test_textual_own_palette_commands_are_named_in_german_under_de(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = {c.title for c in commands}
        assert {"Farbschema", "Beenden", "Tasten", "Bildschirmfoto"} <= titles
        for english in ("Theme", "Quit", "Keys", "Screenshot", "Change the current theme"):
            assert english not in titles | {c.help for c in commands}
        app.lang = "en"
        assert "Theme" in {c.title for c in app.get_system_commands(app.screen)}


async def test_textual_keys_panel_names_the_keys_in_the_planner_language(catalog):
    """The palette's "Keys" command opens Textual's keys panel: it lists the screen's bindings in German
    under de, and in English after l, as the footer does."""
    from rich.console import Console
    from textual.widgets import KeyPanel

    def panel_text() -> str:
        panels = app.screen.query(KeyPanel)
        if not panels:
            return ""
        console = Console(width=200, record=True, file=io.StringIO())
        for table in panels.first().query("BindingsTable"):
            console.print(table.render_bindings_table())
        return console.export_text()

    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_show_help_panel()
        await until(pilot, lambda: " c Kopie" in panel_text())
        assert " ^q Ende" in panel_text() and "space Haken" in panel_text()
        app.query_one("#tree").focus()
        await pilot.press("l")
        await until(pilot, lambda: " c Copy" in panel_text())
        assert "Kopie" not in panel_text() and " ^q Quit" in panel_text()
