"""Shared test helpers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

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
