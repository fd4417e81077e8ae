"""The planner in a real terminal: tmux at 80x24 with set-clipboard on; `y` puts the rule set in tmux's buffer."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool

pytestmark = pytest.mark.e2e

DEADLINE_SECONDS = 30


def _fwplan() -> str:
    beside = Path(sys.executable).parent / "fwplan"
    return str(beside) if beside.exists() else shutil.which("fwplan") or "fwplan"


class Tmux:
    def __init__(self) -> None:
        self.socket = f"fwplan-test-{uuid.uuid4().hex[:12]}"

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=15, check=check
        )

    def capture(self) -> str:
        return self.run("capture-pane", "-p", "-t", "planner").stdout

    def wait_for(self, predicate, what: str) -> str:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while True:
            screen = self.capture()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"{what} did not happen within {DEADLINE_SECONDS}s; the screen:\n{screen}")
            time.sleep(0.1)

    def kill(self) -> None:
        """Stop the server and remove its socket, which tmux leaves behind in /tmp/tmux-UID."""
        self.run("kill-server", check=False)
        tmpdir = os.environ.get("TMUX_TMPDIR") or "/tmp"
        (Path(tmpdir) / f"tmux-{os.getuid()}" / self.socket).unlink(missing_ok=True)


@pytest.fixture
def tmux():
    require_tool("tmux")
    server = Tmux()
    try:
        yield server
    finally:
        server.kill()


def test_y_puts_the_rule_set_into_the_tmux_buffer(tmux):
    command = " ".join(
        shlex.quote(part)
        for part in [
            _fwplan(),
            "--select",
            "hostedpbx-classic",
            "--lan",
            "192.168.50.2/24",
            "--host",
            "acme.telovip.de",
            "--lang",
            "en",
        ]
    )
    environ = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        environ.pop(name, None)
    subprocess.run(
        [
            "tmux",
            "-L",
            tmux.socket,
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "planner",
            "-x",
            "80",
            "-y",
            "24",
            "-c",
            str(ROOT),
            command,
        ],
        env=environ,
        check=True,
        timeout=15,
    )
    tmux.run("set", "-s", "set-clipboard", "on")
    tmux.run("set", "-g", "window-size", "manual")
    tmux.run("resize-window", "-t", "planner", "-x", "80", "-y", "24", check=False)

    screen = tmux.wait_for(lambda s: "9 rules" in s and "Quit" in s, "the planner's first frame")
    assert "HostedPBX clas" in screen  # the tree narrows at 80 columns so that the rule table fits
    assert tmux.run("list-buffers").stdout == ""

    tmux.run("send-keys", "-t", "planner", "y")
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        buffer = tmux.run("show-buffer", check=False)
        if buffer.returncode == 0 and "9100-9101" in buffer.stdout:
            break
        if time.monotonic() > deadline:
            pytest.fail(f"no rule set in tmux's buffer; screen:\n{tmux.capture()}")
        time.sleep(0.1)
    text = buffer.stdout
    assert text.startswith("Catalog: ")  # what `fwplan export --format text` writes, header included
    assert "\nInternet router\n" in text and "\n#  Direction  Protocol  Source" in text
    assert "acme.telovip.de" in text and "192.168.50.0/24" in text
    assert "443,9094,9100-9101,16203,57203" in text
    assert "agree firewall changes with your contact" in text
    tmux.wait_for(lambda s: "copied via OSC 52" in s, "the copy notice")

    tmux.run("send-keys", "-t", "planner", "C-q")
    deadline = time.monotonic() + DEADLINE_SECONDS
    while tmux.run("has-session", "-t", "planner", check=False).returncode == 0:
        if time.monotonic() > deadline:
            pytest.fail(f"ctrl+q did not quit; screen:\n{tmux.capture()}")
        time.sleep(0.1)
