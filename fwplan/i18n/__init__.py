"""Every text fwplan shows a person, in German and English: one table shape, one lookup.

Each domain module holds ``TEXTS: dict[key, (de, en)]`` with ``{fields}`` in ``str.format`` syntax:

- ``errors``: the messages of the errors a user meets (``FwplanError.about``);
- ``cli``: the command line's own lines;
- ``exports``: every fixed text an export file shows;
- ``planner``: the Textual planner;
- ``probe``: the on-site probe.

Keys are unique across the domains and written as literals where they are used, so that
``tests/fwplan/test_i18n.py`` can check both languages, their fields, and that every key is used
and every key used exists. Catalog texts come from the catalog, as ``Text`` pairs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Literal, NamedTuple

Lang = Literal["de", "en"]
LANGUAGES: tuple[Lang, ...] = ("de", "en")
DOMAINS = ("errors", "cli", "exports", "planner", "probe")


class Text(NamedTuple):
    """A text in German and English, such as a catalog name."""

    de: str
    en: str

    def get(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


#: The empty text, in both languages (a catalog without a caveat, a rule set without one).
NO_TEXT = Text("", "")


def joined(first: Text, separator: str, second: Text) -> Text:
    """Two texts joined by ``separator`` in each language, such as a product's and its component's names."""
    return Text(f"{first.de}{separator}{second.de}", f"{first.en}{separator}{second.en}")


class Texts(Mapping[str, Text]):
    """Texts by name, each looked up when it is read: a module can hold them without loading the table."""

    def __init__(self, keys: Mapping[str, str]) -> None:
        self._keys = dict(keys)

    def __getitem__(self, name: str) -> Text:
        return text(self._keys[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def default_language(environ: Mapping[str, str] | None = None) -> Lang:
    """German where the locale says so, English otherwise."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


_table: dict[str, tuple[str, str]] | None = None


def table() -> Mapping[str, tuple[str, str]]:
    """All domains' texts in one mapping, loaded on first use."""
    global _table  # noqa: PLW0603 (loaded once, on first use: start-up time)
    if _table is None:
        # imported by name, not with importlib: tests/hardening/test_no_shell_no_eval.py allows no dynamic import
        from fwplan.i18n import cli, errors, exports, planner, probe

        modules = {"errors": errors, "cli": cli, "exports": exports, "planner": planner, "probe": probe}
        merged: dict[str, tuple[str, str]] = {}
        for domain in DOMAINS:
            merged.update(modules[domain].TEXTS)
        _table = merged
    return _table


def say(key: str, lang: str, /, **fields: object) -> str:
    """The text for ``key`` in ``lang`` (German for "de", English otherwise), its ``{fields}`` filled in."""
    de, en = table()[key]
    text = de if lang == "de" else en
    return text.format(**fields) if fields else text


def text(key: str, /, **fields: object) -> Text:
    """The text for ``key`` in both languages, its ``{fields}`` filled in."""
    return Text(say(key, "de", **fields), say(key, "en", **fields))
