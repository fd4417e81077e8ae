"""The planner's layout in a real terminal (issue 12): tmux at 160x45 and 200x50, the classic plan preset.

The screen capture is read as the Pilot tests read the widgets (tests/tui/test_layout.py): the rule table
from its header, column by column, a wrapped port list joined again.
"""

from __future__ import annotations

import os
import shlex
import subprocess

import pytest

from fwplan.catalog import load_catalog
from fwplan.i18n import say
from fwplan.merge import build
from tests.conftest import ROOT, require_tool
from tests.e2e.test_tui_tmux import Tmux, _fwplan
from tests.tui.conftest import HOST, LAN, make_plan
from tests.tui.test_layout import read_table
from tui.widgets.rules_table import COLUMN_KEYS, rule_label

pytestmark = pytest.mark.e2e

PRESET = "hostedpbx-classic"
TREE_EDGE = "▕"  # the tree's right border


@pytest.fixture
def tmux():
    require_tool("tmux")
    server = Tmux()
    try:
        yield server
    finally:
        server.kill()


def start(tmux: Tmux, width: int, height: int, lang: str) -> str:
    """The planner with the classic preset in a tmux window of width x height; its first full frame."""
    command = shlex.join([_fwplan(), "--select", PRESET, "--lan", LAN, "--host", HOST, "--lang", lang])
    environ = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    # COLUMNS and LINES (pytest-xdist's workers have 80 and 24) would override the window's size in Textual
    for name in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "DISPLAY", "WAYLAND_DISPLAY", "TMUX", "COLUMNS", "LINES"):
        environ.pop(name, None)
    size = ["-x", str(width), "-y", str(height)]
    subprocess.run(
        ["tmux", "-L", tmux.socket, "-f", "/dev/null", "new-session", "-d", "-s", "planner", *size, "-c", str(ROOT)]
        + [command],
        env=environ,
        check=True,
        timeout=15,
    )
    tmux.run("set", "-g", "window-size", "manual")
    tmux.run("resize-window", "-t", "planner", *size, check=False)
    rules = say("status.rules", lang, count=9)
    quit_label = say("key.quit", lang)
    return tmux.wait_for(lambda s: rules in s and quit_label in s and "192.168.50.0/24" in s, "the first frame")


def split(screen: str, lang: str) -> tuple[list[str], list[str]]:
    """The tree's lines and the rule table's (header first, up to the details pane's border)."""
    lines = screen.splitlines()
    ports = say(COLUMN_KEYS["ports"], lang)
    header_at = next((i for i, line in enumerate(lines) if ports in line and TREE_EDGE in line), None)
    if header_at is None:  # not drawn yet
        return lines, [""]
    left = lines[header_at].index(TREE_EDGE) + 1
    table = [lines[header_at][left:]]
    for line in lines[header_at + 1 :]:
        if "▔" in line:
            break
        table.append(line[left:])
    return [line[: left - 1] for line in lines], table


def expected_ports() -> dict[str, str]:
    catalog = load_catalog()
    ruleset = build(catalog, make_plan(catalog, (PRESET,)))
    return {rule_label(rule, label): rule.ports.format(",") for label, rule in ruleset.numbered()}


def shown_ports(screen: str, lang: str) -> dict[str, str]:
    """Each rule's port list as the capture shows it (wrapped lines joined); {} before the table is drawn."""
    headings = {name: say(key, lang) for name, key in COLUMN_KEYS.items()}
    table = split(screen, lang)[1]
    if not all(headings[name] in table[0] for name in ("direction", "ports", "source", "destination")):
        return {}  # not drawn yet, or a column out of sight
    return {row["label"]: row["ports"] for row in read_table(table, headings)}


def test_at_160x45_every_port_list_is_whole_on_one_capture(tmux):
    start(tmux, 160, 45, "en")
    # the columns are fitted once the planner knows its width: wait for that frame, else fail with the screen
    tmux.wait_for(lambda s: shown_ports(s, "en") == expected_ports(), "every port list whole at 160x45")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_at_200x50_every_port_list_and_every_component_name_is_whole(tmux, lang):
    start(tmux, 200, 50, lang)
    screen = tmux.wait_for(lambda s: shown_ports(s, lang) == expected_ports(), "every port list whole at 200x50")
    tree_text = "\n".join(split(screen, lang)[0])
    catalog = load_catalog()
    for item in (*catalog.products, *catalog.components):
        assert item.name.get(lang) in tree_text, (item.id, screen)
