"""The layout on screen (issue 12): every rule whole where the width allows, the tree's full names readable.

What is checked is what the widgets render (``render_line``), read back column by column from the table's
header, so a column cut or pushed out of sight shows, whatever the cells hold.
"""

from __future__ import annotations

import re

import pytest

from tests.tui.conftest import make_app, node_for
from tui.dialect import format_ports
from tui.widgets.component_tree import ComponentTree
from tui.widgets.details_pane import DetailsPane
from tui.widgets.rules_table import (
    ELLIPSIS,
    WRAP_MIN,
    RulesTable,
    balanced_width,
    cut_ports,
    pack,
    port_items,
    rule_label,
)

#: the tree's longest label in English, cut by the tree at 100 columns
OTHER_DEVICES = "hostedpbx-classic/other-devices"


def everything(catalog) -> tuple[str, ...]:
    """Every product and every component, the conditional ones too."""
    return tuple(c.id for c in catalog.components)


def read_table(lines: list[str], headings: dict[str, str]) -> list[dict[str, str]]:
    """The rows of a rendered rule table, ``lines[0]`` its header and each line starting at its left edge.

    A row begins where its label shows (left of the direction column); a line without one continues the row
    above it (a wrapped port list). Each column runs from its heading to the next shown heading.
    """
    header = lines[0]
    starts = {name: header.index(headings[name]) for name in ("direction", "ports", "source", "destination")}
    purpose = header.find(headings["purpose"], starts["destination"] + len(headings["destination"]))
    ends = {
        "ports": starts["source"],
        "source": starts["destination"],
        "destination": purpose if purpose > 0 else None,
    }
    rows: list[dict[str, str]] = []
    for line in lines[1:]:
        label = line[: starts["direction"]].split()
        cells = {name: line[starts[name] : ends[name]].strip() for name in ends}
        if label:
            rows.append({"label": label[0], **cells})
        elif rows and cells["ports"]:
            rows[-1]["ports"] += cells["ports"]
    return rows


def headings_of(table: RulesTable) -> dict[str, str]:
    return {key: str(column.label) for key, column in table.columns.items()}


def rendered_rows(table: RulesTable) -> list[dict[str, str]]:
    """The rows as the table shows them now (its visible lines)."""
    lines = [table.render_line(y).text for y in range(table.scrollable_content_region.height)]
    return read_table(lines, headings_of(table))


def expected_rows(app) -> dict[str, dict[str, str]]:
    """Each rule's label -> its ports, source and destination, whole."""
    return {
        rule_label(rule, label): {
            "ports": rule.ports.format(","),
            "source": rule.source.label(app.lang),
            "destination": rule.destination.label(app.lang),
        }
        for label, rule in app.ruleset.numbered()
    }


def visible_text(widget, scroller) -> str:
    """The lines of ``widget`` in sight in ``scroller``, joined into one line (wrapped words meet again)."""
    top, height = int(scroller.scroll_y), scroller.scrollable_content_region.height
    lines = [widget.render_line(y).text for y in range(top, min(top + height, widget.size.height))]
    return re.sub(r"\s+", " ", " ".join(lines))


# ---- the column fitting, alone ----
def test_port_lists_break_only_at_commas_and_join_again():
    items = port_items("389,443,1300,1720-1721,4060-4061,5060,5070,8085,9094,9100-9101,9200,50000")
    width = balanced_width(items, 38)
    lines = pack(items, width)
    assert len(lines) == 2 and max(len(line) for line in lines) == width <= 38
    assert "".join(lines) == "".join(items)
    assert all(line.endswith(",") for line in lines[:-1])
    # too narrow to wrap into: cut after a whole port, never inside one
    assert cut_ports(items, WRAP_MIN - 1) == "389,443,1300," + ELLIPSIS
    assert cut_ports(port_items("9944"), 4) == "9944"
    # too narrow for the first range: its start and the mark, never half a number read as another range
    assert cut_ports(port_items("5000-5020,5070"), 9) == "5000-" + ELLIPSIS
    assert cut_ports(port_items("5000-5020,5070"), 5) == ELLIPSIS
    assert cut_ports(port_items("10000-50999"), 4) == ELLIPSIS


