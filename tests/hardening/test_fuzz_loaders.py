"""Fuzzing the catalog and plan loaders with mutated real files: they load, or raise a clear FwplanError.

A catalog that loads must also work downstream: the engine builds its rules and every format renders them.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import exporters
from exporters.base import ExportContext
from fwplan.catalog import Catalog, _Validator, load_catalog, parse_catalog
from fwplan.errors import FwplanError
from fwplan.formats import RenderOptions
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, parse_host, parse_lan, parse_plan
from tests.formats import CORE_FORMATS, exporter_names
from tests.hardening.fuzzing import (
    CATALOG_BYTES,
    PLAN_SEEDS,
    assert_clean_message,
    dump_toml,
    fuzz_settings,
    load_seed,
    mutated_bytes,
    mutated_tree,
    random_inputs,
)

CATALOG_TREE = load_seed(CATALOG_BYTES)
PLAN_TREES = {name: load_seed(raw) for name, raw in PLAN_SEEDS.items()}
REAL = load_catalog()
PLANS = (
    Plan((), parse_lan("192.168.50.2/24"), parse_host("acme.telovip.de")),
    Plan((), parse_lan("fd00::5"), parse_host("203.0.113.10")),
    Plan(),
)


def exercise_catalog(catalog: Catalog) -> None:
    """Everything a user can do with a loaded catalog, headless: select all, build, render every format."""
    everything = tuple(c.id for c in catalog.components)
    for plan, lang, fuse in zip(PLANS, ("de", "en", "de"), (True, False, True)):
        plan = plan.with_selection(everything)
        ruleset = build(catalog, plan, MergeOptions(fuse_protocols=fuse, max_gap=3 if fuse else 0))
        for render in CORE_FORMATS.values():
            render(ruleset, RenderOptions(lang=lang, csv_german=not fuse))
        for name in exporter_names():
            exporter = exporters.get(name)
            options = MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)
            try:
                exporter.render(build(catalog, plan, options), ExportContext(catalog, plan, "en"))
            except FwplanError as exc:
                assert_clean_message(str(exc))


def load_or_clear_error(raw: bytes) -> Catalog | None:
    try:
        catalog = parse_catalog(raw, source="fuzz.toml")
    except FwplanError as exc:
        assert_clean_message(str(exc))
        return None
    return catalog


@fuzz_settings(60)
@given(mutated_bytes(CATALOG_BYTES))
def test_catalog_bytes_mutated_load_or_give_a_clear_error(raw):
    catalog = load_or_clear_error(raw)
    if catalog is not None:
        exercise_catalog(catalog)


@pytest.mark.slow  # several seconds: each example validates a whole catalog
@fuzz_settings(80)
@given(mutated_tree(CATALOG_TREE))
def test_catalog_structure_mutated_validates_or_gives_a_clear_error(tree):
    # straight into the validator: trees TOML text could not even express are tried too
    try:
        catalog = _Validator("fuzz.toml").catalog(tree, b"")
    except FwplanError as exc:
        assert_clean_message(str(exc))
        catalog = None
    raw = dump_toml(tree)
    if raw is not None:
        catalog = load_or_clear_error(raw) or catalog
    if catalog is not None:
        exercise_catalog(catalog)


@fuzz_settings(100)
@given(random_inputs(300))
def test_catalog_random_bytes_give_a_clear_error(raw):
    assert load_or_clear_error(raw) is None


def parse_plan_or_clear_error(raw: bytes) -> None:
    try:
        plan = parse_plan(raw, REAL, source="fuzz.toml")
    except FwplanError as exc:
        assert_clean_message(str(exc))
        return
    for fmt in CORE_FORMATS.values():
        fmt(build(REAL, plan), RenderOptions())


@fuzz_settings(150)
@given(st.sampled_from(sorted(PLAN_SEEDS)).flatmap(lambda name: mutated_bytes(PLAN_SEEDS[name])))
def test_plan_bytes_mutated_load_or_give_a_clear_error(raw):
    parse_plan_or_clear_error(raw)


@pytest.mark.slow  # several seconds: trees of every shape, each dumped to TOML and parsed
@fuzz_settings(150)
@given(st.sampled_from(sorted(PLAN_TREES)).flatmap(lambda name: mutated_tree(PLAN_TREES[name])))
def test_plan_structure_mutated_loads_or_gives_a_clear_error(tree):
    raw = dump_toml(tree)
    if raw is not None:
        parse_plan_or_clear_error(raw)


@fuzz_settings(100)
@given(random_inputs(200))
def test_plan_random_bytes_give_a_clear_error_or_an_empty_plan(raw):
    parse_plan_or_clear_error(raw)
