"""What every screen the planner pushes shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.await_complete import AwaitComplete

if TYPE_CHECKING:
    from textual.screen import Screen

    _Screen = Screen[Any]  # checked as the screens it is mixed into
else:
    _Screen = object


class DismissOnce(_Screen):
    """Dismissing a screen that is no longer on top does nothing.

    Keys typed faster than the screen closes (two Enters, an Enter and an
    Escape) queue a second dismiss on the same screen; Textual would then pop
    the screen beneath it, or raise when that is the last one.
    """

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete.nothing()  # type: ignore[no-untyped-call,no-any-return]  # Textual leaves it untyped
        return super().dismiss(result)
