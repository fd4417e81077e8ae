"""The user-facing error types: each message is one line that names the bad value."""


def printable(text: str) -> str:
    """``text`` with each control or format character written as its escape (``\\x1b``, ``\\u202e``).

    Error messages quote what the user or a file supplied; this keeps a terminal escape in a hostname,
    a key or a file name from acting on the terminal that shows the message.
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in text)


class FwplanError(ValueError):
    """A user's mistake or an environment problem reported without a traceback."""

    def __init__(self, message: object = "", *args: object) -> None:
        super().__init__(printable(str(message)), *args)


class OutputError(FwplanError):
    """An output file or directory that cannot be written."""
