"""Copying under Pilot: c and y, the dialect, the notices."""

from __future__ import annotations

import pytest

from fwplan.formats import RenderOptions, render_text
from fwplan.merge import build
from tests.tui.conftest import HOST, make_app, make_plan, settle, table_rows, tick
from tui.dialect import format_ports
from tui.widgets.details_pane import DetailsPane
from tui.widgets.rules_table import RulesTable


async def test_tick_shows_the_rules_and_c_and_y_copy_them(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        assert table_rows(app) == []
        await tick(pilot, "hostedpbx-classic")
        expected = build(catalog, make_plan(catalog, ("hostedpbx-classic",)))
        rows = table_rows(app)
        assert len(rows) == len(expected.rules) == 9
        assert [(r[3], r[5], r[6]) for r in rows] == [
            (rule.protocol, str(rule.source), str(rule.destination)) for rule in expected.rules
        ]
        # whole at 120 columns; a list longer than the column's room wraps at its commas
        assert [r[4].replace("\n", "") for r in rows] == [rule.ports.format(",") for rule in expected.rules]
        assert rows[0][:7] == ("1", "I", "out", "tcp", "9443", "192.168.50.0/24", HOST)
        assert rows[-1][:7] == ("9", "R", "out", "tcp", "443,9094,9100-9101,16203,57203", "any", HOST)
        assert [r[1] for r in rows] == ["I"] * 5 + ["S"] * 3 + ["R"]

        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == render_text(expected, RenderOptions(lang="en", catalog=catalog, plan=app.plan))
        assert app.clipboard.startswith("Catalog: ")
        assert "9100-9101" in app.clipboard
        assert any("copied via OSC 52" in n.message for n in app._notifications)

        app.query_one(RulesTable).focus()
        await pilot.press("down", "c")
        await settle(pilot)
        assert app.clipboard == expected.rules[1].ports.format(",") == "9944"


async def test_d_switches_the_dialect_for_the_details_and_c(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one(RulesTable)
        table.focus()
        table.move_cursor(row=table.row_count - 1)  # the remote clients' rule, the one with a range
        await pilot.press("d", "d")
        await pilot.pause()
        assert app.dialect == "iptables"
        assert "Ports (iptables): 443,9094,9100:9101,16203,57203" in app.query_one(DetailsPane).plain
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == "443,9094,9100:9101,16203,57203"
        assert app.clipboard == format_ports(app.query_one(RulesTable).current_rule.ports, "iptables")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_desktop_clipboard_problem_has_words(lang):
    from exporters import clipboard
    from fwplan.i18n import say
    from tui.clipboard_report import CHANNEL_KEYS, PROBLEM_KEYS

    problems = [clipboard.NOT_READ_BACK, clipboard.NO_MECHANISM, clipboard.TIMED_OUT, clipboard.HELPER_FAILED]
    assert set(PROBLEM_KEYS) == set(problems) and set(CHANNEL_KEYS) == {clipboard.OSC52, clipboard.SYSTEM}
    words = [say(PROBLEM_KEYS[problem], lang) for problem in problems]
    assert len(set(words)) == len(problems) and all(words)
