"""The on-site probe's words (verdicts, reasons, its reports): ``key -> (de, en)``."""

TEXTS: dict[str, tuple[str, str]] = {}
