"""A text to read over the planner (the help, the notes view): it scrolls and closes by keys, and its own
Footer names exactly those keys, in the planner's language."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.screens.base import DismissOnce, TranslatedBindings
from tui.widgets.key_footer import KeyFooter


class ReadingScreen(TranslatedBindings, DismissOnce, ModalScreen[None]):
    """Shows ``text()`` in a scrolling dialog with id ``dialog_id``; subclasses set BINDINGS from the key table
    (``tui.keymap.bindings``): their close keys and ``Place.READING``'s."""

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

    @property
    def plain(self) -> str:
        return str(self.query_one(f"#{self.text_id}", Static).content)

    def action_scroll_text(self, action: str) -> None:
        getattr(self.query_one(f"#{self.dialog_id}", VerticalScroll), f"action_{action}")()

    def action_close(self) -> None:
        self.dismiss(None)
