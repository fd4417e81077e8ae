"""The core's output formats: CSV, an aligned text table, and JSON."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Callable

from fwplan.merge import Rule, RuleSet

CSV_HEADER = ("rule", "direction", "protocol", "source", "destination", "ports", "purpose", "components")
# OWASP ASVS 5.0 V1.2.10: a cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_HEADINGS = {
    "en": ("#", "Direction", "Protocol", "Source", "Destination", "Ports", "Purpose"),
    "de": ("#", "Richtung", "Protokoll", "Quelle", "Ziel", "Ports", "Zweck"),
}
DIRECTION_WORDS = {
    "en": {"outbound": "outbound", "inbound": "inbound"},
    "de": {"outbound": "ausgehend", "inbound": "eingehend"},
}
_NOTICE_HEADING = {"en": "Notes", "de": "Hinweise"}
_NO_RULES = {"en": "No rules: nothing is selected.", "de": "Keine Regeln: nichts ausgewählt."}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How the core formats render a rule set."""

    lang: str = "en"
    csv_german: bool = False  # ';' separator and a BOM, for spreadsheets in German locales


def neutralise_cell(value: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with a single quote."""
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(ruleset: RuleSet, options: RenderOptions = RenderOptions()) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if options.csv_german else ",", lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_HEADER)
    for number, rule in enumerate(ruleset.rules, start=1):
        row = (
            str(number), rule.direction, rule.protocol, str(rule.source), str(rule.destination),
            rule.ports.format(","), rule.purpose(options.lang), " ".join(rule.components),
        )
        writer.writerow([neutralise_cell(cell) for cell in row])
    text = out.getvalue()
    return ("\ufeff" + text) if options.csv_german else text


def render_text(ruleset: RuleSet, options: RenderOptions = RenderOptions()) -> str:
    lang = options.lang
    lines: list[str] = []
    if ruleset.rules:
        rows = [_HEADINGS[lang]]
        for number, rule in enumerate(ruleset.rules, start=1):
            rows.append((
                str(number), DIRECTION_WORDS[lang][rule.direction], rule.protocol, rule.source.label(lang),
                rule.destination.label(lang), rule.ports.format(","), rule.purpose(lang),
            ))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
            lines.append("  ".join(cells).rstrip())
        lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(rows[0][-1]))
    else:
        lines.append(_NO_RULES[lang])
    if ruleset.notices:
        lines.append("")
        lines.append(f"{_NOTICE_HEADING[lang]}:")
        lines.extend(f"- {notice.text.get(lang)}" for notice in ruleset.notices)
    if ruleset.caveat.get(lang):
        lines.append("")
        lines.append(ruleset.caveat.get(lang))
    return "\n".join(lines) + "\n"


def rule_to_json(rule: Rule, number: int, lang: str) -> dict:
    return {
        "rule": number,
        "direction": rule.direction,
        "protocol": rule.protocol,
        "source": str(rule.source),
        "destination": str(rule.destination),
        "ports": [[r.lo, r.hi] for r in rule.ports.ranges],
        "purpose": rule.purpose(lang),
        "components": list(rule.components),
        "extra_ports": [[r.lo, r.hi] for r in rule.extra_ports.ranges],
        "part": [rule.part, rule.parts],
        "provenance": [
            {
                "component": p.origin.component_id,
                "section": p.origin.section,
                "article": p.origin.article,
                "purpose": p.origin.purpose.get(lang),
                "alternatives": p.origin.alternatives,
                "ports": [[r.lo, r.hi] for r in p.ports.ranges],
                **({"via": p.via} if p.via else {}),
            }
            for p in rule.provenance
        ],
    }


def render_json(ruleset: RuleSet, options: RenderOptions = RenderOptions()) -> str:
    import json

    lang = options.lang
    document = {
        "rules": [rule_to_json(rule, n, lang) for n, rule in enumerate(ruleset.rules, start=1)],
        "warnings": [
            {"code": n.code, "message": n.text.get(lang), "components": list(n.components)} for n in ruleset.notices
        ],
        "caveat": ruleset.caveat.get(lang),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


Renderer = Callable[[RuleSet, RenderOptions], str]

CORE_FORMATS: dict[str, Renderer] = {"csv": render_csv, "text": render_text, "json": render_json}
