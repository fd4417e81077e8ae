"""The planner under stress: random keys, huge pastes, Unicode hostnames, saves that fail for real.

FWPLAN_FUZZ_EXAMPLES raises the number of random key sequences (CI runs a few).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.widgets import Input

from fwplan.formats import render_text
from fwplan.plan import read_plan_file
from tests.conftest import require_root, require_tool
from tests.tui.conftest import make_app, settle, until
from tui.widgets.rules_table import RulesTable

FUZZ_EXAMPLES = int(os.environ.get("FWPLAN_FUZZ_EXAMPLES", "3"))

# Every key the planner or its dialogs react to, and typing. Left out: ctrl+q (ends the run, tested
# elsewhere), "p" (the on-site check contacts the PBX host) and "/" (so that a dialog can only be
# given a relative path, which lands in the test's own directory).
KEYS = [
    "space",
    "enter",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "escape",
    "backspace",
    "delete",
    "c",
    "y",
    "e",
    "d",
    "l",
    "question_mark",
    "ctrl+s",
    "ctrl+o",
    "ctrl+p",
] + list("abx019.-:")


def _key_event(key: str) -> events.Key:
    """The event Pilot.press sends for ``key``."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def _drive(keys: list[str], catalog) -> None:
    """Type the keys in bursts of 20, as fast as a paste, waiting for the planner between bursts.

    Pilot.press waits for the app to go idle after every key, which makes a thousand keys take a
    minute; bursts are harsher on the planner and twenty times quicker.
    """
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)) as pilot:
        for start in range(0, len(keys), 20):
            if not app.is_running:
                break
            for key in keys[start : start + 20]:
                event = _key_event(key)
                event.set_sender(app)
                app._driver.send_message(event)
            await pilot.pause()
        if app.is_running:
            await settle(pilot)
            # still answering: the rule table shows the rule set of the plan the app holds now
            table = app.query_one(RulesTable)
            assert len(table.ruleset.rules) == table.row_count
    # A crash inside the app is re-raised when run_test ends. Otherwise the planner still runs, or was
    # quit on purpose (the palette's "Quit" command can be typed at random) with exit code 0.
    assert app.return_code in (None, 0)


@pytest.mark.slow  # about 45 s
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(keys=st.lists(st.sampled_from(KEYS), min_size=1000, max_size=1000))
def test_a_thousand_random_keys_never_crash_the_planner(keys, catalog, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("keys")
    previous = os.getcwd()
    os.chdir(workdir)  # a save or export typed at random lands here
    try:
        asyncio.run(_drive(keys, catalog))
    finally:
        os.chdir(previous)


@pytest.mark.parametrize("field", ["#lan-input", "#host-input"])
async def test_ten_kilobytes_pasted_into_an_input_are_refused_inline(catalog, field):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)) as pilot:
        widget = app.query_one(field, Input)
        widget.focus()
        widget.value = ""  # empty is valid: the input is simply not given
        await until(pilot, lambda: getattr(app.plan, field[1:].removesuffix("-input")) is None)
        before = app.ruleset
        pasted = "1" * 4000 + ";rm -rf /" + "x" * 6240
        widget.post_message(events.Paste(pasted))
        await pilot.pause()
        assert widget.value == pasted
        assert app.ruleset == before
        message = app.query_one(f"{field.replace('-input', '-message')}")
        assert "not" in str(message.render())  # "is not a valid ..." shown inline
        assert app.is_running


async def test_a_unicode_hostname_is_used_as_punycode(catalog):
    app = make_app(catalog, select=("hostedpbx-classic/webinterface",))
    async with app.run_test(size=(120, 40)) as pilot:
        widget = app.query_one("#host-input", Input)
        widget.value = "münchen.telovip.de"
        await until(pilot, lambda: app.plan.host.value == "xn--mnchen-3ya.telovip.de")
        destinations = {str(rule.destination) for rule in app.ruleset.rules}
        assert destinations == {"xn--mnchen-3ya.telovip.de"}
        await pilot.press("y")
        await settle(pilot)
        assert "xn--mnchen-3ya.telovip.de" in app.clipboard and "münchen" not in app.clipboard


# ---- saves that fail for real: the plan stays open and modified, the earlier file intact ----

ORIGINAL = b'# the earlier plan\nfwplan = 1\nselect = ["hostedpbx-classic/vpn-tunnel"]\nlan = "192.168.50.2/24"\n'


@pytest.fixture
def small_tmpfs(tmp_path):
    """A 64 KiB tmpfs of the test's own, unmounted afterwards."""
    require_root()
    require_tool("mount", "umount")
    mountpoint = tmp_path / "mnt"
    mountpoint.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", str(mountpoint)], check=True)
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


