"""A stdout that fails (a full device, a closed or read-only descriptor) ends a command with one error line.

Each command runs for real in a subprocess with its stdout on the failing file: the run must end with one
``fwplan: error: ...`` line on stderr and a non-zero exit code, never a traceback or Python's
"Exception ignored" from the flush at exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

FWPLAN = str(Path(sys.executable).parent / "fwplan")
COMMANDS = {
    "list": ["list"],
    "list-json": ["list", "--format", "json"],
    "export": ["export", "--select", "hostedpbx-classic", "--lan", "192.168.50.2/24", "--host", "acme.telovip.de"],
    "export-json": ["export", "--select", "instantpbx", "--format", "json"],
    # loopback: every probe is refused or answered at once
    "probe-json": ["probe", "--select", "instantpbx", "--host", "127.0.0.1", "--timeout", "0.5", "--format", "json"],
    "check-catalog": ["check-catalog", "catalog.toml"],
    "help": ["export", "--help"],
}
NEEDS_DEV_FULL = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


def run_with_stdout(args: list[str], stdout: int | None, *, close: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""}
    command = [FWPLAN, *args]
    if close:  # the shell closes descriptor 1 before fwplan starts
        command = ["sh", "-c", 'exec "$@" >&-', "sh", *command]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, timeout=60)


def assert_one_error_line(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode != 0, result
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("fwplan: error: ")]
    assert len(errors) == 1, result.stderr
    assert result.stderr.splitlines()[-1] == errors[0]
    for word in words:
        assert word in errors[0]


@NEEDS_DEV_FULL
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_full_device_on_stdout_is_one_error_line(name):
    with open("/dev/full", "w") as full:
        result = run_with_stdout(COMMANDS[name], full.fileno())
    assert_one_error_line(result, "cannot write to standard output", "No space left on device")
    assert result.returncode == 2


@pytest.mark.parametrize("name", ["list", "export", "check-catalog"])
def test_a_closed_stdout_is_one_error_line(name):
    result = run_with_stdout(COMMANDS[name], None, close=True)
    assert_one_error_line(result, "cannot write to standard output: it is closed")


@pytest.mark.parametrize("name", ["list", "export-json"])
def test_a_stdout_open_for_reading_only_is_one_error_line(name):
    fd = os.open(os.devnull, os.O_RDONLY)
    try:
        result = run_with_stdout(COMMANDS[name], fd)
    finally:
        os.close(fd)
    assert_one_error_line(result, "cannot write to standard output")


@NEEDS_DEV_FULL
def test_the_error_is_in_the_users_language():
    with open("/dev/full", "w") as full:
        result = run_with_stdout(["list", "--lang", "de"], full.fileno())
    assert_one_error_line(result, "Standardausgabe kann nicht geschrieben werden: kein Platz mehr auf dem Gerät")
