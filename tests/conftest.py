"""Shared test helpers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles, chosen here rather than by Hypothesis's own guess, in every pytest-xdist worker alike
# (each worker imports this file and sees the same environment):
# - "ci" when CI is set (.ci/run sets it): derandomized, so a run repeats exactly, serial or in parallel
#   (each test's examples follow from the test alone, not from the worker or the order); no example database;
# - "dev" otherwise: random exploration, failures kept in .hypothesis/ (safe for parallel workers) and replayed.
# Neither has a deadline per example: parallel workers share the CPU, and wall-clock limits would flake.
# HYPOTHESIS_PROFILE=<name> picks one by hand.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None)
_IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if _IN_CI else "dev"))

ROOT = Path(__file__).resolve().parent.parent
# The provider's article, kept in the repository so that a fresh clone tests against it;
# tests/fwplan/test_catalog_article.py checks the copy against ../shared/seed where that exists.
ARTICLE_DE = ROOT / "docs" / "source" / "ports-article.de.txt"
SHARED_ARTICLE_DE = ROOT.parent / "shared" / "seed" / "ports-article.de.txt"


def require_tool(*names: str) -> None:
    """Skip when a tool is absent (the reason printed); in CI (FWPLAN_REQUIRE_TOOLS=1) fail instead."""
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    reason = f"tool not installed: {', '.join(missing)}"
    if os.environ.get("FWPLAN_REQUIRE_TOOLS"):
        pytest.fail(f"{reason} (CI installs every tool, so nothing may skip there)")
    pytest.skip(reason)


def require_root() -> None:
    if os.geteuid() == 0:
        return
    if os.environ.get("FWPLAN_REQUIRE_TOOLS"):
        pytest.fail("root is needed for network namespaces and CI runs as root")
    pytest.skip("needs root for network namespaces")


@pytest.fixture(scope="session")
def catalog():
    from fwplan.catalog import load_catalog

    return load_catalog()
