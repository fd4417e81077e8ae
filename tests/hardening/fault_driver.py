"""Real faults for the save tests, run in their own processes.

unshare -m python -m tests.hardening.fault_driver full|readonly MOUNTPOINT
    in a private mount namespace: a real 64 KiB tmpfs, filled up or remounted read-only, then a plan
    save and an ``fwplan export -o`` onto it; prints what happened as JSON for the test to judge
python -m tests.hardening.fault_driver save-loop|export-loop PATH VARIANT COUNT
    one of two instances saving the same plan (or export) COUNT times
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

from fwplan.catalog import load_catalog
from fwplan.errors import FwplanError
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, read_plan_file, write_plan_file

FWPLAN = str(Path(sys.executable).parent / "fwplan")
EXPORT = [
    "export",
    "--select",
    "hostedpbx-classic",
    "--lan",
    "192.168.50.2/24",
    "--host",
    "acme.telovip.de",
    "--format",
    "csv",
]


def sh(*argv: str) -> None:
    subprocess.run(argv, check=True)


def fill(mount: Path) -> None:
    """Write until the filesystem says it is full."""
    fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        if exc.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)


def main(case: str, mount: Path) -> dict:
    sh("mount", "--make-rprivate", "/")
    sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount))
    catalog = load_catalog()
    plan_path, export_path = mount / "site.toml", mount / "rules.csv"
    earlier = Plan(expand_selection(catalog, ["instantpbx"]), parse_lan("192.168.1.10/24"), parse_host("203.0.113.10"))
    write_plan_file(plan_path, earlier, catalog)
    first = subprocess.run([FWPLAN, *EXPORT, "-o", str(export_path)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = {"plan": plan_path.read_bytes(), "export": export_path.read_bytes()}
    if case == "full":
        fill(mount)
    else:
        sh("mount", "-o", "remount,ro", str(mount))
    bigger = Plan(
        expand_selection(catalog, ["hostedpbx-classic", "hostedpbx-vpnless", "instantpbx"]),
        parse_lan("10.20.30.40/16"),
        parse_host("acme.telovip.de"),
    )
    try:
        write_plan_file(plan_path, bigger, catalog)
        save_error = save_error_de = None
    except FwplanError as exc:
        save_error = f"{type(exc).__name__}: {exc}"
        save_error_de = exc.message("de")
    cli = subprocess.run(
        [FWPLAN, *EXPORT, "--separate-protocols", "-o", str(export_path)], capture_output=True, text=True
    )
    cli_de = subprocess.run([FWPLAN, *EXPORT, "--lang", "de", "-o", str(export_path)], capture_output=True, text=True)
    after = {"plan": plan_path.read_bytes(), "export": export_path.read_bytes()}
    reread = read_plan_file(plan_path, catalog)
    return {
        "save_error": save_error,
        "save_error_de": save_error_de,
        "cli_exit": cli.returncode,
        "cli_exit_de": cli_de.returncode,
        "cli_stderr_de": cli_de.stderr,
        "cli_stderr": cli.stderr,
        "cli_stdout": cli.stdout,
        "plan_intact": before["plan"] == after["plan"],
        "export_intact": before["export"] == after["export"],
        "plan_reads_back": reread == read_plan_file(plan_path, catalog)
        and reread.selected == earlier.selected
        and reread.lan == earlier.lan
        and reread.host == earlier.host,
        "files": sorted(os.listdir(mount)),
    }


#: Two plans that differ in every field, so that a mix of the two cannot pass for either.
VARIANTS = {
    "a": (["instantpbx"], "192.168.1.10/24", "203.0.113.10"),
    "b": (["hostedpbx-classic", "hostedpbx-vpnless"], "10.20.30.40/16", "acme.telovip.de"),
}


def variant_plan(catalog, variant: str) -> Plan:
    select, lan, host = VARIANTS[variant]
    return Plan(expand_selection(catalog, select), parse_lan(lan), parse_host(host))


def variant_export_argv(variant: str, output: str) -> list[str]:
    select, lan, host = VARIANTS[variant]
    return [
        "export",
        *[a for s in select for a in ("--select", s)],
        "--lan",
        lan,
        "--host",
        host,
        "--format",
        "csv",
        "-o",
        output,
    ]


def save_loop(path: Path, variant: str, count: int) -> None:
    catalog = load_catalog()
    plan = variant_plan(catalog, variant)
    for _ in range(count):
        write_plan_file(path, plan, catalog)


def export_loop(path: Path, variant: str, count: int) -> None:
    from fwplan.cli import main as cli_main

    for _ in range(count):
        assert cli_main(variant_export_argv(variant, str(path))) == 0


if __name__ == "__main__":
    if sys.argv[1] == "save-loop":
        save_loop(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "export-loop":
        export_loop(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
    else:
        print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))))
