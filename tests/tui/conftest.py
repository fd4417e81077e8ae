"""Helpers for driving the planner under Pilot."""

from __future__ import annotations

import asyncio

import pytest
import pytest_textual_snapshot

from fwplan.catalog import load_catalog
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan
from tui.app import PlannerApp

# syrupy 7 reads ``file_extension``; pytest-textual-snapshot 1.0 still sets ``_file_extension``, so
# the snapshots would be stored as .raw files. Keep them .svg, viewable in a browser.
pytest_textual_snapshot.SVGImageExtension.file_extension = "svg"

LAN = "192.168.50.2/24"
HOST = "acme.telovip.de"


def make_plan(catalog, select=(), lan=LAN, host=HOST) -> Plan:
    return Plan(
        expand_selection(catalog, select),
        parse_lan(lan) if lan else None,
        parse_host(host) if host else None,
    )


def make_app(catalog=None, select=(), lan=LAN, host=HOST, lang="en", plan_path=None, environ=None) -> PlannerApp:
    catalog = catalog or load_catalog()
    # An empty environment: no DISPLAY, so the desktop clipboard stays out of Pilot tests.
    return PlannerApp(catalog, make_plan(catalog, select, lan, host), lang, plan_path,
                      environ={} if environ is None else environ, cursor_blink=False)


async def settle(pilot) -> None:
    """Let clipboard workers finish and the messages they posted be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, condition, seconds: float = 5.0) -> None:
    """Bounded polling: let the app run until the condition holds."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while not condition():
        assert loop.time() < end, "condition not met in time"
        await pilot.pause(0.02)


@pytest.fixture
def classic_app(catalog):
    return make_app(catalog, select=("hostedpbx-classic",))
