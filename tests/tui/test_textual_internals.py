"""Guards for tui/textual_internals.py: each fails, naming what to revisit, when the private Textual API or
the behaviour a workaround relies on changes shape or disappears (a Textual upgrade)."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys

import pytest
from textual import events
from textual.app import App
from textual.command import CommandPalette
from textual.widgets import Footer, Label, OptionList

from tests.conftest import ROOT
from tui import textual_internals


def revisit(what: str, name: str) -> str:
    return f"Textual changed {what}: revisit tui/textual_internals.py:{name}"


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_the_footer_parts_are_where_the_planner_takes_them_from():
    import textual.widgets._footer as footer

    for name in ("FooterKey", "FooterLabel", "KeyGroup"):
        assert hasattr(footer, name), revisit(f"textual.widgets._footer.{name}", name)
    key = footer.FooterKey
    assert parameters(key.__init__) == [
        "self",
        "key",
        "key_display",
        "description",
        "action",
        "disabled",
        "tooltip",
        "classes",
    ], revisit("FooterKey's arguments", "FooterKey")
    assert "self.description" in inspect.getsource(key.render), revisit("how FooterKey shows its label", "FooterKey")
    assert issubclass(footer.FooterLabel, Label), revisit("FooterLabel", "FooterLabel")
    # KeyFooter(wrap=False) relabels the keys Textual's Footer composes: they must still be FooterKeys
    assert "FooterKey(" in inspect.getsource(Footer.compose), revisit("what Footer composes", "FooterKey")


def test_the_footer_still_waits_for_its_bindings():
    assert "_bindings_ready" in Footer._reactives, revisit("Footer._bindings_ready", "footer_ready")
    assert "self._bindings_ready" in inspect.getsource(Footer.compose), revisit("Footer.compose", "footer_ready")
    assert textual_internals.footer_ready(Footer()) is False


def test_option_list_paging_is_still_the_method_the_guard_wraps():
    move_page = getattr(textual_internals, "_original_move_page", None)
    assert move_page is not None and callable(OptionList.__dict__.get("_move_page")), revisit(
        "OptionList._move_page", "guard_option_list_paging"
    )
    assert parameters(move_page) == ["self", "direction"], revisit(
        "OptionList._move_page's arguments", "guard_option_list_paging"
    )
    textual_internals.apply()
    textual_internals.apply()
    assert OptionList._move_page is textual_internals._move_page


def test_importing_the_internals_patches_nothing():
    code = (
        "from textual.widgets import OptionList; original = OptionList._move_page; "
        "import tui.app, tui.textual_internals; assert OptionList._move_page is original"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_command_palette_still_has_the_methods_the_safe_palette_overrides():
    refresh = CommandPalette.__dict__.get("_refresh_command_list")
    assert callable(refresh), revisit("CommandPalette._refresh_command_list", "SafeCommandPalette")
    assert parameters(refresh) == ["self", "command_list", "commands", "clear_current"], revisit(
        "CommandPalette._refresh_command_list's arguments", "SafeCommandPalette"
    )
    watch = CommandPalette.__dict__.get("_watch__list_visible")
    assert callable(watch) and parameters(watch) == ["self"], revisit(
        "CommandPalette._watch__list_visible", "SafeCommandPalette"
    )
    assert "_list_visible" in CommandPalette._reactives, revisit("CommandPalette._list_visible", "SafeCommandPalette")


def test_an_app_without_screens_still_raises_on_screen_and_the_guard_drops_its_input():
    from textual.app import ScreenStackError, UnknownModeError

    app = App()
    with pytest.raises((ScreenStackError, UnknownModeError)):
        _ = app.screen
    assert textual_internals.input_without_screen(app, events.Key("a", "a")) is True
    assert textual_internals.input_without_screen(app, events.Resize.from_dimensions((80, 24), None)) is False


def test_textual_still_names_its_palette_commands_as_the_planner_translates_them():
    """The planner translates Textual's own commands by their English titles (tui/commands.py)."""
    from tui.commands import SYSTEM_COMMAND_KEYS

    source = inspect.getsource(App.get_system_commands)
    for title in SYSTEM_COMMAND_KEYS:
        assert f'"{title}"' in source, f"Textual renamed its palette command {title!r}: revisit tui/commands.py"
    assert '"Hide the keys' in source, "Textual changed the Keys command's help: revisit tui/commands.py"


def test_no_private_textual_api_outside_the_internals_module():
    """Textual's private binding maps (``_bindings``) and widget modules (``textual.widgets._footer``) are used
    only in tui/textual_internals.py (``inherit_bindings=`` and the like are public)."""
    private = re.compile(r"\b_bindings|textual\.widgets\._")
    problems = []
    for package in ("tui", "fwplan", "exporters"):
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "tui" / "textual_internals.py":
                continue
            text = path.read_text(encoding="utf-8")
            problems += [f"{path.relative_to(ROOT)}: {hit}" for hit in private.findall(text)]
    assert not problems, problems


def test_textual_still_names_its_default_screen_and_palette_as_the_planner_does():
    assert App().get_default_screen().id == textual_internals.DEFAULT_SCREEN_ID, revisit(
        "its default screen's id", "DEFAULT_SCREEN_ID"
    )
    source = inspect.getsource(App.action_command_palette)
    assert f'id="{textual_internals.COMMAND_PALETTE_ID}"' in source, revisit(
        "its command palette's id", "COMMAND_PALETTE_ID"
    )
