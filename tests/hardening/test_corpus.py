"""Replays the corpus of inputs that once failed, or that technicians get wrong by hand.

corpus/catalog/*.toml and corpus/plan/*.toml: ``ok-`` files load, ``err-`` files give one clean FwplanError.
corpus/cli.json: command lines with the exit code they must give. Add every new finding here.
"""

from __future__ import annotations

import json
import os
import stat

import pytest

from fwplan.catalog import load_catalog
from fwplan.errors import FwplanError
from fwplan.plan import read_plan_file
from tests.conftest import require_root
from tests.hardening.fuzzing import CATALOG_BYTES, CORPUS, PLAN_SEEDS, assert_clean_message
from tests.hardening.test_fuzz_cli import assert_cli_contract, run_in
from tests.hardening.test_fuzz_loaders import exercise_catalog

CATALOGS = sorted((CORPUS / "catalog").glob("*.toml"))
PLANS = sorted((CORPUS / "plan").glob("*.toml"))
COMMAND_LINES = json.loads((CORPUS / "cli.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.name)
def test_catalog_corpus(path):
    if path.name.startswith("ok-"):
        exercise_catalog(load_catalog(path))
        return
    with pytest.raises(FwplanError) as info:
        load_catalog(path)
    assert_clean_message(str(info.value))
    assert path.name in str(info.value)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_plan_corpus(path, catalog):
    if path.name.startswith("ok-"):
        read_plan_file(path, catalog)
        return
    with pytest.raises(FwplanError) as info:
        read_plan_file(path, catalog)
    assert_clean_message(str(info.value))
    assert path.name in str(info.value)


def test_a_plan_saved_with_a_bom_reads_like_the_same_plan_without(catalog):
    with_bom = read_plan_file(CORPUS / "plan" / "ok-bom-from-notepad.toml", catalog)
    plain = read_plan_file(CORPUS.parent / "seeds" / "commented.toml", catalog)
    assert with_bom == plain and with_bom.selected


@pytest.fixture
def corpus_dir(tmp_path):
    (tmp_path / "plan-with-bom.toml").write_bytes(b"\xef\xbb\xbf" + PLAN_SEEDS["commented.toml"])
    (tmp_path / "catalog-with-bom.toml").write_bytes(b"\xef\xbb\xbf" + CATALOG_BYTES)
    (tmp_path / "symlink-loop").symlink_to("symlink-loop")
    if os.geteuid() == 0:
        os.mknod(tmp_path / "null-device", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return tmp_path


@pytest.mark.parametrize("case", COMMAND_LINES, ids=lambda c: c["why"])
def test_command_line_corpus(case, corpus_dir):
    argv = case["argv"]
    if "null-device" in argv:
        require_root()
    code, out, err = run_in(corpus_dir, argv)
    assert_cli_contract(argv, code, out, err)
    assert code == case["exit"], err
    if "symlink-loop" in argv:
        assert (corpus_dir / "symlink-loop").is_symlink()
    if "null-device" in argv:
        assert stat.S_ISCHR((corpus_dir / "null-device").lstat().st_mode)
