"""Every key, in the current language."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.i18n import t
from tui.keymap import KEYS
from tui.screens.base import DismissOnce


def help_text(lang: str) -> Text:
    text = Text()
    text.append(t("help.title", lang) + "\n\n", style="bold")
    width = max(len(k.keys) for k in KEYS)
    for key in KEYS:
        text.append(key.keys.ljust(width + 2), style="bold")
        text.append(t(key.text, lang) + "\n")
    text.append("\n" + t("help.mouse", lang) + "\n")
    text.append(t("help.close", lang), style="dim")
    return text


class HelpScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss_help", "Close", show=False)]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Static(help_text(self.lang), id="help-text")

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
