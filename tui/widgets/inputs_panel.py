"""The plan inputs, checked as they are typed: the problem shows inline, in words."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from fwplan.i18n import say
from fwplan.plan import (
    LanAddress,
    PbxHost,
    Plan,
    PlanError,
    VpnRouter,
    check_vpn_router,
    parse_host,
    parse_lan,
    parse_vpn_router,
)

#: field -> i18n keys of its label and of its placeholder
FIELD_KEYS = {
    "lan": ("input.lan", "input.lan.placeholder"),
    "host": ("input.host", "input.host.placeholder"),
    "vpn": ("input.vpn", "input.vpn.placeholder"),
}
FIELDS = tuple(FIELD_KEYS)


class InputsPanel(Vertical):
    """LAN address, PBX hostname and, while a ticked component needs it, the VPN router's address.

    Only valid values are reported; an invalid one leaves the rules alone. The VPN router's field is
    shown only when a ticked component uses it (the VPN tunnel); empty, the tunnel uses the LAN address.
    Its line below says only what is wrong: who needs it is plain from when it shows.
    """

    class InputsChanged(Message):
        """A field now holds a different valid value (an empty field is valid: the input is missing)."""

        def __init__(
            self, panel: InputsPanel, lan: LanAddress | None, host: PbxHost | None, vpn_router: VpnRouter | None = None
        ) -> None:
            super().__init__()
            self.panel = panel
            self.lan = lan
            self.host = host
            self.vpn_router = vpn_router

        @property
        def control(self) -> InputsPanel:
            return self.panel

    def __init__(
        self,
        lan: LanAddress | None,
        host: PbxHost | None,
        lang: str,
        cursor_blink: bool = True,
        vpn_router: VpnRouter | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.lan = lan
        self.host = host
        self.vpn_router = vpn_router
        self._cursor_blink = cursor_blink
        self._errors: dict[str, str | None] = dict.fromkeys(FIELDS)
        self._needed_by: dict[str, tuple[str, ...]] = dict.fromkeys(FIELDS, ())

    def _typed(self) -> dict[str, str]:
        return {
            "lan": self.lan.text if self.lan else "",
            "host": self.host.typed if self.host else "",
            "vpn": self.vpn_router.typed if self.vpn_router else "",
        }

    def compose(self) -> ComposeResult:
        for field, value in self._typed().items():
            label, placeholder = FIELD_KEYS[field]
            with Horizontal(id=f"{field}-row", classes="field-row"):
                yield Label(say(label, self.lang), id=f"{field}-label", classes="field-label")
                yield Input(
                    value,
                    placeholder=say(placeholder, self.lang),
                    id=f"{field}-input",
                    compact=True,
                    select_on_focus=False,
                )
            yield Static("", id=f"{field}-message", classes="field-message")

    def on_mount(self) -> None:
        for field in FIELDS:
            self.query_one(f"#{field}-input", Input).cursor_blink = self._cursor_blink
        self._show_messages()

    # ---- what the app tells the panel ----
    def set_values(self, lan: LanAddress | None, host: PbxHost | None, vpn_router: VpnRouter | None = None) -> None:
        """Show another plan's inputs (an opened file)."""
        self.lan, self.host, self.vpn_router = lan, host, vpn_router
        self._errors = dict.fromkeys(FIELDS)
        with self.prevent(Input.Changed):
            for field, value in self._typed().items():
                self.query_one(f"#{field}-input", Input).value = value
        self._show_messages()

    def show_needed_by(
        self, lan_names: tuple[str, ...], host_names: tuple[str, ...], vpn_names: tuple[str, ...] = ()
    ) -> None:
        self._needed_by = {"lan": lan_names, "host": host_names, "vpn": vpn_names}
        self._show_messages()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        for field, (label, placeholder) in FIELD_KEYS.items():
            self.query_one(f"#{field}-label", Label).update(say(label, lang))
            self.query_one(f"#{field}-input", Input).placeholder = say(placeholder, lang)
        for field in FIELDS:
            if self._errors[field] is not None:
                self._validate(field, self.query_one(f"#{field}-input", Input).value)
        self._show_messages()

    # ---- validation ----
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = (event.input.id or "").removesuffix("-input")
        before = self._reported()
        self._validate(field, event.value)
        self._show_messages()
        if self._reported() != before:
            self.post_message(self.InputsChanged(self, self.lan, self.host, self.vpn_router))

    def _reported(self) -> tuple[object, ...]:
        """What the rules depend on: a hostname or VPN router retyped to the same value changes nothing."""
        return (self.lan, self.host.value if self.host else None, self.vpn_router.address if self.vpn_router else None)

    def _validate(self, field: str, value: str) -> None:
        try:
            if field == "lan":
                self.lan = parse_lan(value) if value.strip() else None
            elif field == "host":
                host = parse_host(value) if value.strip() else None
                if host is None or self.host is None or host.value != self.host.value:
                    self.host = host
            else:
                router = parse_vpn_router(value) if value.strip() else None
                check_vpn_router(Plan(lan=self.lan, vpn_router=router))
                self.vpn_router = router
            self._errors[field] = None
        except PlanError as exc:
            self._errors[field] = say("input.invalid", self.lang, message=exc.message(self.lang))
        if field == "lan":  # a LAN of another family makes the VPN router's address wrong, or right again
            vpn_text = self.query_one("#vpn-input", Input).value
            if vpn_text.strip():
                self.vpn_router = None
                self._validate("vpn", vpn_text)

    def _show_messages(self) -> None:
        self.query_one("#vpn-row").display = bool(self._needed_by["vpn"])
        for field in FIELDS:
            message = self.query_one(f"#{field}-message", Static)
            error = self._errors[field]
            message.set_class(error is not None, "-invalid")
            self.query_one(f"#{field}-input", Input).set_class(error is not None, "-invalid")
            if field == "vpn":
                message.display = error is not None and bool(self._needed_by["vpn"])
            if error is not None:
                message.update(Text("✗ " + error))
            elif self._needed_by[field]:
                names = ", ".join(self._needed_by[field])
                message.update(Text(say("input.needed_by", self.lang, names=names), no_wrap=True, overflow="ellipsis"))
            else:
                message.update(Text(say("input.not_needed", self.lang), no_wrap=True, overflow="ellipsis"))
