"""The user-facing error types: each message is one line that names the bad value, in German and English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

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

    ``SomeError.about(key, **fields)`` takes its text from ``fwplan.messages`` in both languages;
    ``SomeError("text")`` is English only (the catalog checks, written for catalog authors).
    ``str(error)`` is English; ``error.message(lang)`` is the text in ``lang``. Both are escaped alike.
    """

    key: str | None = None
    fields: Mapping[str, Any] = {}

    def __init__(self, message: object = "", *args: object) -> None:
        super().__init__(printable(str(message)), *args)

    @classmethod
    def about(cls, key: str, /, **fields: Any) -> Self:
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


def _compose(key: str, lang: str, fields: Mapping[str, Any]) -> str:
    return say(key, lang, **{name: _in(lang, value) for name, value in fields.items()})


def _in(lang: str, value: Any) -> Any:
    if isinstance(value, FwplanError):
        return value.message(lang)
    if isinstance(value, Text):
        return value.get(lang)
    return value


#: German for the system's (C locale, English) reasons users meet when saving, exporting or resolving.
_REASONS_DE = {
    "ENOSPC": "kein Platz mehr auf dem Gerät",
    "EDQUOT": "Speicherkontingent überschritten",
    "EROFS": "Dateisystem ist nur lesbar",
    "EACCES": "keine Berechtigung",
    "EPERM": "Vorgang nicht erlaubt",
    "ENOENT": "Datei oder Verzeichnis nicht gefunden",
    "EISDIR": "ist ein Verzeichnis",
    "ENOTDIR": "ein Teil des Pfads ist kein Verzeichnis",
    "ELOOP": "zu viele Ebenen symbolischer Links",
    "ENAMETOOLONG": "Dateiname zu lang",
    "EIO": "Ein-/Ausgabefehler",
    "EXDEV": "Verschieben über Dateisystemgrenzen nicht möglich",
    "EAI_NONAME": "Name oder Dienst nicht bekannt",
    "EAI_AGAIN": "vorübergehender Fehler bei der Namensauflösung",
    "EAI_FAIL": "dauerhafter Fehler bei der Namensauflösung",
    "EAI_NODATA": "zu diesem Namen ist keine Adresse eingetragen",
}


def system_reason(error: BaseException) -> Text:
    """Why a system call failed, in both languages: the system's (English) words, and German where known.

    An errno (or resolver code) without German words keeps the system's words in German too.
    """
    import errno
    import socket

    english = getattr(error, "strerror", None) or str(error)
    code = getattr(error, "errno", None)
    names = {getattr(errno, name, None): name for name in _REASONS_DE if not name.startswith("EAI_")}
    if isinstance(error, socket.gaierror):
        names = {getattr(socket, name, None): name for name in _REASONS_DE if name.startswith("EAI_")}
    name = names.get(code) if code is not None else None
    return Text(_REASONS_DE[name] if name else english, english)