# ---- on screen ----
@pytest.mark.parametrize("lang", ["en", "de"])
async def test_at_120x40_every_rule_is_whole_without_scrolling_sideways(catalog, lang):
    app = make_app(catalog, select=everything(catalog), lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.query_one(RulesTable)
        assert table.max_scroll_x == 0 and table.max_scroll_y == 0  # every row in sight, nothing beside it
        shown = rendered_rows(table)
        expected = expected_rows(app)
        assert len(shown) == len(expected) == 12
        for row in shown:
            assert {k: row[k] for k in ("ports", "source", "destination")} == expected[row["label"]], row
        assert any(row.count("\n") for row in (str(cell) for cell in table.get_column("ports")))  # one wraps


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_at_80x24_sources_and_destinations_are_whole_and_the_details_hold_the_ports(catalog, lang):
    app = make_app(catalog, select=everything(catalog), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RulesTable)
        table.focus()
        expected = expected_rows(app)
        details = app.query_one(DetailsPane)
        for index, (label, rule) in enumerate(app.ruleset.numbered()):
            table.move_cursor(row=index)
            await pilot.pause()
            shown = rendered_rows(table)
            assert len(shown) >= 6 and table.max_scroll_x == 0
            for row in shown:
                want = expected[row["label"]]
                assert (row["source"], row["destination"]) == (want["source"], want["destination"]), row
                # ports may be cut here: then at a comma, with …
                assert row["ports"] == want["ports"] or (
                    row["ports"].endswith(ELLIPSIS) and want["ports"].startswith(row["ports"][:-1])
                ), row
            text = visible_text(details.query_one("#details-text"), details)
            assert format_ports(rule.ports, app.dialect) in text.replace(" ", ""), (label, text)
            assert f"{rule.source.label(lang)} → {rule.destination.label(lang)}" in text


async def test_at_100x30_the_tree_items_full_name_is_on_screen(catalog):
    app = make_app(catalog, select=everything(catalog), lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tree = app.query_one(ComponentTree)
        tree.focus()
        name = catalog.component(OTHER_DEVICES).name.en
        tree_text = visible_text(tree, tree)
        assert name not in tree_text and name[:10] in tree_text  # the tree cuts it here
        for _ in range(tree.cursor_line, node_for(tree, OTHER_DEVICES).line):
            await pilot.press("down")
        await pilot.pause()
        assert tree.cursor_node is node_for(tree, OTHER_DEVICES)
        details = app.query_one(DetailsPane)
        assert f"HostedPBX classic (with VPN) › {name}" in visible_text(details.query_one("#details-text"), details)


@pytest.mark.parametrize("lang", ["en", "de"])
async def test_at_200x50_every_name_and_every_port_list_is_whole(catalog, lang):
    app = make_app(catalog, select=everything(catalog), lang=lang)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        tree = app.query_one(ComponentTree)
        tree_text = visible_text(tree, tree)
        for item in (*catalog.products, *catalog.components):
            assert item.name.get(lang) in tree_text
        table = app.query_one(RulesTable)
        expected = expected_rows(app)
        shown = rendered_rows(table)
        assert {row["label"]: row["ports"] for row in shown} == {k: v["ports"] for k, v in expected.items()}
        assert table.columns["purpose"].width >= 24  # and Purpose keeps a readable width beside them


async def test_resizing_lays_the_planner_out_again(catalog):
    app = make_app(catalog, select=everything(catalog), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(RulesTable)
        narrow_tree, narrow_height = app.query_one(ComponentTree).size.width, table.size.height
        assert any(row["ports"].endswith(ELLIPSIS) for row in rendered_rows(table))
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(ComponentTree).size.width > narrow_tree
        assert table.size.height > narrow_height  # all rows now: the table takes the height they need
        shown = rendered_rows(table)
        assert len(shown) == 12 and not any(row["ports"].endswith(ELLIPSIS) for row in shown)
        details = app.query_one(DetailsPane)
        assert details.size.height > table.size.height  # the rest goes to the details
