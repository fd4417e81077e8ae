"""One table shape for every text a person reads: both languages, the same fields, every key used and known.

The keys are literals where they are used (``say("key", lang)``, ``Error.about("key")``,
``text("key")``), so this test can find them all in the source. No module outside
``fwplan/i18n`` branches on the language or spells a German/English pair of its own.
"""

from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

import pytest

from fwplan import i18n
from tests.conftest import ROOT

PACKAGES = ("fwplan", "exporters", "tui")
I18N_DIR = ROOT / "fwplan" / "i18n"
SOURCES = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py") if I18N_DIR not in p.parents)
LOOKUPS = {"say", "text", "about"}
KEY_LIKE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
FILE_SUFFIXES = (".toml", ".tcss", ".py", ".csv", ".json", ".txt", ".md")
#: Entries that read the same in both languages: a word German shares, menu paths of English-only web UIs,
#: one-letter column marks, and the names of the languages themselves.
SAME_IN_BOTH = {
    "col.ports",
    "pfsense.address_menu",
    "pfsense.alias_menu",
    "table.col.ports",
    "table.scope.internet",
    "table.scope.internal",
    "key.export",
    "details.ports",
    "dialog.format",
    "router.nat",
    "router.masquerade",
    "probe.col.rule",
    "probe.col.host",
    "probe.col.ports",
}


def _domain(name: str) -> dict[str, tuple[str, str]]:
    return importlib.import_module(f"fwplan.i18n.{name}").TEXTS


def _fields(template: str) -> set[tuple[str, str | None, str]]:
    """Each field with its conversion and format: ``{value!r}`` must quote (and so escape) in both languages."""
    return {(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(template) if name}


def _trees() -> list[tuple[Path, ast.AST]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in SOURCES]


def _lookups(tree: ast.AST):
    """Each call of a lookup function (or ``.about``) with its first argument."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in LOOKUPS:
                yield node, node.args[0]


def _literal_keys(arg: ast.expr) -> list[str] | None:
    """The keys a lookup's first argument can be: a literal, or a choice between literals; None otherwise."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        body, orelse = _literal_keys(arg.body), _literal_keys(arg.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def test_the_domains_have_no_key_in_common():
    seen: dict[str, str] = {}
    for domain in i18n.DOMAINS:
        for key in _domain(domain):
            assert key not in seen, f"{key!r} is in both {seen[key]} and {domain}"
            seen[key] = domain
    assert set(seen) == set(i18n.table())


@pytest.mark.parametrize("domain", i18n.DOMAINS)
def test_every_entry_has_both_languages_with_the_same_fields(domain):
    for key, pair in _domain(domain).items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        de, en = pair
        assert de.strip() and en.strip(), f"{key}: empty"
        assert _fields(de) == _fields(en), f"{key}: the fields differ"
        if key not in SAME_IN_BOTH:
            assert de != en, f"{key}: the German text is the English one"


def test_every_key_looked_up_is_a_literal_and_exists():
    table = i18n.table()
    problems = []
    for path, tree in _trees():
        for node, arg in _lookups(tree):
            keys = _literal_keys(arg)
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if keys is None:
                if isinstance(arg, ast.Name | ast.Attribute | ast.Subscript):
                    continue  # a key passed on: its literal is checked where it is written
                problems.append(f"{where}: the key is built ({ast.unparse(arg)}); write it as a literal")
            else:
                problems.extend(f"{where}: unknown key {key!r}" for key in keys if key not in table)
    assert not problems, "\n".join(problems)


def test_every_key_like_literal_is_a_key():
    """Keys kept in tables (column keys, the key map's labels) are literals too: each must exist.

    A literal counts as key-like when its first part is the first part of some key and it is not a file name.
    """
    table = i18n.table()
    prefixes = {key.split(".")[0] for key in table}
    problems = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY_LIKE.fullmatch(node.value):
                value = node.value
                if value.split(".")[0] in prefixes and not value.endswith(FILE_SUFFIXES) and value not in table:
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {value!r} looks like a key and is none")
    assert not problems, "\n".join(problems)


def test_the_domains_are_the_package_modules():
    modules = {p.stem for p in I18N_DIR.glob("*.py")} - {"__init__"}
    assert modules == set(i18n.DOMAINS)


@pytest.mark.parametrize("domain", i18n.DOMAINS)
def test_every_key_is_used(domain):
    literals = set()
    for _path, tree in _trees():
        literals |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    unused = sorted(set(_domain(domain)) - literals)
    assert not unused, f"{domain}: keys no source writes: {unused}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_language_branch_or_text_pair_outside_the_i18n_package(path):
    """No ``lang == "de"``, no ``{"de": ..., "en": ...}``, no ``Text("...", "...")`` of its own."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Compare):
            for part in (node.left, *node.comparators):
                constants = part.elts if isinstance(part, ast.Tuple | ast.List | ast.Set) else [part]
                if any(isinstance(c, ast.Constant) and c.value in i18n.LANGUAGES for c in constants):
                    problems.append(f"{where}: branches on the language ({ast.unparse(node)})")
        elif isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if set(i18n.LANGUAGES) <= keys:
                problems.append(f"{where}: a dict per language")
        elif (
            isinstance(node, ast.Call)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "Text")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "Text")
            )
            and any(isinstance(a, ast.Constant | ast.JoinedStr) for a in node.args)
        ):
            problems.append(f"{where}: a German/English pair of its own ({ast.unparse(node)[:60]})")
    assert not problems, "\n".join(problems)


def test_the_languages_are_defined_once():
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = {t.id for t in targets if isinstance(t, ast.Name)}
                assert not names & {"LANGUAGES", "DIRECTION_WORDS"}, f"{path.relative_to(ROOT)}:{node.lineno}"
