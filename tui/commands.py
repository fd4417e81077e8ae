"""Command palette providers: every key's action, by name, in the current language."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.dialect import DIALECTS
from tui.i18n import t
from tui.keymap import KEYS

if TYPE_CHECKING:
    from tui.app import PlannerApp


class PlannerCommands(Provider):
    """The planner's actions, plus one command per router dialect."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app: PlannerApp = self.app  # type: ignore[assignment]
        lang = app.lang
        commands = []
        for key in KEYS:
            if key.action is None:
                continue
            commands.append((t(key.text, lang), partial(app.run_action, key.action), key.keys))
        for dialect in DIALECTS:
            commands.append((t("cmd.dialect", lang, dialect=dialect), partial(app.set_dialect, dialect), ""))
        return commands

    async def discover(self) -> Hits:
        for name, command, keys in self._commands():
            yield DiscoveryHit(name, command, help=keys or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command, keys in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=keys or None)
