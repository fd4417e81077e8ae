"""Clipboard delivery: OSC 52 always; the desktop clipboard only with a local display, not over SSH."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from exporters.clipboard import OSC52, SYSTEM, copy_with_pyperclip, deliver, system_clipboard_usable
from tests.conftest import require_tool


def test_osc52_always_and_no_desktop_clipboard_without_a_display():
    sent, system_calls = [], []
    delivery = deliver("443,9100-9101", sent.append, environ={}, system=lambda t, e: system_calls.append(t) or True)
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
    assert deliver("x", lambda t: None, environ={"DISPLAY": ":0"}, system=lambda t, e: True).delivered == (OSC52, SYSTEM)


def test_a_failing_terminal_write_is_reported_not_raised():
    def dead(text):
        raise OSError("terminal gone")

    delivery = deliver("x", dead, environ={})
    assert delivery.failed == (OSC52,) and not delivery.ok


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X{number}-lock").exists() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return number
    pytest.fail("no free X display number between :90 and :199")


@pytest.fixture
def xvfb_display():
    require_tool("Xvfb", "xclip")
    number = _free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-nolisten", "tcp", "-screen", "0", "640x480x24"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 10
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _environ(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SSH_", "WAYLAND_"))}
    env["DISPLAY"] = display
    return env


def test_pyperclip_fills_the_x_clipboard(xvfb_display):
    text = "443,9094,9100-9101,16203,57203 Überblick"
    env = _environ(xvfb_display)
    assert copy_with_pyperclip(text, env, timeout=30)  # a loaded CI machine starts the child slowly
    deadline = time.monotonic() + 10
    while True:
        out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True, timeout=10)
        if out.stdout.decode("utf-8") == text or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert out.stdout.decode("utf-8") == text


def test_a_stale_display_fails_quietly(capfd):
    require_tool("xclip")
    env = _environ(f":{_free_display()}")
    assert copy_with_pyperclip("x", env, timeout=20) is False
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


async def test_the_planner_copies_to_the_x_clipboard_too(xvfb_display, catalog):
    from tests.tui.conftest import make_app, settle

    env = _environ(xvfb_display)
    app = make_app(catalog, select=("hostedpbx-classic",), environ=env)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert any("OSC 52 (terminal), X/Wayland clipboard" in m for m in messages), messages
    out = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=env, capture_output=True, timeout=10)
    assert out.stdout.decode() == "443,9094,9100-9101,16203,57203"
    assert shutil.which("xclip")
