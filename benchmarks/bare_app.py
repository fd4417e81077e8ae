"""The baseline for tui_startup.py: the planner's screen as a bare Textual app, without fwplan.

The same widgets, ids and stylesheet (tui/planner.tcss) and content of the same size
(a 3-product tree, 9 table rows, a details text), all of it fixed text: what
remains of the difference is fwplan's own start-up (catalog, engine, imports).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Input, Label, Static, Tree

HOST = "acme.telovip.de"
ROWS = [
    ("out", "tcp", "any", HOST, "443,9094,9100-9101,16203,57203", "Remote Swyx client to the PBX"),
    ("out", "tcp", "192.168.50.0/24", HOST, "9443", "PBX web interface"),
    ("out", "udp", "192.168.50.2", HOST, "9944", "VPN tunnel to the provider's endpoint"),
    (
        "out",
        "tcp",
        "192.168.50.0/24",
        "192.168.50.2",
        "389,1300,1720-1721,4060-4061,5060,5070,8085,9094,9100-9101",
        "Phone book access (LDAP)",
    ),
    ("out", "udp", "192.168.50.0/24", "192.168.50.2", "5000-5020,5070,10000-50999,65012", "RTP stream"),
    ("out", "tcp", "192.168.50.0/24", "any", "21,80,443,9200", "Firmware updates"),
    ("out", "udp", "192.168.50.0/24", "any", "123,3478,5060", "STUN"),
    ("in", "udp", HOST, "192.168.50.2", "9944", "VPN tunnel to the provider's endpoint"),
    ("in", "tcp", "192.168.50.2", "192.168.50.0/24", "80,443,8000,8080", "Remote configuration by the PBX"),
]
DETAILS = "\n".join(
    ["Rule 1: out tcp any → acme.telovip.de", "Ports (generic): 443,9094,9100-9101,16203,57203", "Why:"]
    + [f" • Component {i}: 443,9094 (purpose of the requirement, in words)" for i in range(8)]
    + ["Warnings:", " ! Analog adapters attached directly: only where the provider attaches them"]
)
COPY, FILE = Binding.Group("Copy"), Binding.Group("File")


class BareApp(App):
    CSS_PATH = Path(__file__).resolve().parent.parent / "tui" / "planner.tcss"
    BINDINGS = [
        Binding("c", "noop", "Ports", group=COPY),
        Binding("y", "noop", "Copy", group=COPY),
        Binding("e", "noop", "Export"),
        Binding("ctrl+s", "noop", "Save", group=FILE),
        Binding("ctrl+o", "noop", "Open", group=FILE),
        Binding("question_mark", "noop", "Help", key_display="?"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("l", "noop", "Deutsch"),
        Binding("d", "noop", "Dialect"),
        Binding("n", "noop", "Notes"),
        Binding("ctrl+p", "command_palette", "Cmds", priority=True),
    ]

    def compose(self) -> ComposeResult:
        tree: Tree[None] = Tree("Products", id="tree")
        tree.show_root = False
        for product in ("InstantPBX", "HostedPBX VPNless", "HostedPBX classic (with VPN)"):
            node = tree.root.add(f"☐ {product}", expand=True)
            for component in range(7):
                child = node.add(f"☐ Device class number {component} of the product", expand=True)
                if component == 2:
                    child.add_leaf("☐ Conditional item: first start (conditional)")
        with Horizontal(id="main"):
            yield tree
            with Vertical(id="right"):
                with Vertical(id="inputs"):
                    for name, value in (
                        ("LAN address (planning document)", "192.168.50.2/24"),
                        ("PBX hostname", HOST),
                        ("VPN router", ""),
                    ):
                        with Horizontal(classes="field-row"):
                            yield Label(name, classes="field-label")
                            yield Input(value, compact=True)
                        yield Static(
                            "needed by: VPN tunnel, Swyx clients inside your network, System desk phones",
                            classes="field-message",
                        )
                yield DataTable(id="rules", cursor_type="row", zebra_stripes=True)
                with VerticalScroll(id="details"):
                    yield Static(DETAILS)
        yield Static(
            "9 rules · TCP 22 / UDP 41027 ports · Installations differ: agree changes with the provider.", id="status"
        )
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("S", "Direction", "Proto", "Ports", "Source", "Destination", "Purpose")
        table.add_rows(
            (("I" if i < 5 else "S"), direction, proto, ports, source, destination, purpose)
            for i, (direction, proto, source, destination, ports, purpose) in enumerate(ROWS)
        )
        self.query_one(Tree).focus()

    def action_noop(self) -> None:
        pass


if __name__ == "__main__":
    BareApp().run()
