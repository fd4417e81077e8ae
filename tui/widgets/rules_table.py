"""The live rule table: one row per merged rule; the cursor stays on its rule across updates.

Each row's label is the rule's label as every export numbers it (``RuleSet.numbered``), with ``*`` after
it where the rule is needed only under a condition. The scope column says where the rule goes in one
letter (I: internet router, S: inside the site, R: remote clients; German I, S, U), explained in the help
and the details pane: with the scope in a short word the source was cut off at 80 columns.

Columns are sized to their content (``fit_columns``), again whenever the rules or the table's width
change: scope, direction, protocol, source and destination in full; the ports in full on one line where
the width allows, else wrapped at their commas inside the cell (a taller row), and only where even that
room is too narrow to wrap into (80 columns) cut at a comma with ``…``; Purpose gets what is left and is
the only column cut at any width. The details pane shows the highlighted rule whole at every size.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable

from fwplan.catalog import Direction, Scope
from fwplan.i18n import say
from fwplan.merge import Rule, RuleSet

# Ports come early so that a rule reads as a router's form does (direction, protocol, ports, then the hosts).
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
#: the columns always shown whole; ports and purpose share what they leave
WHOLE = ("scope", "direction", "protocol", "source", "destination")
#: scope -> i18n key of its one-letter mark
SCOPE_MARK_KEYS = {
    "internet": "table.scope.internet",
    "internal": "table.scope.internal",
    "remote": "table.scope.remote",
}
#: direction -> i18n key of its short word
DIRECTION_KEYS = {"outbound": "table.dir.outbound", "inbound": "table.dir.inbound"}
CONDITIONAL_MARK = "*"
ELLIPSIS = "…"
#: One blank cell after each column instead of DataTable's two (cell_padding 1 on either side): at 80 columns
#: the seven gaps saved are what lets source and destination fit beside the tree. The one-letter scope column
#: is centred in three cells, which also parts it from the row label.
GAP = 1
SCOPE_WIDTH = 3
#: Narrower than this a port list is cut (at a comma, with …) rather than wrapped: a cell this wide holds the
#: longest range (``10000-59999,``) and another port per line; narrower, a list would take a line per port
#: and the table would stop being an overview. Its whole list is in the details pane.
WRAP_MIN = 16
#: What Purpose is given where the port lists need no more than two lines beside it: enough for its first
#: words (the details pane has it whole). Where the lists would need more, the ports take the room.
PURPOSE_MIN = 24
#: Narrower than this Purpose is left out: two or three letters and … would only be noise.
PURPOSE_SHOWN = 8
#: the least a cut port list gets: its first port or two, and the … that sends the reader to the details
PORTS_MIN = 4


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


def row_key(rule: Rule) -> str:
    return "|".join(str(part) for part in rule.key)


# ---- fitting the columns ----
def port_items(ports: str) -> list[str]:
    """``443,9100-9101`` -> ``["443,", "9100-9101"]``: the pieces a port list may break between; joined, the list."""
    parts = ports.split(",")
    return [part + "," for part in parts[:-1]] + parts[-1:]


def pack(items: list[str], width: int) -> list[str]:
    """The items in lines of at most ``width`` cells, as many on each line as fit (an item never breaks)."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + len(item) <= width:
            lines[-1] += item
        else:
            lines.append(item)
    return lines


def balanced_width(items: list[str], width: int) -> int:
    """The narrowest width that holds the items in as few lines as ``width`` does: a list that must wrap is
    wrapped into even lines, and the room it does not need goes to Purpose."""
    lines = len(pack(items, width))
    narrowest = max(len(item) for item in items)
    while width > narrowest and len(pack(items, width - 1)) == lines:
        width -= 1
    return width


def cut_ports(items: list[str], width: int) -> str:
    """The list on one line of ``width`` cells: whole ports up to a comma, then ``…`` (never half a port
    number, which would read as another port)."""
    text = "".join(items)
    if len(text) <= width:
        return text
    shown = ""
    for item in items:
        if len(shown) + len(item) + len(ELLIPSIS) > width:
            break
        shown += item
    if not shown:  # not even the first port or range fits: its start, where it is a range and that fits
        start = items[0].split("-")[0] + "-" if "-" in items[0] else ""
        shown = start if len(start) + len(ELLIPSIS) <= width else ""
    return shown + ELLIPSIS


class Fit(NamedTuple):
    """Column widths (gap included) and each row's port lines."""

    widths: dict[str, int]
    ports: list[list[str]]


def wrap_ports(items: list[list[str]], width: int) -> list[list[str]] | None:
    """Every list in lines of at most ``width`` cells, each in as few lines as it takes (one where it fits),
    all in a column as narrow as that allows; None where ``width`` is too narrow to wrap into (WRAP_MIN)."""
    longest = max((len("".join(i)) for i in items), default=0)
    if longest > width and width < WRAP_MIN:
        return None
    column = max((balanced_width(i, width) for i in items if i), default=0)
    return [pack(i, column) for i in items]


