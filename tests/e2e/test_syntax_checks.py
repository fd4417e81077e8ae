"""``nft -c`` and ``iptables-restore --noflush --test`` accept the export of every sample plan, in a network namespace.

Every plan is exported over IPv4 and IPv6, behind NAT (the default: port
forwards), with ``--masquerade`` and with ``--no-nat``, for the internet router
and with every scope, in English and German.
"""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

import exporters
from exporters.render import ExportSettings, render_export
from fwplan.catalog import SCOPES, load_catalog, parse_catalog
from fwplan.errors import FwplanError
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan, parse_vpn_router
from tests.exporters.test_scopes_in_exports import TUNNEL  # how each format writes the tunnel's rules

pytestmark = pytest.mark.e2e

CHECKERS = {
    ("nftables", 4): ["nft", "-c", "-f", "-"],
    ("nftables", 6): ["nft", "-c", "-f", "-"],
    ("iptables", 4): ["iptables-restore", "--noflush", "--test"],
    ("iptables", 6): ["ip6tables-restore", "--noflush", "--test"],
}
FORMATS = ("iptables", "nftables")
LAN, HOST = parse_lan("192.168.50.2/24"), parse_host("203.0.113.10")
VPN_ROUTER = parse_vpn_router("192.168.50.1")
ADDRESSES = {
    4: (LAN, HOST, VPN_ROUTER),
    6: (parse_lan("2001:db8:50::2/64"), parse_host("2001:db8:ffff::10"), parse_vpn_router("2001:db8:50::1")),
}
#: The site router's NAT settings: the default (port forwards), the outbound source NAT too, or a routed LAN.
VARIANTS = {
    "nat": ExportSettings(),
    "masquerade": ExportSettings(masquerade=True, given=frozenset({"masquerade"})),
    "no-nat": ExportSettings(nat=False, given=frozenset({"nat"})),
}


def large_catalog_text(seed: int = 4) -> str:
    """A custom catalog with many requirements: every peer, direction and protocol, scattered ports and ranges."""
    rng = random.Random(seed)
    lines = [
        "schema = 1",
        'data_version = "2024-01"',
        "",
        "[[product]]",
        'id = "big"',
        'name = { de = "Groß", en = "Big" }',
    ]
    for c in range(12):
        lines += ["", "[[product.component]]", f'id = "c{c}"', f'name = {{ de = "K{c}", en = "C{c}" }}']
        for r in range(15):
            ports = sorted({rng.randint(1, 65000) for _ in range(rng.randint(1, 8))})
            entries = [f"{p}-{p + rng.randint(1, 300)}" if rng.random() < 0.3 else str(p) for p in ports]
            lines += [
                "[[product.component.requirement]]",
                f'direction = "{rng.choice(["outbound", "inbound", "both"])}"',
                f'protocol = "{rng.choice(["tcp", "udp", "tcp/udp"])}"',
                f'ports = "{", ".join(entries)}"',
                f'peer = "{rng.choice(["pbx-host", "lan-address", "lan-network", "provider", "any"])}"',
                f'purpose = {{ de = "Zweck {c}.{r} (ä)", en = "purpose {c}.{r}" }}',
            ]
    return "\n".join(lines) + "\n"


def sample_plans(family: int = 4):
    """(catalog, label, plan): each product, every component at once and each alone, a VPN router of its own,
    and a large custom catalog."""
    lan, host, vpn_router = ADDRESSES[family]
    catalog = load_catalog()
    plans = [
        (catalog, product.id, Plan(expand_selection(catalog, [product.id]), lan, host)) for product in catalog.products
    ]
    plans.append((catalog, "every component", Plan(tuple(c.id for c in catalog.components), lan, host)))
    plans += [(catalog, c.id, Plan((c.id,), lan, host)) for c in catalog.components]
    plans.append((catalog, "vpn-router", Plan(("hostedpbx-classic/vpn-tunnel",), lan, host, vpn_router=vpn_router)))
    big = parse_catalog(large_catalog_text())
    plans.append((big, "large-custom", Plan(expand_selection(big, ["big"]), lan, host)))
    return plans


