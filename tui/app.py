"""The planner: tick products and device classes, enter the inputs, see the merged rule set live."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, ScreenStackError, UnknownModeError
from textual.binding import Binding
from textual.containers import Horizontal, Vertical

from fwplan.catalog import Catalog
from fwplan.errors import FwplanError
from fwplan.i18n import say
from fwplan.i18n import table as i18n_table
from fwplan.merge import RuleSet, build, plan_needs
from fwplan.plan import Plan
from tui import textual_fixes
from tui.dialect import DIALECTS, format_ports, next_dialect
from tui.widgets.component_tree import ComponentTree, NodeRef
from tui.widgets.details_pane import DetailsPane, describe, describe_item
from tui.widgets.inputs_panel import InputsPanel
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rules_table import RulesTable
from tui.widgets.status_line import StatusLine

# Dialogs, the palette's provider and clipboard delivery are imported when first used: start-up time.

#: binding key -> i18n key of its Footer label (of its group's, for grouped keys)
_APP_LABELS = {
    "c": "key.copy",
    "y": "key.copy",
    "e": "key.export",
    "ctrl+s": "key.file",
    "ctrl+o": "key.file",
    "question_mark": "key.help",
    "ctrl+q": "key.quit",
    "l": "key.language",
    "d": "key.dialect",
    "p": "key.probe",
    "ctrl+p": "key.palette",
    "n": "key.notes",
}
_TREE_LABELS = {"space": "key.toggle"}
_COPY = Binding.Group("Copy")
_FILE = Binding.Group("File")
#: actions that only make sense on the main screen, not under a dialog
_MAIN_SCREEN_ACTIONS = {
    "copy_ports",
    "copy_rules",
    "export",
    "save",
    "open",
    "switch_language",
    "next_dialect",
    "help",
    "toggle_focused",
    "probe",
    "notes",
}


def plan_key(plan: Plan) -> tuple:
    """What a save would write: the basis of "unsaved changes"."""
    return (
        tuple(sorted(plan.selected)),
        plan.lan.text if plan.lan else None,
        plan.host.value if plan.host else None,
        plan.vpn_router.address if plan.vpn_router else None,
        plan.export,
    )


textual_fixes.apply()
PALETTE_KEYS = frozenset(k for k in i18n_table() if k.startswith("palette."))


class PlannerApp(App[int]):
    CSS_PATH = Path(__file__).with_name("planner.tcss")
    TITLE = "fwplan"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # planner.tcss narrows the tree below 100 columns
    COMMANDS = App.COMMANDS | {lambda: _planner_commands()}  # noqa: PLW0108 (defined below)
    BINDINGS = [
        Binding("c", "copy_ports", "Copy ports", group=_COPY),
        Binding("y", "copy_rules", "Copy rule set", group=_COPY),
        Binding("e", "export", "Export"),
        Binding("ctrl+s", "save", "Save", group=_FILE),
        Binding("ctrl+o", "open", "Open", group=_FILE),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("ctrl+q", "request_quit", "Quit", priority=True),
        Binding("l", "switch_language", "Deutsch"),
        Binding("d", "next_dialect", "Dialect"),
        Binding("p", "probe", "Probe"),
        Binding("n", "notes", "Notes"),
        Binding("ctrl+p", "command_palette", "Cmds", priority=True),
    ]

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
        super().__init__()
        self.catalog = catalog
        self.plan = plan
        self.lang = lang
        self.plan_path = plan_path
        self.dialect = DIALECTS[0]
        self.environ = os.environ if environ is None else environ
        self.ruleset = RuleSet(())
        self._saved_key = plan_key(plan)
        self._cursor_blink = cursor_blink
        #: the tree item the cursor last moved to: the details pane names it while the tree has the focus
        self._tree_item: NodeRef | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            try:
                _ = self.screen
            except (ScreenStackError, UnknownModeError):
                return  # closing: input typed ahead has no screen left to go to (Textual would raise)
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
                    cursor_blink=self._cursor_blink,
                    vpn_router=self.plan.vpn_router,
                    id="inputs",
                )
                yield RulesTable(self.lang, id="rules")
                yield DetailsPane(id="details")
        yield StatusLine(id="status")
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._localize_bindings()
        self.query_one(ComponentTree).focus()
        self._recompute()

    @property
    def modified(self) -> bool:
        return plan_key(self.plan) != self._saved_key

    # ---- the live rule set ----
    def _recompute(self) -> None:
        """Rebuild the rule set and show it everywhere, in this call: a tick must not wait for a repaint."""
        self.ruleset = build(self.catalog, self.plan)
        self.query_one(RulesTable).show(self.ruleset)
        self._show_needs()
        self._show_status()
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
        table = self.query_one(RulesTable)
        text = describe(self.catalog, table.current_rule, table.current_label, self.ruleset, self.lang, self.dialect)
        if self._tree_item is not None and self.query_one(ComponentTree).has_focus:
            text = Text.assemble(describe_item(self.catalog, self._tree_item, self.lang), "\n\n", text)
        self.query_one(DetailsPane).show(text)

    def _show_status(self) -> None:
        self.query_one(StatusLine).show(self.ruleset, self.lang, self.modified)

    def on_component_tree_selection_changed(self, event: ComponentTree.SelectionChanged) -> None:
        self.plan = self.plan.with_selection(event.selected)
        self._recompute()

    def on_inputs_panel_inputs_changed(self, event: InputsPanel.InputsChanged) -> None:
        self.plan = replace(self.plan, lan=event.lan, host=event.host, vpn_router=event.vpn_router)
        self._recompute()

    def on_rules_table_rule_highlighted(self, event: RulesTable.RuleHighlighted) -> None:
        self._show_details()

    def on_tree_node_highlighted(self, event: ComponentTree.NodeHighlighted) -> None:
        self._tree_item = event.node.data
        self._show_details()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The tree and the table live on the main screen; the details follow them only while it is on top.
        if not isinstance(event.widget, (ComponentTree, RulesTable)) or event.widget.screen is not self.screen:
            return
        if isinstance(event.widget, ComponentTree):  # back in the tree: the item under its cursor again
            node = event.widget.cursor_node
            self._tree_item = node.data if node is not None else None
        self._show_details()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, ComponentTree) and event.widget.screen is self.screen:
            self._show_details()

    # ---- actions ----
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in _MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1)

    def action_toggle_focused(self) -> None:
        self.query_one(ComponentTree).action_toggle_check()

    def action_copy_rules(self) -> None:
        from fwplan.formats import RenderOptions, render_text

        text = render_text(self.ruleset, RenderOptions(lang=self.lang, catalog=self.catalog, plan=self.plan))
        self._copy(text, partial(say, "copied.rules", count=len(self.ruleset.rules)))

    def action_copy_ports(self) -> None:
        rule = self.query_one(RulesTable).current_rule
        if rule is None:
            self.notify(say("copy.nothing", self.lang), severity="warning")
            return
        ports = format_ports(rule.ports, self.dialect)
        self._copy(ports, partial(say, "copied.ports", ports=ports))

    def _copy(self, text: str, describe_copy) -> None:
        """OSC 52 at once; the desktop clipboard, where usable, in a thread (it runs a child process)."""
        self.run_worker(
            partial(self._deliver, text, describe_copy), thread=True, group="clipboard", exit_on_error=False
        )

    def _deliver(self, text: str, describe_copy) -> None:
        from exporters.clipboard import deliver

        delivery = deliver(text, lambda value: self.call_from_thread(self.copy_to_clipboard, value), self.environ)
        self.call_from_thread(self._report_delivery, delivery, describe_copy)

    def _report_delivery(self, delivery, describe_copy) -> None:
        lang = self.lang
        if delivery.delivered:
            channels = ", ".join(say(f"channel.{c}", lang) for c in delivery.delivered)
            self.notify(describe_copy(lang, channels=channels))
        if delivery.failed:
            channels = ", ".join(self._failed_channel(c, delivery.system_problem) for c in delivery.failed)
            self.notify(say("copy.failed", lang, channels=channels), severity="warning")

    def _failed_channel(self, channel: str, system_problem: str) -> str:
        name = say(f"channel.{channel}", self.lang)
        if channel == "system" and system_problem:
            return f"{name} ({say(f'system.{system_problem}', self.lang)})"
        return name

    def action_export(self) -> None:
        from tui.screens.export import ExportScreen, export_formats

        stem = Path(self.plan_path).stem if self.plan_path else "fwplan-rules"
        self.push_screen(
            ExportScreen(
                export_formats(),
                self.lang,
                stem=stem,
                prefs=self.plan.export,
                cursor_blink=self._cursor_blink,
                act=self._export,
            ),
            self._exported,
        )

    def _export(self, request) -> FwplanError | None:
        """Write the export as `fwplan export --plan` would with the dialog's settings and scopes; the error,
        for the dialog to show inline, or None when written."""
        from exporters.render import ExportSettings, render_export
        from fwplan.plan import atomic_write_bytes

        try:
            settings = ExportSettings(lang=self.lang, scopes=request.scopes).with_prefs(request.prefs, request.format)
            text = render_export(self.catalog, self.plan, request.format, settings)
            atomic_write_bytes(Path(request.path), text.encode("utf-8"), what="export")
        except FwplanError as exc:
            return exc
        return None

    def _exported(self, request) -> None:
        """The dialog closed after writing: keep its settings in the plan (ctrl+s saves them), and say so."""
        if request is None:
            return
        self.plan = replace(self.plan, export=request.prefs)
        self._show_status()
        self.notify(say("exported", self.lang, format=request.format, path=request.path))

    def action_save(self, then_quit: bool = False) -> None:
        self._save_then(lambda: self.exit(0) if then_quit else None)

    def _save_then(self, after) -> None:
        """Save (asking for a path the first time), then call ``after`` if the save worked."""
        from tui.screens.plan_file import PlanFileScreen

        if self.plan_path:
            problem = self._save_to(self.plan_path)
            if problem:
                self.notify(problem, severity="error", markup=False)
            else:
                after()
            return
        screen = PlanFileScreen("save", self.lang, "fwplan-plan.toml", self._save_to)
        self.push_screen(screen, lambda path: after() if path else None)

    def _save_to(self, path: str) -> str | None:
        from fwplan.plan import write_plan_file

        try:
            written = write_plan_file(path, self.plan, self.catalog)
        except FwplanError as exc:
            return exc.message(self.lang)
        self.plan_path = path
        self._saved_key = plan_key(self.plan)
        self._show_status()
        self.notify(say("saved", self.lang, path=str(written)))
        return None

    def action_open(self) -> None:
        from tui.screens.quit import QUIT, SAVE, QuitScreen

        if not self.modified:
            self._ask_open_path()
            return

        def answered(answer: str | None) -> None:
            if answer == QUIT:
                self._ask_open_path()
            elif answer == SAVE:
                self._save_then(self._ask_open_path)

        self.push_screen(QuitScreen(self.lang, purpose="open"), answered)

    def _ask_open_path(self) -> None:
        from tui.screens.plan_file import PlanFileScreen

        self.push_screen(PlanFileScreen("open", self.lang, self.plan_path or "", self._open_from))

    def _open_from(self, path: str) -> str | None:
        from fwplan.plan import PlanError, read_plan_file

        try:
            plan = read_plan_file(path, self.catalog)
        except PlanError as exc:
            return exc.message(self.lang)
        self.load_plan(plan, path)
        self.notify(say("opened", self.lang, path=path))
        return None

    def load_plan(self, plan: Plan, path: str | None) -> None:
        self.plan = plan
        self.plan_path = path
        self._saved_key = plan_key(plan)
        self.query_one(ComponentTree).set_selected(plan.selected)
        self.query_one(InputsPanel).set_values(plan.lan, plan.host, plan.vpn_router)
        self._recompute()

    def action_switch_language(self) -> None:
        self.set_language("en" if self.lang == "de" else "de")
        self.notify(say("language", self.lang))

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.query_one(ComponentTree).set_language(lang)
        self.query_one(InputsPanel).set_language(lang)
        self.query_one(RulesTable).set_language(lang)
        self._show_needs()
        self._show_details()
        self._show_status()
        self._localize_bindings()

    def action_next_dialect(self) -> None:
        self.set_dialect(next_dialect(self.dialect))

    def set_dialect(self, dialect: str) -> None:
        self.dialect = dialect
        self._show_details()
        self.notify(say("dialect", self.lang, dialect=dialect))

    def get_system_commands(self, screen):
        """Textual's own palette commands (theme, quit, keys, ...), named in the planner's language."""
        for command in super().get_system_commands(screen):
            key = f"palette.{command.title.lower()}"
            help_key = f"{key}.{'hide' if command.help.startswith('Hide') else 'help'}"
            if key in PALETTE_KEYS and help_key in PALETTE_KEYS:
                command = command._replace(title=say(key, self.lang), help=say(help_key, self.lang))
            yield command

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from tui.commands import PlannerCommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(PlannerCommandPalette(id="--command-palette"))

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

    def action_request_quit(self) -> None:
        from tui.screens.quit import QuitScreen

        if isinstance(self.screen, QuitScreen) or not self.modified:
            self.exit(0)
            return
        self.push_screen(QuitScreen(self.lang), self._after_quit_question)

    def _after_quit_question(self, answer: str | None) -> None:
        from tui.screens.quit import QUIT, SAVE

        if answer == QUIT:
            self.exit(0)
        elif answer == SAVE:
            self.action_save(then_quit=True)
        # CANCEL: stay

    def _localize_bindings(self) -> None:
        """Footer labels in the current language (Textual keeps a per-node copy of the bindings)."""
        tree = self.query_one(ComponentTree)
        for node, labels in ((self, _APP_LABELS), (tree, _TREE_LABELS)):
            key_map = node._bindings.key_to_bindings
            for key, label in labels.items():
                key_map[key] = [self._relabel(binding, say(label, self.lang)) for binding in key_map.get(key, ())]
        self.refresh_bindings()

    @staticmethod
    def _relabel(binding: Binding, label: str) -> Binding:
        if binding.group is not None:
            return replace(binding, group=Binding.Group(label, binding.group.compact))
        return replace(binding, description=label)


def _planner_commands():
    from tui.commands import PlannerCommands

    return PlannerCommands


def run_planner(catalog: Catalog, plan: Plan, lang: str, plan_path: str | None = None) -> int:
    """Run the planner in the terminal; the exit code for the CLI."""
    app = PlannerApp(catalog, plan, lang, plan_path)
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)
