"""Every use of a private Textual API, and every workaround for a Textual bug, in one place.

Textual is pinned below 9, but a minor release may change any of these. Each has a guard test in
``tests/tui/test_textual_internals.py`` that fails, naming the piece here to revisit, when what it
relies on changes shape or disappears. The patch is applied by ``apply()``, which ``PlannerApp``
calls when it starts; importing this module changes nothing.

- ``FooterKey``, ``FooterLabel``, ``KeyGroup``: the parts of Textual's Footer, which
  ``textual.widgets`` does not export; the planner's footer (``tui/widgets/key_footer.py``)
  builds its items from them.
- ``footer_ready``: the Footer's private flag that says the screen's bindings are known.
- ``guard_option_list_paging``: paging an OptionList that is not laid out yet raised KeyError.
- ``SafeCommandPalette``: the palette's search worker and list watcher ran after it closed.
- ``input_without_screen``: input typed ahead while the app closes has no screen to go to.
- ``DEFAULT_SCREEN_ID``, ``COMMAND_PALETTE_ID``: the ids Textual gives its default screen and its
  palette, which the planner's own default screen and palette keep.

All three workarounds were found by typing a thousand random keys (tests/tui/test_stress.py) into
Textual 8.2.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual import events
from textual.app import App, ScreenStackError, UnknownModeError
from textual.command import CommandPalette
from textual.widgets import Footer, OptionList
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

__all__ = [
    "COMMAND_PALETTE_ID",
    "DEFAULT_SCREEN_ID",
    "FooterKey",
    "FooterLabel",
    "KeyGroup",
    "SafeCommandPalette",
    "apply",
    "footer_ready",
    "guard_option_list_paging",
    "input_without_screen",
]


#: Textual's id of the first screen (``App.get_default_screen``); the planner's MainScreen keeps it.
DEFAULT_SCREEN_ID = "_default"
#: Textual's id of the command palette (``App.action_command_palette``); the planner's palette keeps it.
COMMAND_PALETTE_ID = "--command-palette"


def footer_ready(footer: Footer) -> bool:
    """Whether the footer's screen has told it its bindings (Textual's Footer composes nothing before)."""
    return bool(footer._bindings_ready)


_original_move_page = OptionList._move_page


def _move_page(self: OptionList, direction: Any) -> None:
    """``OptionList._move_page`` looks the highlighted option up in line tables that are filled on the next
    layout; until then it raises KeyError. A list that is not laid out yet has nothing to page."""
    with contextlib.suppress(KeyError):
        _original_move_page(self, direction)


def guard_option_list_paging() -> None:
    """Page up/down in a list not laid out yet (the command palette's, the export dialog's format menu) does
    nothing instead of raising. Idempotent."""
    OptionList._move_page = _move_page  # type: ignore[method-assign]  # the patch itself


def apply() -> None:
    """Apply the patches: once, when the app starts (again is harmless)."""
    guard_option_list_paging()


class SafeCommandPalette(CommandPalette):
    """Textual's palette, safe against keys typed faster than it updates: its search worker, finishing after
    the palette closed, looked for widgets that were gone."""

    def _refresh_command_list(self, *args: Any, **kwargs: Any) -> None:
        if self.is_active:
            super()._refresh_command_list(*args, **kwargs)

    def _watch__list_visible(self) -> None:
        if self.is_active:
            super()._watch__list_visible()


def input_without_screen(app: App[Any], event: events.Event) -> bool:
    """True for an input event that arrives when the app has no screen left (closing): Textual would raise
    on it, so the app drops it."""
    if not isinstance(event, events.InputEvent):
        return False
    try:
        _ = app.screen
    except (ScreenStackError, UnknownModeError):
        return True
    return False