PLANS = sample_plans()
PLANS_BY_FAMILY = {4: PLANS, 6: sample_plans(6)}
#: The router's default (the internet scope) and every scope: internal and remote rules must load too.
SCOPE_CHOICES = {"default": None, "all": SCOPES}


def check(fmt: str, text: str, family: int = 4) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["unshare", "-n", *CHECKERS[fmt, family]], input=text, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("family", [4, 6], ids=["ipv4", "ipv6"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("scopes", sorted(SCOPE_CHOICES))
def test_checker_accepts_every_sample_plan(fmt, family, variant, lang, scopes):
    from tests.conftest import require_root, require_tool

    require_root()
    require_tool("unshare", CHECKERS[fmt, family][0])
    exporter = exporters.get(fmt)
    settings = VARIANTS[variant]._replace(lang=lang, scopes=SCOPE_CHOICES[scopes])
    nat = family == 4 and variant != "no-nat"
    if family == 6 and variant == "masquerade":  # IPv6 is not translated: the option is refused, not ignored
        for catalog, label, plan in PLANS_BY_FAMILY[family]:
            with pytest.raises(FwplanError, match="--masquerade needs NAT"):
                render_export(catalog, plan, fmt, settings)
        return
    checked = refused = forwards = 0
    for catalog, label, plan in PLANS_BY_FAMILY[family]:
        try:
            text = render_export(catalog, plan, fmt, settings)
        except FwplanError as exc:
            # a component with no internet rule (the internal clients, say): no router file, and the flag named;
            # behind NAT, an inbound rule to the whole LAN network (the large custom catalog) cannot be forwarded
            assert (scopes == "default" and "--scope" in str(exc)) or (nat and "--no-nat" in str(exc)), (
                f"{label}: {exc}"
            )
            refused += 1
            continue
        result = check(fmt, text, family)
        assert result.returncode == 0, f"{fmt} rejected the export of {label}: {result.stderr.strip()[:500]}"
        checked += 1
        body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
        forwards += "dnat ip to" in body or "-j DNAT" in body
        assert ("masquerade" in body or "-j MASQUERADE" in body) == (nat and variant == "masquerade"), label
    assert checked + refused == len(PLANS) and checked >= 20
    # behind NAT the tunnel's inbound rule is a port forward; IPv6 and --no-nat have none
    assert (forwards > 0) == nat
    # the large plan really is large: many rules, and iptables had to split multiport lists
    big_catalog, _, big_plan = PLANS[-1]
    big_rules = build(
        big_catalog, big_plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)
    ).rules
    assert len(big_rules) >= 10
    if fmt == "iptables":
        assert any(rule.parts > 1 for rule in big_rules)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_vpn_router_of_its_own_sources_the_tunnel_and_loads(fmt):
    from tests.conftest import require_root, require_tool

    require_root()
    require_tool("unshare", CHECKERS[fmt, 4][0])
    catalog = load_catalog()
    plan = Plan(expand_selection(catalog, ["hostedpbx-classic"]), LAN, HOST, vpn_router=VPN_ROUTER)
    text = render_export(catalog, plan, fmt, ExportSettings())
    for line in TUNNEL[fmt]:
        assert line in text
    assert "192.168.50.2" not in "".join(l for l in text.splitlines(keepends=True) if not l.startswith("#"))
    result = check(fmt, text)
    assert result.returncode == 0, result.stderr


def test_resolve_uses_the_system_resolver_and_says_so(tmp_path):
    """--resolve looks the name up for real (getaddrinfo via /etc/hosts), in a namespace with no network at all."""
    from tests.conftest import ROOT, require_root, require_tool

    require_root()
    require_tool("unshare", "nft", "mount")
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 localhost\n198.51.100.77 pbx.fwplan-test.example\n")
    out = tmp_path / "r.nft"
    script = (
        f"mount --bind {hosts} /etc/hosts && "
        f"{sys.executable} -m fwplan.cli export --select hostedpbx-vpnless --lan 192.168.50.2/24 "
        f"--host pbx.fwplan-test.example --format nftables --resolve -o {out} && nft -c -f {out}"
    )
    result = subprocess.run(
        ["unshare", "-m", "-n", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "define PBX_HOST = 198.51.100.77" in text
    assert "resolved when this file was exported (--resolve) to 198.51.100.77" in text
