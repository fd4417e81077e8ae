"""Keys, help, palette and footer under Pilot; the screen at any size."""

from __future__ import annotations

import asyncio

import pytest

from fwplan.plan import Plan, expand_selection, parse_host, parse_lan
from tests.tui.conftest import make_app, settle, table_rows, tick, until
from tui.app import PlannerApp
from tui.screens.help import HelpScreen
from tui.widgets.component_tree import ComponentTree


async def test_help_lists_every_key_and_the_footer_shows_them(catalog):
    from tui.keymap import help_rows

    app = make_app(catalog)
    async with app.run_test(size=(200, 40)) as pilot:
        shown = {b.binding.key for b in app.screen.active_bindings.values() if b.binding.show}
        assert {"space", "c", "y", "e", "ctrl+s", "ctrl+o", "l", "d", "question_mark", "ctrl+q", "ctrl+p"} <= shown
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        for key in help_rows():
            assert key.keys in text
        assert "Copy the highlighted rule's port list" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_tab_moves_the_focus_through_the_panes(catalog):
    app = make_app(catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.focused, ComponentTree)
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["lan-input", "host-input", "rules", "details"]
        await pilot.press("shift+tab")
        assert app.focused.id == "rules"


def palette_offers(app) -> list[str]:
    """The commands the open palette lists: its search runs in a worker, so they come in after the typing."""
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return [
        str(option.hit.text)
        for option in (options.get_option_at_index(i) for i in range(options.option_count))
        if hasattr(option, "hit")
    ]


async def test_every_action_is_in_the_command_palette(catalog):
    from fwplan.i18n import say

    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"whole rule set")
        await until(pilot, lambda: palette_offers(app) == [say("help.copy_rules", "en")])
        await pilot.press("enter")
        await settle(pilot)
        assert "9100-9101" in app.clipboard

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Switch the language")
        await until(pilot, lambda: palette_offers(app) == [say("help.language", "en")])
        await pilot.press("enter")
        await pilot.pause()
        assert app.lang == "de"


async def test_the_palette_offers_every_key_action_in_both_languages(catalog):
    from fwplan.i18n import say
    from tui.commands import PlannerCommands
    from tui.keymap import palette_keys

    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        provider = PlannerCommands(app.screen)
        for lang in ("en", "de"):
            app.lang = lang
            names = [name for name, _command, _keys in provider._commands()]
            for key in palette_keys():
                assert say(key.help, lang) in names, (lang, key.palette_action)
                assert callable(getattr(app, f"action_{key.palette_action}")), key.palette_action


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (300, 100), (41, 13)])
async def test_no_crash_at_any_size_nor_on_resizing(catalog, size):
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=size) as pilot:
        await tick(pilot, "instantpbx")
        for new_size in ((300, 100), (40, 12), (120, 40), size):
            await pilot.resize_terminal(*new_size)
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_no_color_is_honoured(catalog, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(catalog, select=("hostedpbx-classic",))
    async with app.run_test(size=(80, 24)):
        assert app.no_color
        assert table_rows(app)


async def test_p_opens_the_on_site_check_for_the_plan_and_escape_closes_it(catalog):
    import socket

    from tui.screens.probe import ProbeScreen

    with socket.socket() as listener:  # the PBX host is this machine's loopback: nothing else is contacted
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        plan = Plan(
            expand_selection(catalog, ["instantpbx/webinterface"]),
            parse_lan("192.168.50.2/24"),
            parse_host("127.0.0.1"),
        )
        app = PlannerApp(catalog, plan, "en", cursor_blink=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("p")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ProbeScreen)
            assert set(screen.probe_plan.hosts) == {"127.0.0.1"}
            await pilot.press("p")  # the planner's keys do not act under the check
            await pilot.pause()
            assert app.screen is screen and len(app.screen_stack) == 2
            await screen.workers.wait_for_complete()
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ProbeScreen)


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("size, rows", [((80, 24), 2), ((120, 40), 1)])
async def test_the_footer_shows_every_planner_key_whole(catalog, lang, size, rows):
    from tui.keymap import palette_keys
    from tui.textual_internals import FooterKey

    app = make_app(catalog, select=("hostedpbx-classic",), lang=lang)
    wanted = {"space", "ctrl+q", "question_mark", "ctrl+p"} | {
        k.keys for k in palette_keys() if "," not in k.keys and k.keys != "?"
    }
    async with app.run_test(size=size) as pilot:
        width, height = size

        def laid_out() -> bool:
            keys = list(app.query(FooterKey))
            return wanted <= {key.key for key in keys if key.region.width} and all(
                key.region.x >= 0 and key.region.right <= width for key in keys
            )

        # the footer composes its keys after the first frame and fits them a refresh later: wait, bounded
        await until(pilot, laid_out)
        keys = list(app.query(FooterKey))
        shown = {key.key for key in keys}
        assert wanted <= shown, wanted - shown
        for key in keys:
            region = key.region
            assert region.width and region.x >= 0 and region.right <= width, (key.key, region)
        assert {key.region.y for key in keys} == set(range(height - rows, height))


async def test_the_footer_wraps_and_unwraps_as_the_terminal_is_resized(catalog):
    from tui.widgets.key_footer import KeyFooter

    async def height_once_settled(expected: int) -> int:
        # the footer measures its items after a refresh: poll, bounded in time, then report what it is
        end = asyncio.get_running_loop().time() + 5
        while footer.size.height != expected and asyncio.get_running_loop().time() < end:
            await pilot.pause(0.02)
        return footer.size.height

    app = make_app(catalog, select=("hostedpbx-classic",), lang="de")
    async with app.run_test(size=(120, 40)) as pilot:
        footer = app.query_one(KeyFooter)
        heights = [await height_once_settled(1)]
        for size, rows in (((80, 24), 2), ((120, 40), 1), ((80, 24), 2)):
            await pilot.resize_terminal(*size)
            heights.append(await height_once_settled(rows))
        app.query_one("#lan-input").focus()  # typing: only the ctrl keys are live, and they fit on one row
        heights.append(await height_once_settled(1))
    assert heights == [1, 2, 1, 2, 1]
