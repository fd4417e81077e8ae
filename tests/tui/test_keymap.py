"""The key table (tui/keymap.py) is the one place keys are declared: bindings, help, palette and footer."""

from __future__ import annotations

import ast

from fwplan.i18n import table
from tests.conftest import ROOT
from tui.app import PlannerApp
from tui.keymap import KEYS, MAIN_SCREEN_ACTIONS, Place, bindings, help_rows, label_key, palette_keys
from tui.widgets.component_tree import ComponentTree


def test_every_binding_comes_from_the_table():
    """No module but the key table makes a Binding."""
    makers = []
    for path in (ROOT / "tui").rglob("*.py"):
        if path.name == "keymap.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Binding":
                makers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not makers, makers


def test_the_app_and_the_tree_bind_the_tables_keys():
    assert [b.key for b in PlannerApp.BINDINGS] == [
        "c",
        "y",
        "e",
        "ctrl+s",
        "ctrl+o",
        "question_mark",
        "ctrl+q",
        "l",
        "d",
        "p",
        "n",
        "ctrl+p",
        "tab",
        "shift+tab",
    ]
    # focus moves act when the key arrives, before the keys typed behind it (issue 12)
    assert {(b.key, b.action, b.show) for b in PlannerApp.BINDINGS if b.priority} == {
        ("ctrl+q", "request_quit", True),
        ("ctrl+p", "command_palette", True),
        ("tab", "focus_next", False),
        ("shift+tab", "focus_previous", False),
    }
    assert [(b.key, b.action, b.show) for b in ComponentTree.BINDINGS] == [
        ("space", "toggle_check", True),
        ("left", "collapse", False),
        ("right", "expand", False),
    ]


def test_every_key_has_known_texts_and_one_label_per_action():
    texts = table()
    for key in KEYS:
        for i18n_key in (key.label, key.help):
            assert i18n_key is None or i18n_key in texts, key
        if key.action is not None:
            assert label_key(key.action) == key.label
        assert bool(key.bind) == (key.action is not None), key


def test_help_palette_and_main_screen_actions():
    assert [k.keys for k in help_rows()][:3] == ["space, enter", "tab, shift+tab", "↑ ↓ ← →, pgup, pgdn"]
    actions = [k.palette_action for k in palette_keys()]
    assert actions[0] == "toggle_focused" and "request_quit" in actions and "command_palette" not in actions
    for action in actions:
        assert callable(getattr(PlannerApp, f"action_{action}")), action
    assert "request_quit" not in MAIN_SCREEN_ACTIONS and "toggle_focused" in MAIN_SCREEN_ACTIONS


def test_the_reading_views_show_close_scroll_quit_and_palette_once_each():
    shown = [(b.key, b.key_display) for b in bindings(Place.HELP, Place.READING) if b.show]
    assert shown == [("escape", "esc ? q"), ("down", "↑↓ pgup pgdn home end"), ("ctrl+q", None), ("ctrl+p", None)]
