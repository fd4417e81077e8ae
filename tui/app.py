"""The planner: tick products and device classes, enter the inputs, see the merged rule set live.

``PlannerApp`` composes the panes and wires their messages; the file flows (``tui/file_flows.py``) and the
clipboard (``tui/clipboard_report.py``) live in modules of their own, the keys in ``tui/keymap.py``, and the
keys typed ahead wait for the one before them in ``tui/typeahead.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, SystemCommand, UnknownModeError
from textual.containers import Horizontal, Vertical

from fwplan.catalog import Catalog
from fwplan.i18n import LANGUAGES, say
from fwplan.merge import RuleSet, build, plan_needs
from fwplan.plan import Plan
from tui import textual_internals
from tui.clipboard_report import ClipboardReport
from tui.dialect import DIALECTS, format_ports, next_dialect
from tui.file_flows import FileFlows
from tui.keymap import MAIN_SCREEN_ACTIONS, Place, bindings
from tui.screens.base import MainScreen
from tui.typeahead import TypeAhead
from tui.widgets.component_tree import ComponentTree, NodeRef
from tui.widgets.details_pane import DetailsPane, describe, describe_item
from tui.widgets.inputs_panel import InputsPanel
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rules_table import RulesTable
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen
    from textual.widget import Widget

# Dialogs, the palette's provider and clipboard delivery are imported when first used: start-up time.


def plan_key(plan: Plan) -> tuple[object, ...]:
    """What a save would write: the basis of "unsaved changes"."""
    return (
        tuple(sorted(plan.selected)),
        plan.lan.text if plan.lan else None,
        plan.host.value if plan.host else None,
        plan.vpn_router.address if plan.vpn_router else None,
        plan.export,
    )


class PlannerApp(App[int]):
    CSS_PATH = Path(__file__).with_name("planner.tcss")
    TITLE = "fwplan"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # planner.tcss narrows the tree below 100 columns
    COMMANDS = App.COMMANDS | {lambda: _planner_commands()}  # noqa: PLW0108 (defined below)
    BINDINGS = bindings(Place.MAIN, Place.APP)

    def __init__(
        self,
        catalog: Catalog,
        plan: Plan,
        lang: str,
        plan_path: str | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        cursor_blink: bool = True,
    ) -> None:
        textual_internals.apply()
        super().__init__()
        self.catalog = catalog
        self.plan = plan
        self.lang = lang
        self.plan_path = plan_path
        self.dialect = DIALECTS[0]
        self.environ = os.environ if environ is None else environ
        self.ruleset = RuleSet(())
        self.cursor_blink = cursor_blink
        self.files = FileFlows(self)
        #: keys typed ahead wait for what the key before them set off (tui/typeahead.py)
        self.typeahead = TypeAhead(self, super().on_event)
        self.clipboard_report = ClipboardReport(self)
        self._saved_key = plan_key(plan)
        #: the tree item the cursor last moved to: the details pane names it while the tree has the focus
        self._tree_item: NodeRef | None = None

    def get_default_screen(self) -> MainScreen:
        return MainScreen(id=textual_internals.DEFAULT_SCREEN_ID)

    async def on_event(self, event: events.Event) -> None:
        if textual_internals.input_without_screen(self, event) or self.typeahead.holds(event):
            return
        await super().on_event(event)

    # ---- layout ----
    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield ComponentTree(self.catalog, self.plan.selected, self.lang, id="tree")
            with Vertical(id="right"):
                yield InputsPanel(
                    self.plan.lan,
                    self.plan.host,
                    self.lang,
                    cursor_blink=self.cursor_blink,
                    vpn_router=self.plan.vpn_router,
                    id="inputs",
                )
                yield RulesTable(self.lang, id="rules")
                yield DetailsPane(id="details")
        yield StatusLine(id="status")
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(ComponentTree).focus()
        self._recompute()

    @property
    def modified(self) -> bool:
        return plan_key(self.plan) != self._saved_key

    def mark_saved(self, path: str) -> None:
        """The plan is now the one in ``path``: no unsaved changes."""
        self.plan_path = path
        self._saved_key = plan_key(self.plan)
        self.show_status()

    # ---- the live rule set ----
    def _recompute(self) -> None:
        """Rebuild the rule set and show it everywhere, in this call: a tick must not wait for a repaint."""
        if self._closing_down():  # an input's change that arrives while the widgets go
            return
        self.ruleset = build(self.catalog, self.plan)
        self.query_one(RulesTable).show(self.ruleset)
        self._show_needs()
        self.show_status()
        self._show_details()

    def _show_needs(self) -> None:
        """Who needs each input in this plan: the tunnel needs the LAN address only without a VPN router."""

        def names(need: str) -> tuple[str, ...]:
            return tuple(
                self.catalog.component(c).name.get(self.lang)
                for c in self.plan.selected
                if need in plan_needs(self.catalog, self.plan, c)
            )

        self.query_one(InputsPanel).show_needed_by(names("lan"), names("host"), names("vpn"))

    def _show_details(self) -> None:
        if self._closing_down():
            return
        table = self.query_one(RulesTable)
        text = describe(self.catalog, table.current_rule, table.current_label, self.ruleset, self.lang, self.dialect)
        if self._tree_item is not None and self.query_one(ComponentTree).has_focus:
            text = Text.assemble(describe_item(self.catalog, self._tree_item, self.lang), "\n\n", text)
        self.query_one(DetailsPane).show(text)

    def show_status(self) -> None:
        self.query_one(StatusLine).show(self.ruleset, self.lang, self.modified)

    def on_component_tree_selection_changed(self, event: ComponentTree.SelectionChanged) -> None:
        self.plan = self.plan.with_selection(event.selected)
        self._recompute()

    def on_inputs_panel_inputs_changed(self, event: InputsPanel.InputsChanged) -> None:
        self.plan = replace(self.plan, lan=event.lan, host=event.host, vpn_router=event.vpn_router)
        self._recompute()

    def on_rules_table_rule_highlighted(self, event: RulesTable.RuleHighlighted) -> None:
        self._show_details()

    def on_tree_node_highlighted(self, event: ComponentTree.NodeHighlighted[NodeRef]) -> None:
        self._tree_item = event.node.data
        self._show_details()

    def _closing_down(self) -> bool:
        """Whether the app is closing: its screens and widgets go one by one then, and the messages they sent
        before (a highlight, a blur) find them gone."""
        if not self.is_running:  # Textual's shutdown stops the app's pump first, then removes the screens
            return True
        try:
            stack = self.screen_stack
        except (KeyError, UnknownModeError):  # Textual's screen_stack raises KeyError once its modes are gone
            return True
        return not stack or not stack[0].is_attached

    def _on_top(self, widget: Widget) -> bool:
        """Whether ``widget`` is on the screen on top (not under a dialog, not on a closed one)."""
        return not self._closing_down() and widget.is_attached and widget.screen is self.screen

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The tree and the table live on the main screen; the details follow them only while it is on top.
        if not isinstance(event.widget, (ComponentTree, RulesTable)) or not self._on_top(event.widget):
            return
        if isinstance(event.widget, ComponentTree):  # back in the tree: the item under its cursor again
            node = event.widget.cursor_node
            self._tree_item = node.data if node is not None else None
        self._show_details()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, ComponentTree) and self._on_top(event.widget):
            self._show_details()

    # ---- actions ----
    def check_action(self, action: str, _parameters: tuple[object, ...]) -> bool | None:
        return not (action in MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def action_toggle_focused(self) -> None:
        self.query_one(ComponentTree).action_toggle_check()

    def action_copy_rules(self) -> None:
        from fwplan.formats import RenderOptions, render_text

        text = render_text(self.ruleset, RenderOptions(lang=self.lang, catalog=self.catalog, plan=self.plan))
        self.clipboard_report.copy(text, partial(say, "copied.rules", count=len(self.ruleset.rules)))

    def action_copy_ports(self) -> None:
        rule = self.query_one(RulesTable).current_rule
        if rule is None:
            self.notify(say("copy.nothing", self.lang), severity="warning")
            return
        ports = format_ports(rule.ports, self.dialect)
        self.clipboard_report.copy(ports, partial(say, "copied.ports", ports=ports))

    def action_export(self) -> None:
        self.files.export()

    def action_save(self, then_quit: bool = False) -> None:
        self.files.save(then_quit)

    def action_open(self) -> None:
        self.files.open()

    def action_request_quit(self) -> None:
        self.files.request_quit()

    def load_plan(self, plan: Plan, path: str | None) -> None:
        self.plan = plan
        self.plan_path = path
        self._saved_key = plan_key(plan)
        self.query_one(ComponentTree).set_selected(plan.selected)
        self.query_one(InputsPanel).set_values(plan.lan, plan.host, plan.vpn_router)
        self._recompute()

    def action_switch_language(self) -> None:
        self.set_language(LANGUAGES[(LANGUAGES.index(self.lang) + 1) % len(LANGUAGES)])
        self.notify(say("language", self.lang))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.query_one(ComponentTree).set_language(lang)
        self.query_one(InputsPanel).set_language(lang)
        self.query_one(RulesTable).set_language(lang)
        self._show_needs()
        self._show_details()
        self.show_status()
        self.query_one(KeyFooter).refresh(recompose=True)  # its labels

    def action_next_dialect(self) -> None:
        self.set_dialect(next_dialect(self.dialect))

    def set_dialect(self, dialect: str) -> None:
        self.dialect = dialect
        self._show_details()
        self.notify(say("dialect", self.lang, dialect=dialect))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands (theme, quit, keys, ...), named in the planner's language."""
        from tui.commands import translate_system_commands

        yield from translate_system_commands(super().get_system_commands(screen), self.lang)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from tui.commands import PlannerCommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]  # App[int] for App[object]
            self.push_screen(PlannerCommandPalette(id=textual_internals.COMMAND_PALETTE_ID))

    def action_probe(self) -> None:
        """The on-site check of ``fwplan probe`` as a screen: it contacts only the PBX host of the plan."""
        from tui.screens.probe import ProbeScreen

        self.push_screen(ProbeScreen(self.ruleset, self.plan, lang=self.lang))

    def action_notes(self) -> None:
        """The article's notes and conditions for the selection, and the conditional items not ticked."""
        from tui.screens.notes import NotesScreen

        self.push_screen(NotesScreen(self.catalog, self.plan.selected, self.ruleset.notes, self.lang))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.lang))


def _planner_commands() -> type[Provider]:
    from tui.commands import PlannerCommands

    return PlannerCommands


def run_planner(catalog: Catalog, plan: Plan, lang: str, plan_path: str | None = None) -> int:
    """Run the planner in the terminal; the exit code for the CLI."""
    app = PlannerApp(catalog, plan, lang, plan_path)
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)
