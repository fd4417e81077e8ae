"""A stdout that fails (a full device, a closed or read-only descriptor) ends a command with one error line;
a stderr that fails changes nothing but the lines lost on it.

Each command runs for real in a subprocess with its stdout on the failing file: the run must end with one
``fwplan: error: ...`` line on stderr and a non-zero exit code, never a traceback or Python's
"Exception ignored" from the flush at exit. With its stderr on the failing file instead, each command must
write all of its stdout and end with the exit code it has with a working stderr (2 for a user error, even
though its error line cannot be written); what Python would print there is lost with the lines, so stdout
and the exit code are what the test can see.
"""

from __future__ import annotations

import json
import os
import re
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


# --------------------------------------------------------------------------
# A stderr that fails
# --------------------------------------------------------------------------

STDERR_COMMANDS = {
    "list": (COMMANDS["list"], 0),
    "export": (COMMANDS["export"], 0),
    "probe-json": (COMMANDS["probe-json"], None),  # 0 when every probe got through, else 1: as with a working stderr
    "probe-text": (["probe", "--select", "instantpbx", "--host", "127.0.0.1", "--timeout", "0.5"], None),
    "check-catalog": (COMMANDS["check-catalog"], 0),
    "user-error": (["export", "--select", "instantpbx", "--lan", "300.1.1.1"], 2),
}


def run_with_stderr(
    args: list[str], stderr: int | None, *, close: bool = False, stdout: int = subprocess.PIPE
) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""}
    command = [FWPLAN, *args]
    if close:  # the shell closes descriptor 2 before fwplan starts
        command = ["sh", "-c", 'exec "$@" 2>&-', "sh", *command]
    return subprocess.run(command, stdout=stdout, stderr=stderr, text=True, env=env, cwd=ROOT, timeout=60)


def _comparable(name: str, stdout: str) -> object:
    """What a run's stdout must have in common with another's: all of it, but a probe's timings."""
    if name == "probe-json":
        document = json.loads(stdout)
        for result in document["results"]:
            del result["seconds"]
            result["detail"] = re.sub(r"\b\d+\.\d+ ms\b", "_ ms", result["detail"])
        del document["seconds"]
        return document
    if name == "probe-text":
        return re.sub(r"[ \t]+", " ", re.sub(r"\b\d+\.\d+ (s|ms)\b", r"_ \1", stdout))  # the columns' widths, too
    return stdout


def _reference(name: str) -> subprocess.CompletedProcess:
    result = run_with_stderr(STDERR_COMMANDS[name][0], subprocess.PIPE)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    return result


def assert_as_with_a_working_stderr(name: str, result: subprocess.CompletedProcess) -> None:
    expected_code = STDERR_COMMANDS[name][1]
    reference = _reference(name)
    assert result.returncode == reference.returncode, (result, reference)
    if expected_code is not None:
        assert result.returncode == expected_code, result
    else:
        assert result.returncode in (0, 1), result
    assert "Traceback" not in result.stdout and "Exception ignored" not in result.stdout
    assert _comparable(name, result.stdout) == _comparable(name, reference.stdout)
    if name == "user-error":
        assert result.stdout == "" and reference.stderr.startswith("fwplan: error: ")
    else:
        assert result.stdout.endswith("\n") and len(result.stdout) > 20
    if name == "probe-json":
        summary = json.loads(result.stdout)["summary"]
        assert summary["probes"] > 0 and result.returncode == (0 if summary["all_passed"] else 1)


@NEEDS_DEV_FULL
@pytest.mark.parametrize("name", sorted(STDERR_COMMANDS))
def test_a_full_device_on_stderr_loses_only_the_lines_written_there(name):
    with open("/dev/full", "w") as full:
        result = run_with_stderr(STDERR_COMMANDS[name][0], full.fileno())
    assert_as_with_a_working_stderr(name, result)


@pytest.mark.parametrize("name", sorted(STDERR_COMMANDS))
def test_a_closed_stderr_loses_only_the_lines_written_there(name):
    result = run_with_stderr(STDERR_COMMANDS[name][0], None, close=True)
    assert_as_with_a_working_stderr(name, result)


@pytest.mark.parametrize("name", ["probe-json", "user-error"])
def test_a_stderr_open_for_reading_only_loses_only_the_lines_written_there(name):
    fd = os.open(os.devnull, os.O_RDONLY)
    try:
        result = run_with_stderr(STDERR_COMMANDS[name][0], fd)
    finally:
        os.close(fd)
    assert_as_with_a_working_stderr(name, result)


def test_export_to_a_file_with_a_closed_stderr_writes_the_file(tmp_path):
    """The 'wrote ... to PATH' line is lost; the file is not."""
    output = tmp_path / "rules.txt"
    result = run_with_stderr([*COMMANDS["export"], "-o", str(output)], None, close=True)
    assert result.returncode == 0 and result.stdout == ""
    assert output.read_text(encoding="utf-8") == _reference("export").stdout


@NEEDS_DEV_FULL
@pytest.mark.parametrize("name", ["list", "probe-json"])
def test_a_full_device_on_both_stdout_and_stderr_is_a_failure_said_nowhere(name):
    with open("/dev/full", "w") as full:
        result = run_with_stderr(STDERR_COMMANDS[name][0], full.fileno(), stdout=full.fileno())
    assert result.returncode == 2, result
