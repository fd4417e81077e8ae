"""The export dialog: a format (the core's and every registered exporter's) and a path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from tui.i18n import t
from tui.screens.path_dialog import PathDialog, path_problem


@dataclass(frozen=True, slots=True)
class ExportRequest:
    format: str
    path: str


class ExportScreen(PathDialog):
    """Dismisses with an ExportRequest, or None when cancelled."""

    def __init__(self, formats: dict[str, str], lang: str, stem: str = "fwplan-rules", default: str = "csv") -> None:
        """``formats`` maps each format name to its file suffix (".csv")."""
        super().__init__()
        self.formats = formats
        self.lang = lang
        self.stem = stem
        self.default = default if default in formats else next(iter(formats))

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label(t("dialog.export.title", self.lang), classes="dialog-title")
            yield Label(t("dialog.format", self.lang))
            yield Select([(name, name) for name in self.formats], value=self.default, allow_blank=False,
                         id="format", compact=True)
            yield Label(t("dialog.path", self.lang))
            yield Input(self._path_for(self.default), id="path", compact=True)
            yield Static("", id="path-error", classes="field-message -invalid")
            with Horizontal(classes="buttons"):
                yield Button(t("dialog.export", self.lang), id="ok", variant="primary")
                yield Button(t("dialog.cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#format", Select).focus()

    def _path_for(self, name: str) -> str:
        return f"{self.stem}{self.formats[name]}"

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        path_input = self.query_one("#path", Input)
        current = Path(path_input.value)
        if event.value in self.formats and current.stem == self.stem:
            path_input.value = str(current.with_name(self._path_for(str(event.value))))

    def attempt(self, path: str) -> None:
        problem = path_problem(path, self.lang)
        if problem:
            self.show_problem(problem)
            return
        self.dismiss(ExportRequest(str(self.query_one("#format", Select).value), str(Path(path).expanduser())))
