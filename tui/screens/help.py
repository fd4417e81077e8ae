"""Every key, in the current language."""

from __future__ import annotations

from rich.text import Text

from fwplan.catalog import SCOPES
from fwplan.formats import SCOPE_TITLES
from fwplan.i18n import say
from tui.keymap import Place, bindings, help_rows
from tui.screens.reading import ReadingScreen
from tui.widgets.component_tree import CHECKED, PARTIAL, UNCHECKED
from tui.widgets.rules_table import CONDITIONAL_MARK, scope_mark


def _marks(lang: str) -> list[tuple[str, str]]:
    """The marks of the tree and the rule table, and what each means."""
    marks = [
        (f"{CHECKED} {PARTIAL} {UNCHECKED}", say("help.mark.ticked", lang)),
        (f"{CHECKED}+N", say("help.mark.plus", lang)),
        (f"{UNCHECKED} {CONDITIONAL_MARK}", say("help.mark.conditional_item", lang)),
        (f"6{CONDITIONAL_MARK}", say("help.mark.conditional", lang)),
    ]
    column = say("table.col.scope", lang)
    marks.extend(
        (scope_mark(scope, lang), say("help.mark.scope", lang, column=column, title=SCOPE_TITLES[scope].get(lang)))
        for scope in SCOPES
    )
    return marks


def help_text(lang: str) -> Text:
    text = Text()
    text.append(say("help.title", lang) + "\n\n", style="bold")
    rows = help_rows()
    width = max(len(k.keys) for k in rows)
    for key in rows:
        assert key.help is not None
        text.append(key.keys.ljust(width + 2), style="bold")
        text.append(say(key.help, lang) + "\n")
    text.append("\n" + say("help.marks", lang) + "\n\n", style="bold")
    for mark, line in _marks(lang):
        text.append(mark.ljust(width + 2), style="bold")
        text.append(line + "\n")
    text.append("\n" + say("help.mouse", lang) + "\n")
    text.append(say("help.close", lang), style="dim")
    return text


class HelpScreen(ReadingScreen):
    """esc, ? or q closes it; the arrows and pages scroll it; its Footer says so."""

    BINDINGS = bindings(Place.HELP, Place.READING)
    dialog_id = "help-dialog"
    text_id = "help-text"

    def text(self) -> Text:
        return help_text(self.lang)
