"""A probe report as an aligned text table, CSV or JSON; the lines said before and during a run."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from typing import Protocol

from fwplan.formats import direction_word, neutralise_cell
from fwplan.i18n import Text, say
from fwplan.ports import PortSet
from fwplan.probe.model import (
    METHOD_WORDS,
    STATE_WORDS,
    STATES,
    CheckFinished,
    Entry,
    Outcome,
    ProbeEvent,
    ProbeOptions,
    ProbePlan,
    ProbeReport,
)
from fwplan.table import aligned

CSV_HEADER = ("rule", "direction", "protocol", "host", "address", "ports", "check", "result", "detail")
_NOT_TESTABLE, _NOT_PROBED = "not testable", "not probed"
#: The role of the target in the announcement: the option that named it, the same in both languages.
_TARGET_ROLE = "--target"


def start_line(plan: ProbePlan, options: ProbeOptions, lang: str = "en") -> str:
    """What the run will do and how long it may take, said before it starts."""
    checks = len(plan.checks)
    return say(
        "probe.start",
        lang,
        announce=announce(plan, lang),
        checks=checks,
        timeout=options.timeout,
        parallel=options.parallel,
        deadline=options.deadline(checks),
    )


def announce(plan: ProbePlan, lang: str = "en") -> str:
    """Which hosts the run will contact, said before it starts."""
    pbx_role = say("probe.announce.pbx", lang)
    named = [f"{host} ({pbx_role if host == plan.pbx_host else _TARGET_ROLE})" for host in plan.hosts]
    if not named:
        return say("probe.announce.none", lang)
    return say("probe.announce.only", lang, hosts=f" {say('probe.announce.and', lang)} ".join(named))


def summary(report: ProbeReport, lang: str = "en") -> str:
    counts = ", ".join(f"{report.count(s)} {STATE_WORDS[s].get(lang)}" for s in STATES if report.count(s))
    return say(
        "probe.summary",
        lang,
        count=len(report.outcomes),
        seconds=report.seconds,
        deadline=report.deadline,
        timeout=report.options.timeout,
        counts=counts or say("probe.summary.none", lang),
    )


def _probed_rows(report: ProbeReport) -> Iterator[tuple[Entry, Outcome]]:
    for entry in report.plan.entries:
        for outcome in report.results(entry):
            yield entry, outcome


def _said(words: Text | None, lang: str) -> str:
    """A reason or a note in ``lang``; every entry a report lists with one has one."""
    return words.get(lang) if words is not None else ""


def render_probe_text(report: ProbeReport, lang: str = "en") -> str:
    lines: list[str] = []
    rows: list[tuple[str, ...]] = [tuple(say("probe.report.columns", lang).split("|"))]
    for entry, outcome in _probed_rows(report):
        check = outcome.check
        rows.append(
            (
                str(entry.number),
                check.protocol,
                check.host,
                str(check.port),
                METHOD_WORDS[check.method].get(lang),
                STATE_WORDS[outcome.state].get(lang),
                outcome.detail.get(lang),
            )
        )
    if len(rows) > 1:
        lines.extend(aligned(rows))
    else:
        lines.append(say("probe.report.nothing", lang))
    rule = say("probe.report.rule", lang)
    sections = (
        (say("probe.report.not_testable", lang), [e for e in report.plan.entries if e.host is not None and e.untested]),
        (say("probe.report.not_probed", lang), [e for e in report.plan.entries if e.host is None]),
    )
    for heading, entries in sections:
        if entries:
            lines += ["", heading]
            lines += [f"- {rule} {e.number} {entry_line(e, lang)}: {_said(e.reason, lang)}" for e in entries]
    samples = [(e, s) for e in report.plan.entries for s in e.samples]
    if samples:
        lines += ["", say("probe.report.sampled", lang)]
        lines += [f"- {rule} {e.number} {e.protocol} {s.describe(lang)}" for e, s in samples]
    notes = [e for e in report.plan.entries if e.note is not None and e.host is not None]
    if notes:
        lines += ["", say("probe.report.notes", lang)]
        lines += [f"- {rule} {e.number} {entry_line(e, lang)}: {_said(e.note, lang)}" for e in notes]
    lines += ["", summary(report, lang)]
    if report.outcomes:
        lines.append(say("probe.report.passed" if report.all_passed else "probe.report.failed", lang))
    return "\n".join(lines) + "\n"


def entry_line(entry: Entry, lang: str = "en") -> str:
    """``outbound udp 192.168.50.0/24 -> acme.telovip.de 5070``, in ``lang``."""
    rule = entry.rule
    return (
        f"{direction_word(rule.direction, lang)} {entry.protocol} {rule.source.label(lang)} -> "
        f"{rule.destination.label(lang)} {entry.untested}"
    )


def render_probe_csv(report: ProbeReport, lang: str = "en") -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    addresses = report.addresses
    for entry in report.plan.entries:
        rule = entry.rule
        row: tuple[object, ...]
        for outcome in report.results(entry):
            check = outcome.check
            row = (
                entry.number,
                rule.direction,
                check.protocol,
                check.host,
                addresses.get(check.host, ""),
                check.port,
                check.method,
                outcome.state,
                outcome.detail.get(lang),
            )
            writer.writerow([neutralise_cell(str(cell)) for cell in row])
        if entry.untested:
            host = entry.host or str(rule.destination)
            row = (
                entry.number,
                rule.direction,
                entry.protocol,
                host,
                addresses.get(host, ""),
                entry.untested.format(" "),
                "",
                _NOT_TESTABLE if entry.host else _NOT_PROBED,
                _said(entry.reason, lang),
            )
            writer.writerow([neutralise_cell(str(cell)) for cell in row])
    return out.getvalue()


def _ranges(ports: PortSet) -> list[list[int]]:
    return [[r.lo, r.hi] for r in ports]


def render_probe_json(report: ProbeReport, lang: str = "en") -> str:
    plan = report.plan
    document = {
        "hosts": [
            {"host": h, "address": report.addresses.get(h), "role": "pbx" if h == plan.pbx_host else "target"}
            for h in plan.hosts
        ],
        "timeout": report.options.timeout,
        "parallel": report.options.parallel,
        "deadline": round(report.deadline, 3),
        "seconds": round(report.seconds, 3),
        "results": [
            {
                "rule": entry.number,
                "protocol": outcome.check.protocol,
                "host": outcome.check.host,
                "address": report.addresses.get(outcome.check.host),
                "port": outcome.check.port,
                "check": outcome.check.method,
                "result": outcome.state,
                "detail": outcome.detail.get(lang),
                "seconds": round(outcome.seconds, 4),
            }
            for entry, outcome in _probed_rows(report)
        ],
        "not_testable": [
            {
                "rule": e.number,
                "protocol": e.protocol,
                "host": e.host,
                "ports": _ranges(e.untested),
                "reason": _said(e.reason, lang),
            }
            for e in plan.entries
            if e.host is not None and e.untested
        ],
        "not_probed": [
            {
                "rule": e.number,
                "direction": e.rule.direction,
                "protocol": e.protocol,
                "destination": str(e.rule.destination),
                "ports": _ranges(e.untested),
                "reason": _said(e.reason, lang),
            }
            for e in plan.entries
            if e.host is None
        ],
        "samples": [
            {"rule": e.number, "protocol": e.protocol, "range": [s.range.lo, s.range.hi], "ports": list(s.ports)}
            for e in plan.entries
            for s in e.samples
        ],
        "notes": [{"rule": e.number, "note": _said(e.note, lang)} for e in plan.entries if e.note and e.host],
        "summary": {
            **{state.value: report.count(state) for state in STATES},
            "probes": len(report.outcomes),
            "all_passed": report.all_passed,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


PROBE_FORMATS = {"text": render_probe_text, "csv": render_probe_csv, "json": render_probe_json}


class _Stream(Protocol):
    def write(self, text: str, /) -> object: ...
    def flush(self) -> object: ...


class StderrProgress:
    """Progress of a run on a stream: a bar redrawn in place on a terminal, one plain line per event otherwise.

    A write that fails is not caught here: the command line passes its guarded stderr (``fwplan.cli.STDERR``),
    which drops what it cannot write, so that a broken stderr never ends the run.
    """

    def __init__(
        self, stream: _Stream, prefix: str = "fwplan probe", width: int | None = None, lang: str = "en"
    ) -> None:
        self.stream = stream
        self.lang = lang
        self.prefix = prefix
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.width = width
        self._drawn = False

    def __call__(self, event: ProbeEvent) -> None:
        if isinstance(event, CheckFinished):
            check, outcome = event.outcome.check, event.outcome
            state = STATE_WORDS[outcome.state].get(self.lang)
            what = f"{event.done}/{event.total} {check.protocol} {check.host} {check.port} {state}"
            if self.tty:
                self._bar(event.done, event.total, what)
            else:
                self._line(f"{self.prefix}: {what}")
        elif event.host != event.address:
            self._line(f"{self.prefix}: {say('probe.resolved', self.lang, host=event.host, address=event.address)}")

    def _columns(self) -> int:
        if self.width is not None:
            return self.width
        return shutil.get_terminal_size((80, 24)).columns

    def _bar(self, done: int, total: int, what: str) -> None:
        cells = 20
        filled = cells * done // total if total else cells
        text = f"[{'#' * filled}{'-' * (cells - filled)}] {what}"[: self._columns() - 1]
        self.stream.write("\r" + text.ljust(self._columns() - 1))
        self.stream.flush()
        self._drawn = True

    def _line(self, text: str) -> None:
        self.finish()
        self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """Clear the bar, if one is drawn, so that what follows starts on a clean line."""
        if self._drawn:
            self.stream.write("\r" + " " * (self._columns() - 1) + "\r")
            self.stream.flush()
            self._drawn = False
