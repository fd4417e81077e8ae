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

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

OSC52 = "osc52"
SYSTEM = "system"

_SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")
_DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY")

# What the desktop copy came to; the planner words each of them for the user.
COPIED = "copied"
NOT_READ_BACK = "not-read-back"
NO_MECHANISM = "no-mechanism"
TIMED_OUT = "timed-out"
HELPER_FAILED = "helper-failed"

_EXIT_NOT_READ_BACK = 4
_EXIT_NO_MECHANISM = 3
# pyperclip reports no error when xclip cannot reach the display, so the child reads
# the text back. It polls: xclip exits at once and leaves a forked child to claim the
# selection, so a read straight after the copy can come before the claim.
_CHILD = f"""\
import sys, time, pyperclip
text = sys.stdin.read()
try:
    pyperclip.copy(text)
except pyperclip.PyperclipException:
    sys.exit({_EXIT_NO_MECHANISM})
deadline = time.monotonic() + float(sys.argv[1])
pause = 0.01
while pyperclip.paste() != text:
    if time.monotonic() > deadline:
        sys.exit({_EXIT_NOT_READ_BACK})
    time.sleep(pause)
    pause = min(pause * 2, 0.2)
"""


@dataclass(frozen=True, slots=True)
class Delivery:
    """What happened to one copy: the channels that took the text, and those that failed."""

    delivered: tuple[str, ...]
    failed: tuple[str, ...] = ()
    system_problem: str = ""  # why the desktop clipboard failed, one of the constants above


def over_ssh(environ: Mapping[str, str]) -> bool:
    return any(environ.get(name) for name in _SSH_VARIABLES)


def has_local_display(environ: Mapping[str, str]) -> bool:
    return any(environ.get(name) for name in _DISPLAY_VARIABLES)


def system_clipboard_usable(environ: Mapping[str, str]) -> bool:
    """True where pyperclip would reach the user's own desktop clipboard."""
    return has_local_display(environ) and not over_ssh(environ)


def copy_with_pyperclip(
    text: str, environ: Mapping[str, str] | None = None, timeout: float = 10.0, read_back: float = 3.0
) -> str:
    """Copy through pyperclip in a child process, printing nothing; COPIED or what went wrong.

    ``read_back`` bounds the wait for the clipboard to hold the text, ``timeout`` the whole child.
    """
    env = dict(os.environ if environ is None else environ)
    try:
        # Its own session, so that a hung xclip under it can be stopped with it.
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(read_back)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**env, "PYTHONIOENCODING": "utf-8"},
            start_new_session=True,
        )
    except OSError:
        return HELPER_FAILED
    try:
        child.communicate(text.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop_session(child)
        return TIMED_OUT
    except OSError:
        _stop_session(child)
        return HELPER_FAILED
    outcomes = {0: COPIED, _EXIT_NO_MECHANISM: NO_MECHANISM, _EXIT_NOT_READ_BACK: NOT_READ_BACK}
    return outcomes.get(child.returncode, HELPER_FAILED)


def _stop_session(child: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        os.killpg(child.pid, signal.SIGKILL)
    child.wait()


def deliver(
    text: str,
    osc52: Callable[[str], None],
    environ: Mapping[str, str] | None = None,
    system: Callable[[str, Mapping[str, str]], str] = copy_with_pyperclip,
) -> Delivery:
    """Send ``text`` through OSC 52 and, where usable, the desktop clipboard."""
    env = os.environ if environ is None else environ
    delivered: list[str] = []
    failed: list[str] = []
    system_problem = ""
    try:
        osc52(text)
        delivered.append(OSC52)
    except Exception:  # a dead terminal must not take the planner down
        failed.append(OSC52)
    if system_clipboard_usable(env):
        try:
            outcome = system(text, env)
        except Exception:
            outcome = HELPER_FAILED
        if outcome == COPIED:
            delivered.append(SYSTEM)
        else:
            failed.append(SYSTEM)
            system_problem = outcome
    return Delivery(tuple(delivered), tuple(failed), system_problem)
