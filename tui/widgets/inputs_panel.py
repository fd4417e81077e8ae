"""The two plan inputs, checked as they are typed: the problem shows inline, in words."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from fwplan.plan import LanAddress, PbxHost, PlanError, parse_host, parse_lan
from tui.i18n import t


class InputsPanel(Vertical):
    """LAN address and PBX hostname. Only valid values are reported; an invalid one leaves the rules alone."""

    class InputsChanged(Message):
        """A field now holds a different valid value (an empty field is valid: the input is missing)."""

        def __init__(self, panel: InputsPanel, lan: LanAddress | None, host: PbxHost | None) -> None:
            super().__init__()
            self.panel = panel
            self.lan = lan
            self.host = host

        @property
        def control(self) -> InputsPanel:
            return self.panel

    def __init__(self, lan: LanAddress | None, host: PbxHost | None, lang: str, cursor_blink: bool = True,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.lan = lan
        self.host = host
        self._cursor_blink = cursor_blink
        self._errors: dict[str, str | None] = {"lan": None, "host": None}
        self._needed_by: dict[str, tuple[str, ...]] = {"lan": (), "host": ()}

    def compose(self) -> ComposeResult:
        for field, value in (("lan", self.lan.text if self.lan else ""), ("host", self.host.typed if self.host else "")):
            with Horizontal(classes="field-row"):
                yield Label(t(f"input.{field}", self.lang), id=f"{field}-label", classes="field-label")
                yield Input(value, placeholder=t(f"input.{field}.placeholder", self.lang), id=f"{field}-input",
                            compact=True, select_on_focus=False)
            yield Static("", id=f"{field}-message", classes="field-message")

    def on_mount(self) -> None:
        for field in ("lan", "host"):
            self.query_one(f"#{field}-input", Input).cursor_blink = self._cursor_blink
        self._show_messages()

    # ---- what the app tells the panel ----
    def set_values(self, lan: LanAddress | None, host: PbxHost | None) -> None:
        """Show another plan's inputs (an opened file)."""
        self.lan, self.host = lan, host
        self._errors = {"lan": None, "host": None}
        with self.prevent(Input.Changed):
            self.query_one("#lan-input", Input).value = lan.text if lan else ""
            self.query_one("#host-input", Input).value = host.typed if host else ""
        self._show_messages()

    def show_needed_by(self, lan_names: tuple[str, ...], host_names: tuple[str, ...]) -> None:
        self._needed_by = {"lan": lan_names, "host": host_names}
        self._show_messages()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        for field in ("lan", "host"):
            self.query_one(f"#{field}-label", Label).update(t(f"input.{field}", lang))
            self.query_one(f"#{field}-input", Input).placeholder = t(f"input.{field}.placeholder", lang)
        for field in ("lan", "host"):
            if self._errors[field] is not None:
                self._validate(field, self.query_one(f"#{field}-input", Input).value)
        self._show_messages()

    def error(self, field: str) -> str | None:
        return self._errors[field]

    # ---- validation ----
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = "lan" if event.input.id == "lan-input" else "host"
        before = (self.lan, self.host)
        self._validate(field, event.value)
        self._show_messages()
        if (self.lan, self.host) != before:
            self.post_message(self.InputsChanged(self, self.lan, self.host))

    def _validate(self, field: str, value: str) -> None:
        try:
            if field == "lan":
                self.lan = parse_lan(value) if value.strip() else None
            else:
                host = parse_host(value) if value.strip() else None
                if host is None or self.host is None or host.value != self.host.value:
                    self.host = host
            self._errors[field] = None
        except PlanError as exc:
            self._errors[field] = t("input.invalid", self.lang, message=exc.message(self.lang))

    def _show_messages(self) -> None:
        for field in ("lan", "host"):
            message = self.query_one(f"#{field}-message", Static)
            error = self._errors[field]
            message.set_class(error is not None, "-invalid")
            self.query_one(f"#{field}-input", Input).set_class(error is not None, "-invalid")
            if error is not None:
                message.update(Text(f"✗ {error}"))
            elif self._needed_by[field]:
                names = ", ".join(self._needed_by[field])
                message.update(Text(t("input.needed_by", self.lang, names=names), no_wrap=True, overflow="ellipsis"))
            else:
                message.update(Text(t("input.not_needed", self.lang), no_wrap=True, overflow="ellipsis"))
