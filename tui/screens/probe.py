"""The on-site check as a screen: probe the planned outbound ports, results beside each rule."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static
from textual.worker import Worker, WorkerState

from fwplan.merge import RuleSet
from fwplan.plan import Plan
from fwplan.probe import (
    FILTERED, METHOD_WORDS, NOT_RUN, OPEN, PASSED, REFUSED, STATE_WORDS, UNREACHABLE, CheckFinished, Entry, HostResolved,
    Outcome, ProbeError, ProbeOptions, ProbeReport, plan_probe, run_probe,
)
from fwplan.probe_formats import announce, summary
from tui.screens.base import DismissOnce

STATE_STYLES = {OPEN: "green", REFUSED: "green", FILTERED: "bold red", UNREACHABLE: "bold red", NOT_RUN: "yellow"}

WORDS = {
    "en": {
        "columns": ("#", "Proto", "Host", "Result", "Ports"),
        "title": "On-site check",
        "waiting": "waiting",
        "not_testable": "not testable",
        "not_probed": "not probed",
        "running": "Probing… escape cancels",
        "cancelled": "Cancelled: the results so far are shown. Escape closes, r runs again.",
        "done": "Escape closes, r runs again.",
        "no_host": "No PBX host: enter it in the planner first; the check probes only that host.",
        "nothing": "Nothing to probe in this plan.",
    },
    "de": {
        "columns": ("#", "Proto", "Host", "Ergebnis", "Ports"),
        "title": "Prüfung vor Ort",
        "waiting": "wartet",
        "not_testable": "nicht prüfbar",
        "not_probed": "nicht geprüft",
        "running": "Prüfe… Escape bricht ab",
        "cancelled": "Abgebrochen: die bisherigen Ergebnisse stehen da. Escape schließt, r prüft erneut.",
        "done": "Escape schließt, r prüft erneut.",
        "no_host": "Kein PBX-Host: bitte erst im Planer eingeben; geprüft wird nur dieser Host.",
        "nothing": "In diesem Plan gibt es nichts zu prüfen.",
    },
}


class ProbeScreen(DismissOnce, Screen[ProbeReport | None]):
    """Probes the planned outbound ports to the PBX from here, live, with the results beside each rule.

    ``ProbeScreen(ruleset, plan, target=None, lang="en", options=ProbeOptions())``

    - ``ruleset``: the merged rule set the planner shows; the rule numbers here are its numbers.
    - ``plan``: the plan; its ``host`` is the PBX host, the only host probed besides ``target``.
      Without a host the screen says so inline and probes nothing.
    - ``target``: a validated hostname or IP address to check the rules to ``any`` against, or None
      to skip them.
    - ``lang``: ``"en"`` or ``"de"``.
    - ``options``: timeout per probe and probes at once (``fwplan.probe.ProbeOptions``).

    Probing starts when the screen is mounted. Escape cancels a running probe; pressed when nothing
    runs, it closes the screen, which is dismissed with the last ``ProbeReport`` (None if no run
    finished). ``r`` runs again. Each finished run posts ``ProbeScreen.ProbeFinished``.
    """

    CSS_PATH = "probe.tcss"
    BINDINGS = [
        Binding("escape", "cancel_or_close", "Cancel / close"),
        Binding("r", "run_again", "Run again"),
    ]

    class ProbeFinished(Message):
        """A run ended (not cancelled); ``report`` holds every result."""

        def __init__(self, report: ProbeReport) -> None:
            super().__init__()
            self.report = report

    def __init__(self, ruleset: RuleSet, plan: Plan, target: str | None = None, lang: str = "en",
                 options: ProbeOptions = ProbeOptions()) -> None:
        super().__init__()
        self.lang = lang if lang in WORDS else "en"
        self.words = WORDS[self.lang]
        self.plan = plan
        self.probe_plan = plan_probe(ruleset, plan, target)
        self.options = options
        self.report: ProbeReport | None = None
        self.outcomes: dict = {}
        self._worker: Worker | None = None

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.state in (WorkerState.PENDING, WorkerState.RUNNING)

    def compose(self) -> ComposeResult:
        checks = len(self.probe_plan.checks)
        with Vertical(id="probe-body"):
            yield Static(Text(self._heading()), id="probe-hosts")
            yield ProgressBar(total=max(checks, 1), show_eta=False, id="probe-progress")
            yield DataTable(id="probe-rules", cursor_type="row", zebra_stripes=True)
            yield Static(id="probe-detail")
            yield Static(id="probe-status")
        yield Footer()

    def _heading(self) -> str:
        checks = len(self.probe_plan.checks)
        return (f"{self.words['title']}: {announce(self.probe_plan, self.lang)}; {checks} × "
                f"{self.options.timeout:g} s, ≤ {self.options.deadline(checks):.1f} s")

    def on_mount(self) -> None:
        table = self.query_one("#probe-rules", DataTable)
        for label, key in zip(self.words["columns"], ("rule", "proto", "host", "result", "ports")):
            table.add_column(label, key=key)
        for index, entry in enumerate(self.probe_plan.entries):
            host = entry.host or str(entry.rule.destination)
            table.add_row(Text(str(entry.number)), Text(entry.protocol), Text(host), self._result_cell(entry),
                          Text(entry.ports.format(",")), key=str(index))
        if self.probe_plan.pbx_host is None:
            self._status(self.words["no_host"], "bold red")
        elif not self.probe_plan.checks:
            self._status(self.words["nothing"])
        else:
            self.start()

    def start(self) -> None:
        self.outcomes = {}
        self.report = None
        self.query_one(ProgressBar).update(progress=0)
        self._refresh_rows()
        self._status(self.words["running"])
        self._worker = self.run_worker(self._run(), group="probe", exclusive=True, exit_on_error=False)

    async def _run(self) -> None:
        try:
            report = await run_probe(self.probe_plan, self.options, self._on_event)
        except ProbeError as exc:
            self._status(str(exc), "bold red")
            return
        self.report = report
        self.outcomes = dict(report.outcomes)
        self._refresh_rows()
        style = "green" if report.all_passed else "bold red"
        self._status(f"{summary(report, self.lang)}. {self.words['done']}", style)
        self.post_message(self.ProbeFinished(report))

    def _on_event(self, event: HostResolved | CheckFinished) -> None:
        if isinstance(event, CheckFinished):
            self.outcomes[event.outcome.check] = event.outcome
            self.query_one(ProgressBar).update(progress=event.done)
            self._refresh_rows(event.outcome.check)

    def _refresh_rows(self, check=None) -> None:
        table = self.query_one("#probe-rules", DataTable)
        for index, entry in enumerate(self.probe_plan.entries):
            if check is None or check in entry.checks:
                table.update_cell(str(index), "result", self._result_cell(entry))
        self._show_detail()

    def _result_cell(self, entry: Entry) -> Text:
        """Counts of what got through; the ports of what did not; the details are below the table."""
        words = self.words
        if entry.host is None:
            return Text(words["not_probed"], style="dim")
        parts: list[tuple[str, str]] = []
        by_state: dict[str, list[int]] = {}
        for check in entry.checks:
            outcome = self.outcomes.get(check)
            by_state.setdefault(outcome.state if outcome else "", []).append(check.port)
        for state, ports in by_state.items():
            if not state:
                parts.append((f"{words['waiting']} {len(ports)}", "dim"))
            elif state in PASSED:
                parts.append((f"{len(ports)} {STATE_WORDS[state].get(self.lang)}", STATE_STYLES[state]))
            else:
                parts.append((f"{STATE_WORDS[state].get(self.lang)} {','.join(map(str, ports))}", STATE_STYLES[state]))
        if entry.untested:
            parts.append((words["not_testable"], "dim"))
        cell = Text()
        for number, (text, style) in enumerate(parts):
            cell.append((" · " if number else "") + text, style)
        return cell

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one("#probe-rules", DataTable)
        if not self.probe_plan.entries or table.cursor_row is None:
            return
        entry = self.probe_plan.entries[table.cursor_row]
        lines = []
        for check in entry.checks:
            outcome: Outcome | None = self.outcomes.get(check)
            state = STATE_WORDS[outcome.state].get(self.lang) if outcome else self.words["waiting"]
            detail = f" ({outcome.detail})" if outcome and outcome.detail else ""
            lines.append(f"{check.host} {check.port} {METHOD_WORDS[check.method].get(self.lang)}: {state}{detail}")
        lines += [sample.describe(self.lang) for sample in entry.samples]
        if entry.untested and entry.reason is not None:
            lines.append(f"{entry.untested}: {entry.reason.get(self.lang)}")
        if entry.note is not None:
            lines.append(entry.note.get(self.lang))
        lines.append(f"{entry.rule.direction} {entry.protocol} {entry.rule.source} -> {entry.rule.destination}: "
                     f"{entry.rule.purpose(self.lang)}")
        self.query_one("#probe-detail", Static).update(Text("\n".join(lines)))

    def _status(self, message: str, style: str = "") -> None:
        self.query_one("#probe-status", Static).update(Text(message, style=style))

    def action_cancel_or_close(self) -> None:
        if self.running:
            self._worker.cancel()
            self._status(self.words["cancelled"], "yellow")
        else:
            self.dismiss(self.report)

    def action_run_again(self) -> None:
        if not self.running and self.probe_plan.checks:
            self.start()
