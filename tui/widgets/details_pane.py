"""Why the highlighted rule exists, its port list in the chosen dialect, and the plan's warnings."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from fwplan.catalog import Catalog
from fwplan.merge import Rule, RuleSet
from tui.dialect import format_ports
from tui.i18n import t


def describe(catalog: Catalog, rule: Rule | None, number: int | None, ruleset: RuleSet, lang: str,
             dialect: str) -> Text:
    text = Text()
    if rule is None:
        text.append(t("details.none", lang) + "\n")
    else:
        arrow = f"{rule.source.label(lang)} → {rule.destination.label(lang)}"
        text.append(f"{t('details.rule', lang, number=number)}: ", style="bold")
        text.append(f"{t(f'dir.{rule.direction}', lang)} {rule.protocol} {arrow}\n")
        text.append(f"{t('details.ports', lang, dialect=dialect)}: ", style="bold")
        text.append(format_ports(rule.ports, dialect) + "\n")
        text.append(f"{t('details.why', lang)}:\n", style="bold")
        for provenance in rule.provenance:
            origin = provenance.origin
            name = catalog.component(origin.component_id).name.get(lang)
            text.append(f" • {name}: {provenance.ports.format(',')} ({origin.purpose.get(lang)})\n")
            if origin.article:
                text.append(f"   {t('details.article', lang)} [{origin.section}]: „{origin.article}“\n", style="dim")
            if origin.alternatives:
                text.append(f"   {t('details.alternatives', lang)}\n", style="italic")
            if provenance.via:
                text.append(f"   {t('details.via', lang, via=provenance.via)}\n", style="italic")
    text.append(f"{t('details.warnings', lang)}:\n", style="bold")
    if ruleset.notices:
        for notice in ruleset.notices:
            text.append(f" ! {notice.text.get(lang)}\n")
    else:
        text.append(f" {t('details.no_warnings', lang)}\n")
    text.rstrip()
    return text


class DetailsPane(VerticalScroll):
    """Scrollable; it can take the focus so that long explanations are readable by keyboard."""

    def compose(self):
        yield Static("", id="details-text")

    def show(self, text: Text) -> None:
        self.query_one("#details-text", Static).update(text)

    @property
    def plain(self) -> str:
        return str(self.query_one("#details-text", Static).content)
