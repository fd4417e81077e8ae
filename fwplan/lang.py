"""The user's language: German where the locale says so, English otherwise."""

from __future__ import annotations

import os
from typing import Mapping

LANGUAGES = ("de", "en")


def default_language(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"
