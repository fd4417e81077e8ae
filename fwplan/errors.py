"""The user-facing error types: each message is one line that names the bad value, in German and English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

from fwplan.i18n import Text, say


def printable(text: str) -> str:
    """``text`` with each control or format character written as its escape (``\\x1b``, ``\\u202e``).

    Error messages quote what the user or a file supplied; this keeps a terminal escape in a hostname,
    a key or a file name from acting on the terminal that shows the message.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


class FwplanError(ValueError):
    """A user's mistake or an environment problem reported without a traceback.

    ``SomeError.about(key, **fields)`` takes its text from ``fwplan.i18n`` in both languages;
    ``SomeError("text")`` is English only (the catalog checks, written for catalog authors).
    ``str(error)`` is English; ``error.message(lang)`` is the text in ``lang``. Both are escaped alike.
    """

    key: str | None = None
    fields: Mapping[str, object] = {}

    def __init__(self, message: object = "", *args: object) -> None:
        super().__init__(printable(str(message)), *args)

    @classmethod
    def about(cls, key: str, /, **fields: object) -> Self:
        """The error with message ``key``; a field may be a ``Text`` or another error (shown in the same language)."""
        error = cls(_compose(key, "en", fields))
        error.key, error.fields = key, fields
        return error

    def message(self, lang: str) -> str:
        if self.key is None:
            return str(self)
        return printable(_compose(self.key, lang, self.fields))


class OutputError(FwplanError):
    """An output file or directory that cannot be written."""


def _compose(key: str, lang: str, fields: Mapping[str, object]) -> str:
    return say(key, lang, **{name: _in(lang, value) for name, value in fields.items()})


def _in(lang: str, value: object) -> object:
    if isinstance(value, FwplanError):
        return value.message(lang)
    if isinstance(value, Text):
        return value.get(lang)
    return value


#: The system's reasons a user meets when saving, exporting or resolving, by errno (or resolver code)
#: name: their German words are ``reason.*`` in ``fwplan/i18n/errors.py``. English stays the system's own.
_REASON_KEYS = {
    "ENOSPC": "reason.enospc",
    "EDQUOT": "reason.edquot",
    "EROFS": "reason.erofs",
    "EACCES": "reason.eacces",
    "EPERM": "reason.eperm",
    "ENOENT": "reason.enoent",
    "EISDIR": "reason.eisdir",
    "ENOTDIR": "reason.enotdir",
    "ELOOP": "reason.eloop",
    "ENAMETOOLONG": "reason.enametoolong",
    "EIO": "reason.eio",
    "EXDEV": "reason.exdev",
    "EAI_NONAME": "reason.eai_noname",
    "EAI_AGAIN": "reason.eai_again",
    "EAI_FAIL": "reason.eai_fail",
    "EAI_NODATA": "reason.eai_nodata",
}


def system_reason(error: BaseException) -> Text:
    """Why a system call failed, in both languages: the system's (English) words, and German where known.

    An errno (or resolver code) without German words keeps the system's words in German too.
    """
    import errno
    import socket

    english = getattr(error, "strerror", None) or str(error)
    code = getattr(error, "errno", None)
    names = {getattr(errno, name, None): name for name in _REASON_KEYS if not name.startswith("EAI_")}
    if isinstance(error, socket.gaierror):
        names = {getattr(socket, name, None): name for name in _REASON_KEYS if name.startswith("EAI_")}
    name = names.get(code) if code is not None else None
    return Text(say(_REASON_KEYS[name], "de") if name else english, english)
