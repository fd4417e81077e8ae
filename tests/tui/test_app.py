"""The planner driven by keys under Pilot: every key and flow of issue 3."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from textual.widgets import Input, Select

import exporters
from fwplan.cli import main as cli_main
from fwplan.formats import RenderOptions, render_text
from fwplan.merge import build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, read_plan_file
from tests.tui.conftest import HOST, LAN, footer_labels, make_app, make_plan, settle, table_rows, tick, until
from tui.app import PlannerApp
from tui.dialect import format_ports
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.plan_file import PlanFileScreen
from tui.screens.quit import QuitScreen
from tui.widgets.component_tree import CHECKED, PARTIAL, UNCHECKED, ComponentTree
from tui.widgets.details_pane import DetailsPane
from tui.widgets.rules_table import RulesTable
from tui.widgets.status_line import StatusLine


async def test_tick_shows_the_rules_and_c_and_y_copy_them(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        assert table_rows(app) == []
        await tick(pilot, "hostedpbx-classic")
        expected = build(catalog, make_plan(catalog, ("hostedpbx-classic",)))
        rows = table_rows(app)
        assert len(rows) == len(expected.rules) == 9
        assert [(r[3], r[5], r[6]) for r in rows] == [
            (rule.protocol, str(rule.source), str(rule.destination)) for rule in expected.rules
        ]
        for row, rule in zip(rows, expected.rules):
            full = rule.ports.format(",")
            assert row[4] == full if len(full) <= 22 else row[4] == full[:21] + "…"
        assert rows[0][:7] == ("1", "I", "out", "tcp", "9443", "192.168.50.0/24", HOST)
        assert rows[-1][:7] == ("9", "R", "out", "tcp", "443,9094,9100-9101,16…", "any", HOST)
        assert [r[1] for r in rows] == ["I"] * 5 + ["S"] * 3 + ["R"]

        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == render_text(expected, RenderOptions(lang="en", catalog=catalog, plan=app.plan))
        assert app.clipboard.startswith("Catalog: ")
        assert "9100-9101" in app.clipboard
        assert any("copied via OSC 52" in n.message for n in app._notifications)

        app.query_one(RulesTable).focus()
        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard == expected.rules[1].ports.format(",") == "9944"


async def test_space_on_a_product_ticks_its_unconditional_components_then_none_and_one_makes_it_partial(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ComponentTree)
        product = tree.node_for("instantpbx")
        await tick(pilot, "instantpbx")
        assert tree.state_of(product.data) == CHECKED
        components = catalog.product("instantpbx").components
        assert set(app.plan.selected) == {c.id for c in components if not c.is_conditional}
        assert "instantpbx/swyxit-windows-first-start" not in app.plan.selected
        assert str(product.label).startswith(f"{CHECKED} ")
        await tick(pilot, "instantpbx/webinterface")
        assert tree.state_of(product.data) == PARTIAL
        assert str(product.label).startswith(PARTIAL)
        assert "instantpbx/webinterface" not in app.plan.selected
        await tick(pilot, "instantpbx")
        await tick(pilot, "instantpbx")
        assert tree.state_of(product.data) == UNCHECKED
        assert app.plan.selected == ()
        assert table_rows(app) == []


async def test_enter_also_ticks_and_the_conditional_items_are_nested(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ComponentTree)
        child = tree.node_for("hostedpbx-classic/analog-adapters-direct")
        assert child.parent is tree.node_for("hostedpbx-classic/other-devices")
        assert str(child.label).startswith(f"{UNCHECKED} *Analog adapters")  # the mark before the name
        tree.move_cursor(child)
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan.selected == ("hostedpbx-classic/analog-adapters-direct",)
        assert "RemoteConnector" not in app.query_one(DetailsPane).plain
        assert "analog adapters" in app.query_one(DetailsPane).plain


async def test_the_cursor_stays_on_its_rule_when_the_rules_change(catalog):
    app = make_app(catalog, select=("hostedpbx-classic/vpn-tunnel",))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(RulesTable)
        table.focus()
        await pilot.press("down")
        kept = table.current_rule
        assert kept is not None and str(kept.source) == HOST and kept.direction == "inbound"
        await tick(pilot, "hostedpbx-classic/webinterface")
        assert table.row_count > 2
        assert table.current_rule.key == kept.key
        assert table.cursor_row != 1


async def test_an_invalid_address_shows_inline_and_leaves_the_rules_alone(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        before = table_rows(app)
        lan = app.query_one("#lan-input", Input)
        lan.focus()
        await pilot.press("end", "0")
        await pilot.pause()
        message = str(app.query_one("#lan-message").render())
        assert "prefix '240'" in message and "/0 to /32" in message and "rules unchanged" in message
        assert table_rows(app) == before
        await pilot.press("backspace", "home", *["right"] * 10, "0")
        await pilot.pause()
        assert lan.value == "192.168.500.2/24"
        message = str(app.query_one("#lan-message").render())
        assert "'192.168.500.2/24'" in message and "not a valid IPv4 address" in message
        assert table_rows(app) == before
        assert app.plan.lan.text == LAN
        assert lan.has_class("-invalid")
        await pilot.press("end", *["backspace"] * 16, *"10.0.0.2/8")
        await pilot.pause()
        assert app.plan.lan.text == "10.0.0.2/8"
        assert "10.0.0.0/8" in {row[5] for row in table_rows(app)}
        assert "needed by" in str(app.query_one("#lan-message").render())

        host = app.query_one("#host-input", Input)
        host.focus()
        await pilot.press("end", "space", "x")
        await pilot.pause()
        assert "not a valid hostname" in str(app.query_one("#host-message").render())
        assert app.plan.host.value == HOST


async def test_each_input_says_which_ticked_components_need_it(catalog):
    app = make_app(catalog, select=("hostedpbx-classic/swyx-clients-remote",), lan=None, host=None)
    async with app.run_test(size=(160, 40)):
        assert "Swyx clients outside your network" in str(app.query_one("#host-message").render())
        assert "not needed" in str(app.query_one("#lan-message").render())
        assert "<PBX host>" in {row[6] for row in table_rows(app)}
        assert "PBX hostname missing" in app.query_one(DetailsPane).plain


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


async def test_d_switches_the_dialect_for_the_details_and_c(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(RulesTable)
        table.focus()
        table.move_cursor(row=table.row_count - 1)  # the remote clients' rule, the one with a range
        await pilot.press("d", "d")
        await pilot.pause()
        assert app.dialect == "iptables"
        assert "Ports (iptables): 443,9094,9100:9101,16203,57203" in app.query_one(DetailsPane).plain
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "443,9094,9100:9101,16203,57203"
        assert app.clipboard == format_ports(app.query_one(RulesTable).current_rule.ports, "iptables")


async def test_the_status_line_counts_rules_and_ports(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)):
        counts = build(catalog, make_plan(catalog, ("hostedpbx-classic",))).ports_per_protocol()
        status = str(app.query_one(StatusLine).render())
        assert status.startswith("9 rules")
        assert f"TCP {counts['tcp']} / UDP {counts['udp']} ports" in status
        assert "agree changes with the provider" in status


FORMATS = exporters.names()


@pytest.mark.parametrize("name", FORMATS)
async def test_export_writes_what_the_cli_writes(catalog, tmp_path, name):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    target = tmp_path / f"out-{name}"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert set(FORMATS) <= set(dialog.formats)
        dialog.query_one("#format", Select).value = name
        path_input = dialog.query_one("#path", Input)
        path_input.value = str(target)
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert any(str(target) in n.message for n in app._notifications)
    cli_target = tmp_path / f"cli-{name}"
    rc = cli_main(
        [
            "export",
            "--select",
            "hostedpbx-classic",
            "--lan",
            LAN,
            "--host",
            HOST,
            "--lang",
            "de",
            "--format",
            name,
            "-o",
            str(cli_target),
        ]
    )
    assert rc == 0
    assert target.read_bytes() == cli_target.read_bytes()
    if name == "json":
        assert json.loads(target.read_text())["rules"][-1]["ports"][2] == [9100, 9101]


async def test_export_to_a_missing_directory_says_so_in_the_dialog(catalog, tmp_path):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        path_input = app.screen.query_one("#path", Input)
        path_input.value = str(tmp_path / "nope" / "rules.csv")
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "does not exist" in str(app.screen.query_one("#path-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert list(tmp_path.iterdir()) == []


async def test_save_keeps_the_users_comment_and_reopening_gives_the_same_plan(catalog, tmp_path):
    plan_file = tmp_path / "site.toml"
    plan_file.write_text(
        "# Site Musterstadt, planning document of 2024-03\nfwplan = 1\n"
        'select = ["hostedpbx-classic/vpn-tunnel"]\nlan = "192.168.50.2/24"\nhost = ""\n'
    )
    plan = read_plan_file(plan_file, catalog)
    from tui.app import PlannerApp

    app = PlannerApp(catalog, plan, "en", str(plan_file), environ={}, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await tick(pilot, "hostedpbx-classic/webinterface")
        app.query_one("#host-input", Input).focus()
        await pilot.press(*HOST)
        await pilot.pause()
        assert app.modified
        assert "modified" in str(app.query_one(StatusLine).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.modified
        saved_plan = app.plan
    text = plan_file.read_text()
    assert text.startswith("# Site Musterstadt, planning document of 2024-03\n")
    reread = read_plan_file(plan_file, catalog)
    assert reread.selected == saved_plan.selected == ("hostedpbx-classic/vpn-tunnel", "hostedpbx-classic/webinterface")
    assert reread.host.value == HOST and reread.lan.text == LAN

    other = make_app(catalog, select=("instantpbx",), lan=None, host=None)
    async with other.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(other.screen, PlanFileScreen)
        path_input = other.screen.query_one("#path", Input)
        path_input.value = str(plan_file)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(other.screen, PlanFileScreen)
        assert other.plan.selected == reread.selected
        assert other.plan.lan == reread.lan and other.plan.host == reread.host
        assert other.query_one("#lan-input", Input).value == LAN
        assert other.query_one(ComponentTree).selected == reread.selected
        assert not other.modified


async def test_save_without_a_path_asks_for_one_and_open_names_a_bad_file(catalog, tmp_path):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlanFileScreen)
        app.screen.query_one("#path", Input).value = str(tmp_path / "new.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert read_plan_file(tmp_path / "new.toml", catalog).selected == app.plan.selected
        assert app.plan_path == str(tmp_path / "new.toml")

        (tmp_path / "bad.toml").write_text('select = ["no-such-product"]\n')
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "bad.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanFileScreen)
        assert "unknown product or component id 'no-such-product'" in str(app.screen.query_one("#path-error").render())


async def test_l_switches_the_language_everywhere(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ComponentTree)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "de"
        assert "HostedPBX classic (mit VPN)" in str(tree.node_for("hostedpbx-classic").label)
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


async def change_then_ask_to_quit(pilot) -> None:
    await tick(pilot, "instantpbx/webinterface")
    await pilot.press("ctrl+q")
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuitScreen)


async def test_quitting_with_unsaved_changes_asks_first(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await change_then_ask_to_quit(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, QuitScreen)
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#quit")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_quitting_without_changes_does_not_ask(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_help_lists_every_key_and_the_footer_shows_them(catalog):
    from tui.keymap import help_rows

    app = make_app(catalog)
    async with app.run_test(size=(200, 40)) as pilot:
        shown = {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"space", "c", "y", "e", "ctrl+s", "ctrl+o", "l", "d", "question_mark", "ctrl+q", "ctrl+p"} <= shown
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for key in help_rows():
            assert key.keys in text
        assert "Copy the highlighted rule's port list" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_tab_moves_the_focus_through_the_panes(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.focused, ComponentTree)
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["lan-input", "host-input", "rules", "details"]
        await pilot.press("shift+tab")
        assert app.focused.id == "rules"


async def test_letter_keys_type_into_the_inputs(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), host=None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#host-input", Input).focus()
        await pilot.press(*"dyce.example.de")
        await pilot.pause()
        assert app.plan.host.value == "dyce.example.de"
        assert app.dialect == "generic" and app.clipboard == "" and app.lang == "en"


def palette_offers(app) -> list[str]:
    """The commands the open palette lists: its search runs in a worker, so they come in after the typing."""
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return [
        str(option.hit.text)
        for option in (options.get_option_at_index(i) for i in range(options.option_count))
        if hasattr(option, "hit")
    ]


async def test_every_action_is_in_the_command_palette(catalog):
    from fwplan.i18n import say

    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"whole rule set")
        await until(pilot, lambda: palette_offers(app) == [say("help.copy_rules", "en")])
        await pilot.press("enter")
        await settle(pilot)
        assert "9100-9101" in app.clipboard

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Switch the language")
        await until(pilot, lambda: palette_offers(app) == [say("help.language", "en")])
        await pilot.press("enter")
        await pilot.pause()
        assert app.lang == "de"


async def test_the_palette_offers_every_key_action_in_both_languages(catalog):
    from fwplan.i18n import say
    from tui.commands import PlannerCommands
    from tui.keymap import palette_keys

    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        provider = PlannerCommands(app.screen)
        for lang in ("en", "de"):
            app.lang = lang
            names = [name for name, _command, _keys in provider._commands()]
            for key in palette_keys():
                assert say(key.help, lang) in names, (lang, key.palette_action)
                assert callable(getattr(app, f"action_{key.palette_action}")), key.palette_action


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (300, 100), (41, 13)])
async def test_no_crash_at_any_size_nor_on_resizing(catalog, size):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=size) as pilot:
        await tick(pilot, "instantpbx")
        for new_size in ((300, 100), (40, 12), (120, 40), size):
            await pilot.resize_terminal(*new_size)
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_no_color_is_honoured(catalog, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        assert table_rows(app)


async def test_save_and_quit_from_the_question_writes_the_plan(catalog, tmp_path):
    plan_file = tmp_path / "site.toml"
    app = make_app(catalog, select=("hostedpbx-classic",), plan_path=str(plan_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await change_then_ask_to_quit(pilot)
        await pilot.click("#save")
        await pilot.pause()
    assert app.return_code == 0
    assert "instantpbx/webinterface" in read_plan_file(plan_file, catalog).selected


async def test_p_opens_the_on_site_check_for_the_plan_and_escape_closes_it(catalog):
    import socket

    from tui.screens.probe import ProbeScreen

    with socket.socket() as listener:  # the PBX host is this machine's loopback: nothing else is contacted
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        plan = Plan(
            expand_selection(catalog, ["instantpbx/webinterface"]),
            parse_lan("192.168.50.2/24"),
            parse_host("127.0.0.1"),
        )
        app = PlannerApp(catalog, plan, "en", cursor_blink=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("p")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ProbeScreen)
            assert set(screen.probe_plan.hosts) == {"127.0.0.1"}
            await pilot.press("p")  # the planner's keys do not act under the check
            await pilot.pause()
            assert app.screen is screen and len(app.screen_stack) == 2
            await screen.workers.wait_for_complete()
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ProbeScreen)


async def test_opening_another_plan_with_unsaved_changes_asks_first(catalog, tmp_path):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        assert not app.modified
        await tick(pilot, "instantpbx/webinterface")
        assert app.modified
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        assert any("Open another one anyway?" in str(label.render()) for label in app.screen.query("Label"))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (QuitScreen, PlanFileScreen)) and app.modified
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.click("#quit")  # "Discard and open"
        await pilot.pause()
        assert isinstance(app.screen, PlanFileScreen)


async def test_export_with_nothing_ticked_is_refused_and_writes_nothing(catalog, tmp_path):
    """An empty rule set would still carry a drop policy: a router loading it would cut all traffic."""
    app = make_app(catalog, select=())
    target = tmp_path / "empty.nft"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#format", Select).value = "nftables"
        path_input = dialog.query_one("#path", Input)
        path_input.value = str(target)
        path_input.focus()
        await pilot.press("enter")
        message = dialog.query_one("#export-error")
        await until(pilot, lambda: "nothing is selected" in str(message.render()))
        assert app.screen is dialog  # the problem shows in the dialog, which stays open
    assert not target.exists()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_desktop_clipboard_problem_has_words(lang):
    from exporters import clipboard
    from fwplan.i18n import say
    from tui.clipboard_report import CHANNEL_KEYS, PROBLEM_KEYS

    problems = [clipboard.NOT_READ_BACK, clipboard.NO_MECHANISM, clipboard.TIMED_OUT, clipboard.HELPER_FAILED]
    assert set(PROBLEM_KEYS) == set(problems) and set(CHANNEL_KEYS) == {clipboard.OSC52, clipboard.SYSTEM}
    words = [say(PROBLEM_KEYS[problem], lang) for problem in problems]
    assert len(set(words)) == len(problems) and all(words)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("size, rows", [((80, 24), 2), ((120, 40), 1)])
async def test_the_footer_shows_every_planner_key_whole(catalog, lang, size, rows):
    from tui.keymap import palette_keys
    from tui.textual_internals import FooterKey

    app = make_app(catalog, select=("hostedpbx-classic",), lang=lang)
    wanted = {"space", "ctrl+q", "question_mark", "ctrl+p"} | {
        k.keys for k in palette_keys() if "," not in k.keys and k.keys != "?"
    }
    async with app.run_test(size=size) as pilot:
        # the footer composes its keys after the first frame: wait for them (and their layout), bounded
        await until(pilot, lambda: wanted <= {key.key for key in app.query(FooterKey) if key.region.width})
        keys = list(app.query(FooterKey))
        shown = {key.key for key in keys}
        assert wanted <= shown, wanted - shown
        width, height = size
        for key in keys:
            region = key.region
            assert region.width and region.x >= 0 and region.right <= width, (key.key, region)
        assert {key.region.y for key in keys} == set(range(height - rows, height))


async def test_the_footer_wraps_and_unwraps_as_the_terminal_is_resized(catalog):
    from tui.widgets.key_footer import KeyFooter

    async def height_once_settled(expected: int) -> int:
        # the footer measures its items after a refresh: poll, bounded in time, then report what it is
        end = asyncio.get_running_loop().time() + 5
        while footer.size.height != expected and asyncio.get_running_loop().time() < end:
            await pilot.pause(0.02)
        return footer.size.height

    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        footer = app.query_one(KeyFooter)
        heights = [await height_once_settled(1)]
        for size, rows in (((80, 24), 2), ((120, 40), 1), ((80, 24), 2)):
            await pilot.resize_terminal(*size)
            heights.append(await height_once_settled(rows))
        app.query_one("#lan-input").focus()  # typing: only the ctrl keys are live, and they fit on one row
        heights.append(await height_once_settled(1))
    assert heights == [1, 2, 1, 2, 1]


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


async def _submit_path(pilot, key: str, path: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    path_input = pilot.app.screen.query_one("#path", Input)
    path_input.value = path
    path_input.focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_under_german_a_failed_save_and_open_say_why_in_german(catalog, tmp_path):
    (tmp_path / "loop").symlink_to("loop")  # a real fault: the system refuses to follow it
    (tmp_path / "bad.toml").write_text('select = ["hostedpbx-classic"]\nlan = "10.0.0.1/99"\n')
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        await _submit_path(pilot, "ctrl+s", str(tmp_path / "loop"))
        assert isinstance(app.screen, PlanFileScreen)
        assert str(app.screen.query_one("#path-error").render()) == (
            f"✗ Plan '{tmp_path}/loop' kann nicht geschrieben werden: zu viele Ebenen symbolischer Links"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.plan_path is None and app.modified is False

        await _submit_path(pilot, "ctrl+o", str(tmp_path / "missing.toml"))
        assert (
            str(app.screen.query_one("#path-error").render()) == f"✗ Plandatei '{tmp_path}/missing.toml' nicht gefunden"
        )
        app.screen.query_one("#path", Input).value = str(tmp_path / "bad.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanFileScreen)
        assert str(app.screen.query_one("#path-error").render()) == (
            f"✗ Plandatei '{tmp_path}/bad.toml': Präfix '99' in LAN-Adresse '10.0.0.1/99' ist ungültig; "
            "/0 bis /32 verwenden"
        )


async def test_under_german_a_failed_export_says_why_in_german(catalog):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        await _submit_path(pilot, "e", "/dev/full")  # a real device that is always full
        message = app.screen.query_one("#export-error")
        await until(pilot, lambda: str(message.render()) != "")
        assert str(message.render()) == (
            "✗ Export fehlgeschlagen: Export '/dev/full' kann nicht geschrieben werden: kein Platz mehr auf dem Gerät"
        )


async def test_an_input_error_names_its_reason_in_german_and_follows_l(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        before = table_rows(app)
        app.query_one("#lan-input", Input).focus()
        await pilot.press("end", "0")
        await pilot.pause()
        message = lambda: str(app.query_one("#lan-message").render())  # noqa: E731
        assert message() == (
            "✗ Präfix '240' in LAN-Adresse '192.168.50.2/240' ist ungültig; /0 bis /32 verwenden (Regeln unverändert)"
        )
        app.query_one(ComponentTree).focus()
        await pilot.press("l")
        await pilot.pause()
        assert message() == (
            "✗ prefix '240' in LAN address '192.168.50.2/240' is not valid; use /0 to /32 (rules unchanged)"
        )
        await pilot.press("l")
        await pilot.pause()
        assert "Präfix '240'" in message()
        assert table_rows(app) == before and app.plan.lan.text == LAN
