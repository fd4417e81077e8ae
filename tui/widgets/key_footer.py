"""The Footer, with each key (or group of keys) as one item, wrapped onto two rows where one is too short.

Textual's Footer yields a key group's keys and its label as two separate children,
and cuts off what does not fit. Here both sit in one ``FooterItem``, and when the
items are wider than the screen the footer takes the class ``-wrapped``, which
``planner.tcss`` lays out as a two-row grid: every key stays in sight at 80 columns.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from math import ceil

from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup


class FooterItem(HorizontalGroup):
    """One cell of the footer: a key, or a group of keys with their shared label."""

    def on_resize(self) -> None:
        # An item is measured only once it is laid out: the footer fits itself again then.
        if isinstance(self.parent, KeyFooter):
            self.parent._fit()


class KeyFooter(Footer):
    ROWS_WHEN_NARROW = 2

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        by_action = defaultdict(list)
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                by_action[binding.action].append((binding, enabled, tooltip))
        items = 0
        for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
            runs = list(runs)
            if group is not None and len(runs) > 1:
                items += 1
                with FooterItem():
                    with KeyGroup(classes="-compact" if group.compact else ""):
                        for binding, enabled, tooltip in (run[0] for run in runs):
                            yield self._key(binding, enabled, tooltip or binding.description, "", "-grouped")
                    yield FooterLabel(group.description)
            else:
                for binding, enabled, tooltip in (run[0] for run in runs):
                    items += 1
                    with FooterItem():
                        yield self._key(binding, enabled, tooltip, binding.description, "")
        self.styles.grid_size_columns = max(1, ceil(items / self.ROWS_WHEN_NARROW))
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        needed = sum(item.outer_size.width for item in self.query_children(FooterItem))
        self.set_class(needed > self.size.width, "-wrapped")

    def _key(self, binding, enabled: bool, tooltip: str, description: str, classes: str) -> FooterKey:
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
