"""Every key of the planner, in one table: it makes the bindings, the help screen's rows, the command
palette's entries and the footer's labels.

The table is in the help screen's order. ``slot`` orders the app's own bindings, and so the main
screen's footer, where that order differs. The footer translates its labels itself (``label_key``):
the bindings keep the English label as their description, and the screens (``TranslatedBindings``)
give Textual's keys panel the translated one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding, BindingType

from fwplan.i18n import say


class Place(StrEnum):
    """Where a key applies."""

    APP = "app"  # the app's, on every screen (quit, palette, focus moves)
    MAIN = "main"  # the app's, acting only while the main screen is on top
    TREE = "tree"  # the component tree's
    FOCUSED = "focused"  # Textual's own keys of the focused widget (focus, cursor): in the help only
    HELP = "help"  # the help view's close keys
    NOTES = "notes"  # the notes view's close keys
    READING = "reading"  # the help and notes views' scroll, quit and palette keys
    PROBE = "probe"  # the on-site check
    DIALOG = "dialog"  # every dialog that asks (quit, open, save, export)
    EXPORT_DIALOG = "export_dialog"  # the export dialog's own
    CHECKBOX = "checkbox"  # a checkbox in a dialog


#: the places the main screen's keys live in: their app actions do nothing under a dialog
MAIN_SCREEN = frozenset({Place.MAIN, Place.TREE})


@dataclass(frozen=True, slots=True)
class Key:
    """One key (or several keys for one action) and what the planner says about it."""

    where: Place
    bind: tuple[str, ...] = ()  # the Textual key names bound; empty: Textual's widgets handle them
    action: str | None = None  # the action the binding runs, in the namespace of ``where``
    label: str | None = None  # i18n key of its footer label
    footer: bool = True  # shown in the footer (only the first of ``bind`` is)
    group: str | None = None  # keys of one group share one footer item, under their label
    help: str | None = None  # i18n key of its description in the help screen and the palette
    names: str = ""  # the keys as the help screen and the palette name them, where not ``bind`` as shown
    key_display: str | None = None  # how the footer shows the key, where not as Textual does
    priority: bool = False
    in_palette: bool = True  # the command palette offers it (a main screen or app key with a description)
    command: str | None = None  # the app action the palette runs, where not ``action``
    slot: int = 0  # the place among the bindings of its node, where not the table's order

    @property
    def keys(self) -> str:
        """The keys as the help screen and the palette name them."""
        return self.names or ", ".join(self.key_display or key for key in self.bind)

    @property
    def palette_action(self) -> str | None:
        """The app action the command palette runs; None when the palette does not offer the key."""
        if not self.in_palette or self.help is None or self.where not in (*MAIN_SCREEN, Place.APP):
            return None
        return self.command or self.action


_COPY = "copy"
_FILE = "file"
_SCROLL = "scroll_text('{}')"
_SCROLL_DISPLAY = "↑↓ pgup pgdn home end"

KEYS: tuple[Key, ...] = (
    # the main screen, in the help screen's order
    Key(
        Place.TREE,
        ("space",),
        "toggle_check",
        "key.toggle",
        help="help.toggle",
        names="space, enter",
        command="toggle_focused",
    ),
    Key(Place.FOCUSED, help="help.focus", names="tab, shift+tab"),
    Key(Place.FOCUSED, help="help.move", names="↑ ↓ ← →, pgup, pgdn"),
    Key(Place.TREE, ("left",), "collapse", "key.collapse", footer=False),
    Key(Place.TREE, ("right",), "expand", "key.expand", footer=False),
    Key(Place.MAIN, ("c",), "copy_ports", "key.copy", group=_COPY, help="help.copy_ports", slot=1),
    Key(Place.MAIN, ("y",), "copy_rules", "key.copy", group=_COPY, help="help.copy_rules", slot=2),
    Key(Place.MAIN, ("e",), "export", "key.export", help="help.export", slot=3),
    Key(Place.MAIN, ("ctrl+s",), "save", "key.file", group=_FILE, help="help.save", slot=4),
    Key(Place.MAIN, ("ctrl+o",), "open", "key.file", group=_FILE, help="help.open", slot=5),
    Key(Place.MAIN, ("l",), "switch_language", "key.language", help="help.language", slot=8),
    Key(Place.MAIN, ("d",), "next_dialect", "key.dialect", help="help.dialect", slot=9),
    Key(Place.MAIN, ("p",), "probe", "key.probe", help="help.probe", slot=10),
    Key(Place.MAIN, ("n",), "notes", "key.notes", help="help.notes", slot=11),
    Key(Place.MAIN, ("question_mark",), "help", "key.help", help="help.help", key_display="?", slot=6),
    Key(
        Place.APP,
        ("ctrl+p",),
        "command_palette",
        "key.palette",
        help="help.palette",
        priority=True,
        in_palette=False,
        slot=12,
    ),
    Key(Place.APP, ("ctrl+q",), "request_quit", "key.quit", help="help.quit", priority=True, slot=7),
    # focus moves, on every screen: priority bindings act when the key arrives, so the keys typed behind a tab
    # go to the field it moves to (a screen's own tab binding acts only after the focused widget passed the key
    # back up, and the keys behind it overtook it); the help names them in its "tab, shift+tab" row above
    Key(Place.APP, ("tab",), "focus_next", footer=False, priority=True, in_palette=False, slot=13),
    Key(Place.APP, ("shift+tab",), "focus_previous", footer=False, priority=True, in_palette=False, slot=14),
    # the help and notes views: close, scroll, and the app's quit and palette keys, which act there too (these
    # only show them in the view's footer)
    Key(Place.HELP, ("escape", "question_mark", "q"), "close", "key.close", key_display="esc ? q"),
    Key(Place.NOTES, ("escape", "n", "q"), "close", "key.close", key_display="esc n q"),
    Key(Place.READING, ("down",), _SCROLL.format("scroll_down"), "key.scroll", key_display=_SCROLL_DISPLAY),
    Key(Place.READING, ("up",), _SCROLL.format("scroll_up"), "key.scroll", footer=False),
    Key(Place.READING, ("pagedown",), _SCROLL.format("page_down"), "key.scroll", footer=False),
    Key(Place.READING, ("pageup",), _SCROLL.format("page_up"), "key.scroll", footer=False),
    Key(Place.READING, ("home",), _SCROLL.format("scroll_home"), "key.scroll", footer=False),
    Key(Place.READING, ("end",), _SCROLL.format("scroll_end"), "key.scroll", footer=False),
    Key(Place.READING, ("ctrl+q",), "app.request_quit", "key.quit"),
    Key(Place.READING, ("ctrl+p",), "app.command_palette", "key.palette"),
    # the on-site check
    Key(Place.PROBE, ("escape",), "cancel_or_close", "probe.key.cancel"),
    Key(Place.PROBE, ("r",), "run_again", "probe.key.again"),
    # the dialogs: none of these shows in a footer
    Key(Place.DIALOG, ("escape",), "cancel", "dialog.cancel", footer=False),
    # on a checkbox: the inputs submit themselves
    Key(Place.EXPORT_DIALOG, ("enter",), "submit", "dialog.export", footer=False),
    # space ticks it; enter is left to the dialog
    Key(Place.CHECKBOX, ("space",), "toggle_button", "key.toggle", footer=False),
)


def bindings(*places: Place) -> list[BindingType]:
    """The Textual bindings of the keys of ``places``, described by their English labels."""
    chosen = sorted((key for key in KEYS if key.where in places and key.bind), key=lambda key: key.slot)
    made: list[BindingType] = []
    for key in chosen:
        assert key.action is not None, key
        description = say(key.label, "en") if key.label else ""
        group = Binding.Group(description) if key.group else None
        for number, name in enumerate(key.bind):
            made.append(
                Binding(
                    name,
                    key.action,
                    description,
                    show=key.footer and not number,
                    key_display=None if number else key.key_display,
                    priority=key.priority,
                    group=group,
                )
            )
    return made


def help_rows() -> tuple[Key, ...]:
    """The keys the help screen lists, in its order."""
    return tuple(key for key in KEYS if key.help is not None and key.where in (*MAIN_SCREEN, Place.APP, Place.FOCUSED))


def palette_keys() -> tuple[Key, ...]:
    """The keys whose action the command palette offers, in the help screen's order."""
    return tuple(key for key in KEYS if key.palette_action is not None)


#: the app actions that act only on the main screen, not under a dialog
MAIN_SCREEN_ACTIONS = frozenset(
    {key.action for key in KEYS if key.where is Place.MAIN and key.action is not None}
    | {action for key in KEYS if key.where in MAIN_SCREEN and (action := key.palette_action) is not None}
)


def _label_keys() -> dict[str, str]:
    labels: dict[str, str] = {}
    for key in KEYS:
        if key.label is not None and key.action is not None and labels.setdefault(key.action, key.label) != key.label:
            raise ValueError(f"keymap: the action {key.action!r} has two labels")
    return labels


_LABELS = _label_keys()


def label_key(action: str) -> str | None:
    """The i18n key of the footer label of the binding that runs ``action``; None for an action not in the table."""
    return _LABELS.get(action)


def help_key(action: str) -> str | None:
    """The i18n key of the long description of the key that runs ``action``, if it has one."""
    return next((key.help for key in KEYS if key.action == action and key.help is not None), None)
