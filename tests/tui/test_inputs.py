"""The plan inputs under Pilot: checked as typed, who needs them, letter keys type into them."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import HOST, LAN, make_app, table_rows
from tui.widgets.component_tree import ComponentTree
from tui.widgets.details_pane import DetailsPane


async def test_an_invalid_address_shows_inline_and_leaves_the_rules_alone(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        before = table_rows(app)
        lan = app.query_one("#lan-input", Input)
        lan.focus()
        await pilot.press("end", "0")
        await pilot.pause()
        message = str(app.query_one("#lan-message").render())
        assert "prefix '240'" in message and "/0 to /32" in message and "rules unchanged" in message
        assert table_rows(app) == before
        await pilot.press("backspace", "home", *["right"] * 10, "0")
        await pilot.pause()
        assert lan.value == "192.168.500.2/24"
        message = str(app.query_one("#lan-message").render())
        assert "'192.168.500.2/24'" in message and "not a valid IPv4 address" in message
        assert table_rows(app) == before
        assert app.plan.lan.text == LAN
        assert lan.has_class("-invalid")
        await pilot.press("end", *["backspace"] * 16, *"10.0.0.2/8")
        await pilot.pause()
        assert app.plan.lan.text == "10.0.0.2/8"
        assert "10.0.0.0/8" in {row[5] for row in table_rows(app)}
        assert "needed by" in str(app.query_one("#lan-message").render())

        host = app.query_one("#host-input", Input)
        host.focus()
        await pilot.press("end", "space", "x")
        await pilot.pause()
        assert "not a valid hostname" in str(app.query_one("#host-message").render())
        assert app.plan.host.value == HOST


async def test_each_input_says_which_ticked_components_need_it(catalog):
    app = make_app(catalog, select=("hostedpbx-classic/swyx-clients-remote",), lan=None, host=None)
    async with app.run_test(size=(160, 40)):
        assert "Swyx clients outside your network" in str(app.query_one("#host-message").render())
        assert "not needed" in str(app.query_one("#lan-message").render())
        assert "<PBX host>" in {row[6] for row in table_rows(app)}
        assert "PBX hostname missing" in app.query_one(DetailsPane).plain


async def test_letter_keys_type_into_the_inputs(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), host=None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#host-input", Input).focus()
        await pilot.press(*"dyce.example.de")
        await pilot.pause()
        assert app.plan.host.value == "dyce.example.de"
        assert app.dialect == "generic" and app.clipboard == "" and app.lang == "en"


async def test_an_input_error_names_its_reason_in_german_and_follows_l(catalog):
    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        before = table_rows(app)
        app.query_one("#lan-input", Input).focus()
        await pilot.press("end", "0")
        await pilot.pause()
        message = lambda: str(app.query_one("#lan-message").render())  # noqa: E731
        assert message() == (
            "✗ Präfix '240' in LAN-Adresse '192.168.50.2/240' ist ungültig; /0 bis /32 verwenden (Regeln unverändert)"
        )
        app.query_one(ComponentTree).focus()
        await pilot.press("l")
        await pilot.pause()
        assert message() == (
            "✗ prefix '240' in LAN address '192.168.50.2/240' is not valid; use /0 to /32 (rules unchanged)"
        )
        await pilot.press("l")
        await pilot.pause()
        assert "Präfix '240'" in message()
        assert table_rows(app) == before and app.plan.lan.text == LAN
