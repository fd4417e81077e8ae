"""A catalog of 10,000 components loads, builds and exports (timings: benchmarks/huge_catalog.py)."""

from __future__ import annotations

import csv
import io

import pytest

from fwplan.catalog import load_catalog
from fwplan.formats import render_csv
from fwplan.merge import build
from fwplan.plan import Plan, parse_host, parse_lan
from tests.hardening.huge import huge_catalog_text
from tests.hardening.test_fuzz_cli import run_in

pytestmark = pytest.mark.slow  # 10,000 components: seconds per test


@pytest.fixture(scope="module")
def huge(tmp_path_factory):
    path = tmp_path_factory.mktemp("huge") / "huge.toml"
    path.write_text(huge_catalog_text(10_000), encoding="utf-8")
    return path


def test_ten_thousand_components_load_build_and_export(huge):
    catalog = load_catalog(huge)
    assert len(catalog.components) == 10_000
    everything = tuple(c.id for c in catalog.components)
    plan = Plan(everything, parse_lan("192.168.50.2/24"), parse_host("acme.telovip.de"))
    ruleset = build(catalog, plan)
    rows = list(csv.reader(io.StringIO(render_csv(ruleset))))
    assert len(rows) == len(ruleset.rules) + 1 and len(ruleset.rules) > 5
    asked = {c.id for r in ruleset.rules for c in [catalog.component(i) for i in r.components]}
    assert asked == set(everything), "every ticked component is the reason for some rule"


def test_check_catalog_and_export_through_the_cli(huge):
    code, out, err = run_in(huge.parent, ["check-catalog", "huge.toml"])
    assert code == 0, err
    assert "20 products, 10000 components" in out
    code, out, err = run_in(
        huge.parent,
        [
            "export",
            "--catalog",
            "huge.toml",
            "--select",
            "product-7",
            "--lan",
            "10.0.0.2/8",
            "--host",
            "pbx.example.net",
            "--format",
            "json",
        ],
    )
    assert code == 0, err
    assert '"rule": 1' in out
