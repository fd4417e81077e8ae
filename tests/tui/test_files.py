"""Export, save, open and quit under Pilot: the dialogs, the files they write, the questions before changes are lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, Select

import exporters
from fwplan.cli import main as cli_main
from fwplan.plan import read_plan_file
from tests.tui.conftest import HOST, LAN, make_app, tick, until
from tui.app import PlannerApp
from tui.screens.export import ExportScreen
from tui.screens.plan_file import PlanFileScreen
from tui.screens.quit import QuitScreen
from tui.widgets.component_tree import ComponentTree
from tui.widgets.status_line import StatusLine

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


async def test_save_and_quit_from_the_question_writes_the_plan(catalog, tmp_path):
    plan_file = tmp_path / "site.toml"
    app = make_app(catalog, select=("hostedpbx-classic",), plan_path=str(plan_file))
    async with app.run_test(size=(120, 40)) as pilot:
        await change_then_ask_to_quit(pilot)
        await pilot.click("#save")
        await pilot.pause()
    assert app.return_code == 0
    assert "instantpbx/webinterface" in read_plan_file(plan_file, catalog).selected


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
