"""Open and save dialogs for plan files: a path, and the problem inline when it cannot be used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from fwplan.i18n import say
from tui.screens.path_dialog import PathDialog, path_problem

#: mode -> i18n keys of the dialog's title and of its button
MODE_KEYS = {"open": ("dialog.open.title", "dialog.open"), "save": ("dialog.save.title", "dialog.save")}


class PlanFileScreen(PathDialog):
    """Asks for a path; ``act(path)`` opens or saves and returns an error message, or None when done."""

    def __init__(self, mode: str, lang: str, initial: str, act: Callable[[str], str | None]) -> None:
        super().__init__()
        self.mode = mode  # open | save
        self.lang = lang
        self.initial = initial
        self.act = act

    def compose(self) -> ComposeResult:
        title, button = MODE_KEYS[self.mode]
        with Vertical(id="plan-file-dialog", classes="dialog"):
            yield Label(say(title, self.lang), classes="dialog-title")
            yield Label(say("dialog.path", self.lang))
            yield Input(self.initial, id="path", compact=True)
            yield Static("", id="path-error", classes="field-message -invalid")
            with Horizontal(classes="buttons"):
                yield Button(say(button, self.lang), id="ok", variant="primary")
                yield Button(say("dialog.cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def attempt(self, path: str) -> None:
        problem = path_problem(path, self.lang, must_exist=self.mode == "open")
        problem = problem or self.act(str(Path(path).expanduser()))
        if problem:
            self.show_problem(problem)
        else:
            self.dismiss(path)
