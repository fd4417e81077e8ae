"""Port-list dialects for the planner: the exporters' table, and the order ``d`` cycles through."""

from __future__ import annotations

from exporters.dialects import DIALECTS, format_ports

__all__ = ["DIALECTS", "format_ports", "next_dialect"]


def next_dialect(current: str) -> str:
    if current not in DIALECTS:
        return DIALECTS[0]
    return DIALECTS[(DIALECTS.index(current) + 1) % len(DIALECTS)]
