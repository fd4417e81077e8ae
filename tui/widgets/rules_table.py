"""The live rule table: one row per merged rule; the cursor stays on its rule across updates.

Each row's label is the rule's label as every export numbers it (``RuleSet.numbered``), with ``*`` after
it where the rule is needed only under a condition. The scope column says where the rule goes in one
letter (I: internet router, S: inside the site, R: remote clients; German I, S, U), explained in the help
and the details pane: with the scope in a short word the source was cut off at 80 columns.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from fwplan.catalog import Direction, Scope
from fwplan.i18n import say
from fwplan.merge import Rule, RuleSet

# Ports come early so that they show at 80 columns; a long list is cut here and shown whole in the details.
#: column -> i18n key of its heading, in the table's order
COLUMN_KEYS = {
    "scope": "table.col.scope",
    "direction": "table.col.direction",
    "protocol": "table.col.protocol",
    "ports": "table.col.ports",
    "source": "table.col.source",
    "destination": "table.col.destination",
    "purpose": "table.col.purpose",
}
COLUMNS = tuple(COLUMN_KEYS)
#: scope -> i18n key of its one-letter mark
SCOPE_MARK_KEYS = {
    "internet": "table.scope.internet",
    "internal": "table.scope.internal",
    "remote": "table.scope.remote",
}
#: direction -> i18n key of its short word
DIRECTION_KEYS = {"outbound": "table.dir.outbound", "inbound": "table.dir.inbound"}
PORTS_CELL_WIDTH = 22
CONDITIONAL_MARK = "*"


def rule_label(rule: Rule, label: str) -> str:
    """The rule's label from ``RuleSet.numbered`` (as in the exports), with ``*`` when the rule is needed only
    under a condition."""
    return f"{label}{CONDITIONAL_MARK if rule.condition is not None else ''}"


def scope_mark(scope: Scope, lang: str) -> str:
    """The scope's one-letter mark in the rule table."""
    return say(SCOPE_MARK_KEYS[scope], lang)


def short_direction(direction: Direction, lang: str) -> str:
    """The rule's direction in the table's short word (``out``, ``in``)."""
    return say(DIRECTION_KEYS[direction], lang)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def row_key(rule: Rule) -> str:
    return "|".join(str(part) for part in rule.key)


class RulesTable(DataTable[Text]):
    """Shows a RuleSet; posts RuleHighlighted as the cursor moves."""

    class RuleHighlighted(Message):
        """The cursor is on another rule (or on none: the table is empty)."""

        def __init__(self, table: RulesTable, rule: Rule | None, label: str | None) -> None:
            super().__init__()
            self.table = table
            self.rule = rule
            self.label = label

        @property
        def control(self) -> RulesTable:
            return self.table

    def __init__(self, lang: str, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.lang = lang
        self.ruleset = RuleSet(())
        self._keys: list[str] = []
        self._labels: list[str] = []
        self._add_columns()

    def _add_columns(self) -> None:
        for name in COLUMNS:
            self.add_column(Text(say(COLUMN_KEYS[name], self.lang)), key=name)

    @property
    def current_rule(self) -> Rule | None:
        if not self.ruleset.rules or not 0 <= self.cursor_row < len(self.ruleset.rules):
            return None
        return self.ruleset.rules[self.cursor_row]

    @property
    def current_label(self) -> str | None:
        """The highlighted rule's label, as in every export (``6``, ``6a``); None when no rule is highlighted."""
        return self._labels[self.cursor_row] if self.current_rule is not None else None

    def show(self, ruleset: RuleSet) -> None:
        self.ruleset = ruleset
        self._fill()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.clear(columns=True)
        self._add_columns()
        self._fill()

    def _fill(self) -> None:
        """Refill the rows; the cursor stays on its rule if it still exists, else on the same line."""
        row = self.cursor_row
        keep = self._keys[row] if 0 <= row < len(self._keys) else None
        self.clear()
        numbered = self.ruleset.numbered()
        self._keys = [row_key(rule) for _, rule in numbered]
        self._labels = [label for label, _ in numbered]
        for key, (label, rule) in zip(self._keys, numbered):
            self.add_row(*self._cells(rule), key=key, label=Text(rule_label(rule, label)))
        if keep in self._keys:
            row = self._keys.index(keep)
        if self._keys:
            self.move_cursor(row=max(0, min(row, len(self._keys) - 1)), animate=False)
        self._report()

    def _cells(self, rule: Rule) -> tuple[Text, ...]:
        return (
            Text(scope_mark(rule.scope, self.lang)),
            Text(short_direction(rule.direction, self.lang)),
            Text(rule.protocol),
            Text(_cut(rule.ports.format(","), PORTS_CELL_WIDTH)),
            Text(rule.source.label(self.lang)),
            Text(rule.destination.label(self.lang)),
            Text(rule.purpose(self.lang), no_wrap=True, overflow="ellipsis"),
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._report()

    def _report(self) -> None:
        self.post_message(self.RuleHighlighted(self, self.current_rule, self.current_label))
