"""``nft -c`` and ``iptables-restore --test`` accept the export of every sample plan, inside a network namespace."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

import exporters
from exporters.base import ExportContext
from fwplan.catalog import load_catalog, parse_catalog
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan

pytestmark = pytest.mark.e2e

CHECKERS = {"nftables": ["nft", "-c", "-f", "-"], "iptables": ["iptables-restore", "--test"]}
LAN, HOST = parse_lan("192.168.50.2/24"), parse_host("203.0.113.10")


def large_catalog_text(seed: int = 4) -> str:
    """A custom catalog with many requirements: every peer, direction and protocol, scattered ports and ranges."""
    rng = random.Random(seed)
    lines = ['schema = 1', 'data_version = "2024-01"', '', '[[product]]', 'id = "big"',
             'name = { de = "Groß", en = "Big" }']
    for c in range(12):
        lines += ['', '[[product.component]]', f'id = "c{c}"', f'name = {{ de = "K{c}", en = "C{c}" }}']
        for r in range(15):
            ports = sorted({rng.randint(1, 65000) for _ in range(rng.randint(1, 8))})
            entries = [f"{p}-{p + rng.randint(1, 300)}" if rng.random() < 0.3 else str(p) for p in ports]
            lines += ['[[product.component.requirement]]',
                      f'direction = "{rng.choice(["outbound", "inbound", "both"])}"',
                      f'protocol = "{rng.choice(["tcp", "udp", "tcp/udp"])}"',
                      f'ports = "{", ".join(entries)}"',
                      f'peer = "{rng.choice(["pbx-host", "lan-address", "lan-network", "provider", "any"])}"',
                      f'purpose = {{ de = "Zweck {c}.{r} (ä)", en = "purpose {c}.{r}" }}']
    return "\n".join(lines) + "\n"


def sample_plans():
    catalog = load_catalog()
    plans = [(catalog, product.id, expand_selection(catalog, [product.id])) for product in catalog.products]
    plans += [(catalog, c.id, (c.id,)) for c in catalog.components]
    big = parse_catalog(large_catalog_text())
    plans.append((big, "large-custom", expand_selection(big, ["big"])))
    return plans


PLANS = sample_plans()


@pytest.mark.parametrize("fmt", sorted(CHECKERS))
@pytest.mark.parametrize("lang", ["en", "de"])
def test_checker_accepts_every_sample_plan(fmt, lang):
    from tests.conftest import require_root, require_tool

    require_root()
    require_tool("unshare", CHECKERS[fmt][0])
    exporter = exporters.get(fmt)
    checked = 0
    for catalog, label, selected in PLANS:
        plan = Plan(selected, LAN, HOST)
        ruleset = build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
        text = exporter.render(ruleset, ExportContext(catalog, plan, lang))
        result = subprocess.run(["unshare", "-n", *CHECKERS[fmt]], input=text, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, f"{fmt} rejected the export of {label}: {result.stderr.strip()[:500]}"
        checked += 1
    assert checked == len(PLANS) and len(PLANS) > 20
    # the large plan really is large: many rules, and iptables had to split multiport lists
    big_catalog, _, big_selection = PLANS[-1]
    big_rules = build(big_catalog, Plan(big_selection, LAN, HOST),
                      MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)).rules
    assert len(big_rules) >= 10
    if fmt == "iptables":
        assert any(rule.parts > 1 for rule in big_rules)


def test_resolve_uses_the_system_resolver_and_says_so(tmp_path):
    """--resolve looks the name up for real (getaddrinfo via /etc/hosts), in a namespace with no network at all."""
    from tests.conftest import ROOT, require_root, require_tool

    require_root()
    require_tool("unshare", "nft", "mount")
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 localhost\n198.51.100.77 pbx.fwplan-test.example\n")
    out = tmp_path / "r.nft"
    script = (f"mount --bind {hosts} /etc/hosts && "
              f"{sys.executable} -m fwplan.cli export --select hostedpbx-vpnless --lan 192.168.50.2/24 "
              f"--host pbx.fwplan-test.example --format nftables --resolve -o {out} && nft -c -f {out}")
    result = subprocess.run(["unshare", "-m", "-n", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "define PBX_HOST = 198.51.100.77" in text
    assert "resolved when this file was exported (--resolve) to 198.51.100.77" in text
