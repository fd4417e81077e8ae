"""The site router's settings in the export dialog (issue 10, item 6): shown per format, checked as typed,
exported as `fwplan export --plan` would, kept in the plan's [export] and offered again after a reopen."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

import exporters
from exporters import render
from fwplan.cli import main as cli_main
from fwplan.plan import ExportPrefs, read_plan_file
from tests.formats import router_names
from tests.tui.conftest import make_app, until
from tui.app import PlannerApp
from tui.screens.export import ExportScreen
from tui.screens.plan_file import PlanFileScreen
from tui.widgets.option_checkbox import OptionCheckbox
from tui.widgets.router_settings import FIELDS

TYPED = frozenset(("wan_if", "lan_if", "name_prefix"))
FLAGS = frozenset(("nat", "masquerade", "plain_acl"))


def format_taking(monkeypatch, wanted: frozenset[str]) -> tuple[str, bool]:
    """A router format that applies every option in ``wanted``, and whether it had to be taught them.

    The first registered format that applies them all. Until an exporter does, nftables is made to accept
    them (``accepted_options``, which the dialog, the planner's export and the CLI all ask): it then
    ignores them in the planner and the CLI alike, and the dialog's part is still tested in full.
    """
    for name in router_names():
        if wanted <= render.accepted_options(name):
            return name, False
    original = render.accepted_options
    monkeypatch.setattr(
        render, "accepted_options", lambda name: original(name) | wanted if name == "nftables" else original(name)
    )
    return "nftables", True


def planner_on_a_file(catalog, tmp_path, lang: str, export_table: str) -> tuple:
    """A plan file site.toml (the classic product, with a comment) whose [export] table holds ``export_table``,
    and the planner opened on it."""
    plan_file = tmp_path / "site.toml"
    plan_file.write_text(
        '# Site Musterstadt\nfwplan = 1\nselect = ["hostedpbx-classic"]\nlan = "192.168.50.2/24"\n'
        f'host = "acme.telovip.de"\n\n[export]\n{export_table}'
    )
    return plan_file, PlannerApp(
        catalog, read_plan_file(plan_file, catalog), lang, str(plan_file), environ={}, cursor_blink=False
    )


def shown(dialog: ExportScreen) -> frozenset[str]:
    return frozenset(field for field in FIELDS if dialog.query_one(f"#{field}-row").display)


async def open_dialog(pilot) -> ExportScreen:
    await pilot.press("e")
    await until(pilot, lambda: isinstance(pilot.app.screen, ExportScreen))
    await pilot.pause()
    return pilot.app.screen


async def choose_format(pilot, dialog: ExportScreen, name: str) -> None:
    dialog.query_one("#format", Select).value = name
    await until(pilot, lambda: shown(dialog) == render.accepted_options(name) & frozenset(FIELDS))


async def test_router_settings_are_exported_as_the_cli_does_saved_and_offered_again(catalog, tmp_path, monkeypatch):
    name, taught = format_taking(monkeypatch, TYPED)
    plan_file, app = planner_on_a_file(catalog, tmp_path, "en", '# the router in the basement\nformat = "csv"\n')
    written = tmp_path / "router.out"
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#format", Select).value == "csv"  # the plan's format, preselected
        assert not shown(dialog) & TYPED
        await choose_format(pilot, dialog, name)
        assert dialog.focused is dialog.query_one("#path")  # e, a path, Enter: the path takes the keys first
        dialog.query_one("#format", Select).focus()
        # the format, the three scope boxes, then the interfaces, by tab
        await pilot.press("tab", "tab", "tab", "tab", *"ppp0", "tab", *"br-lan")
        assert dialog.query_one("#wan_if-input", Input).value == "ppp0"
        dialog.query_one("#name_prefix-input", Input).focus()
        await pilot.press(*"site7")
        flags = shown(dialog) & FLAGS
        for flag in flags:  # every on/off setting the format takes: the other way round from its default
            dialog.query_one(f"#{flag}-check", OptionCheckbox).focus()
            await pilot.press("space")
        path_input = dialog.query_one("#path", Input)
        path_input.value = str(written)
        path_input.focus()
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        flipped = {flag: not dialog.defaults[flag] for flag in flags}
        expected = ExportPrefs(format=name, wan_if="ppp0", lan_if="br-lan", name_prefix="site7", **flipped)
        assert app.plan.export == expected
        assert app.modified and "modified" in str(app.query_one("#status").render())
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.modified)

    text = plan_file.read_text()
    assert text.startswith("# Site Musterstadt\n") and "# the router in the basement\n" in text
    assert 'wan_if = "ppp0"' in text and 'name_prefix = "site7"' in text
    assert read_plan_file(plan_file, catalog).export == expected
    from_cli = tmp_path / "cli.out"
    assert cli_main(["export", "--plan", str(plan_file), "--lang", "en", "-o", str(from_cli)]) == 0
    assert written.read_bytes() == from_cli.read_bytes()
    if not taught:
        assert "ppp0" in written.read_text()

    other = make_app(catalog, select=("instantpbx",))
    async with other.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o")
        await until(pilot, lambda: isinstance(other.screen, PlanFileScreen))
        other.screen.query_one("#path", Input).value = str(plan_file)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(other.screen, PlanFileScreen))
        assert other.plan.export == expected and not other.modified
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#format", Select).value == name
        assert shown(dialog) >= TYPED
        assert [dialog.query_one(f"#{f}-input", Input).value for f in ("wan_if", "lan_if", "name_prefix")] == [
            "ppp0",
            "br-lan",
            "site7",
        ]
        assert {flag: dialog.query_one(f"#{flag}-check", OptionCheckbox).value for flag in flags} == flipped
        assert dialog.query_one("#path", Input).value == "site" + dialog.formats[name].suffix


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "✗ interface name 'eth 0' is not valid"),
        ("de", "✗ Schnittstellenname 'eth 0' ist ungültig"),
    ],
)
async def test_an_invalid_interface_shows_inline_blocks_the_export_and_writes_nothing(
    catalog, tmp_path, monkeypatch, lang, words
):
    name, _ = format_taking(monkeypatch, frozenset(("wan_if",)))
    app = make_app(catalog, select=("hostedpbx-classic",), lang=lang)
    target = tmp_path / "router.out"
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await choose_format(pilot, dialog, name)
        dialog.query_one("#wan_if-input", Input).focus()
        await pilot.press(*"eth 0")
        message = dialog.query_one("#wan_if-message")
        await until(pilot, lambda: message.display)
        assert str(message.render()).startswith(words)
        assert dialog.query_one("#wan_if-input").has_class("-invalid")
        path_input = dialog.query_one("#path", Input)
        path_input.value = str(target)
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and dialog.focused is dialog.query_one("#wan_if-input")
        await pilot.press("backspace", "backspace")  # "eth": valid again
        await until(pilot, lambda: not message.display)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is not dialog)
        assert app.plan.export == ExportPrefs() and not app.modified
    assert not target.exists()


async def test_the_dialog_shows_exactly_the_settings_each_format_takes(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#format", Select).value == "csv"
        for name in exporters.names():
            await choose_format(pilot, dialog, name)  # waits until the rows shown are the accepted ones
            assert dialog.query_one("#router").display == bool(render.accepted_options(name) & frozenset(FIELDS))


async def test_enter_on_a_setting_exports_and_a_ticked_default_is_not_stored(catalog, tmp_path, monkeypatch):
    """Keyboard-first: space ticks, enter exports from anywhere; a tick left at its default stays out of the plan."""
    name, _ = format_taking(monkeypatch, frozenset(("masquerade",)))
    monkeypatch.chdir(tmp_path)  # the default path is relative: site.<suffix>
    app = make_app(catalog, select=("hostedpbx-classic",), plan_path=str(tmp_path / "site.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await choose_format(pilot, dialog, name)
        box = dialog.query_one("#masquerade-check", OptionCheckbox)
        box.focus()
        await pilot.press("space", "space")  # on and off again: the default
        assert box.value is dialog.defaults["masquerade"]
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is not dialog)
        assert app.plan.export == ExportPrefs(format=name)
    assert (tmp_path / f"site{dialog.formats[name].suffix}").exists()


async def test_escape_keeps_the_plans_settings(catalog, monkeypatch):
    name, _ = format_taking(monkeypatch, frozenset(("wan_if",)))
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        await choose_format(pilot, dialog, name)
        dialog.query_one("#wan_if-input", Input).focus()
        await pilot.press(*"wan9", "escape")
        await until(pilot, lambda: app.screen is not dialog)
        assert app.plan.export == ExportPrefs() and not app.modified


async def test_a_plans_dialect_is_named_in_the_dialog_and_exported_as_the_cli_does(catalog, tmp_path):
    """[export] dialect makes `fwplan export --plan` write port lists only: the dialog says so, and does the same."""
    plan_file, app = planner_on_a_file(catalog, tmp_path, "de", 'format = "text"\ndialect = "routeros"\n')
    written = tmp_path / "ports.txt"
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog(pilot)
        assert "Dialekt routeros" in str(dialog.query_one("#dialect-note").render())
        path_input = dialog.query_one("#path", Input)
        path_input.value = str(written)
        path_input.focus()
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is not dialog)
        assert not app.modified  # the same format and settings as the file has
    from_cli = tmp_path / "cli.txt"
    assert cli_main(["export", "--plan", str(plan_file), "--lang", "de", "-o", str(from_cli)]) == 0
    assert written.read_bytes() == from_cli.read_bytes()
