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
    router: tuple[tuple[str, object], ...] = ()  # the site router's settings, as flags would give them


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
    "classic-conditional-vpn-router": Case(
        CLASSIC_EVERYTHING, "192.168.50.2/24", "acme.telovip.de", "en", vpn_router="192.168.50.1"
    ),
    # the same with every scope, each rule's comment naming its scope
    "classic-all-scopes-de": Case(
        CLASSIC_EVERYTHING, "192.168.50.2/24", "203.0.113.10", "de", vpn_router="192.168.50.1", scopes=SCOPES
    ),
    "instantpbx-first-start-all-scopes": Case(
        ("instantpbx", "instantpbx/swyxit-windows-first-start"), "192.168.1.10", "acme.telovip.de", "en", scopes=SCOPES
    ),
}
SHARED_CASES = ("classic-name", "instantpbx-ip-de", "classic-conditional-vpn-router", "classic-all-scopes-de")
# The formats that cannot run here, with their cases; each module names the vendor document its syntax was
# checked against.
FORMATS = dict.fromkeys(("routeros", "fortigate", "cisco", "pfsense", "opnsense", "fritzbox", "markdown"), SHARED_CASES)
FORMATS["cisco-ios"] = tuple(CASES)
# RouterOS, FortiGate, FRITZ!Box (issue 10): IPv6 (no NAT, -v6 names), and a site router's own interfaces and
# name prefix on a routed public LAN (--no-nat: no dst-nat, no VIP, no set nat enable)
CASES["classic-site-no-nat"] = Case(
    ("hostedpbx-classic",),
    "192.168.50.2/24",
    "203.0.113.10",
    "en",
    router=(("wan_if", "ppp0"), ("lan_if", "bridge-lan"), ("nat", False), ("name_prefix", "site7")),
)
for _fmt in ("routeros", "fortigate", "fritzbox"):
    FORMATS[_fmt] = (*FORMATS[_fmt], "ipv6-classic-name-de", *(("classic-site-no-nat",) * (_fmt != "fritzbox")))
# Cisco ASA, Cisco IOS, pfSense, OPNsense (issue 10): the port forward (static NAT, Port Forward table) with the
# site's interfaces and name prefix; IPv6 and --no-nat; for IOS the zone-based firewall in German with real
# interfaces, and --plain-acl
CASES["classic-site-forward"] = Case(
    ("hostedpbx-classic",),
    "192.168.50.2/24",
    "203.0.113.10",
    "en",
    vpn_router="192.168.50.1",
    router=(("wan_if", "wan2"), ("lan_if", "lan2"), ("name_prefix", "site-7")),
)
CASES["classic-ios-site-de"] = Case(
    ("hostedpbx-classic",),
    "192.168.50.2/24",
    "203.0.113.10",
    "de",
    vpn_router="192.168.50.1",
    router=(("wan_if", "GigabitEthernet0/0"), ("lan_if", "GigabitEthernet0/1"), ("name_prefix", "site7")),
)
CASES["classic-ios-plain-acl"] = Case(
    ("hostedpbx-classic",), "192.168.50.2/24", "203.0.113.10", "en", router=(("wan_if", "Dialer0"), ("plain_acl", True))
)
for _fmt in ("cisco", "pfsense", "opnsense"):
    FORMATS[_fmt] = (*FORMATS[_fmt], "ipv6-classic-name-de", "classic-site-no-nat", "classic-site-forward")
for _fmt in ("routeros", "fortigate"):  # the port forward (dst-nat, VIP) with the site's interfaces and name prefix
    FORMATS[_fmt] = (*FORMATS[_fmt], "classic-site-forward")
FORMATS["cisco-ios"] = tuple(case for case in CASES if case != "classic-site-forward")
PAIRS = [(fmt, case) for fmt, cases in FORMATS.items() for case in cases]


def plan_of(case: Case, catalog) -> Plan:
    vpn_router = parse_vpn_router(case.vpn_router) if case.vpn_router else None
    return Plan(
        expand_selection(catalog, case.select), parse_lan(case.lan), parse_host(case.host), vpn_router=vpn_router
    )


def render(fmt: str, case: str) -> str:
    catalog = load_catalog()
    c = CASES[case]
    settings = ExportSettings(lang=c.lang, scopes=c.scopes, **dict(c.router), given=frozenset(dict(c.router)))
    return render_export(catalog, plan_of(c, catalog), fmt, settings)


def path(fmt: str, case: str) -> Path:
    return GOLDEN / f"{fmt}-{case}{exporters.get(fmt).suffix}"


if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for fmt, case in PAIRS:
        path(fmt, case).write_text(render(fmt, case), encoding="utf-8")
        print(path(fmt, case))
