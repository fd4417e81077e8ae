"""The probe screen meeting a name that does not resolve, run in its own process.

unshare -n python -m tests.tui.probe_error_driver LANG
    in a network namespace with no network at all, so that resolving fails at once and no DNS
    server is asked; prints the screen's status line as JSON for the test to judge
"""

from __future__ import annotations

import asyncio
import json
import sys

from textual.app import App
from textual.widgets import Static

from fwplan.merge import Endpoint, Rule, RuleSet
from fwplan.plan import Plan, parse_host, parse_lan
from fwplan.ports import PortSet
from fwplan.probe import ProbeOptions
from tui.screens.probe import ProbeScreen

HOST = "pbx.invalid"


async def status(lang: str) -> str:
    lan = parse_lan("192.168.50.2/24")
    rules = RuleSet(
        (Rule("outbound", "tcp", Endpoint("network", lan.network), Endpoint("host", HOST), PortSet.of(443)),)
    )
    screen = ProbeScreen(rules, Plan(lan=lan, host=parse_host(HOST)), lang=lang, options=ProbeOptions(timeout=2))

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(screen)

    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return str(screen.query_one("#probe-status", Static).render())


if __name__ == "__main__":
    print(json.dumps({"status": asyncio.run(status(sys.argv[1]))}))
