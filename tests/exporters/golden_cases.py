"""The golden-file cases, shared by the test and the regeneration command.

Regenerate (then review the diff against the vendor documentation named in
each exporter module's docstring before committing):

    uv run python -m tests.exporters.golden_cases

Each case goes through ``render_export``, as ``fwplan export`` does: a router
format holds the internet scope unless the case names its scopes, Markdown
holds them all.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import exporters
from exporters.render import ExportSettings, render_export
from fwplan.catalog import SCOPES, load_catalog
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, parse_vpn_router

GOLDEN = Path(__file__).resolve().parent / "golden"


class Case(NamedTuple):
    select: tuple[str, ...]
    lan: str
    host: str
    lang: str
    vpn_router: str | None = None
    scopes: tuple[str, ...] | None = None  # None: the format's default


#: The unconditional components of HostedPBX classic (the remote clients among them) and its conditional one.
CLASSIC_EVERYTHING = ("hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct")
CASES = {
    "classic-name": Case(("hostedpbx-classic",), "192.168.50.2/24", "acme.telovip.de", "en"),
    "instantpbx-ip-de": Case(("instantpbx",), "192.168.1.10", "203.0.113.10", "de"),
    "vpnless-ip": Case(("hostedpbx-vpnless",), "10.20.0.5/16", "198.51.100.7", "en"),
    "single-component": Case(("hostedpbx-classic/vpn-tunnel",), "192.168.50.2/24", "203.0.113.10", "en"),
    "ipv6-instantpbx-ip": Case(("instantpbx",), "2001:db8:50::2/64", "2001:db8:ffff::10", "en"),
    "ipv6-classic-name-de": Case(("hostedpbx-classic",), "2001:db8:50::2/64", "acme.telovip.de", "de"),
    # a conditional item, the remote clients and a VPN router of its own, on the internet router (the default)
    "classic-conditional-vpn-router": Case(CLASSIC_EVERYTHING, "192.168.50.2/24", "acme.telovip.de", "en",
                                           vpn_router="192.168.50.1"),
    # the same with every scope, each rule's comment naming its scope
    "classic-all-scopes-de": Case(CLASSIC_EVERYTHING, "192.168.50.2/24", "203.0.113.10", "de",
                                  vpn_router="192.168.50.1", scopes=SCOPES),
    "instantpbx-first-start-all-scopes": Case(("instantpbx", "instantpbx/swyxit-windows-first-start"),
                                              "192.168.1.10", "acme.telovip.de", "en", scopes=SCOPES),
}
SHARED_CASES = ("classic-name", "instantpbx-ip-de", "classic-conditional-vpn-router", "classic-all-scopes-de")
# The formats that cannot run here, with their cases; each module names the vendor document its syntax was
# checked against.
FORMATS = {fmt: SHARED_CASES for fmt in ("routeros", "fortigate", "cisco", "pfsense", "opnsense", "fritzbox",
                                         "markdown")}
FORMATS["cisco-ios"] = tuple(CASES)
PAIRS = [(fmt, case) for fmt, cases in FORMATS.items() for case in cases]


def plan_of(case: Case, catalog) -> Plan:
    vpn_router = parse_vpn_router(case.vpn_router) if case.vpn_router else None
    return Plan(expand_selection(catalog, case.select), parse_lan(case.lan), parse_host(case.host),
                vpn_router=vpn_router)


def render(fmt: str, case: str) -> str:
    catalog = load_catalog()
    c = CASES[case]
    return render_export(catalog, plan_of(c, catalog), fmt, ExportSettings(lang=c.lang, scopes=c.scopes))


def path(fmt: str, case: str) -> Path:
    return GOLDEN / f"{fmt}-{case}{exporters.get(fmt).suffix}"


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for fmt, case in PAIRS:
        path(fmt, case).write_text(render(fmt, case), encoding="utf-8")
        print(path(fmt, case))
