"""A probe report as an aligned text table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import shutil

from fwplan.formats import direction_word, neutralise_cell
from fwplan.probe import (
    FILTERED,
    METHOD_WORDS,
    NOT_RUN,
    OPEN,
    REFUSED,
    STATE_WORDS,
    UNREACHABLE,
    CheckFinished,
    Entry,
    HostResolved,
    ProbePlan,
    ProbeReport,
)
from fwplan.table import aligned

STATES = (OPEN, REFUSED, FILTERED, UNREACHABLE, NOT_RUN)
CSV_HEADER = ("rule", "direction", "protocol", "host", "address", "ports", "check", "result", "detail")
_NOT_TESTABLE, _NOT_PROBED = "not testable", "not probed"

_WORDS = {
    "en": {
        "headings": ("Rule", "Protocol", "Host", "Port", "Check", "Result", "Detail"),
        "not_testable": "Not testable from here:",
        "not_probed": "Not probed:",
        "sampled": "Sampled ranges (each end and a few inside):",
        "notes": "Notes:",
        "nothing": "Nothing to probe in this plan.",
        "passed": "Every probed port got through the firewall (open, or refused by the host itself).",
        "failed": "Some probed ports did not get through: check the firewall for the rules marked filtered, "
        "unreachable or not run.",
        "rule": "rule",
        "start": "{announce}; {checks} probes, timeout {timeout:g} s each, {parallel} at once, "
        "done within {deadline:.1f} s",
        "target_unused": "--target {target}: no rule to 'any' to check against it, so it is not contacted",
        "resolved": "{host} is {address}",
    },
    "de": {
        "headings": ("Regel", "Protokoll", "Host", "Port", "Prüfung", "Ergebnis", "Detail"),
        "not_testable": "Von hier nicht prüfbar:",
        "not_probed": "Nicht geprüft:",
        "sampled": "Stichproben großer Bereiche (beide Enden und einige dazwischen):",
        "notes": "Hinweise:",
        "nothing": "In diesem Plan gibt es nichts zu prüfen.",
        "passed": "Alle geprüften Ports kamen durch die Firewall (offen, oder vom Host selbst abgewiesen).",
        "failed": "Einige geprüfte Ports kamen nicht durch: Firewall für die Regeln prüfen, die als gefiltert, "
        "unerreichbar oder nicht gelaufen markiert sind.",
        "rule": "Regel",
        "start": "{announce}; {checks} Prüfungen, Zeitlimit {timeout:g} s je Prüfung, {parallel} gleichzeitig, "
        "fertig in höchstens {deadline:.1f} s",
        "target_unused": "--target {target}: keine Regel zu 'any', die dagegen zu prüfen wäre; er wird nicht "
        "kontaktiert",
        "resolved": "{host} ist {address}",
    },
}


def say(key: str, lang: str, **values: object) -> str:
    """One of the probe's fixed texts in ``lang``, filled in."""
    text = _WORDS["de" if lang == "de" else "en"][key]
    return text.format(**values) if values else text


def start_line(plan: ProbePlan, options, lang: str = "en") -> str:
    """What the run will do and how long it may take, said before it starts."""
    checks = len(plan.checks)
    return say(
        "start",
        lang,
        announce=announce(plan, lang),
        checks=checks,
        timeout=options.timeout,
        parallel=options.parallel,
        deadline=options.deadline(checks),
    )


def announce(plan: ProbePlan, lang: str = "en") -> str:
    """Which hosts the run will contact, said before it starts."""
    roles = {"en": ("PBX host", "--target"), "de": ("PBX-Host", "--target")}[lang]
    named = [f"{host} ({roles[0] if host == plan.pbx_host else roles[1]})" for host in plan.hosts]
    if lang == "de":
        return f"kontaktiert nur {' und '.join(named)}, sonst keinen Host" if named else "kontaktiert keinen Host"
    return f"contacting only {' and '.join(named)}, no other host" if named else "contacting no host"