def fit_columns(headings: dict[str, str], rows: list[dict[str, str]], label_width: int, room: int | None) -> Fit:
    """Size the columns to the rows in ``room`` cells (None: not laid out yet, every column to its content).

    The WHOLE columns get their content's width. Purpose gets PURPOSE_MIN cells or more where the port lists
    fit beside it in at most two lines each; else the ports get the room (one line each where the longest
    fits, else wrapped, or below WRAP_MIN cut) and Purpose what is left, down to nothing.
    """
    widths = {
        name: max([cell_len(headings[name]), *(cell_len(row[name]) for row in rows)]) + GAP
        for name in (*WHOLE, "ports")
    }
    widths["scope"] = max(SCOPE_WIDTH, widths["scope"])
    items = [port_items(row["ports"]) for row in rows]
    if room is None:
        widths["purpose"] = max([len(headings["purpose"]), *(len(row["purpose"]) for row in rows)])
        return Fit(widths, [["".join(i)] for i in items])
    left = room - label_width - sum(widths[name] for name in WHOLE)
    ports_room = left - GAP
    lines = wrap_ports(items, ports_room - PURPOSE_MIN)
    if lines is None or any(len(cell) > 2 for cell in lines):
        lines = wrap_ports(items, ports_room)
    if lines is None:
        width = max(ports_room, PORTS_MIN, len(headings["ports"]))
        lines = [[cut_ports(i, width)] for i in items]
    widths["ports"] = max([len(headings["ports"]), *(len(line) for cell in lines for line in cell)]) + GAP
    purpose = left - widths["ports"]
    widths["purpose"] = purpose if purpose >= PURPOSE_SHOWN else 0
    return Fit(widths, lines)


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
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, **kwargs)
        self.lang = lang
        self.ruleset = RuleSet(())
        self._keys: list[str] = []
        self._labels: list[str] = []
        #: the width the columns were last fitted to (0: before the first layout)
        self._fitted_width = 0
        #: the rule and label last reported as highlighted
        self._reported: tuple[Rule | None, str | None] = (None, None)

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
        self._fill()

    def on_resize(self, event: events.Resize) -> None:
        # The columns share the width: a wider or narrower table fits them again (the height follows the rows).
        if self.scrollable_content_region.width != self._fitted_width:
            self._fill()

    def _fill(self) -> None:
        """Refill the columns and rows; the cursor stays on its rule if it still exists, else on the same line."""
        row = self.cursor_row
        keep = self._keys[row] if 0 <= row < len(self._keys) else None
        numbered = self.ruleset.numbered()
        self._keys = [row_key(rule) for _, rule in numbered]
        self._labels = [label for label, _ in numbered]
        labels = [rule_label(rule, label) for label, rule in numbered]
        headings = {name: say(key, self.lang) for name, key in COLUMN_KEYS.items()}
        rows = [self._texts(rule) for _, rule in numbered]
        self._fitted_width = self.scrollable_content_region.width
        fit = fit_columns(headings, rows, max((len(label) for label in labels), default=0), self._fitted_width or None)
        self.clear(columns=True)
        for name in COLUMNS:
            self.add_column(
                Text(headings[name], justify="center" if name == "scope" else "left"),
                key=name,
                width=fit.widths[name],
            )
        for key, label, texts, ports in zip(self._keys, labels, rows, fit.ports):
            cells = [Text(texts[name], justify="center" if name == "scope" else "left") for name in COLUMNS]
            cells[COLUMNS.index("ports")] = Text("\n".join(ports))
            cells[-1] = Text(texts["purpose"], no_wrap=True, overflow="ellipsis")
            self.add_row(*cells, key=key, label=Text(label), height=len(ports))
        if keep in self._keys:
            row = self._keys.index(keep)
        if self._keys:
            self.move_cursor(row=max(0, min(row, len(self._keys) - 1)), animate=False)
        self._report()

    def _texts(self, rule: Rule) -> dict[str, str]:
        return {
            "scope": scope_mark(rule.scope, self.lang),
            "direction": short_direction(rule.direction, self.lang),
            "protocol": rule.protocol,
            "ports": rule.ports.format(","),
            "source": rule.source.label(self.lang),
            "destination": rule.destination.label(self.lang),
            "purpose": rule.purpose(self.lang),
        }

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._report()

    def _report(self) -> None:
        """Say which rule is highlighted, when that changed: a refill for a new width (on_resize) keeps it."""
        reported = (self.current_rule, self.current_label)
        if reported[0] is self._reported[0] and reported[1] == self._reported[1] and reported[0] is not None:
            return
        self._reported = reported
        self.post_message(self.RuleHighlighted(self, *reported))
