"""Markdown: the rule set for tickets and documentation: what it was made from, one table per scope (with
where those rules go, each port's purposes, conditional rules marked and their condition below), the
article's notes, the warnings and the caveat.

Syntax: CommonMark 0.31 (https://spec.commonmark.org/0.31.2/) and GitHub
Flavored Markdown tables (https://github.github.com/gfm/#tables-extension-):
``|`` inside a cell is escaped as ``\\|``; emphasis, code, link and strike marks
are backslash-escaped (any ASCII punctuation may be), a leading block marker
too, and ``<``/``>``/``&`` are written as entities so that no HTML is formed.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import ExportContext, one_line
from exporters.dialects import format_ports
from fwplan.formats import (
    SCOPE_SENTENCES,
    direction_word,
    header_facts,
    note_lines,
    omitted_line,
    port_purpose_lines,
    scope_title,
)
from fwplan.i18n import say
from fwplan.merge import Limits, Rule, RuleSet

_ESCAPE = "\\`*_[]|~"
_LEADING = "#+-=>!"
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}

#: The table's columns, each with the key of its heading.
COLUMNS = {
    "direction": "col.direction",
    "protocol": "col.protocol",
    "source": "col.source",
    "destination": "col.destination",
    "ports": "col.ports",
    "port_purposes": "col.port_purposes",
}
#: A conditional rule's number carries it; a line under its table gives the condition.
CONDITION_MARK = "*"


def md(text: str) -> str:
    """Inline Markdown text that renders as exactly ``text``: no markup, no HTML, no table break."""
    out = []
    for ch in one_line(text):
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _ESCAPE:
            out.append("\\" + ch)
        else:
            out.append(ch)
    if out and out[0] in _LEADING:
        out[0] = "\\" + out[0]
    # "1. " or "1) " at the start would begin an ordered list
    head = "".join(out[:11])
    digits = len(head) - len(head.lstrip("0123456789"))
    if digits and len(out) > digits and out[digits] in ".)" and (len(out) == digits + 1 or out[digits + 1] == " "):
        out[digits] = "\\" + out[digits]
    return "".join(out)


@dataclass(frozen=True)
class MarkdownExporter:
    name: str = "markdown"
    suffix: str = ".md"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = True
    options: frozenset[str] = frozenset()
    interfaces: tuple[str, str] | None = None

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        """The facts, one table per scope with the sentence on where its rules go, then the notes."""
        lang = context.lang
        out = [f"# {md(say('markdown.title', lang))}\n\n"]
        out.extend(f"- {md(line)}\n" for line in header_facts(context.catalog, context.plan, lang))
        numbered = ruleset.numbered()
        if not numbered:
            out.append(f"\n{md(say('markdown.no_rules', lang))}\n")
        for scope in ruleset.scopes:
            out.append(f"\n## {md(scope_title(scope, lang))}\n\n{md(SCOPE_SENTENCES[scope].get(lang))}\n\n")
            out.extend(self._table([(n, r) for n, r in numbered if r.scope == scope], lang))
        omitted = omitted_line(ruleset, lang)
        if omitted:
            out.append(f"\n{md(omitted)}\n")
        for heading, lines in (
            ("markdown.article_notes", note_lines(ruleset, lang)),
            ("markdown.warnings", [n.text.get(lang) for n in ruleset.notices]),
        ):
            if lines:
                out.append(f"\n## {md(say(heading, lang))}\n\n")
                out.extend(f"- {md(line)}\n" for line in lines)
        if ruleset.caveat.get(lang):
            out.append(f"\n> **{md(ruleset.caveat.get(lang))}**\n")
        return "".join(out)

    @staticmethod
    def _table(numbered: list[tuple[str, Rule]], lang: str) -> list[str]:
        """A scope's rules as a table, each port with its purposes; a conditional rule marked, its condition below."""
        headings = ("#", *(say(key, lang) for key in COLUMNS.values()))
        out = ["| " + " | ".join(md(h) for h in headings) + " |\n", "|" + "|".join(["---"] * len(headings)) + "|\n"]
        conditions: dict[str, list[str]] = {}
        for label, rule in numbered:
            mark = CONDITION_MARK if rule.condition is not None else ""
            if mark:
                conditions.setdefault(rule.condition_text(lang), []).append(label)
            purposes = "<br>".join(md(line) for line in port_purpose_lines(rule, lang, ", "))
            cells = (
                f"{label}{mark}",
                direction_word(rule.direction, lang),
                rule.protocol,
                rule.source.label(lang),
                rule.destination.label(lang),
                format_ports(rule.ports, "markdown"),
            )
            out.append("| " + " | ".join(md(c) for c in cells) + f" | {purposes} |\n")
        if conditions:
            out.append("\n")
        for text, labels in conditions.items():
            key = "markdown.condition.one" if len(labels) == 1 else "markdown.condition.many"
            out.append(f"- {md(say(key, lang, mark=CONDITION_MARK, numbers=', '.join(labels), text=text))}\n")
        return out


EXPORTER = MarkdownExporter()
