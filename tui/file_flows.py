"""The planner's file flows: export, save and open with their dialogs, and the question before unsaved
changes are lost (on quitting, on opening another plan)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from fwplan.errors import FwplanError
from fwplan.i18n import say
from fwplan.plan import PlanError, atomic_write_bytes, read_plan_file, write_plan_file

if TYPE_CHECKING:
    from tui.app import PlannerApp
    from tui.screens.export import ExportRequest

# The dialogs and the exporters are imported when first used: start-up time.


class FileFlows:
    """Export, save, open and quit for ``app``, asking for paths and answers in dialogs."""

    def __init__(self, app: PlannerApp) -> None:
        self.app = app

    # ---- export ----
    def export(self) -> None:
        from tui.screens.export import ExportScreen, export_formats

        app = self.app
        stem = Path(app.plan_path).stem if app.plan_path else "fwplan-rules"
        app.push_screen(
            ExportScreen(
                export_formats(),
                app.lang,
                stem=stem,
                prefs=app.plan.export,
                cursor_blink=app.cursor_blink,
                act=self._export,
            ),
            self._exported,
        )

    def _export(self, request: ExportRequest) -> FwplanError | None:
        """Write the export as `fwplan export --plan` would with the dialog's settings and scopes; the error,
        for the dialog to show inline, or None when written."""
        from exporters.render import ExportSettings, render_export

        app = self.app
        try:
            settings = ExportSettings(lang=app.lang, scopes=request.scopes).with_prefs(request.prefs, request.format)
            text = render_export(app.catalog, app.plan, request.format, settings)
            atomic_write_bytes(Path(request.path), text.encode("utf-8"), what="export")
        except FwplanError as exc:
            return exc
        return None

    def _exported(self, request: ExportRequest | None) -> None:
        """The dialog closed after writing: keep its settings in the plan (ctrl+s saves them), and say so."""
        if request is None:
            return
        app = self.app
        app.plan = replace(app.plan, export=request.prefs)
        app.show_status()
        app.notify(say("exported", app.lang, format=request.format, path=request.path))

    # ---- save ----
    def save(self, then_quit: bool = False) -> None:
        self.save_then(lambda: self.app.exit(0) if then_quit else None)

    def save_then(self, after: Callable[[], object]) -> None:
        """Save (asking for a path the first time), then call ``after`` if the save worked."""
        from tui.screens.plan_file import PlanFileScreen

        app = self.app
        if app.plan_path:
            problem = self._save_to(app.plan_path)
            if problem:
                app.notify(problem, severity="error", markup=False)
            else:
                after()
            return

        def saved(path: str | None) -> None:
            if path:
                after()

        app.push_screen(PlanFileScreen("save", app.lang, "fwplan-plan.toml", self._save_to), saved)

    def _save_to(self, path: str) -> str | None:
        app = self.app
        try:
            written = write_plan_file(path, app.plan, app.catalog)
        except FwplanError as exc:
            return exc.message(app.lang)
        app.mark_saved(path)
        app.notify(say("saved", app.lang, path=str(written)))
        return None

    # ---- open ----
    def open(self) -> None:
        from tui.screens.quit import QUIT, SAVE, QuitScreen

        if not self.app.modified:
            self._ask_open_path()
            return

        def answered(answer: str | None) -> None:
            if answer == QUIT:
                self._ask_open_path()
            elif answer == SAVE:
                self.save_then(self._ask_open_path)

        self.app.push_screen(QuitScreen(self.app.lang, purpose="open"), answered)

    def _ask_open_path(self) -> None:
        from tui.screens.plan_file import PlanFileScreen

        app = self.app
        app.push_screen(PlanFileScreen("open", app.lang, app.plan_path or "", self._open_from))

    def _open_from(self, path: str) -> str | None:
        app = self.app
        try:
            plan = read_plan_file(path, app.catalog)
        except PlanError as exc:
            return exc.message(app.lang)
        app.load_plan(plan, path)
        app.notify(say("opened", app.lang, path=path))
        return None

    # ---- quit ----
    def request_quit(self) -> None:
        from tui.screens.quit import QuitScreen

        app = self.app
        if isinstance(app.screen, QuitScreen) or not app.modified:
            app.exit(0)
            return
        app.push_screen(QuitScreen(app.lang), self._after_quit_question)

    def _after_quit_question(self, answer: str | None) -> None:
        from tui.screens.quit import QUIT, SAVE

        if answer == QUIT:
            self.app.exit(0)
        elif answer == SAVE:
            self.save(then_quit=True)
        # CANCEL: stay
