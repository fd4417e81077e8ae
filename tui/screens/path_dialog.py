"""What the dialogs that ask for a path share: enter or the OK button tries, escape or Cancel closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from fwplan.i18n import say
from tui.keymap import Place, bindings
from tui.screens.base import DismissOnce, TranslatedBindings


def path_problem(text: str, lang: str, must_exist: bool = False) -> str | None:
    """What is wrong with ``text`` as a file path, in words; None when it is usable."""
    if not text.strip():
        return say("dialog.path.empty", lang)
    path = Path(text.strip()).expanduser()
    if path.is_dir():
        return say("dialog.path.is_dir", lang, path=str(path))
    if must_exist:
        return None  # the reader names a missing file itself
    if not path.parent.is_dir():
        return say("dialog.path.no_dir", lang, dir=str(path.parent))
    return None


class PathDialog(TranslatedBindings, DismissOnce, ModalScreen[Any]):  # a path (plan files), an ExportRequest (export)
    """A dialog with an ``#path`` input, an ``#path-error`` line and ``#ok``/``#cancel`` buttons."""

    BINDINGS = bindings(Place.DIALOG)

    def attempt(self, path: str) -> None:
        """Act on ``path`` and dismiss, or call ``show_problem``."""
        raise NotImplementedError

    def show_problem(self, problem: str) -> None:
        self.query_one("#path-error", Static).update(Text("✗ " + problem))  # a path's "[" is not markup

    def _submit(self) -> None:
        if self.is_active:  # not again after a first Enter closed the dialog
            self.attempt(self.query_one("#path", Input).value.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
