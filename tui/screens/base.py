"""What every screen the planner pushes shares."""

from __future__ import annotations

from textual.await_complete import AwaitComplete


class DismissOnce:
    """Dismissing a screen that is no longer on top does nothing.

    Keys typed faster than the screen closes (two Enters, an Enter and an
    Escape) queue a second dismiss on the same screen; Textual would then pop
    the screen beneath it, or raise when that is the last one.
    """

    def dismiss(self, result=None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete.nothing()
        return super().dismiss(result)
