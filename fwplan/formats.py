"""The core's output formats: CSV, an aligned text table, and JSON."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from fwplan.catalog import Catalog, Direction, Scope
from fwplan.i18n import Texts, say
from fwplan.merge import Rule, RuleSet
from fwplan.plan import Plan
from fwplan.table import aligned

CSV_HEADER = (
    "rule",
    "direction",
    "protocol",
    "source",
    "destination",
    "ports",
    "purpose",
    "components",
    "condition",
    "scope",
)
# OWASP ASVS 5.0 V1.2.10: a cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _headings(lang: str) -> tuple[str, ...]:
    """The text table's column headings; ``#`` is the rule's number in every language."""
    return (
        "#",
        say("col.direction", lang),
        say("col.protocol", lang),
        say("col.source", lang),
        say("col.destination", lang),
        say("col.ports", lang),
    )


def direction_word(direction: Direction, lang: str) -> str:
    """``outbound``/``inbound`` in ``lang``, as every export and report writes it."""
    return say("dir.inbound", lang) if direction == "inbound" else say("dir.outbound", lang)


#: Each scope's heading and the sentence on where its rules go.
SCOPE_TITLES = Texts(
    {"internet": "text.scope.internet", "internal": "text.scope.internal", "remote": "text.scope.remote"}
)
SCOPE_SENTENCES = Texts(
    {
        "internet": "text.scope.internet.where",
        "internal": "text.scope.internal.where",
        "remote": "text.scope.remote.where",
    }
)


def scope_title(scope: Scope, lang: str) -> str:
    return SCOPE_TITLES[scope].get(lang)


def omitted_line(ruleset: RuleSet, lang: str) -> str:
    """One line on the scopes an export leaves out and the flag that includes them; '' when none."""
    if not ruleset.omitted:
        return ""
    counts = ", ".join(say("text.omitted.count", lang, n=n, scope=scope) for scope, n in ruleset.omitted)
    scopes = ",".join(scope for scope, _ in ruleset.omitted)
    return say("text.omitted", lang, counts=counts, scopes=scopes)


def note_lines(ruleset: RuleSet, lang: str) -> list[str]:
    """Each article note and condition of the selection, labelled with its product and component."""
    lines = []
    for note in ruleset.notes:
        if note.kind == "condition":
            label = f"{say('text.note.condition', lang)}: "
        elif note.kind == "not-selected":
            label = f"{say('text.note.not_selected', lang, id=note.component_id)}: "
        else:
            label = ""
        lines.append(f"{note.where.get(lang)}: {label}{note.text.get(lang)}")
    return lines


def port_purpose_lines(rule: Rule, lang: str, separator: str = ",") -> list[str]:
    """``443, 9443: purpose; other purpose``, one line per group of ports that serve the same purposes."""
    return [f"{ports.format(separator)}: {'; '.join(purposes)}" for ports, purposes in rule.port_purposes(lang)]


def header_facts(catalog: Catalog, plan: Plan, lang: str) -> list[str]:
    """What an export was made from: the catalog and its date, the inputs, the selection."""
    lines = [say("head.catalog", lang, title=catalog.title, version=catalog.data_version)]
    lan, host, router = plan.lan, plan.host, plan.vpn_router
    if lan is None:
        lines.append(say("text.lan.none", lang))
    else:
        prefix = lan.network.rsplit("/", 1)[1]
        assumed = say("text.lan.assumed", lang, prefix=prefix) if lan.prefix_assumed else ""
        lines.append(say("text.lan", lang, address=lan.address, network=lan.network, assumed=assumed))
    lines.append(say("head.host", lang, host=host.value) if host else say("text.host.none", lang))
    if any("vpn" in catalog.needs(c) for c in plan.selected):
        if router:
            lines.append(say("text.vpn", lang, address=router.address))
        elif lan:
            lines.append(say("text.vpn.lan", lang, address=lan.address))
        else:
            lines.append(say("text.vpn.none", lang))
    lines.append(say("head.selected", lang, ids=", ".join(plan.selected) or "-"))
    return lines


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How the core formats render a rule set."""

    lang: str = "en"
    csv_german: bool = False  # ';' separator and a BOM, for spreadsheets in German locales
    #: What the export was made from, for the text and JSON headers; without them the header is left out.
    catalog: Catalog | None = None
    plan: Plan | None = None


