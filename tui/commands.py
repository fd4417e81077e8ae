"""The command palette: every key's action by name, and Textual's own commands, in the current language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider

from fwplan.i18n import say
from tui.dialect import DIALECTS
from tui.keymap import palette_keys
from tui.screens.base import DismissOnce
from tui.textual_internals import SafeCommandPalette

if TYPE_CHECKING:
    from tui.app import PlannerApp

#: Textual's own palette commands, by their English title -> i18n keys of title and help
SYSTEM_COMMAND_KEYS = {
    "Theme": ("palette.theme", "palette.theme.help"),
    "Quit": ("palette.quit", "palette.quit.help"),
    "Keys": ("palette.keys", "palette.keys.help"),
    "Minimize": ("palette.minimize", "palette.minimize.help"),
    "Maximize": ("palette.maximize", "palette.maximize.help"),
    "Screenshot": ("palette.screenshot", "palette.screenshot.help"),
}
#: the help of "Keys" while the keys panel is open (Textual's help then starts with "Hide")
HIDE_KEYS_HELP = "palette.keys.hide"


def translate_system_commands(commands: Iterable[SystemCommand], lang: str) -> Iterator[SystemCommand]:
    """Textual's own palette commands (theme, quit, keys, ...), named in ``lang``; others as they are."""
    for command in commands:
        keys = SYSTEM_COMMAND_KEYS.get(command.title)
        if keys is not None:
            title, help_key = keys
            if command.title == "Keys" and command.help.startswith("Hide"):
                help_key = HIDE_KEYS_HELP
            command = command._replace(title=say(title, lang), help=say(help_key, lang))
        yield command


class PlannerCommands(Provider):
    """The planner's actions, plus one command per router dialect."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("PlannerApp", self.app)
        lang = app.lang
        commands: list[tuple[str, Callable[[], object], str]] = []
        for key in palette_keys():
            assert key.help is not None and key.palette_action is not None
            commands.append((say(key.help, lang), partial(app.run_action, key.palette_action), key.keys))
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


class PlannerCommandPalette(DismissOnce, SafeCommandPalette):
    """Textual's palette, safe against keys typed faster than it updates: a second Enter queued before the
    palette closed popped the screen beneath it (``DismissOnce``); the rest is in ``tui/textual_internals.py``."""
