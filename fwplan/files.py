"""Reading the user's files with a size limit, so that `--plan /dev/zero` ends in an error, not in swap."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal, NamedTuple

from fwplan.errors import FwplanError, system_reason
from fwplan.i18n import Text, text

MAX_CATALOG_BYTES = 64 * 2**20  # the 10,000-component test catalog is 5.4 MiB
MAX_PLAN_BYTES = 4 * 2**20

FileKind = Literal["plan", "catalog"]


class _ReadMessages(NamedTuple):
    """The message keys of what can go wrong reading one kind of file."""

    too_large: str
    not_found: str
    is_dir: str
    unreadable: str
    bad_name: str


_READ_MESSAGES: dict[FileKind, _ReadMessages] = {
    "plan": _ReadMessages("plan.too_large", "plan.not_found", "plan.is_dir", "plan.unreadable", "plan.bad_name"),
    "catalog": _ReadMessages(
        "catalog.too_large", "catalog.not_found", "catalog.is_dir", "catalog.unreadable", "catalog.bad_name"
    ),
}


class FileTooLarge(Exception):
    """The file holds more than the limit."""


def read_limited(path: Path, limit: int) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(limit)
    return data


def read_user_file(path: Path, limit: int, error: type[FwplanError], kind: FileKind) -> bytes:
    """Read a user's file of up to ``limit`` bytes; each failure becomes ``error`` with the message of ``kind``."""
    keys = _READ_MESSAGES[kind]
    try:
        return read_limited(path, limit)
    except FileTooLarge:
        raise error.about(keys.too_large, path=str(path), mib=limit // 2**20) from None
    except FileNotFoundError:
        raise error.about(keys.not_found, path=str(path)) from None
    except IsADirectoryError:
        raise error.about(keys.is_dir, path=str(path)) from None
    except OSError as exc:
        raise error.about(keys.unreadable, path=str(path), reason=system_reason(exc)) from None
    except ValueError:  # a NUL byte or a lone surrogate: no file can have that name
        raise error.about(keys.bad_name, path=str(path)) from None


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)")


def toml_position(exc: tomllib.TOMLDecodeError) -> Text:
    """Where TOML gives up, first, in both languages; tomllib's own words stay English.

    ``line 3, column 7: Invalid value``; ``at the end of the file: Unclosed array``.
    """
    message = str(exc)
    at = _TOML_AT.search(message)
    if at is not None:
        problem = (message[: at.start()] + message[at.end() :]).strip()
        return text("toml.at", line=at[1], column=at[2], problem=problem)
    at_end = _TOML_AT_END.search(message)
    if at_end is not None:
        return text("toml.at_end", problem=(message[: at_end.start()] + message[at_end.end() :]).strip())
    return Text(message, message)
