"""A checkbox in a dialog: space ticks it, enter is left to the dialog (Textual's Checkbox takes both)."""

from __future__ import annotations

from typing import Any

from textual.content import ContentText
from textual.widgets import Checkbox

from tui.keymap import Place, bindings


class OptionCheckbox(Checkbox, inherit_bindings=False):
    """A one-line checkbox that space toggles; enter bubbles up to the dialog, which acts on it."""

    BINDINGS = bindings(Place.CHECKBOX)

    def __init__(self, label: ContentText, value: bool = False, **kwargs: Any) -> None:
        super().__init__(label, value, compact=True, **kwargs)
