"""Every note and condition of the article for the ticked components, each under its product and component;
then the conditional components of those products that are not ticked, with their conditions."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text

from fwplan.catalog import Catalog
from fwplan.i18n import say
from fwplan.merge import PlanNote
from tui.keymap import Place, bindings
from tui.screens.reading import ReadingScreen


def _where(catalog: Catalog, component_id: str, lang: str) -> str:
    component = catalog.component(component_id)
    return f"{catalog.product(component.product_id).name.get(lang)} › {component.name.get(lang)}"


def unticked_conditional(catalog: Catalog, selected: tuple[str, ...]) -> tuple[str, ...]:
    """The conditional components, not ticked, of the products that have a ticked component."""
    products = {catalog.component(c).product_id for c in selected}
    return tuple(
        c.id for c in catalog.components if c.is_conditional and c.product_id in products and c.id not in selected
    )


def notes_text(catalog: Catalog, selected: tuple[str, ...], notes: tuple[PlanNote, ...], lang: str) -> Text:
    text = Text()
    text.append(say("notes.title", lang) + "\n", style="bold")
    if not notes:
        text.append("\n" + say("notes.none", lang) + "\n")
    for _component, component_notes in groupby(notes, key=lambda note: note.component_id):
        group = list(component_notes)
        text.append("\n" + group[0].where.get(lang) + "\n", style="bold")
        for note in group:
            if note.kind == "condition":
                text.append(f" * {say('notes.condition', lang)}: ", style="italic")
                text.append(note.text.get(lang) + "\n")
            else:
                text.append(f" • {note.text.get(lang)}\n")
    unticked = unticked_conditional(catalog, selected)
    if unticked:
        text.append("\n" + say("notes.unticked", lang) + "\n", style="bold")
        for component_id in unticked:
            condition = catalog.component(component_id).condition
            assert condition is not None  # a conditional component has one
            text.append(f"\n☐ {_where(catalog, component_id, lang)}\n")
            text.append(f"   {say('notes.condition', lang)}: ", style="italic")
            text.append(condition.text.get(lang) + "\n")
    text.append("\n" + say("help.close", lang), style="dim")
    return text


class NotesScreen(ReadingScreen):
    """esc, n or q closes it; the arrows and pages scroll it; its Footer says so."""

    BINDINGS = bindings(Place.NOTES, Place.READING)
    dialog_id = "notes-dialog"
    text_id = "notes-text"

    def __init__(self, catalog: Catalog, selected: tuple[str, ...], notes: tuple[PlanNote, ...], lang: str) -> None:
        super().__init__(lang)
        self.catalog = catalog
        self.selected = selected
        self.notes = notes

    def text(self) -> Text:
        return notes_text(self.catalog, self.selected, self.notes, self.lang)
