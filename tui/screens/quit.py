"""Asks before unsaved changes are lost: on quitting, or on opening another plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from fwplan.i18n import say
from tui.keymap import Place, bindings
from tui.screens.base import DismissOnce, TranslatedBindings

QUIT, SAVE, CANCEL = "quit", "save", "cancel"
#: purpose -> i18n keys of the question, the save button and the quit button
PURPOSE_KEYS = {
    "quit": ("dialog.quit.text", "dialog.quit.save", "dialog.quit.quit"),
    "open": ("dialog.open.text", "dialog.open.save", "dialog.open.quit"),
}


class QuitScreen(TranslatedBindings, DismissOnce, ModalScreen[str]):
    """Dismisses with QUIT (go on without saving), SAVE (save, then go on) or CANCEL.

    ``purpose`` is ``"quit"`` or ``"open"``: what happens after the answer, and so the button texts.
    """

    BINDINGS = bindings(Place.DIALOG)

    def __init__(self, lang: str, purpose: str = "quit") -> None:
        super().__init__()
        self.lang = lang
        self.purpose = purpose

    def compose(self) -> ComposeResult:
        question, save, quit_ = PURPOSE_KEYS[self.purpose]
        with Vertical(id="quit-dialog", classes="dialog"):
            yield Label(say("dialog.quit.title", self.lang), classes="dialog-title")
            yield Label(say(question, self.lang))
            with Horizontal(classes="buttons"):
                yield Button(say(save, self.lang), id=SAVE, variant="primary")
                yield Button(say(quit_, self.lang), id=QUIT, variant="error")
                yield Button(say("dialog.cancel", self.lang), id=CANCEL)

    def on_mount(self) -> None:
        self.query_one(f"#{CANCEL}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or CANCEL)

    def action_cancel(self) -> None:
        self.dismiss(CANCEL)
