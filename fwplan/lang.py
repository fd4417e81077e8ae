"""The user's language: German where the locale says so, English otherwise."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import NamedTuple

LANGUAGES = ("de", "en")


class Text(NamedTuple):
    """A text in German and English."""

    de: str
    en: str

    def get(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


def default_language(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def pick(texts: tuple[str, str], lang: str, **values: object) -> str:
    """The German (for "de") or English text of a ``(de, en)`` pair, with its ``{fields}`` filled in.

    The planner's (``tui.i18n``) and the exporters' (``exporters.words``) tables hold such pairs.
    """
    text = texts[0] if lang == "de" else texts[1]
    return text.format(**values) if values else text
