"""Clipboard delivery: OSC 52 always; the desktop clipboard only with a local display, not over SSH."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from exporters.clipboard import (
    COPIED,
    HELPER_FAILED,
    NO_MECHANISM,
    NOT_READ_BACK,
    OSC52,
    SYSTEM,
    TIMED_OUT,
    copy_with_pyperclip,
    deliver,
    system_clipboard_usable,
)
from tests.conftest import require_tool


def test_osc52_always_and_no_desktop_clipboard_without_a_display():
    sent, system_calls = [], []
    delivery = deliver("443,9100-9101", sent.append, environ={}, system=lambda t, e: system_calls.append(t) or COPIED)
    assert sent == ["443,9100-9101"]
    assert system_calls == []
    assert delivery.delivered == (OSC52,) and delivery.failed == ()


@pytest.mark.parametrize("ssh_variable", ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"])
def test_no_desktop_clipboard_over_ssh(ssh_variable):
    environ = {"DISPLAY": ":0", ssh_variable: "10.0.0.1 5022 10.0.0.2 22"}
    assert not system_clipboard_usable(environ)
    delivery = deliver("x", lambda t: None, environ=environ, system=lambda t, e: pytest.fail("must not be called"))
    assert delivery.delivered == (OSC52,)


def test_desktop_clipboard_with_a_local_display_and_its_failure_is_reported_not_raised():
    assert system_clipboard_usable({"WAYLAND_DISPLAY": "wayland-0"})

    def broken(text, environ):
        raise RuntimeError("no clipboard mechanism")

    delivery = deliver("x", lambda t: None, environ={"DISPLAY": ":0"}, system=broken)
    assert delivery.delivered == (OSC52,) and delivery.failed == (SYSTEM,)
    assert delivery.system_problem == HELPER_FAILED
    refused = deliver("x", lambda t: None, environ={"DISPLAY": ":0"}, system=lambda t, e: NOT_READ_BACK)
    assert refused.failed == (SYSTEM,) and refused.system_problem == NOT_READ_BACK
    copied = deliver("x", lambda t: None, environ={"DISPLAY": ":0"}, system=lambda t, e: COPIED)
    assert copied.delivered == (OSC52, SYSTEM) and copied.system_problem == ""


def test_a_failing_terminal_write_is_reported_not_raised():
    def dead(text):
        raise OSError("terminal gone")

    delivery = deliver("x", dead, environ={})
    assert delivery.failed == (OSC52,) and not delivery.delivered


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    pytest.fail("no free X display number between :90 and :199")


@pytest.fixture
def xvfb_display():
    """A private Xvfb, used once it says it is ready (-displayfd), not when its socket appears."""
    require_tool("Xvfb", "xclip")
    ready_read, ready_write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(ready_write), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(ready_write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(ready_write)
    with os.fdopen(ready_read, "rb") as ready:
        number = ready.readline().strip()  # empty if Xvfb died before it was ready
    try:
        if not number.isdigit():
            pytest.fail(f"Xvfb did not start (exit code {server.poll()})")
        yield f":{number.decode()}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _environ(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SSH_", "WAYLAND_"))}
    env["DISPLAY"] = display
    return env


@pytest.mark.e2e  # drives Xvfb and xclip
def test_pyperclip_fills_the_x_clipboard(xvfb_display):
    text = "443,9094,9100-9101,16203,57203 Überblick"
    env = _environ(xvfb_display)
    assert copy_with_pyperclip(text, env) == COPIED
    deadline = time.monotonic() + 10
    while True:
        out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True, timeout=10)
        if out.stdout.decode("utf-8") == text or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert out.stdout.decode("utf-8") == text


@pytest.mark.e2e  # drives Xvfb and xclip
def test_a_stale_display_fails_quietly(capfd):
    require_tool("xclip")
    env = _environ(f":{_free_display()}")
    assert copy_with_pyperclip("x", env, read_back=0.5) == NOT_READ_BACK
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


def _shim(directory: Path, name: str, body: str) -> None:
    script = directory / name
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)


@pytest.mark.e2e  # drives Xvfb and xclip
def test_a_selection_claimed_late_is_still_read_back(xvfb_display, tmp_path):
    # xclip leaves a forked child to claim the selection after it exits; on a busy machine that
    # claim comes late. This xclip claims it half a second after exiting.
    real = shutil.which("xclip")
    _shim(
        tmp_path,
        "xclip",
        f"""case " $* " in *" -o "*) exec {real} "$@";; esac
held=$(mktemp)
cat > "$held"
( sleep 0.5; {real} "$@" < "$held"; rm -f "$held" ) >/dev/null 2>&1 &
""",
    )
    env = _environ(xvfb_display) | {"PATH": f"{tmp_path}:{os.environ['PATH']}"}
    assert copy_with_pyperclip("9100-9101 late", env) == COPIED
    out = subprocess.run([real, "-o", "-selection", "clipboard"], env=env, capture_output=True, timeout=10)
    assert out.stdout.decode() == "9100-9101 late"


def test_no_clipboard_tool_is_named_as_such(tmp_path, capfd):
    env = _environ(":0") | {"PATH": str(tmp_path)}  # no xclip, xsel or wl-copy on it
    assert copy_with_pyperclip("x", env) == NO_MECHANISM
    assert capfd.readouterr() == ("", "")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_a_hung_clipboard_tool_is_stopped_at_the_timeout(tmp_path):
    pid_file = tmp_path / "pid"
    _shim(tmp_path, "xclip", f"trap '' TERM\necho $$ > {pid_file}\nwhile :; do sleep 1; done\n")
    env = _environ(":0") | {"PATH": f"{tmp_path}:{os.environ['PATH']}"}
    started = time.monotonic()
    assert copy_with_pyperclip("x", env, timeout=3) == TIMED_OUT
    assert time.monotonic() - started < 8
    hung = int(pid_file.read_text())
    deadline = time.monotonic() + 5  # SIGKILL was sent; wait for the kernel to finish it
    while _alive(hung) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not _alive(hung), "the hung xclip outlived the timeout"


async def test_the_planner_names_why_the_desktop_clipboard_failed(catalog, tmp_path):
    from tests.tui.conftest import make_app, settle

    env = _environ(":0") | {"PATH": str(tmp_path)}
    app = make_app(catalog, select=("hostedpbx-classic",), environ=env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert "Copy failed: X/Wayland clipboard (no xclip, xsel or wl-copy found)" in messages, messages
    assert any("copied via OSC 52 (terminal)" in m for m in messages), messages


@pytest.mark.e2e  # drives Xvfb and xclip
async def test_the_planner_copies_to_the_x_clipboard_too(xvfb_display, catalog):
    from tests.tui.conftest import make_app, settle

    env = _environ(xvfb_display)
    app = make_app(catalog, select=("hostedpbx-classic",), environ=env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        first_rule = app.ruleset.rules[0]  # the highlighted rule: the planner starts on the first
    assert any("OSC 52 (terminal), X/Wayland clipboard" in m for m in messages), messages
    out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True, timeout=10)
    assert out.stdout.decode() == first_rule.ports.format(",") == "9443"
    assert shutil.which("xclip")