def summary(report: ProbeReport, lang: str = "en") -> str:
    counts = ", ".join(f"{report.count(s)} {STATE_WORDS[s].get(lang)}" for s in STATES if report.count(s))
    n = len(report.outcomes)
    if lang == "de":
        return (
            f"{n} Prüfungen in {report.seconds:.1f} s (Grenze {report.deadline:.1f} s, "
            f"Zeitlimit {report.options.timeout:g} s je Prüfung): {counts or 'keine'}"
        )
    return (
        f"{n} probes in {report.seconds:.1f} s (bound {report.deadline:.1f} s, "
        f"timeout {report.options.timeout:g} s per probe): {counts or 'none'}"
    )


def _probed_rows(report: ProbeReport):
    for entry in report.plan.entries:
        for outcome in report.results(entry):
            yield entry, outcome


def render_probe_text(report: ProbeReport, lang: str = "en") -> str:
    words = _WORDS[lang]
    lines: list[str] = []
    rows = [words["headings"]]
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
        lines.append(words["nothing"])
    sections = (
        ("not_testable", [e for e in report.plan.entries if e.host is not None and e.untested]),
        ("not_probed", [e for e in report.plan.entries if e.host is None]),
    )
    for key, entries in sections:
        if entries:
            lines += ["", words[key]]
            lines += [f"- {words['rule']} {e.number} {entry_line(e, lang)}: {e.reason.get(lang)}" for e in entries]
    samples = [(e, s) for e in report.plan.entries for s in e.samples]
    if samples:
        lines += ["", words["sampled"]]
        lines += [f"- {words['rule']} {e.number} {e.protocol} {s.describe(lang)}" for e, s in samples]
    notes = [e for e in report.plan.entries if e.note is not None and e.host is not None]
    if notes:
        lines += ["", words["notes"]]
        lines += [f"- {words['rule']} {e.number} {entry_line(e, lang)}: {e.note.get(lang)}" for e in notes]
    lines += ["", summary(report, lang)]
    if report.outcomes:
        lines.append(words["passed"] if report.all_passed else words["failed"])
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
                entry.reason.get(lang) if entry.reason else "",
            )
            writer.writerow([neutralise_cell(str(cell)) for cell in row])
    return out.getvalue()


def _ranges(ports) -> list[list[int]]:
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
                "reason": e.reason.get(lang),
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
                "reason": e.reason.get(lang),
            }
            for e in plan.entries
            if e.host is None
        ],
        "samples": [
            {"rule": e.number, "protocol": e.protocol, "range": [s.range.lo, s.range.hi], "ports": list(s.ports)}
            for e in plan.entries
            for s in e.samples
        ],
        "notes": [{"rule": e.number, "note": e.note.get(lang)} for e in plan.entries if e.note and e.host],
        "summary": {
            **{state: report.count(state) for state in STATES},
            "probes": len(report.outcomes),
            "all_passed": report.all_passed,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


PROBE_FORMATS = {"text": render_probe_text, "csv": render_probe_csv, "json": render_probe_json}


class StderrProgress:
    """Progress of a run on a stream: a bar redrawn in place on a terminal, one plain line per event otherwise."""

    def __init__(self, stream, prefix: str = "fwplan probe", width: int | None = None, lang: str = "en") -> None:
        self.stream = stream
        self.lang = lang
        self.prefix = prefix
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.width = width
        self._drawn = False

    def __call__(self, event: HostResolved | CheckFinished) -> None:
        if isinstance(event, HostResolved):
            if event.host != event.address:
                self._line(f"{self.prefix}: {say('resolved', self.lang, host=event.host, address=event.address)}")
        elif isinstance(event, CheckFinished):
            check, outcome = event.outcome.check, event.outcome
            state = STATE_WORDS[outcome.state].get(self.lang)
            what = f"{event.done}/{event.total} {check.protocol} {check.host} {check.port} {state}"
            if self.tty:
                self._bar(event.done, event.total, what)
            else:
                self._line(f"{self.prefix}: {what}")

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