async def _save_fails_and_keeps_everything(catalog, plan_file: Path, expected_words: str) -> None:
    app = make_app(catalog, select=("hostedpbx-classic",), plan_path=str(plan_file))
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#host-input", Input).value = "other.telovip.de"  # an edit to lose
        await until(pilot, lambda: app.plan.host.value == "other.telovip.de")
        assert app.modified
        await pilot.press("ctrl+s")
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and expected_words in errors[-1], errors
        assert app.modified and app.is_running
        assert app.plan.host.value == "other.telovip.de"
        assert render_text(app.ruleset)  # the plan being edited is still there to save elsewhere


async def test_save_onto_a_full_filesystem(catalog, small_tmpfs):
    plan_file = small_tmpfs / "site.toml"
    plan_file.write_bytes(ORIGINAL)
    filler = small_tmpfs / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass  # full
    finally:
        os.close(fd)
    await _save_fails_and_keeps_everything(catalog, plan_file, "No space left on device")
    assert plan_file.read_bytes() == ORIGINAL
    assert sorted(p.name for p in small_tmpfs.iterdir()) == ["filler", "site.toml"]


async def test_save_into_a_read_only_directory(catalog, small_tmpfs):
    plan_file = small_tmpfs / "site.toml"
    plan_file.write_bytes(ORIGINAL)
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    await _save_fails_and_keeps_everything(catalog, plan_file, "Read-only file system")
    assert plan_file.read_bytes() == ORIGINAL


async def test_save_onto_a_directory(catalog, tmp_path):
    target = tmp_path / "a-directory"
    target.mkdir()
    await _save_fails_and_keeps_everything(catalog, target, "is a directory")
    assert target.is_dir() and not any(target.iterdir())


async def test_save_through_a_symlink_loop(catalog, tmp_path):
    loop = tmp_path / "loop.toml"
    loop.symlink_to(tmp_path / "loop.toml")
    await _save_fails_and_keeps_everything(catalog, loop, "loop.toml")
    assert loop.is_symlink()


async def test_a_failed_save_can_be_retried_elsewhere(catalog, tmp_path):
    directory = tmp_path / "dir"
    directory.mkdir()
    app = make_app(catalog, select=("hostedpbx-classic",), plan_path=str(directory))
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#host-input", Input).value = "other.telovip.de"
        await until(pilot, lambda: app.plan.host.value == "other.telovip.de")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.modified
        app.plan_path = None  # the user picks another path in the save dialog
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "elsewhere.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert not app.modified
    assert read_plan_file(tmp_path / "elsewhere.toml", catalog).selected == app.plan.selected


async def test_the_clipboard_payload_holds_no_control_characters(catalog):
    """What c and y send through OSC 52 is printable text and line ends only (the catalog refuses the rest)."""
    app = make_app(catalog, select=("instantpbx", "hostedpbx-vpnless", "hostedpbx-classic"), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("y", "c"):
            await pilot.press(key)
            await settle(pilot)
            assert app.clipboard
            assert all(ch == "\n" or ch.isprintable() or ch == "\u00a0" for ch in app.clipboard), repr(app.clipboard)


async def test_paging_the_export_format_menu_before_it_is_laid_out(catalog, tmp_path, monkeypatch):
    """A burst of keys from the main screen into the export dialog's format menu (a crash in Textual 8.2).

    The keys typed ahead reach the dialog once it is up (tui/typeahead.py): enter opens the focused format
    menu, the pages page it. (An enter on a scope box would export, into the working directory.)"""
    monkeypatch.chdir(tmp_path)
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)) as pilot:
        for key in (
            "e",
            "enter",
            "pagedown",
            "pageup",
            "pagedown",
            "escape",
            "escape",
            "ctrl+p",
            "pagedown",
            "pagedown",
            "escape",
        ):
            event = _key_event(key)
            event.set_sender(app)
            app._driver.send_message(event)
        await settle(pilot)
        assert app.is_running


async def test_keys_still_queued_when_the_planner_closes_are_dropped_not_a_crash(catalog):
    """Keys typed ahead of the close reach an app with no screen left (Textual 8.2: ScreenStackError)."""
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ("e", "escape", "down", "space", "c", "x", "escape", "ctrl+p", "escape", "y"):
            event = _key_event(key)
            event.set_sender(app)
            app._driver.send_message(event)
        # no waiting: the test leaves at once, so the planner closes with the keys still queued
    assert app.return_code in (None, 0)
