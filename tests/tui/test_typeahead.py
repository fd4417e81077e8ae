"""Keys typed ahead land where the user meant them (issue 12): a burst of keys, all queued before the app handles
the first (as a laggy SSH link or tmux delivers them), does what the same keys typed slowly do.

Each burst is posted to the app at once, without the waits ``pilot.press`` makes between keys; the tests then
poll, bounded, for the outcome. tests/e2e/test_tui_tmux_typeahead.py sends the same bursts through a real
terminal."""

from __future__ import annotations

import pytest
from textual import events
from textual.command import CommandPalette
from textual.widgets import Input

from fwplan.plan import parse_lan, read_plan_file, write_plan_file
from tests.tui.conftest import LAN, make_app, make_plan, tick, until
from tui import typeahead
from tui.screens.base import MainScreen
from tui.widgets.component_tree import ComponentTree

#: the key names Textual gives the characters these tests type that are not their own name
CHARACTER_KEYS = {".": "full_stop", "/": "slash", "-": "minus", "_": "underscore", " ": "space", "?": "question_mark"}
#: the characters of the named keys that have one
KEY_CHARACTERS = {"tab": "\t", "enter": "\r", "escape": "\x1b", "space": " ", "question_mark": "?"}


class Typed(str):
    """Text typed character by character (a plain string in a burst is one key's name)."""


#: how long a burst may take to be handled: generous, for a CPU shared by many test workers
SECONDS = 30.0


@pytest.fixture(autouse=True)
def _in_own_directory(tmp_path, monkeypatch):
    """A key that goes astray may save or export to the dialog's default, relative path: into the test's directory."""
    monkeypatch.chdir(tmp_path)


def burst(app, *keys: str) -> None:
    """Queue every key at once, as a terminal delivers a burst: none is handled before the last is queued."""
    for key in keys:
        if isinstance(key, Typed):
            for character in key:
                app.post_message(events.Key(CHARACTER_KEYS.get(character, character), character))
        else:
            app.post_message(events.Key(key, KEY_CHARACTERS.get(key, key if len(key) == 1 else None)))


def value(app, selector: str) -> str:
    return app.screen_stack[0].query_one(selector, Input).value


def on_main_screen(app) -> bool:
    return isinstance(app.screen, MainScreen) and not len(app.typeahead)


async def test_a_tab_moves_the_focus_before_the_keys_behind_it_are_typed(catalog):
    app = make_app(catalog, lan=None, host=None)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.focused, ComponentTree)
        burst(app, "tab", Typed("192.168.7.5/24"), "tab", Typed("müller.telovip.de"))
        await until(pilot, lambda: value(app, "#host-input") == "müller.telovip.de", SECONDS)
        assert value(app, "#lan-input") == "192.168.7.5/24"
        burst(app, "shift+tab", "ctrl+u", Typed("10.0.0.1/24"), "shift+tab", "down")
        await until(pilot, lambda: isinstance(app.focused, ComponentTree) and not len(app.typeahead), SECONDS)
        assert value(app, "#lan-input") == "10.0.0.1/24" and value(app, "#host-input") == "müller.telovip.de"
        await until(pilot, lambda: app.plan.lan == parse_lan("10.0.0.1/24"), SECONDS)


async def test_the_fields_keep_typing_the_letters_the_planner_binds(catalog):
    app = make_app(catalog, lan=None)
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "tab", Typed("ecdylpnq?"))
        await until(pilot, lambda: value(app, "#lan-input") == "ecdylpnq?", SECONDS)
        await pilot.pause()
        assert len(app.screen_stack) == 1 and app.lang == "en"


async def test_keys_typed_after_ctrl_s_reach_the_save_dialog_and_enter_saves(catalog, tmp_path):
    app = make_app(catalog, select=("hostedpbx-classic",))
    target = tmp_path / "site.toml"
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "ctrl+s", "ctrl+u", Typed(str(target)), "enter")
        await until(pilot, lambda: target.exists() and on_main_screen(app), SECONDS)
        assert app.plan_path == str(target) and not app.modified
        assert read_plan_file(target, catalog).selected == app.plan.selected


async def test_keys_typed_after_e_reach_the_export_dialog_and_enter_exports(catalog, tmp_path):
    app = make_app(catalog, select=("hostedpbx-classic",))
    target = tmp_path / "rules.csv"
    async with app.run_test(size=(120, 40)) as pilot:
        # the format menu has the focus; the three scope boxes, then the path
        burst(app, "e", "ctrl+u", Typed(str(target)), "enter")
        await until(pilot, lambda: target.exists() and on_main_screen(app), SECONDS)
        assert "192.168.50.0/24" in target.read_text(encoding="utf-8")


async def test_keys_typed_after_ctrl_o_reach_the_open_dialog_and_enter_opens(catalog, tmp_path):
    source = tmp_path / "other.toml"
    write_plan_file(str(source), make_plan(catalog, ("hostedpbx-classic",), lan="10.9.8.7/24"), catalog)
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "ctrl+o", "ctrl+u", Typed(str(source)), "enter")
        await until(pilot, lambda: app.plan_path == str(source) and on_main_screen(app), SECONDS)
        assert value(app, "#lan-input") == "10.9.8.7/24"
        assert app.plan.selected == read_plan_file(source, catalog).selected


