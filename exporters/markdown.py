"""Markdown: the rule set as a table for tickets and documentation, with the notes and the caveat.

Syntax: CommonMark 0.31 (https://spec.commonmark.org/0.31.2/) and GitHub
Flavored Markdown tables (https://github.github.com/gfm/#tables-extension-):
``|`` inside a cell is escaped as ``\\|``; emphasis, code, link and strike marks
are backslash-escaped (any ASCII punctuation may be), a leading block marker
too, and ``<``/``>``/``&`` are written as entities so that no HTML is formed.
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters.base import DIRECTION_WORDS, ExportContext, one_line
from exporters.dialects import format_ports
from exporters.words import say
from fwplan.merge import Limits, RuleSet

_ESCAPE = "\\`*_[]|~"
_LEADING = "#+-=>!"
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}

COLUMNS = ("direction", "protocol", "source", "destination", "ports", "purpose")


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
    description: str = "Markdown table for tickets and documentation, with notes and the caveat"
    suffix: str = ".md"
    limits: Limits = Limits()
    fuse_protocols: bool = True
    takes_names: bool = True

    def render(self, ruleset: RuleSet, context: ExportContext) -> str:
        lang = context.lang
        plan = context.plan
        out = [f"# {md(say('markdown.title', lang))}\n\n"]
        facts = [(say("markdown.catalog", lang), f"{context.catalog.title} ({context.catalog.data_version})")]
        if plan.lan is not None:
            facts.append(("LAN", f"{plan.lan.address} ({plan.lan.network})"))
        if plan.host is not None:
            facts.append((say("markdown.host", lang), plan.host.value))
        out.extend(f"- {md(k)}: {md(v)}\n" for k, v in facts)
        out.append("\n")
        headings = ("#", *(say(f"col.{c}", lang) for c in COLUMNS))
        out.append("| " + " | ".join(md(h) for h in headings) + " |\n")
        out.append("|" + "|".join(["---"] * len(headings)) + "|\n")
        for number, rule in enumerate(ruleset.rules, start=1):
            cells = (str(number), DIRECTION_WORDS[lang][rule.direction], rule.protocol, rule.source.label(lang),
                     rule.destination.label(lang), format_ports(rule.ports, "markdown"), rule.purpose(lang))
            out.append("| " + " | ".join(md(c) for c in cells) + " |\n")
        if ruleset.notices:
            out.append(f"\n## {md(say('markdown.notes', lang))}\n\n")
            out.extend(f"- {md(n.text.get(lang))}\n" for n in ruleset.notices)
        if ruleset.caveat.get(lang):
            out.append(f"\n> **{md(ruleset.caveat.get(lang))}**\n")
        return "".join(out)


EXPORTER = MarkdownExporter()
