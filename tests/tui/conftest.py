"""Helpers for driving the planner under Pilot."""

from __future__ import annotations

import asyncio

import pytest
import pytest_textual_snapshot
from textual.widgets.tree import TreeNode

from fwplan.catalog import load_catalog
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, parse_vpn_router
from tui.app import PlannerApp
from tui.widgets.component_tree import ComponentTree, NodeRef
from tui.widgets.rules_table import RulesTable

# syrupy 7 reads ``file_extension``; pytest-textual-snapshot 1.0 still sets ``_file_extension``, so
# the snapshots would be stored as .raw files. Keep them .svg, viewable in a browser.
pytest_textual_snapshot.SVGImageExtension.file_extension = "svg"

LAN = "192.168.50.2/24"
HOST = "acme.telovip.de"


def make_plan(catalog, select=(), lan=LAN, host=HOST, vpn_router=None) -> Plan:
    return Plan(
        expand_selection(catalog, select),
        parse_lan(lan) if lan else None,
        parse_host(host) if host else None,
        vpn_router=parse_vpn_router(vpn_router) if vpn_router else None,
    )


def make_app(
    catalog=None, select=(), lan=LAN, host=HOST, lang="en", plan_path=None, environ=None, vpn_router=None
) -> PlannerApp:
    catalog = catalog or load_catalog()
    # An empty environment: no DISPLAY, so the desktop clipboard stays out of Pilot tests.
    return PlannerApp(
        catalog,
        make_plan(catalog, select, lan, host, vpn_router),
        lang,
        plan_path,
        environ={} if environ is None else environ,
        cursor_blink=False,
    )


def table_rows(app) -> list[tuple[str, ...]]:
    """Each row as (number, scope, direction, protocol, ports, source, destination, purpose)."""
    table = app.query_one(RulesTable)
    return [
        (str(table.ordered_rows[i].label), *(str(cell) for cell in table.get_row_at(i))) for i in range(table.row_count)
    ]


def node_for(tree: ComponentTree, item_id: str) -> TreeNode[NodeRef]:
    """The tree's node for a product or component id, found through Textual's public Tree API."""
    pending = list(tree.root.children)
    while pending:
        node = pending.pop(0)
        if node.data is not None and node.data.id == item_id:
            return node
        pending.extend(node.children)
    raise LookupError(f"no tree node for {item_id!r}")


async def tick(pilot, item_id: str) -> None:
    """Move the tree's cursor to a product or component and press space."""
    tree = pilot.app.query_one(ComponentTree)
    tree.focus()
    tree.move_cursor(node_for(tree, item_id))
    await pilot.pause()
    await pilot.press("space")
    await pilot.pause()


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


def footer_labels(screen) -> dict[str, str]:
    """Each key the screen's footer shows, with its label (a grouped key's label is its group's)."""
    from tui.textual_internals import FooterKey, FooterLabel

    labels = {}
    for key in screen.query(FooterKey):
        label = key.description
        if not label and key.parent is not None and key.parent.parent is not None:
            group_label = key.parent.parent.query_children(FooterLabel)
            label = str(group_label.first().content) if group_label else ""
        labels[key.key] = label
    return labels


@pytest.fixture
def classic_app(catalog):
    return make_app(catalog, select=("hostedpbx-classic",))
