"""What every screen the planner pushes shares."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.await_complete import AwaitComplete
from textual.binding import ActiveBinding
from textual.screen import Screen

from fwplan.i18n import say
from tui.keymap import label_key

if TYPE_CHECKING:
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


class TranslatedBindings(_Screen):
    """The screen's active bindings with each description in the planner's language.

    Textual's own keys panel (the palette's "Keys" command) lists them by description; the bindings
    keep the key table's English, and this gives each the label the footer shows.
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        lang = str(getattr(self, "lang", None) or getattr(self.app, "lang", "en"))
        active = super().active_bindings
        for key, (node, binding, enabled, tooltip) in active.items():
            label = label_key(binding.action)
            if label is not None:
                active[key] = ActiveBinding(node, replace(binding, description=say(label, lang)), enabled, tooltip)
        return active


class MainScreen(TranslatedBindings, Screen[None]):
    """The planner's first screen (the tree, the inputs, the rules), as Textual's default one but translated."""
