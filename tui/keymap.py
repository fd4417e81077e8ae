"""Every key of the planner, with its help text: one list for the Footer, help screen and palette."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KeyHelp:
    keys: str  # as shown to the user
    text: str  # i18n key of the long description
    action: str | None = None  # app action the command palette runs; None for keys that only move


KEYS: tuple[KeyHelp, ...] = (
    KeyHelp("space, enter", "help.toggle", "toggle_focused"),
    KeyHelp("tab, shift+tab", "help.focus"),
    KeyHelp("↑ ↓ ← →, pgup, pgdn", "help.move"),
    KeyHelp("c", "help.copy_ports", "copy_ports"),
    KeyHelp("y", "help.copy_rules", "copy_rules"),
    KeyHelp("e", "help.export", "export"),
    KeyHelp("ctrl+s", "help.save", "save"),
    KeyHelp("ctrl+o", "help.open", "open"),
    KeyHelp("l", "help.language", "switch_language"),
    KeyHelp("d", "help.dialect", "next_dialect"),
    KeyHelp("p", "help.probe", "probe"),
    KeyHelp("n", "help.notes", "notes"),
    KeyHelp("?", "help.help", "help"),
    KeyHelp("ctrl+p", "help.palette"),
    KeyHelp("ctrl+q", "help.quit", "request_quit"),
)
