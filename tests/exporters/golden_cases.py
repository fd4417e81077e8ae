"""The golden-file cases, shared by the test and the regeneration command.

Regenerate (then review the diff against the vendor documentation named in
each exporter module's docstring before committing):

    uv run python -m tests.exporters.golden_cases
"""

from __future__ import annotations

from pathlib import Path

import exporters
from exporters.base import ExportContext
from fwplan.catalog import load_catalog
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = {
    "classic-name": (["hostedpbx-classic"], "192.168.50.2/24", "acme.telovip.de", "en"),
    "instantpbx-ip-de": (["instantpbx"], "192.168.1.10", "203.0.113.10", "de"),
    "vpnless-ip": (["hostedpbx-vpnless"], "10.20.0.5/16", "198.51.100.7", "en"),
    "single-component": (["hostedpbx-classic/vpn-tunnel"], "192.168.50.2/24", "203.0.113.10", "en"),
    "ipv6-instantpbx-ip": (["instantpbx"], "2001:db8:50::2/64", "2001:db8:ffff::10", "en"),
    "ipv6-classic-name-de": (["hostedpbx-classic"], "2001:db8:50::2/64", "acme.telovip.de", "de"),
}
SHARED_CASES = ("classic-name", "instantpbx-ip-de")
# The formats that cannot run here, with their cases; each module names the vendor document its syntax was
# checked against.
FORMATS = {fmt: SHARED_CASES for fmt in ("routeros", "fortigate", "cisco", "pfsense", "opnsense", "fritzbox",
                                         "markdown")}
FORMATS["cisco-ios"] = tuple(CASES)
PAIRS = [(fmt, case) for fmt, cases in FORMATS.items() for case in cases]


def render(fmt: str, case: str) -> str:
    select, lan, host, lang = CASES[case]
    catalog = load_catalog()
    plan = Plan(expand_selection(catalog, select), parse_lan(lan), parse_host(host))
    exporter = exporters.get(fmt)
    ruleset = build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
    return exporter.render(ruleset, ExportContext(catalog, plan, lang))


def path(fmt: str, case: str) -> Path:
    return GOLDEN / f"{fmt}-{case}{exporters.get(fmt).suffix}"


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for fmt, case in PAIRS:
        path(fmt, case).write_text(render(fmt, case), encoding="utf-8")
        print(path(fmt, case))
