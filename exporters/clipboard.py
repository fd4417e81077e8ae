"""Clipboard delivery: OSC 52 always, the desktop clipboard (pyperclip) where it can work.

OSC 52 asks the terminal to set its clipboard, so it reaches the user's own
machine through SSH and, with ``set -s set-clipboard on``, through tmux. The
caller passes the function that writes it (the planner passes
``App.copy_to_clipboard``), so this module stays free of Textual.

pyperclip only helps with a local display and not over SSH (there it would fill
the jump host's clipboard, not the user's). It runs in a child process with its
output discarded: with a stale DISPLAY, xclip writes its complaint to the
inherited stderr, which is the terminal the planner draws on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Callable, Mapping

OSC52 = "osc52"
SYSTEM = "system"

_SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")
_DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY")
# pyperclip reports no error when xclip cannot reach the display, so read the text back.
_CHILD = (
    "import sys, pyperclip\n"
    "text = sys.stdin.read()\n"
    "pyperclip.copy(text)\n"
    "sys.exit(0 if pyperclip.paste() == text else 1)\n"
)


@dataclass(frozen=True, slots=True)
class Delivery:
    """What happened to one copy: the channels that took the text, and those that failed."""

    delivered: tuple[str, ...]
    failed: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return bool(self.delivered)


def over_ssh(environ: Mapping[str, str]) -> bool:
    return any(environ.get(name) for name in _SSH_VARIABLES)


def has_local_display(environ: Mapping[str, str]) -> bool:
    return any(environ.get(name) for name in _DISPLAY_VARIABLES)


def system_clipboard_usable(environ: Mapping[str, str]) -> bool:
    """True where pyperclip would reach the user's own desktop clipboard."""
    return has_local_display(environ) and not over_ssh(environ)


def copy_with_pyperclip(text: str, environ: Mapping[str, str] | None = None, timeout: float = 5.0) -> bool:
    """Copy through pyperclip in a child process; False on any failure, nothing printed."""
    env = dict(os.environ if environ is None else environ)
    try:
        result = subprocess.run(
            [sys.executable, "-c", _CHILD],
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**env, "PYTHONIOENCODING": "utf-8"},
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def deliver(
    text: str,
    osc52: Callable[[str], None],
    environ: Mapping[str, str] | None = None,
    system: Callable[[str, Mapping[str, str]], bool] = copy_with_pyperclip,
) -> Delivery:
    """Send ``text`` through OSC 52 and, where usable, the desktop clipboard."""
    env = os.environ if environ is None else environ
    delivered: list[str] = []
    failed: list[str] = []
    try:
        osc52(text)
        delivered.append(OSC52)
    except Exception:  # a dead terminal must not take the planner down
        failed.append(OSC52)
    if system_clipboard_usable(env):
        try:
            ok = system(text, env)
        except Exception:
            ok = False
        (delivered if ok else failed).append(SYSTEM)
    return Delivery(tuple(delivered), tuple(failed))
