"""The command line's own words (help texts, progress and summary lines): ``key -> (de, en)``."""

TEXTS: dict[str, tuple[str, str]] = {}
