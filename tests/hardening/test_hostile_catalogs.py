"""A catalog someone else wrote: control characters and terminal escapes never get past the loader.

Every string in the real catalog, whatever its field (names, purposes, notes, conditions, article, caveat,
title, ids, ports), is poisoned in turn; the loader must refuse each one with one clean line. What a real
catalog produces in every export format carries no control character besides line ends.
"""

from __future__ import annotations

import copy

import pytest

import exporters
from exporters.base import ExportContext
from fwplan.catalog import CatalogError, _Validator, parse_catalog
from fwplan.formats import RenderOptions
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, parse_host, parse_lan
from tests.formats import CORE_FORMATS, exporter_names
from tests.hardening.fuzzing import CATALOG_BYTES, assert_clean_message, load_seed

TREE = load_seed(CATALOG_BYTES)
POISONS = {
    "csi-clear": "\x1b[2J",
    "osc52-clipboard": "\x1b]52;c;ZXZpbA==\x07",
    "c1-csi": "\x9b2J",
    "nul": "\x00",
    "bell": "\x07",
    "carriage-return": "\r",
    "newline": "\n",
    "delete": "\x7f",
    "bidi-override": "\u202e",
    "zero-width-space": "\u200b",
    "bom": "\ufeff",
    "line-separator": "\u2028",
}


def string_leaves(tree, path=()):
    if isinstance(tree, str):
        yield path
    elif isinstance(tree, dict):
        for key, value in tree.items():
            yield from string_leaves(value, path + (key,))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            yield from string_leaves(value, path + (i,))


LEAVES = list(string_leaves(TREE))
FIELDS = sorted({next((k for k in reversed(p) if isinstance(k, str)), "") for p in LEAVES})


def poisoned(path, poison: str, where: str) -> dict:
    tree = copy.deepcopy(TREE)
    node = tree
    for key in path[:-1]:
        node = node[key]
    value = node[path[-1]]
    node[path[-1]] = {"start": poison + value, "middle": value[:3] + poison + value[3:], "end": value + poison}[where]
    return tree


def test_every_kind_of_text_field_is_covered():
    for field in ("title", "article", "de", "en", "id", "ports", "peer", "direction", "protocol", "parent", "local"):
        assert field in FIELDS, field
    assert len(LEAVES) > 300


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_an_escape_in_any_string_of_the_catalog_is_refused(where):
    refused = 0
    for i, path in enumerate(LEAVES):
        poison = POISONS[sorted(POISONS)[i % len(POISONS)]]
        try:
            catalog = _Validator("hostile.toml").catalog(poisoned(path, poison, where), b"")
        except CatalogError as exc:
            assert_clean_message(str(exc))
            refused += 1
            continue
        # port texts are parsed into numbers and whitespace around entries is allowed: nothing of the text remains
        assert path[-1] == "ports" and poison.isspace(), (path, poison)
        assert_exports_clean(catalog)
    assert refused > 0.95 * len(LEAVES)


@pytest.mark.parametrize("name", sorted(POISONS))
def test_each_poison_is_refused_in_a_purpose_read_from_toml_text(name):
    needle = b"en = 'Swyx client to server'"
    assert needle in CATALOG_BYTES
    escaped = POISONS[name].encode("unicode_escape").decode().replace("\\x", "\\u00")
    raw = CATALOG_BYTES.replace(needle, f'en = "Swyx client{escaped} to server"'.encode(), 1)
    with pytest.raises(CatalogError) as info:
        parse_catalog(raw, source="hostile.toml")
    message = str(info.value)
    assert_clean_message(message)
    assert message.startswith('hostile.toml: group "swyx-softclients".requirement[0].purpose.en: contains U+')


def _outputs(catalog_plan):
    catalog, plan = catalog_plan
    for lang in ("de", "en"):
        ruleset = build(catalog, plan)
        for name, render in CORE_FORMATS.items():
            yield name, render(ruleset, RenderOptions(lang=lang, csv_german=lang == "de"))
        for name in exporter_names():
            exporter = exporters.get(name)
            ruleset = build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
            yield name, exporter.render(ruleset, ExportContext(catalog, plan, lang))


def test_exports_of_the_real_catalog_carry_no_control_characters(catalog):
    assert_exports_clean(catalog)


def assert_exports_clean(catalog) -> None:
    everything = tuple(c.id for c in catalog.components)
    plan = Plan(everything, parse_lan("192.168.50.2/24"), parse_host("münchen.telovip.de"))
    for name, text in _outputs((catalog, plan)):
        body = text.removeprefix("\ufeff")  # the excel-de CSV's BOM, asked for
        bad = {ch for ch in body if (not ch.isprintable() and ch not in "\n\r\t\u00a0")}
        assert not bad, (name, bad)
