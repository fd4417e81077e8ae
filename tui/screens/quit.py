"""Asks before unsaved changes are lost: on quitting, or on opening another plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from fwplan.i18n import say
from tui.screens.base import DismissOnce

QUIT, SAVE, CANCEL = "quit", "save", "cancel"


class QuitScreen(DismissOnce, ModalScreen[str]):
    """Dismisses with QUIT (go on without saving), SAVE (save, then go on) or CANCEL.

    ``purpose`` is ``"quit"`` or ``"open"``: what happens after the answer, and so the button texts.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, lang: str, purpose: str = "quit") -> None:
        super().__init__()
        self.lang = lang
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog", classes="dialog"):
            yield Label(say("dialog.quit.title", self.lang), classes="dialog-title")
            yield Label(say(f"dialog.{self.purpose}.text", self.lang))
            with Horizontal(classes="buttons"):
                yield Button(say(f"dialog.{self.purpose}.save", self.lang), id=SAVE, variant="primary")
                yield Button(say(f"dialog.{self.purpose}.quit", self.lang), id=QUIT, variant="error")
                yield Button(say("dialog.cancel", self.lang), id=CANCEL)

    def on_mount(self) -> None:
        self.query_one(f"#{CANCEL}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or CANCEL)

    def action_cancel(self) -> None:
        self.dismiss(CANCEL)
