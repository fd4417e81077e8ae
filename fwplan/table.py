"""Aligned plain-text tables: the text export, the probe's report and the pfSense rules table share them."""

from __future__ import annotations

from collections.abc import Sequence


def aligned(rows: Sequence[Sequence[str]], underline: bool = True) -> list[str]:
    """The rows as lines, columns two spaces apart and padded to their widest cell, the last left ragged.

    With ``underline``, a line of dashes follows the first row (the headings).
    """
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join([cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]).rstrip() for row in rows]
    if underline:
        lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(rows[0][-1]))
    return lines
