"""The user-facing error types: each message is one line that names the bad value."""


class FwplanError(ValueError):
    """A user's mistake or an environment problem reported without a traceback."""


class OutputError(FwplanError):
    """An output file or directory that cannot be written."""
