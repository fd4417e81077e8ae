"""Saving a plan and exporting with -o under real faults: the earlier file stays intact, byte for byte.

No mocks: a real tmpfs in a private mount namespace (full, read-only), /dev/full, real directories,
symlinks, device nodes, and two real processes saving the same file at once.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fwplan.catalog import load_catalog
from fwplan.errors import FwplanError, OutputError
from fwplan.plan import PlanError, parse_plan, read_plan_file, write_plan_file
from tests.conftest import ROOT, require_root, require_tool
from tests.hardening.fault_driver import variant_export_argv, variant_plan
from tests.hardening.fuzzing import assert_clean_message
from tests.hardening.test_fuzz_cli import assert_cli_contract, run_in

PYTHON = sys.executable
CATALOG = load_catalog()


def one_error_line(stderr: str, *words: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("fwplan: error: "), stderr
    assert_clean_message(lines[0])
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def earlier(tmp_path):
    """A saved plan and an earlier export, with their bytes."""
    write_plan_file(tmp_path / "site.toml", variant_plan(CATALOG, "a"), CATALOG)
    code, _, err = run_in(tmp_path, variant_export_argv("a", "rules.csv"))
    assert code == 0, err
    return tmp_path, {p.name: p.read_bytes() for p in tmp_path.iterdir()}


def assert_unchanged(directory: Path, before: dict[str, bytes]) -> None:
    after = {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file() and not p.is_symlink()}
    assert after == before, "a file changed, or a temp file was left behind"
    plan = read_plan_file(directory / "site.toml", CATALOG)
    assert plan == read_plan_file(directory / "site.toml", CATALOG)
    assert plan.selected == variant_plan(CATALOG, "a").selected


@pytest.mark.e2e  # unshare and mount: a real tmpfs, filled up or read-only
@pytest.mark.parametrize("case", ["full", "readonly"])
def test_save_and_export_onto_a_full_or_read_only_filesystem(tmp_path, case):
    require_root()
    require_tool("unshare", "mount")
    mount = tmp_path / "mnt"
    mount.mkdir()
    result = subprocess.run(
        ["unshare", "-m", PYTHON, "-m", "tests.hardening.fault_driver", case, str(mount)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    reason = {"full": "No space left on device", "readonly": "Read-only file system"}[case]
    assert report["save_error"] == f"OutputError: cannot write plan '{mount}/site.toml': {reason}"
    assert report["cli_exit"] == 2 and report["cli_stdout"] == ""
    one_error_line(report["cli_stderr"], f"cannot write export '{mount}/rules.csv'", reason)
    german = {"full": "kein Platz mehr auf dem Gerät", "readonly": "Dateisystem ist nur lesbar"}[case]
    assert report["save_error_de"] == f"Plan '{mount}/site.toml' kann nicht geschrieben werden: {german}"
    assert report["cli_exit_de"] == 2
    one_error_line(report["cli_stderr_de"], f"Export '{mount}/rules.csv' kann nicht geschrieben werden: {german}")
    assert report["plan_intact"] and report["export_intact"] and report["plan_reads_back"]
    assert report["files"] == sorted(["site.toml", "rules.csv"] + (["filler"] if case == "full" else []))
    assert not os.listdir(mount), "the tmpfs leaked out of the private mount namespace"


def test_export_onto_dev_full_is_a_clear_error(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    code, out, err = run_in(tmp_path, variant_export_argv("a", "/dev/full"))
    assert code == 2 and out == ""
    one_error_line(err, "'/dev/full'", "No space left on device")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_save_and_export_onto_a_directory(earlier):
    directory, before = earlier
    (directory / "sub").mkdir()
    with pytest.raises(PlanError) as info:
        write_plan_file(directory / "sub", variant_plan(CATALOG, "b"), CATALOG)
    assert str(info.value) == f"cannot save plan: '{directory}/sub' is a directory; give a file name"
    code, _out, err = run_in(directory, variant_export_argv("b", "sub"))
    assert code == 2
    one_error_line(err, "'sub' is a directory", "give a file name")
    assert not os.listdir(directory / "sub")
    assert_unchanged(directory, before)


def test_save_through_a_symlink_replaces_the_target_and_keeps_the_link(earlier):
    directory, before = earlier
    link = directory / "link.toml"
    link.symlink_to("site.toml")
    write_plan_file(link, variant_plan(CATALOG, "b"), CATALOG)
    assert link.is_symlink() and os.readlink(link) == "site.toml"
    assert read_plan_file(directory / "site.toml", CATALOG).selected == variant_plan(CATALOG, "b").selected
    assert sorted(os.listdir(directory)) == ["link.toml", "rules.csv", "site.toml"]
    export_link = directory / "export-link.csv"
    export_link.symlink_to("rules.csv")
    code, _, err = run_in(directory, variant_export_argv("b", "export-link.csv"))
    assert code == 0, err
    assert export_link.is_symlink() and (directory / "rules.csv").read_bytes() != before["rules.csv"]


@pytest.mark.parametrize("kind", ["loop", "dangling-into-missing-dir"])
def test_save_through_a_broken_symlink_is_a_clear_error(earlier, kind):
    directory, before = earlier
    link = directory / "link.toml"
    link.symlink_to("link.toml" if kind == "loop" else "missing-dir/plan.toml")
    reason = "Too many levels of symbolic links" if kind == "loop" else "No such file or directory"
    with pytest.raises(OutputError) as info:
        write_plan_file(link, variant_plan(CATALOG, "b"), CATALOG)
    assert str(info.value).startswith(f"cannot write plan '{link}'") and reason in str(info.value)
    code, _, err = run_in(directory, variant_export_argv("b", "link.toml"))
    assert code == 2
    one_error_line(err, "'link.toml'", reason)
    assert link.is_symlink() and os.readlink(link) == ("link.toml" if kind == "loop" else "missing-dir/plan.toml")
    assert_unchanged(directory, before)


def test_save_through_a_dangling_symlink_creates_its_target(earlier):
    directory, _ = earlier
    link = directory / "new-link.toml"
    link.symlink_to("new.toml")
    assert write_plan_file(link, variant_plan(CATALOG, "b"), CATALOG) == directory / "new.toml"
    assert link.is_symlink() and read_plan_file(link, CATALOG).host == variant_plan(CATALOG, "b").host


def test_export_onto_a_device_node_writes_into_it_and_keeps_the_node(tmp_path):
    require_root()
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    code, _, err = run_in(tmp_path, variant_export_argv("a", "null"))
    assert code == 0, err
    write_plan_file(null, variant_plan(CATALOG, "a"), CATALOG)
    assert stat.S_ISCHR(null.lstat().st_mode) and os.listdir(tmp_path) == ["null"]


def _race(tmp_path: Path, mode: str, target: Path, count: int, check) -> int:
    """Two processes write ``target`` ``count`` times each; meanwhile every read must pass ``check``."""
    writers = [
        subprocess.Popen(
            [PYTHON, "-m", "tests.hardening.fault_driver", mode, str(target), v, str(count)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for v in ("a", "b")
    ]
    reads = 0
    deadline = time.monotonic() + 120
    while any(w.poll() is None for w in writers) and time.monotonic() < deadline:
        check(target.read_bytes())
        reads += 1
    for writer in writers:
        _, stderr = writer.communicate(timeout=max(deadline - time.monotonic(), 1))
        assert writer.returncode == 0, stderr.decode()
    check(target.read_bytes())
    assert sorted(os.listdir(tmp_path)) == [target.name], "temp files were left behind"
    return reads


@pytest.mark.slow  # two writer processes, 300 writes each
def test_two_instances_saving_the_same_plan_never_interleave(tmp_path):
    target = tmp_path / "site.toml"
    write_plan_file(target, variant_plan(CATALOG, "a"), CATALOG)
    versions = {v: variant_plan(CATALOG, v) for v in ("a", "b")}
    seen = set()

    def check(raw: bytes) -> None:
        plan = parse_plan(raw, CATALOG)
        match = [v for v, p in versions.items() if (p.selected, p.lan, p.host) == (plan.selected, plan.lan, plan.host)]
        assert match, raw
        seen.add(match[0])

    reads = _race(tmp_path, "save-loop", target, 300, check)
    assert reads > 10 and seen == {"a", "b"}, (reads, seen)


@pytest.mark.slow  # two writer processes, 300 writes each
def test_two_instances_exporting_to_the_same_file_never_interleave(tmp_path):
    target = tmp_path / "rules.csv"
    expected = {}
    for variant in ("a", "b"):
        code, out, err = run_in(tmp_path, [*variant_export_argv(variant, "-")])
        assert code == 0, err
        expected[out.encode()] = variant
    assert run_in(tmp_path, variant_export_argv("a", "rules.csv"))[0] == 0
    seen = set()

    def check(raw: bytes) -> None:
        assert raw in expected, raw[:200]
        seen.add(expected[raw])

    reads = _race(tmp_path, "export-loop", target, 300, check)
    assert reads > 10 and seen == {"a", "b"}, (reads, seen)


def test_clear_messages_are_one_line(tmp_path):
    for bad in (tmp_path, tmp_path / "missing" / "x.toml", tmp_path / "a\x1b[2J" / "x.toml"):
        with pytest.raises(FwplanError) as info:
            write_plan_file(bad, variant_plan(CATALOG, "a"), CATALOG)
        assert_clean_message(str(info.value))
    argv = variant_export_argv("a", "missing/x.csv")
    code, out, err = run_in(tmp_path, argv)
    assert code == 2
    assert_cli_contract(argv, code, out, err)


def test_saving_a_plan_onto_a_pipe_does_not_wait_to_read_it_first(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_plan_file(fifo, variant_plan(CATALOG, "a"), CATALOG)
    out, _ = reader.communicate(timeout=30)
    assert parse_plan(out, CATALOG).selected == variant_plan(CATALOG, "a").selected
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
