"""The export dialog's scope choice: one box a scope, as ``fwplan export --scope`` picks them."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal

from fwplan.catalog import SCOPES
from fwplan.i18n import say
from tui.widgets.option_checkbox import OptionCheckbox

#: scope -> i18n key of its name
NAME_KEYS = {"internet": "scope.internet.name", "internal": "scope.internal.name", "remote": "scope.remote.name"}


def scope_name(scope: str, lang: str) -> str:
    """The scope's name on its box (``internal``; German ``intern``)."""
    return say(NAME_KEYS[scope], lang)


class ScopeChoice(Horizontal):
    """internet, internal, remote: each ticked or not; the dialog fills in the format's default."""

    def __init__(self, scopes: tuple[str, ...], lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scopes = scopes
        self.lang = lang

    def compose(self) -> ComposeResult:
        for scope in SCOPES:
            yield OptionCheckbox(Text(scope_name(scope, self.lang)), scope in self.scopes, id=f"scope-{scope}")

    def box(self, scope: str) -> OptionCheckbox:
        return self.query_one(f"#scope-{scope}", OptionCheckbox)

    def set_scopes(self, scopes: tuple[str, ...]) -> None:
        for scope in SCOPES:
            self.box(scope).value = scope in scopes

    def chosen(self) -> tuple[str, ...]:
        """The ticked scopes, in the core's order."""
        return tuple(scope for scope in SCOPES if self.box(scope).value)
