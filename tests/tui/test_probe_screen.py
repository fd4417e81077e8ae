"""ProbeScreen under Pilot, hosted in a minimal app, probing servers started here on loopback only."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from textual.app import App
from textual.widgets import DataTable, ProgressBar, Static

from fwplan.merge import ANY, Endpoint, Rule, RuleSet
from fwplan.plan import Plan, parse_host, parse_lan
from fwplan.ports import PortSet
from fwplan.probe import ProbeOptions
from tests.conftest import ROOT, require_root, require_tool
from tests.probe_responders import Servers
from tests.tui.conftest import footer_labels, until
from tui.screens.probe import ProbeScreen

LOOPBACK = "127.0.0.1"
PBX = Endpoint("address", LOOPBACK)
LAN = parse_lan("192.168.50.2/24")
SOURCE = Endpoint("network", LAN.network)
PLAN = Plan(lan=LAN, host=parse_host(LOOPBACK))


class Host(App):
    """Just enough app to push the screen, and to record what it posts and returns."""

    def __init__(self, screen: ProbeScreen) -> None:
        super().__init__()
        self.probe_screen = screen
        self.finished = []
        self.dismissed = []

    def on_mount(self) -> None:
        self.push_screen(self.probe_screen, self.dismissed.append)

    def on_probe_screen_probe_finished(self, message: ProbeScreen.ProbeFinished) -> None:
        self.finished.append(message.report)


@pytest.fixture
async def servers():
    async with Servers() as started:
        yield started


def cell(screen: ProbeScreen, row: int, column: str) -> str:
    table = screen.query_one("#probe-rules", DataTable)
    return str(table.get_cell(str(row), column))


async def test_results_appear_beside_each_rule(servers):
    open_port, closed_port = await servers.tcp_listener(), servers.closed_tcp_port()
    rules = RuleSet(
        (
            Rule("outbound", "tcp", SOURCE, PBX, PortSet.of(open_port, closed_port)),
            Rule("outbound", "udp", SOURCE, PBX, PortSet.parse("10000-59999")),
            Rule("outbound", "tcp", SOURCE, ANY, PortSet.of(9200)),
            Rule("inbound", "tcp", PBX, SOURCE, PortSet.of(80)),
        )
    )
    app = Host(ProbeScreen(rules, PLAN, options=ProbeOptions(timeout=2)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.probe_screen
        await until(pilot, lambda: app.finished)  # the report is kept before its message reaches the app
        assert set(cell(screen, 0, "result").split(" · ")) == {"1 open", "1 refused"}
        assert cell(screen, 1, "result") == "not testable"
        assert cell(screen, 2, "result") == cell(screen, 3, "result") == "not probed"
        bar = screen.query_one(ProgressBar)
        assert bar.progress == bar.total == 2
        status = str(screen.query_one("#probe-status", Static).render())
        assert "2 probes" in status and "1 open, 1 refused" in status
        assert "127.0.0.1 (PBX host), no other host" in str(screen.query_one("#probe-hosts", Static).render())
        assert app.finished == [screen.report]


async def test_detail_of_the_highlighted_rule_explains_it(servers):
    rules = RuleSet(
        (
            Rule("outbound", "tcp", SOURCE, PBX, PortSet.of(servers.closed_tcp_port())),
            Rule("outbound", "tcp", SOURCE, ANY, PortSet.of(9200)),
        )
    )
    app = Host(ProbeScreen(rules, PLAN, lang="de", options=ProbeOptions(timeout=2)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.probe_screen
        await until(pilot, lambda: screen.report is not None)
        detail = str(screen.query_one("#probe-detail", Static).render())
        assert "TCP-Verbindung: abgewiesen" in detail
        await pilot.press("down")
        detail = str(screen.query_one("#probe-detail", Static).render())
        assert "9200: Regel zu any: mit --target HOST" in detail
        assert cell(screen, 1, "result") == "nicht geprüft"


async def test_escape_cancels_a_running_probe_and_escape_again_closes(servers):
    silent = servers.unanswered_tcp_port()
    rules = RuleSet((Rule("outbound", "tcp", SOURCE, PBX, PortSet.of(silent, servers.closed_tcp_port())),))
    app = Host(ProbeScreen(rules, PLAN, options=ProbeOptions(timeout=30, parallel=4)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.probe_screen
        await until(pilot, lambda: "1 refused" in cell(screen, 0, "result"))
        assert "waiting 1" in cell(screen, 0, "result") and screen.running
        await pilot.press("escape")
        await until(pilot, lambda: not screen.running, seconds=2)
        assert screen.report is None and app.finished == []
        assert "Cancelled" in str(screen.query_one("#probe-status", Static).render())
        assert app.screen is screen
        await pilot.press("escape")
        await until(pilot, lambda: app.dismissed)  # the screen is popped before its result callback runs
        assert app.dismissed == [None] and app.screen is not screen


async def test_without_pbx_host_the_screen_says_so_and_probes_nothing():
    rules = RuleSet((Rule("outbound", "tcp", SOURCE, Endpoint("placeholder", "<PBX host>"), PortSet.of(443)),))
    app = Host(ProbeScreen(rules, Plan(lan=LAN)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.probe_screen
        assert "No PBX host" in str(screen.query_one("#probe-status", Static).render())
        assert not screen.running and screen.report is None
        assert cell(screen, 0, "result") == "not probed"


async def test_run_again_after_the_end_probes_anew_and_escape_returns_the_report(servers):
    port = await servers.tcp_listener()
    rules = RuleSet((Rule("outbound", "tcp", SOURCE, PBX, PortSet.of(port)),))
    app = Host(ProbeScreen(rules, PLAN, options=ProbeOptions(timeout=2)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await until(pilot, lambda: len(app.finished) == 1)
        await pilot.press("r")
        await until(pilot, lambda: len(app.finished) == 2)
        assert app.finished[0] is not app.finished[1]
        await pilot.press("escape")
        await until(pilot, lambda: app.dismissed)
        assert app.dismissed == [app.finished[1]]


async def test_a_port_without_answer_is_named_as_filtered_beside_its_rule(servers):
    silent, port = servers.unanswered_tcp_port(), await servers.tcp_listener()
    rules = RuleSet((Rule("outbound", "tcp", SOURCE, PBX, PortSet.of(silent, port)),))
    # The run shares the loop with the app's first frame: a 0.3 s timeout gave a deadline of 1.1 s, which a
    # busy CPU overran ("not run" instead of "filtered"). 2 s (deadline 4.5 s), as the other tests here use.
    app = Host(ProbeScreen(rules, PLAN, options=ProbeOptions(timeout=2)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.probe_screen
        await until(pilot, lambda: screen.report is not None, seconds=10)
        assert set(cell(screen, 0, "result").split(" · ")) == {"1 open", f"filtered {silent}"}
        status = screen.query_one("#probe-status", Static).render()
        assert "1 open, 1 filtered" in str(status) and not screen.report.all_passed


_ENGLISH_WORDS = (
    "open",
    "refused",
    "filtered",
    "probes",
    "answered",
    "nothing listens",
    "outbound",
    "not testable",
    "not probed",
    "Cancel",
    "Run again",
    "Result",
    "escape closes",
    "connected in",
    "rule to any",
)


async def test_under_german_every_text_of_the_screen_is_german(servers):
    """Cells, details, status and Footer of a real run on loopback, read in German: no English left."""
    open_port, closed_port = await servers.tcp_listener(), servers.closed_tcp_port()
    rules = RuleSet(
        (
            Rule("outbound", "tcp", SOURCE, PBX, PortSet.of(open_port, closed_port)),
            Rule("outbound", "udp", SOURCE, PBX, PortSet.of(5070)),
            Rule("outbound", "tcp", SOURCE, ANY, PortSet.of(9200)),
        )
    )
    app = Host(ProbeScreen(rules, PLAN, lang="de", options=ProbeOptions(timeout=2)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.probe_screen
        await until(pilot, lambda: screen.report is not None)
        assert set(cell(screen, 0, "result").split(" · ")) == {"1 offen", "1 abgewiesen"}
        assert cell(screen, 1, "result") == "nicht prüfbar" and cell(screen, 2, "result") == "nicht geprüft"
        texts = [str(screen.query_one(f"#{name}", Static).render()) for name in ("probe-hosts", "probe-status")]
        table = screen.query_one("#probe-rules", DataTable)
        texts += [str(column.label) for column in table.columns.values()]
        for row in range(3):
            table.move_cursor(row=row)
            await pilot.pause()
            texts.append(str(screen.query_one("#probe-detail", Static).render()))
        texts += list(footer_labels(screen).values())
        assert "verbunden in" in "\n".join(texts) and "Abbrechen / schließen" in texts
        for text in texts:
            for word in _ENGLISH_WORDS:
                assert word not in text, (word, text)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            "'pbx.invalid' lässt sich nicht auflösen: vorübergehender Fehler bei der Namensauflösung; Namen und DNS "
            "prüfen oder die IP-Adresse angeben",
        ),
        (
            "en",
            "cannot resolve 'pbx.invalid': Temporary failure in name resolution; check the name and DNS, "
            "or give the IP address",
        ),
    ],
)
def test_a_name_that_does_not_resolve_is_named_in_the_screens_language(lang, expected):
    """A real resolver failure: a network namespace without network, where the lookup fails at once."""
    require_root()
    require_tool("unshare")
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "tests.tui.probe_error_driver", lang],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["status"] == expected
