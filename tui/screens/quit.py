"""Asks before quitting with unsaved changes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from tui.i18n import t

QUIT, SAVE, CANCEL = "quit", "save", "cancel"


class QuitScreen(ModalScreen[str]):
    """Dismisses with QUIT, SAVE (save, then quit) or CANCEL."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog", classes="dialog"):
            yield Label(t("dialog.quit.title", self.lang), classes="dialog-title")
            yield Label(t("dialog.quit.text", self.lang))
            with Horizontal(classes="buttons"):
                yield Button(t("dialog.quit.save", self.lang), id=SAVE, variant="primary")
                yield Button(t("dialog.quit.quit", self.lang), id=QUIT, variant="error")
                yield Button(t("dialog.cancel", self.lang), id=CANCEL)

    def on_mount(self) -> None:
        self.query_one(f"#{CANCEL}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or CANCEL)

    def action_cancel(self) -> None:
        self.dismiss(CANCEL)
