"""The on-site check as a screen: probe the planned outbound ports, results beside each rule."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import Worker, WorkerState

from fwplan.i18n import LANGUAGES, say
from fwplan.merge import RuleSet
from fwplan.plan import Plan
from fwplan.probe import (
    FILTERED,
    METHOD_WORDS,
    NOT_RUN,
    OPEN,
    PASSED,
    REFUSED,
    STATE_WORDS,
    UNREACHABLE,
    Check,
    CheckFinished,
    Entry,
    HostResolved,
    Outcome,
    ProbeError,
    ProbeOptions,
    ProbeReport,
    State,
    plan_probe,
    run_probe,
)
from fwplan.probe.formats import announce, summary
from tui.keymap import Place, bindings
from tui.screens.base import DismissOnce, TranslatedBindings
from tui.widgets.key_footer import KeyFooter
from tui.widgets.rules_table import short_direction

#: column -> i18n key of its heading, in the table's order
COLUMN_KEYS = {
    "rule": "probe.col.rule",
    "proto": "probe.col.proto",
    "host": "probe.col.host",
    "result": "probe.col.result",
    "ports": "probe.col.ports",
}
STATE_STYLES = {OPEN: "green", REFUSED: "green", FILTERED: "bold red", UNREACHABLE: "bold red", NOT_RUN: "yellow"}


class ProbeScreen(TranslatedBindings, DismissOnce, Screen[ProbeReport | None]):
    """Probes the planned outbound ports to the PBX from here, live, with the results beside each rule.

    ``ProbeScreen(ruleset, plan, target=None, lang="en", options=ProbeOptions())``

    - ``ruleset``: the merged rule set the planner shows; the rule labels here are its labels
      (``RuleSet.numbered``, as in every export).
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
    BINDINGS = bindings(Place.PROBE)

    class ProbeFinished(Message):
        """A run ended (not cancelled); ``report`` holds every result."""

        def __init__(self, report: ProbeReport) -> None:
            super().__init__()
            self.report = report

    def __init__(
        self,
        ruleset: RuleSet,
        plan: Plan,
        target: str | None = None,
        lang: str = "en",
        options: ProbeOptions = ProbeOptions(),
    ) -> None:
        super().__init__()
        self.lang = lang if lang in LANGUAGES else "en"
        self.plan = plan
        self.probe_plan = plan_probe(ruleset, plan, target)
        #: each rule's label by its place in the rule set (an entry's ``number`` is that place, from 1)
        self.labels = [label for label, _rule in ruleset.numbered()]
        self.options = options
        self.report: ProbeReport | None = None
        self.outcomes: dict[Check, Outcome] = {}
        self._worker: Worker[None] | None = None

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
        yield KeyFooter(wrap=False)

    def _heading(self) -> str:
        checks = len(self.probe_plan.checks)
        return (
            f"{say('probe.title', self.lang)}: {announce(self.probe_plan, self.lang)}; {checks} × "
            f"{self.options.timeout:g} s, ≤ {self.options.deadline(checks):.1f} s"
        )

    def on_mount(self) -> None:
        table = self.query_one("#probe-rules", DataTable)
        for key, heading in COLUMN_KEYS.items():
            table.add_column(say(heading, self.lang), key=key)
        for index, entry in enumerate(self.probe_plan.entries):
            host = entry.host or entry.rule.destination.label(self.lang)
            table.add_row(
                Text(self.labels[entry.number - 1]),
                Text(entry.protocol),
                Text(host),
                self._result_cell(entry),
                Text(entry.ports.format(",")),
                key=str(index),
            )
        if self.probe_plan.pbx_host is None:
            self._status(say("probe.no_host", self.lang), "bold red")
        elif not self.probe_plan.checks:
            self._status(say("probe.nothing", self.lang))
        else:
            self.start()

    def start(self) -> None:
        self.outcomes = {}
        self.report = None
        self.query_one(ProgressBar).update(progress=0)
        self._refresh_rows()
        self._status(say("probe.running", self.lang))
        self._worker = self.run_worker(self._run(), group="probe", exclusive=True, exit_on_error=False)

    async def _run(self) -> None:
        try:
            report = await run_probe(self.probe_plan, self.options, self._on_event)
        except ProbeError as exc:
            self._status(exc.message(self.lang), "bold red")
            return
        self.report = report
        self.outcomes = dict(report.outcomes)
        self._refresh_rows()
        style = "green" if report.all_passed else "bold red"
        self._status(f"{summary(report, self.lang)}. {say('probe.done', self.lang)}", style)
        self.post_message(self.ProbeFinished(report))

    def _on_event(self, event: HostResolved | CheckFinished) -> None:
        if isinstance(event, CheckFinished):
            self.outcomes[event.outcome.check] = event.outcome
            self.query_one(ProgressBar).update(progress=event.done)
            self._refresh_rows(event.outcome.check)

    def _refresh_rows(self, check: Check | None = None) -> None:
        table = self.query_one("#probe-rules", DataTable)
        for index, entry in enumerate(self.probe_plan.entries):
            if check is None or check in entry.checks:
                table.update_cell(str(index), "result", self._result_cell(entry))
        self._show_detail()

    def _result_cell(self, entry: Entry) -> Text:
        """Counts of what got through; the ports of what did not; the details are below the table."""
        if entry.host is None:
            return Text(say("probe.not_probed", self.lang), style="dim")
        parts: list[tuple[str, str]] = []
        by_state: dict[State | None, list[int]] = {}  # None: not finished yet
        for check in entry.checks:
            outcome = self.outcomes.get(check)
            by_state.setdefault(outcome.state if outcome else None, []).append(check.port)
        for state, ports in by_state.items():
            if state is None:
                parts.append((f"{say('probe.waiting', self.lang)} {len(ports)}", "dim"))
            elif state in PASSED:
                parts.append((f"{len(ports)} {STATE_WORDS[state].get(self.lang)}", STATE_STYLES[state]))
            else:
                parts.append((f"{STATE_WORDS[state].get(self.lang)} {','.join(map(str, ports))}", STATE_STYLES[state]))
        if entry.untested:
            parts.append((say("probe.not_testable", self.lang), "dim"))
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
            state = STATE_WORDS[outcome.state].get(self.lang) if outcome else say("probe.waiting", self.lang)
            detail = outcome.detail.get(self.lang) if outcome else ""
            detail = f" ({detail})" if detail else ""
            lines.append(f"{check.host} {check.port} {METHOD_WORDS[check.method].get(self.lang)}: {state}{detail}")
        lines += [sample.describe(self.lang) for sample in entry.samples]
        if entry.untested and entry.reason is not None:
            lines.append(f"{entry.untested}: {entry.reason.get(self.lang)}")
        if entry.note is not None:
            lines.append(entry.note.get(self.lang))
        rule = entry.rule
        lines.append(
            f"{short_direction(rule.direction, self.lang)} {entry.protocol} {rule.source.label(self.lang)} -> "
            f"{rule.destination.label(self.lang)}: {rule.purpose(self.lang)}"
        )
        self.query_one("#probe-detail", Static).update(Text("\n".join(lines)))

    def _status(self, message: str, style: str = "") -> None:
        self.query_one("#probe-status", Static).update(Text(message, style=style))

    def action_cancel_or_close(self) -> None:
        if self.running and self._worker is not None:
            self._worker.cancel()
            self._status(say("probe.cancelled", self.lang), "yellow")
        else:
            self.dismiss(self.report)

    def action_run_again(self) -> None:
        if not self.running and self.probe_plan.checks:
            self.start()
