"""The site router's settings in the export dialog: interfaces, NAT, masquerade, name prefix, plain ACL."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from fwplan.i18n import say
from fwplan.plan import ExportPrefs, PlanError, parse_interface, parse_name_prefix
from tui.widgets.option_checkbox import OptionCheckbox

#: Every router setting -> the i18n key of its label, in the order the dialog shows them.
LABEL_KEYS = {
    "wan_if": "router.wan_if",
    "lan_if": "router.lan_if",
    "nat": "router.nat",
    "masquerade": "router.masquerade",
    "name_prefix": "router.name_prefix",
    "plain_acl": "router.plain_acl",
}
#: Every router setting, in the order the dialog shows them (the keys of ``fwplan export``'s options).
FIELDS = tuple(LABEL_KEYS)
#: on/off setting -> i18n key of its box's text
CHECK_KEYS = {"nat": "router.nat.text", "masquerade": "router.masquerade.text", "plain_acl": "router.plain_acl.text"}
#: The typed settings and what checks them; the others are on/off.
PARSERS = {"wan_if": parse_interface, "lan_if": parse_interface, "name_prefix": parse_name_prefix}


class RouterSettingsForm(Vertical):
    """One row a setting, prefilled from the plan's ``[export]``; only the chosen format's settings show.

    A typed value is checked as it is typed and its problem shows below it, in one line. An empty field
    is not set: the format's default applies (the placeholder names it). A tick that equals the default
    is not set either, so the plan file keeps only what the user changed.
    """

    def __init__(
        self, prefs: ExportPrefs, defaults: dict[str, object], lang: str, cursor_blink: bool = True, **kwargs: Any
    ) -> None:
        """``defaults``: each setting's value when it is not set (``nat``: True, ``name_prefix``: "fwplan")."""
        super().__init__(**kwargs)
        self.prefs = prefs
        self.defaults = defaults
        self.lang = lang
        self._cursor_blink = cursor_blink
        self._errors: dict[str, str | None] = dict.fromkeys(PARSERS)
        self.shown: frozenset[str] = frozenset(FIELDS)

    def compose(self) -> ComposeResult:
        for field in FIELDS:
            value = getattr(self.prefs, field)
            with Horizontal(id=f"{field}-row", classes="field-row"):
                yield Label(say(LABEL_KEYS[field], self.lang), classes="field-label")
                if field in PARSERS:
                    yield Input(value or "", id=f"{field}-input", compact=True, select_on_focus=False)
                else:
                    ticked = self.defaults[field] if value is None else value
                    yield OptionCheckbox(Text(say(CHECK_KEYS[field], self.lang)), bool(ticked), id=f"{field}-check")
            if field in PARSERS:
                yield Static("", id=f"{field}-message", classes="field-message -invalid")

    def on_mount(self) -> None:
        for field in PARSERS:
            field_input = self.query_one(f"#{field}-input", Input)
            field_input.cursor_blink = self._cursor_blink
            self._validate(field, field_input.value)
        self._show()

    def show_options(self, accepted: frozenset[str], interfaces: tuple[str, str] | None) -> None:
        """Show the settings the format applies, hide the others; the placeholders name its defaults."""
        self.shown = frozenset(field for field in FIELDS if field in accepted)
        for field, default in zip(("wan_if", "lan_if"), interfaces or (None, None)):
            placeholder = (
                say("router.default", self.lang, value=default) if default else say("router.format_default", self.lang)
            )
            self.query_one(f"#{field}-input", Input).placeholder = placeholder
        self.query_one("#name_prefix-input", Input).placeholder = say(
            "router.default", self.lang, value=self.defaults["name_prefix"]
        )
        self.display = bool(self.shown)
        self._show()

    def problem(self) -> str | None:
        """The first shown setting that is not valid, focused, with its problem; None when all are."""
        for field in PARSERS:
            if field in self.shown and self._errors[field] is not None:
                self.query_one(f"#{field}-input", Input).focus()
                return self._errors[field]
        return None

    def chosen(self) -> ExportPrefs:
        """The plan's ``[export]`` with the shown settings as they are now (call when ``problem`` is None).

        Settings of other formats stay as they were: they are hidden, not cleared.
        """
        values: dict[str, Any] = {}  # each field's type is ExportPrefs's
        for field in self.shown:
            if field in PARSERS:
                text = self.query_one(f"#{field}-input", Input).value
                values[field] = PARSERS[field](text) if text.strip() else None
            else:
                ticked = self.query_one(f"#{field}-check", OptionCheckbox).value
                values[field] = None if ticked == self.defaults[field] else ticked
        return self.prefs._replace(**values)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._validate((event.input.id or "").removesuffix("-input"), event.value)
        self._show()

    def _validate(self, field: str, value: str) -> None:
        try:
            if value.strip():
                PARSERS[field](value)
            self._errors[field] = None
        except PlanError as exc:
            self._errors[field] = exc.message(self.lang)

    def _show(self) -> None:
        for field in FIELDS:
            self.query_one(f"#{field}-row").display = field in self.shown
        for field, error in self._errors.items():
            message = self.query_one(f"#{field}-message", Static)
            message.display = field in self.shown and error is not None
            message.update(Text("✗ " + error) if error else "")
            self.query_one(f"#{field}-input", Input).set_class(error is not None, "-invalid")
