"""The Footer, with each key (or group of keys) as one item, wrapped onto two rows where one is too short,
and every label in the planner's language.

Textual's Footer yields a key group's keys and its label as two separate children,
and cuts off what does not fit. Here both sit in one ``FooterItem``, and when the
items are wider than the screen the footer takes the class ``-wrapped``, which
``planner.tcss`` lays out as a two-row grid: every key stays in sight at 80 columns.

Each key's label is its binding's description, which the planner's screens give in their language
(``tui.screens.base.TranslatedBindings``); a group's label, which Textual keeps in English, is
translated here from the key table. With ``wrap=False`` the footer lays the keys out as Textual's does.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from math import ceil

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Footer

from fwplan.i18n import say
from tui.keymap import help_key, label_key
from tui.textual_internals import FooterKey, FooterLabel, KeyGroup, footer_ready


class FooterItem(HorizontalGroup):
    """One cell of the footer: a key, or a group of keys with their shared label."""

    def on_resize(self) -> None:
        # An item is measured only once it is laid out: the footer fits itself again then.
        if isinstance(self.parent, KeyFooter):
            self.parent.fit()


class KeyFooter(Footer):
    ROWS_WHEN_NARROW = 2

    def __init__(self, *, wrap: bool = True, compact: bool = False, show_command_palette: bool = True) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self.wrap = wrap
        self._fit_pending = False
        self._composed: tuple[object, ...] | None = None

    @property
    def lang(self) -> str:
        """The language of the screen, where it has one, else of the app."""
        lang = getattr(self.screen, "lang", None) or getattr(self.app, "lang", None)
        return lang if isinstance(lang, str) else "en"

    def label(self, action: str, description: str) -> str:
        """The label of the key group whose first binding runs ``action``, in the current language."""
        key = label_key(action)
        return say(key, self.lang) if key is not None else description

    def compose(self) -> ComposeResult:
        if not self.wrap:
            yield from super().compose()
            return
        if not footer_ready(self):
            return
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        items = 0
        for group, group_runs in groupby(by_action.values(), lambda run: run[0][0].group):
            runs = list(group_runs)
            if group is not None and len(runs) > 1:
                items += 1
                with FooterItem():
                    with KeyGroup(classes="-compact" if group.compact else ""):
                        for binding, enabled, tooltip in (run[0] for run in runs):
                            yield self._key(binding, enabled, tooltip or self._help_tooltip(binding), "", "-grouped")
                    yield FooterLabel(self.label(runs[0][0][0].action, group.description))
            else:
                for binding, enabled, tooltip in (run[0] for run in runs):
                    items += 1
                    with FooterItem():
                        yield self._key(binding, enabled, tooltip, binding.description, "")
        self.styles.grid_size_columns = max(1, ceil(items / self.ROWS_WHEN_NARROW))
        self.fit()

    def _shown(self) -> tuple[object, ...]:
        """What the footer shows: its language and each active binding with its state."""
        bindings = tuple(
            (key, binding.action, binding.description, binding.show, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )
        return (self.lang, self.compact, bindings)

    async def recompose(self) -> None:
        """Compose again only when what the footer shows has changed.

        Textual asks after every change of the screen's bindings (several times while the planner starts);
        each compose mounts every item anew.
        """
        if not self.is_attached:
            return
        shown = self._shown()
        if shown == self._composed and self.children:
            return
        self._composed = shown
        await super().recompose()

    def _help_tooltip(self, binding: Binding) -> str:
        """A grouped key's tooltip: what it does, in the current language (its label is the group's)."""
        key = help_key(binding.action)
        return say(key, self.lang) if key is not None else binding.description

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Wrap onto two rows when the items do not fit on one: once, after the next refresh.

        Every item reports its resize; fitting after each would restyle the footer as often (start-up time).
        """
        if not self._fit_pending:
            self._fit_pending = True
            self.call_after_refresh(self._fit_now)

    def _fit_now(self) -> None:
        self._fit_pending = False
        needed = sum(item.outer_size.width for item in self.query_children(FooterItem))
        self.set_class(needed > self.size.width, "-wrapped")

    def _key(self, binding: Binding, enabled: bool, tooltip: str, description: str, classes: str) -> FooterKey:
        key = FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
            classes=classes,
        )
        return key.data_bind(compact=Footer.compact)
