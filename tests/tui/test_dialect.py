"""The planner's dialect cycle (the dialects themselves are tested in tests/exporters/test_dialects.py)."""

from __future__ import annotations

from tui.dialect import DIALECTS, next_dialect


def test_next_dialect_cycles_through_every_dialect():
    seen = [DIALECTS[0]]
    for _ in DIALECTS:
        seen.append(next_dialect(seen[-1]))
    assert seen[-1] == DIALECTS[0] and set(seen) == set(DIALECTS)


def test_an_unknown_dialect_starts_the_cycle_again():
    assert next_dialect("no-such-dialect") == DIALECTS[0]
