"""The highlighted rule: where it goes, when it is needed, its port list in the chosen dialect, which port
serves which purpose, why it exists, the article's notes on its components; then the plan's warnings.

While the cursor moves in the tree, the item under it comes first: its full name (the tree cuts long
names below 200 columns) and, for a conditional item, its condition. New content shows from its top, so
that name is in sight at every size."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from fwplan.catalog import Catalog
from fwplan.formats import SCOPE_SENTENCES, SCOPE_TITLES
from fwplan.i18n import say
from fwplan.merge import PlanNote, Rule, RuleSet
from tui.dialect import format_ports
from tui.widgets.component_tree import NodeRef
from tui.widgets.rules_table import CONDITIONAL_MARK, rule_label, scope_mark, short_direction


def rule_notes(rule: Rule, ruleset: RuleSet) -> tuple[PlanNote, ...]:
    """The notes and conditions of the components behind the rule, less the rule's own condition."""
    own = rule.condition.text if rule.condition is not None else None
    components = set(rule.components)
    return tuple(
        n for n in ruleset.notes if n.component_id in components and not (n.kind == "condition" and n.text == own)
    )


def describe_item(catalog: Catalog, ref: NodeRef, lang: str) -> Text:
    """The tree item under the cursor: product and name in full; a conditional item's condition."""
    text = Text()
    if ref.kind == "product":
        text.append(catalog.product(ref.id).name.get(lang), style="bold")
        return text
    component = catalog.component(ref.id)
    text.append(f"{catalog.product(component.product_id).name.get(lang)} › ", style="bold")
    if component.condition is not None:
        text.append(CONDITIONAL_MARK, style="bold")
    text.append(component.name.get(lang), style="bold")
    if component.condition is not None:
        text.append(f"\n{CONDITIONAL_MARK} {say('notes.condition', lang)}: ", style="bold")
        text.append(component.condition.text.get(lang))
        text.append(f"\n{say('details.conditional_item', lang)}", style="italic")
    return text


def describe(catalog: Catalog, rule: Rule | None, label: str | None, ruleset: RuleSet, lang: str, dialect: str) -> Text:
    """The rule's details; ``label`` is its label from ``RuleSet.numbered``, as every export numbers it."""
    text = Text()
    if rule is None:
        text.append(say("details.none", lang) + "\n")
    else:
        arrow = f"{rule.source.label(lang)} → {rule.destination.label(lang)}"
        text.append(f"{say('details.rule', lang, number=rule_label(rule, label or ''))}: ", style="bold")
        text.append(f"{short_direction(rule.direction, lang)} {rule.protocol} {arrow}\n")
        text.append(f"{say('details.ports', lang, dialect=dialect)}: ", style="bold")
        text.append(format_ports(rule.ports, dialect) + "\n")
        if rule.condition is not None:
            text.append(f"* {say('notes.condition', lang)}: ", style="bold")
            text.append(rule.condition_text(lang) + "\n")
        text.append(f"{say('details.scope', lang)} ({scope_mark(rule.scope, lang)}): ", style="bold")
        text.append(f"{SCOPE_TITLES[rule.scope].get(lang)}. {SCOPE_SENTENCES[rule.scope].get(lang)}\n")
        text.append(f"{say('details.port_purposes', lang)}:\n", style="bold")
        for ports, purposes in rule.port_purposes(lang):
            text.append(f" • {ports.format(',')}: {'; '.join(purposes)}\n")
        text.append(f"{say('details.why', lang)}:\n", style="bold")
        for provenance in rule.provenance:
            origin = provenance.origin
            name = catalog.component(origin.component_id).name.get(lang)
            text.append(f" • {name}: {provenance.ports.format(',')} ({origin.purpose.get(lang)})\n")
            if origin.article:
                text.append(f"   {say('details.article', lang)} [{origin.section}]: „{origin.article}“\n", style="dim")
            if origin.alternatives:
                text.append(f"   {say('details.alternatives', lang)}\n", style="italic")
            if provenance.via:
                text.append(f"   {say('details.via', lang, via=provenance.via)}\n", style="italic")
        notes = rule_notes(rule, ruleset)
        if notes:
            text.append(f"{say('details.notes', lang)}:\n", style="bold")
            for note in notes:
                label = f"{say('notes.condition', lang)}: " if note.kind == "condition" else ""
                text.append(f" • {note.where.get(lang)}: {label}{note.text.get(lang)}\n")
    text.append(f"{say('details.warnings', lang)}:\n", style="bold")
    if ruleset.notices:
        for notice in ruleset.notices:
            text.append(f" ! {notice.text.get(lang)}\n")
    else:
        text.append(f" {say('details.no_warnings', lang)}\n")
    text.rstrip()
    return text


class DetailsPane(VerticalScroll):
    """Scrollable; it can take the focus so that long explanations are readable by keyboard."""

    def compose(self) -> ComposeResult:
        yield Static("", id="details-text")

    def show(self, text: Text) -> None:
        """New content from its top: the item under the tree's cursor and the rule's ports come first."""
        self.query_one("#details-text", Static).update(text)
        self.scroll_home(animate=False)

    @property
    def plain(self) -> str:
        return str(self.query_one("#details-text", Static).content)