async def test_keys_typed_after_a_dialogs_enter_reach_the_main_screen(catalog, tmp_path):
    app = make_app(catalog, select=("hostedpbx-classic",))
    target = tmp_path / "site.toml"
    new_lan = parse_lan("10.1.2.3/24")
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "ctrl+s", "ctrl+u", Typed(str(target)), "enter", "tab", "ctrl+u", Typed("10.1.2.3/24"))
        await until(
            pilot,
            lambda: value(app, "#lan-input") == "10.1.2.3/24" and app.plan.lan == new_lan and on_main_screen(app),
            SECONDS,
        )
        assert app.modified
        assert read_plan_file(target, catalog).lan.text == LAN  # saved before the new address was typed


@pytest.mark.parametrize("opener", ["question_mark", "n", "e", "ctrl+s", "ctrl+o", "ctrl+p"])
async def test_keys_typed_after_a_dialogs_escape_reach_the_main_screen(catalog, opener):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, opener, "escape", "tab", "ctrl+u", Typed("10.1.2.3/24"))
        await until(pilot, lambda: value(app, "#lan-input") == "10.1.2.3/24" and on_main_screen(app), SECONDS)
        assert len(app.screen_stack) == 1


async def test_the_quit_question_answers_and_the_save_dialog_after_it_get_the_keys_typed_ahead(catalog, tmp_path):
    app = make_app(catalog)
    target = tmp_path / "before-quitting.toml"
    async with app.run_test(size=(120, 40)) as pilot:
        await tick(pilot, "instantpbx")
        assert app.modified
        # the question focuses Cancel; tab wraps to Save, which asks for a path, saves, and quits
        burst(app, "ctrl+q", "tab", "enter", "ctrl+u", Typed(str(target)), "enter")
        await until(pilot, lambda: target.exists() and not app.is_running, SECONDS)
    assert app.return_code == 0
    assert read_plan_file(target, catalog).selected == app.plan.selected


async def test_keys_typed_after_ctrl_p_reach_the_palette_and_enter_runs_its_command(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "ctrl+p", Typed("switch the language"), "enter")
        await until(pilot, lambda: app.lang == "de" and not CommandPalette.is_open(app), SECONDS)


async def test_a_key_typed_alone_is_handled_at_once_and_nothing_waits(catalog):
    app = make_app(catalog, lan=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab", *"10.0.0.1")
        assert value(app, "#lan-input") == "10.0.0.1" and len(app.typeahead) == 0


async def test_a_burst_of_characters_typed_into_a_field_goes_on_without_waiting(catalog, monkeypatch):
    app = make_app(catalog, lan=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("tab")
        await until(pilot, lambda: isinstance(app.focused, Input) and not app.typeahead._busy, SECONDS)
        waits: list[None] = []
        watch = typeahead.TypeAhead._watch_until_idle
        monkeypatch.setattr(typeahead.TypeAhead, "_watch_until_idle", lambda self: (waits.append(None), watch(self)))
        text = "10.20.30.40/24 " * 6 + "10.0.0.0/8"  # 100 characters
        burst(app, Typed(text))
        await pilot.pause()
        assert value(app, "#lan-input") == text
        assert not waits and not len(app.typeahead) and not app.typeahead._busy


async def test_arrows_in_the_tree_go_on_without_waiting_and_a_bound_letter_still_holds_the_keys_behind_it(
    catalog, monkeypatch
):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.focused, ComponentTree)
        waits: list[None] = []
        watch = typeahead.TypeAhead._watch_until_idle
        monkeypatch.setattr(typeahead.TypeAhead, "_watch_until_idle", lambda self: (waits.append(None), watch(self)))
        burst(app, *["down"] * 20)
        await pilot.pause()
        assert not waits and not len(app.typeahead)
        burst(app, "question_mark", "escape", "tab", "ctrl+u", Typed("10.1.2.3/24"))
        await until(pilot, lambda: value(app, "#lan-input") == "10.1.2.3/24" and on_main_screen(app), SECONDS)
        assert waits and len(app.screen_stack) == 1


async def test_keys_wait_no_longer_than_the_bound_when_the_app_never_settles(catalog, monkeypatch):
    monkeypatch.setattr(typeahead, "MAX_WAIT_SECONDS", 0.05)
    monkeypatch.setattr(typeahead.TypeAhead, "_idle", lambda self: False)
    app = make_app(catalog, lan=None)
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "tab", Typed("10.0.0.1"))
        await until(pilot, lambda: value(app, "#lan-input") == "10.0.0.1", SECONDS)
        await until(pilot, lambda: len(app.typeahead) == 0, SECONDS)


def test_the_bursts_type_what_a_terminal_sends():
    """The key names the helper gives characters are Textual's own (a wrong name would make a test vacuous)."""
    from textual.keys import _character_to_key

    for character, name in CHARACTER_KEYS.items():
        assert _character_to_key(character) == name, character
