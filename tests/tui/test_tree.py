"""The component tree under Pilot: ticking products, components and conditional items; the table follows."""

from __future__ import annotations

from tests.tui.conftest import HOST, make_app, node_for, table_rows, tick
from tui.widgets.component_tree import CHECKED, PARTIAL, UNCHECKED, ComponentTree
from tui.widgets.details_pane import DetailsPane
from tui.widgets.rules_table import RulesTable


async def test_space_on_a_product_ticks_its_unconditional_components_then_none_and_one_makes_it_partial(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ComponentTree)
        product = node_for(tree, "instantpbx")
        await tick(pilot, "instantpbx")
        assert tree.state_of(product.data) == CHECKED
        components = catalog.product("instantpbx").components
        assert set(app.plan.selected) == {c.id for c in components if not c.is_conditional}
        assert "instantpbx/swyxit-windows-first-start" not in app.plan.selected
        assert str(product.label).startswith(f"{CHECKED} ")
        await tick(pilot, "instantpbx/webinterface")
        assert tree.state_of(product.data) == PARTIAL
        assert str(product.label).startswith(PARTIAL)
        assert "instantpbx/webinterface" not in app.plan.selected
        await tick(pilot, "instantpbx")
        await tick(pilot, "instantpbx")
        assert tree.state_of(product.data) == UNCHECKED
        assert app.plan.selected == ()
        assert table_rows(app) == []


async def test_enter_also_ticks_and_the_conditional_items_are_nested(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(ComponentTree)
        child = node_for(tree, "hostedpbx-classic/analog-adapters-direct")
        assert child.parent is node_for(tree, "hostedpbx-classic/other-devices")
        assert str(child.label).startswith(f"{UNCHECKED} *Analog adapters")  # the mark before the name
        tree.move_cursor(child)
        await pilot.press("enter")
        await pilot.pause()
        assert app.plan.selected == ("hostedpbx-classic/analog-adapters-direct",)
        assert "RemoteConnector" not in app.query_one(DetailsPane).plain
        assert "analog adapters" in app.query_one(DetailsPane).plain


async def test_the_cursor_stays_on_its_rule_when_the_rules_change(catalog):
    app = make_app(catalog, select=("hostedpbx-classic/vpn-tunnel",))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(RulesTable)
        table.focus()
        await pilot.press("down")
        kept = table.current_rule
        assert kept is not None and str(kept.source) == HOST and kept.direction == "inbound"
        await tick(pilot, "hostedpbx-classic/webinterface")
        assert table.row_count > 2
        assert table.current_rule.key == kept.key
        assert table.cursor_row != 1
