"""Command palette providers: every key's action, by name, in the current language."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from fwplan.i18n import say
from tui.dialect import DIALECTS
from tui.keymap import KEYS
from tui.screens.base import DismissOnce

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
            commands.append((say(key.text, lang), partial(app.run_action, key.action), key.keys))
        for dialect in DIALECTS:
            commands.append((say("cmd.dialect", lang, dialect=dialect), partial(app.set_dialect, dialect), ""))
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


class PlannerCommandPalette(DismissOnce, CommandPalette):
    """Textual's palette, safe against keys typed faster than it updates.

    Found by typing a thousand random keys (tests/tui/test_stress.py), in
    Textual 8.2: a second Enter queued before the palette closed popped the
    screen beneath it, and the search worker, finishing after the palette
    closed, looked for widgets that were gone. (Paging a list not laid out
    yet is guarded for every OptionList in tui/textual_fixes.py.)
    """

    def _refresh_command_list(self, *args, **kwargs) -> None:
        if self.is_active:
            super()._refresh_command_list(*args, **kwargs)

    def _watch__list_visible(self) -> None:
        if self.is_active:
            super()._watch__list_visible()
