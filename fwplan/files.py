"""Reading the user's files with a size limit, so that `--plan /dev/zero` ends in an error, not in swap."""

from __future__ import annotations

from pathlib import Path

MAX_CATALOG_BYTES = 64 * 2**20  # the 10,000-component test catalog is 5.4 MiB
MAX_PLAN_BYTES = 4 * 2**20


class FileTooLarge(Exception):
    """The file holds more than the limit."""


def read_limited(path: Path, limit: int) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(limit)
    return data
