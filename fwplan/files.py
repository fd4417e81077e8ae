"""Reading the user's files with a size limit, so that `--plan /dev/zero` ends in an error, not in swap."""

from __future__ import annotations

from pathlib import Path

from fwplan.errors import FwplanError, system_reason

MAX_CATALOG_BYTES = 64 * 2**20  # the 10,000-component test catalog is 5.4 MiB
MAX_PLAN_BYTES = 4 * 2**20
#: What can go wrong reading a user's file: the message of each is ``<kind>.<failure>``.
READ_FAILURES = ("too_large", "not_found", "is_dir", "unreadable", "bad_name")


class FileTooLarge(Exception):
    """The file holds more than the limit."""


def read_limited(path: Path, limit: int) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(limit)
    return data


def read_user_file(path: Path, limit: int, error: type[FwplanError], kind: str) -> bytes:
    """Read a user's file of up to ``limit`` bytes; each failure becomes ``error`` with message ``<kind>.*``."""
    try:
        return read_limited(path, limit)
    except FileTooLarge:
        raise error.about(f"{kind}.too_large", path=str(path), mib=limit // 2**20) from None
    except FileNotFoundError:
        raise error.about(f"{kind}.not_found", path=str(path)) from None
    except IsADirectoryError:
        raise error.about(f"{kind}.is_dir", path=str(path)) from None
    except OSError as exc:
        raise error.about(f"{kind}.unreadable", path=str(path), reason=system_reason(exc)) from None
    except ValueError:  # a NUL byte or a lone surrogate: no file can have that name
        raise error.about(f"{kind}.bad_name", path=str(path)) from None