def neutralise_cell(value: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with a single quote."""
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(ruleset: RuleSet, options: RenderOptions = RenderOptions()) -> str:
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter=";" if options.csv_german else ",", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL
    )
    writer.writerow(CSV_HEADER)
    for number, rule in ruleset.numbered():
        row = (
            number,
            rule.direction,
            rule.protocol,
            str(rule.source),
            str(rule.destination),
            rule.ports.format(","),
            rule.purpose(options.lang),
            " ".join(rule.components),
            rule.condition_text(options.lang),
            rule.scope,
        )
        writer.writerow([neutralise_cell(cell) for cell in row])
    text = out.getvalue()
    return ("\ufeff" + text) if options.csv_german else text


def render_text(ruleset: RuleSet, options: RenderOptions = RenderOptions()) -> str:
    lang = options.lang
    lines: list[str] = []
    if options.catalog is not None and options.plan is not None:
        lines.extend(header_facts(options.catalog, options.plan, lang))
        lines.append("")
    if not ruleset.rules:
        lines.append(say("text.no_rules.in_scopes" if ruleset.omitted else "text.no_rules", lang))
    numbered = ruleset.numbered()
    for scope in ruleset.scopes:
        rows = [_headings(lang)]
        details: list[list[str]] = [[]]
        for number, rule in numbered:
            if rule.scope != scope:
                continue
            marker = "*" if rule.condition is not None else ""
            rows.append(
                (
                    f"{number}{marker}",
                    direction_word(rule.direction, lang),
                    rule.protocol,
                    rule.source.label(lang),
                    rule.destination.label(lang),
                    rule.ports.format(","),
                )
            )
            extra = [f"    {line}" for line in port_purpose_lines(rule, lang)]
            if rule.condition is not None:
                extra.append(f"    * {say('rule.condition', lang)}: {rule.condition_text(lang)}")
            details.append(extra)
        title = scope_title(scope, lang)
        lines.extend([title, "=" * len(title), SCOPE_SENTENCES[scope].get(lang), ""])
        table = aligned(rows)
        lines.extend(table[:2])
        for line, extra in zip(table[2:], details[1:]):
            lines.append(line)
            lines.extend(extra)
        lines.append("")
    omitted = omitted_line(ruleset, lang)
    if omitted:
        lines.extend([omitted, ""])
    notes = note_lines(ruleset, lang)
    if notes:
        lines.append(f"{say('text.notes', lang)}:")
        lines.extend(f"- {line}" for line in notes)
        lines.append("")
    if ruleset.notices:
        lines.append(f"{say('text.warnings', lang)}:")
        lines.extend(f"- {notice.text.get(lang)}" for notice in ruleset.notices)
        lines.append("")
    if ruleset.caveat.get(lang):
        lines.append(ruleset.caveat.get(lang))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def rule_to_json(rule: Rule, label: str, lang: str) -> dict[str, object]:
    """One rule for scripts: ``rule`` is its number in every format, ``label`` that number with the piece's
    letter where the export splits the rule (6a, 6b)."""
    return {
        "rule": int(label.rstrip("abcdefghijklmnopqrstuvwxyz")),
        "label": label,
        "direction": rule.direction,
        "protocol": rule.protocol,
        "source": str(rule.source),
        "destination": str(rule.destination),
        "ports": [[r.lo, r.hi] for r in rule.ports.ranges],
        "purpose": rule.purpose(lang),
        "port_purposes": [
            {"ports": [[r.lo, r.hi] for r in ports.ranges], "purposes": list(purposes)}
            for ports, purposes in rule.port_purposes(lang)
        ],
        "components": list(rule.components),
        "scope": rule.scope,
        "condition": rule.condition_text(lang) or None,
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
    document: dict[str, object] = {}
    if options.catalog is not None and options.plan is not None:
        document["inputs"] = inputs_json(options.catalog, options.plan)
    document.update(
        {
            "rules": [rule_to_json(rule, label, lang) for label, rule in ruleset.numbered()],
            "omitted": dict(ruleset.omitted),
            "notes": [
                {
                    "component": n.component_id,
                    "kind": n.kind,
                    "where": n.where.get(lang),
                    "article": n.article,
                    "text": n.text.get(lang),
                }
                for n in ruleset.notes
            ],
            "warnings": [
                {"code": n.code, "message": n.text.get(lang), "components": list(n.components)} for n in ruleset.notices
            ],
            "caveat": ruleset.caveat.get(lang),
        }
    )
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def inputs_json(catalog: Catalog, plan: Plan) -> dict[str, object]:
    """What an export was made from, as JSON values."""
    lan, host, vpn = plan.lan, plan.host, plan.vpn_router
    return {
        "catalog": {"title": catalog.title, "data_version": catalog.data_version},
        "lan": {"address": lan.address, "network": lan.network, "prefix_assumed": lan.prefix_assumed} if lan else None,
        "host": host.value if host else None,
        "vpn_router": {"address": vpn.address, "default": False}
        if vpn
        else {"address": lan.address, "default": True}
        if lan
        else None,
        "selected": list(plan.selected),
    }
