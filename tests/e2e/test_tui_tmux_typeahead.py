"""Keys typed ahead in a real terminal (issue 12): each burst goes to the planner as ONE tmux send-keys call,
so the terminal delivers it at once, as a laggy SSH link or a fast typist does; the planner must do what the
same keys typed slowly do. The planner runs in the test's own directory, where its saves and exports land.

A burst here never puts a key right after Escape: a terminal sends Escape as the byte that also starts the
sequences of other keys (alt+x is Escape then x), so Escape followed at once by a key is read as one other
key, by any terminal program. tests/tui/test_typeahead.py covers Escape with keys queued behind it."""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from pathlib import Path

import pytest

from fwplan.catalog import load_catalog
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, read_plan_file, write_plan_file
from tests.conftest import require_tool
from tests.e2e.test_tui_tmux import DEADLINE_SECONDS, Tmux, _fwplan

pytestmark = pytest.mark.e2e

CLASSIC = ("--select", "hostedpbx-classic", "--lan", "192.168.50.2/24", "--host", "acme.telovip.de")


@pytest.fixture
def tmux():
    require_tool("tmux")
    server = Tmux()
    try:
        yield server
    finally:
        server.kill()


def start(tmux: Tmux, workdir: Path, *args: str) -> None:
    """The planner in English at 120x40 in ``workdir``, once it shows its first frame with the tree focused."""
    command = " ".join(shlex.quote(part) for part in [_fwplan(), "--lang", "en", *args])
    environ = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "DISPLAY", "WAYLAND_DISPLAY", "TMUX"):
        environ.pop(name, None)
    subprocess.run(
        ["tmux", "-L", tmux.socket, "-f", "/dev/null", "new-session", "-d", "-s", "planner"]
        + ["-x", "120", "-y", "40", "-c", str(workdir), command],
        env=environ,
        check=True,
        timeout=15,
    )
    tmux.run("set", "-g", "window-size", "manual")
    tmux.run("resize-window", "-t", "planner", "-x", "120", "-y", "40", check=False)
    # the footer names the tree's space key once the tree has the focus
    tmux.wait_for(lambda s: "Quit" in s and "space Tick" in s, "the planner's first frame")


def send_burst(tmux: Tmux, *keys: str) -> None:
    """Every key in one send-keys call: tmux writes them to the terminal at once."""
    tmux.run("send-keys", "-t", "planner", *keys)


def wait_until(tmux: Tmux, condition, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {DEADLINE_SECONDS}s; the screen:\n{tmux.capture()}")
        time.sleep(0.1)


def test_tab_then_typing_fills_both_fields(tmux, tmp_path):
    start(tmux, tmp_path)
    send_burst(tmux, "Tab", "192.168.7.5/24", "Tab", "müller.telovip.de")
    screen = tmux.wait_for(
        lambda s: "192.168.7.5/24" in s and "müller.telovip.de" in s, "both fields filled from one burst"
    )
    assert "2.168.7.5/24müller" not in screen and "192.168.7.5/24müller" not in screen
    # what the planner holds, not only what it shows: save it
    send_burst(tmux, "C-s", "C-u", "fields.toml", "Enter")
    saved = tmp_path / "fields.toml"
    wait_until(tmux, saved.exists, "the save")
    plan = read_plan_file(saved, load_catalog())
    assert plan.lan == parse_lan("192.168.7.5/24")
    assert plan.host is not None and plan.host.value == parse_host("müller.telovip.de").value


def test_ctrl_s_then_a_path_and_enter_saves(tmux, tmp_path):
    start(tmux, tmp_path, *CLASSIC)
    send_burst(tmux, "C-s", "C-u", "site.toml", "Enter")
    wait_until(tmux, (tmp_path / "site.toml").exists, "site.toml written")
    assert read_plan_file(tmp_path / "site.toml", load_catalog()).lan == parse_lan("192.168.50.2/24")


def test_e_then_a_path_and_enter_exports(tmux, tmp_path):
    start(tmux, tmp_path, *CLASSIC)
    # the dialog focuses its format menu; then come the three scope boxes, then the path
    send_burst(tmux, "e", "C-u", "rules.csv", "Enter")
    target = tmp_path / "rules.csv"
    wait_until(tmux, lambda: target.exists() and "acme.telovip.de" in target.read_text(encoding="utf-8"), "the export")


def test_ctrl_o_then_a_path_and_enter_opens(tmux, tmp_path):
    catalog = load_catalog()
    plan = Plan(expand_selection(catalog, ("hostedpbx-classic",)), parse_lan("10.9.8.7/24"), parse_host("b.telovip.de"))
    write_plan_file(tmp_path / "other.toml", plan, catalog)
    start(tmux, tmp_path)
    send_burst(tmux, "C-o", "C-u", "other.toml", "Enter")
    tmux.wait_for(lambda s: "10.9.8.7/24" in s and "b.telovip.de" in s, "the plan opened")


def test_the_quit_question_then_save_then_a_path_saves_and_quits(tmux, tmp_path):
    start(tmux, tmp_path)
    # tick the first product (unsaved changes), ctrl+q asks; tab from Cancel wraps to Save, which asks for a path
    send_burst(tmux, "Down", "Space", "C-q", "Tab", "Enter", "C-u", "quit.toml", "Enter")
    wait_until(tmux, (tmp_path / "quit.toml").exists, "the save before quitting")
    wait_until(tmux, lambda: tmux.run("has-session", "-t", "planner", check=False).returncode != 0, "the quit")
