"""A text to read over the planner (the help, the notes view): it scrolls and closes by keys, and its own
Footer names exactly those keys, in the planner's language."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from fwplan.i18n import say
from tui.screens.base import DismissOnce
from tui.widgets.key_footer import KeyFooter

#: key -> what the text does (the scroll container's action); the first is the one the Footer shows
_SCROLL_KEYS = {
    "down": "scroll_down",
    "up": "scroll_up",
    "pagedown": "page_down",
    "pageup": "page_up",
    "home": "scroll_home",
    "end": "scroll_end",
}
_KEY_NAMES = {"escape": "esc", "question_mark": "?"}


def reading_bindings(close_keys: tuple[str, ...]) -> list[Binding]:
    """Close on ``close_keys`` and scroll on the arrows and pages, each shown once in the Footer; then the
    planner's quit and palette keys, which work here too (the app's own bindings act; these only show them)."""
    first, *others = close_keys
    shown = " ".join(_KEY_NAMES.get(key, key) for key in close_keys)
    bindings = [
        Binding(first, "close", "Close", key_display=shown),
        *(Binding(key, "close", "Close", show=False) for key in others),
    ]
    for number, (key, action) in enumerate(_SCROLL_KEYS.items()):
        bindings.append(
            Binding(
                key,
                f"scroll_text('{action}')",
                "Scroll",
                show=not number,
                key_display="↑↓ pgup pgdn home end" if not number else None,
            )
        )
    bindings += [Binding("ctrl+q", "app.request_quit", "Quit"), Binding("ctrl+p", "app.command_palette", "Cmds")]
    return bindings


class ReadingScreen(DismissOnce, ModalScreen[None]):
    """Shows ``text()`` in a scrolling dialog with id ``dialog_id``; subclasses set BINDINGS from reading_bindings."""

    dialog_id = "reading-dialog"
    text_id = "reading-text"

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def text(self) -> Text:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        # Not focusable: the keys go to the screen, whose bindings the Footer can show.
        with VerticalScroll(id=self.dialog_id, classes="dialog", can_focus=False):
            yield Static(self.text(), id=self.text_id)
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """The Footer's labels in the screen's language (Textual keeps a per-node copy of the bindings)."""
        labels = {
            "close": "key.close",
            "scroll_text": "key.scroll",
            "app.request_quit": "key.quit",
            "app.command_palette": "key.palette",
        }
        key_map = self._bindings.key_to_bindings
        for key, bindings in key_map.items():
            key_map[key] = [
                replace(binding, description=say(labels[binding.action.split("(")[0]], self.lang))
                if binding.action.split("(")[0] in labels
                else binding
                for binding in bindings
            ]
        self.refresh_bindings()

    @property
    def plain(self) -> str:
        return str(self.query_one(f"#{self.text_id}", Static).content)

    def action_scroll_text(self, action: str) -> None:
        getattr(self.query_one(f"#{self.dialog_id}", VerticalScroll), f"action_{action}")()

    def action_close(self) -> None:
        self.dismiss(None)
