"""The export dialog: a format (the core's and every registered exporter's), the scopes to export, the site
router's settings that format takes, and a path. It writes through the planner and shows a failure inline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from fwplan.catalog import SCOPES
from fwplan.errors import FwplanError
from fwplan.i18n import say
from fwplan.plan import ExportPrefs
from tui.keymap import Place, bindings
from tui.screens.path_dialog import PathDialog, path_problem
from tui.widgets.router_settings import FIELDS, RouterSettingsForm
from tui.widgets.scope_choice import ScopeChoice, scope_name


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """What the dialog needs to know of a format."""

    suffix: str  # ".csv"
    options: frozenset[str] = frozenset()  # the router settings it applies (keys of FIELDS)
    interfaces: tuple[str, str] | None = None  # its default (WAN, LAN) interface names
    scopes: tuple[str, ...] = SCOPES  # what it exports without --scope: every scope, or the internet router's


def export_formats() -> dict[str, ExportFormat]:
    """Every registered format, as the export code describes it."""
    import exporters
    from exporters.render import accepted_options, default_scopes, format_suffixes

    return {
        name: ExportFormat(
            suffix, accepted_options(name) & frozenset(FIELDS), exporters.get(name).interfaces, default_scopes(name)
        )
        for name, suffix in format_suffixes().items()
    }


def router_defaults() -> dict[str, object]:
    """Each router setting's value when the plan does not set it: ``fwplan export``'s defaults."""
    from exporters.render import ExportSettings

    defaults = ExportSettings()
    return {field: getattr(defaults, field) for field in FIELDS}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    format: str
    path: str
    #: The plan's ``[export]`` as the dialog left it: the format and the router settings chosen.
    prefs: ExportPrefs = ExportPrefs()
    #: The scopes ticked, or None where they are the format's default (the file then equals the CLI's
    #: without --scope).
    scopes: tuple[str, ...] | None = None


def export_problem(error: FwplanError, lang: str) -> str:
    """A failed export in words; a router export with no rule in its scopes points to the dialog's scope boxes."""
    text = say("export.failed", lang, message=error.message(lang))
    if error.key == "export.empty_scope":
        others = ", ".join(scope_name(scope, lang) for scope in str(error.fields["others"]).split(","))
        text += ("" if text.endswith(".") else ".") + " " + say("export.scope_hint", lang, scopes=others)
    return text


class ExportScreen(PathDialog):
    """Dismisses with an ExportRequest once ``act(request)`` wrote it (it returns the error, or None), or None
    when cancelled. Without ``act`` it dismisses with the request at once."""

    CSS_PATH = "export.tcss"
    BINDINGS = bindings(Place.EXPORT_DIALOG)

    def __init__(
        self,
        formats: dict[str, ExportFormat],
        lang: str,
        stem: str = "fwplan-rules",
        default: str = "csv",
        prefs: ExportPrefs = ExportPrefs(),
        defaults: dict[str, object] | None = None,
        cursor_blink: bool = True,
        act: Callable[[ExportRequest], FwplanError | None] | None = None,
    ) -> None:
        """``formats`` maps each format name to what the dialog shows for it; ``prefs`` is the plan's
        ``[export]``, whose format, when known, is preselected over ``default``."""
        super().__init__()
        self.formats = formats
        self.lang = lang
        self.stem = stem
        self.prefs = prefs
        self.defaults = router_defaults() if defaults is None else defaults
        self._cursor_blink = cursor_blink
        self.act = act
        self.default = next(name for name in (prefs.format, default, *formats) if name in formats)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="export-dialog", classes="dialog"):
            yield Label(say("dialog.export.title", self.lang), classes="dialog-title")
            with Horizontal(classes="field-row"):
                yield Label(say("dialog.format", self.lang), classes="field-label")
                yield Select(
                    [(name, name) for name in self.formats],
                    value=self.default,
                    allow_blank=False,
                    id="format",
                    compact=True,
                )
            with Horizontal(classes="field-row"):
                yield Label(say("dialog.scopes", self.lang), classes="field-label")
                yield ScopeChoice(self.formats[self.default].scopes, self.lang, id="scopes")
            yield RouterSettingsForm(self.prefs, self.defaults, self.lang, cursor_blink=self._cursor_blink, id="router")
            with Horizontal(classes="field-row"):
                yield Label(say("dialog.path", self.lang), classes="field-label")
                yield Input(self._path_for(self.default), id="path", compact=True)
            yield Static("", id="path-error", classes="field-message -invalid")
            yield Static("", id="export-error", classes="field-message -invalid")
            if self.prefs.dialect:
                yield Static(
                    Text(say("dialog.export.dialect", self.lang, dialect=self.prefs.dialect)),
                    id="dialect-note",
                    classes="field-message",
                )
            with Horizontal(classes="buttons"):
                yield Button(say("dialog.export", self.lang), id="ok", variant="primary")
                yield Button(say("dialog.cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).cursor_blink = self._cursor_blink
        self._show_options(self.default)
        # the path first: "e", a path and Enter exports (the format, the scopes and the settings are a shift+tab away)
        self.query_one("#path", Input).focus()

    def _path_for(self, name: str) -> str:
        return f"{self.stem}{self.formats[name].suffix}"

    def _show_options(self, name: str) -> None:
        chosen = self.formats[name]
        self.query_one(RouterSettingsForm).show_options(chosen.options, chosen.interfaces)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value not in self.formats:
            return
        self._show_options(str(event.value))
        self.query_one(ScopeChoice).set_scopes(self.formats[str(event.value)].scopes)
        path_input = self.query_one("#path", Input)
        current = Path(path_input.value)
        if current.stem == self.stem:
            path_input.value = str(current.with_name(self._path_for(str(event.value))))

    def action_submit(self) -> None:
        self._submit()

    def attempt(self, path: str) -> None:
        form = self.query_one(RouterSettingsForm)
        if form.problem() is not None:
            return  # the setting is focused and its problem shows below it
        choice = self.query_one(ScopeChoice)
        scopes = choice.chosen()
        self._show_export_error("")
        if not scopes:
            self._show_export_error(say("dialog.scopes.none", self.lang))
            choice.box(SCOPES[0]).focus()
            return
        problem = path_problem(path, self.lang)
        if problem:
            self.show_problem(problem)
            return
        self.query_one("#path-error", Static).update("")
        name = str(self.query_one("#format", Select).value)
        request = ExportRequest(
            name,
            str(Path(path).expanduser()),
            form.chosen()._replace(format=name),
            None if scopes == self.formats[name].scopes else scopes,
        )
        error = self.act(request) if self.act is not None else None
        if error is None:
            self.dismiss(request)
            return
        self._show_export_error(export_problem(error, self.lang))
        if error.key == "export.empty_scope":  # the first scope the error names: space ticks it, enter exports
            choice.box(str(error.fields["others"]).split(",")[0]).focus()

    def _show_export_error(self, problem: str) -> None:
        line = self.query_one("#export-error", Static)
        line.display = bool(problem)
        line.update(Text("✗ " + problem) if problem else "")
        if problem:
            line.scroll_visible()
