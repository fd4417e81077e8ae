"""Guards for Textual 8.2 crashes that keys typed faster than a list is laid out can trigger.

Found by tests/tui/test_stress.py. ``OptionList._move_page`` (page up/down in
the command palette's list and in the export dialog's format menu) looks the
highlighted option up in line tables that are filled on the next layout; until
then it raises KeyError. Paging a list that is not laid out yet has nothing to
move, so the guard does nothing then.
"""

from __future__ import annotations

import contextlib

from textual.widgets import OptionList

_original_move_page = OptionList._move_page


def _move_page(self: OptionList, direction: int) -> None:
    with contextlib.suppress(KeyError):
        _original_move_page(self, direction)


def apply() -> None:
    OptionList._move_page = _move_page
