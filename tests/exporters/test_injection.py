"""No injection: hostile purposes from a user's own catalog never add syntax to any format.

Every format is read back by its strict reader (an unexpected line fails), the
rule count must not change, and the files that can be loaded here are loaded
into a real nft / iptables in a network namespace and counted there.
"""

from __future__ import annotations

import re
import subprocess

import pytest

import exporters
from exporters.base import ExportContext
from fwplan.catalog import load_catalog
from fwplan.merge import MergeOptions, build
from fwplan.plan import Plan, PlanError, expand_selection, parse_host, parse_lan
from tests.exporters.readback import READERS

HOSTILE = [
    '"; flush ruleset; add rule inet fwplan forward accept #',
    '" -j ACCEPT\u2028-A FWPLAN -j ACCEPT',
    "x\u2029add chain=input action=accept comment=pwned",
    '$[/system reboot] \\" ? $(reboot) `reboot`',
    '"\n end\nconfig system admin',
    "| --- | <script>alert(1)</script> **bold** [link](http://evil.example) ![img](x)",
    "1. # heading\u0085 > quote",
    "next\u2028end\u2028config firewall policy",
    "' ; } } table ip evil { chain c { type filter hook forward priority 0; policy accept; } }",
    "\u202eevil\u202c rtl",
    '" -j ACCEPT -A FWPLAN -j ACCEPT',
    "next end config firewall policy edit 0 set action accept",
    "x; add chain=input action=accept comment=pwned",
]


def hostile_catalog_text() -> str:
    lines = [
        "schema = 1",
        'data_version = "2024-01"',
        "",
        "[[product]]",
        'id = "evil"',
        'name = { de = "Böse", en = "Evil" }',
    ]
    for i, text in enumerate(HOSTILE):
        escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        for ch in ("\u2028", "\u2029", "\u0085", "\u202e", "\u202c"):
            escaped = escaped.replace(ch, f"\\u{ord(ch):04x}")
        lines += [
            "",
            "[[product.component]]",
            f'id = "c{i}"',
            f'name = {{ de = "{escaped}", en = "{escaped}" }}',
            "[[product.component.requirement]]",
            f'direction = "{"outbound" if i % 2 else "inbound"}"',
            f'protocol = "{["tcp", "udp", "tcp/udp"][i % 3]}"',
            f'ports = "{1000 + i}, {2000 + i}-{2010 + i}"',
            f'peer = "{["pbx-host", "any", "lan-address"][i % 3]}"',
            f'purpose = {{ de = "{escaped}", en = "{escaped}" }}',
        ]
    return "\n".join(lines) + "\n"


def _core_accepts(text: str) -> bool:
    from fwplan.catalog import CatalogError, parse_catalog

    global HOSTILE
    saved, HOSTILE = HOSTILE, [text]
    try:
        parse_catalog(hostile_catalog_text())
        return True
    except CatalogError:
        return False
    finally:
        HOSTILE = saved


REFUSED_BY_CORE = [h for h in HOSTILE if not _core_accepts(h)]
HOSTILE = [h for h in HOSTILE if h not in REFUSED_BY_CORE]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    path = tmp_path_factory.mktemp("evil") / "catalog.toml"
    path.write_text(hostile_catalog_text(), encoding="utf-8")
    return load_catalog(path)


def test_the_core_refuses_line_breaks_and_bidi_overrides_in_catalog_text():
    assert {"\u2028", "\u2029", "\u0085", "\u202e", "\n"} <= {c for h in REFUSED_BY_CORE for c in h}


def render(catalog, name: str, host: str = "acme.telovip.de", lang: str = "en") -> tuple[str, tuple]:
    exporter = exporters.get(name)
    plan = Plan(expand_selection(catalog, ["evil"]), parse_lan("192.168.50.2/24"), parse_host(host))
    ruleset = build(catalog, plan, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
    text = exporter.render(ruleset, ExportContext(catalog, plan, lang, resolve=False))
    return text, ruleset.rules


def test_the_hostile_catalog_keeps_enough_attacks(hostile):
    assert len(HOSTILE) >= 5
    assert any('"' in h for h in HOSTILE) and any("$(" in h for h in HOSTILE)


@pytest.mark.parametrize("name", sorted(READERS))
def test_exporters_escape_what_the_core_would_refuse(name):
    """Defence in depth: purposes with line separators reach the exporter through rules built directly."""
    from fwplan.catalog import Text
    from fwplan.merge import Endpoint, Flow, Origin, RuleSet, merge
    from fwplan.ports import PortSet

    flows = [
        Flow(
            "outbound",
            "tcp",
            Endpoint("network", "192.168.50.0/24"),
            Endpoint("host", "acme.telovip.de"),
            PortSet.of(1000 + i),
            Origin(f"evil/c{i}", "S", "A", Text(text, text)),
        )
        for i, text in enumerate(REFUSED_BY_CORE)
    ]
    exporter = exporters.get(name)
    rules = merge(flows, MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits))
    catalog = load_catalog()
    plan = Plan((), parse_lan("192.168.50.2/24"), parse_host("acme.telovip.de"))
    text = exporter.render(RuleSet(rules, (), catalog.caveat.text), ExportContext(catalog, plan, "en", resolve=False))
    assert READERS[name](text) == [(r.protocol, r.ports) for r in rules]
    for bad in ("\u2028", "\u2029", "\u0085", "\u202e", "\r"):
        assert bad not in text


@pytest.mark.parametrize("name", sorted(READERS))
@pytest.mark.parametrize("lang", ["en", "de"])
def test_hostile_purposes_add_no_syntax(hostile, name, lang):
    text, rules = render(hostile, name, lang=lang)
    assert READERS[name](text) == [(r.protocol, r.ports) for r in rules]
    for bad in ("\u2028", "\u2029", "\u0085", "\u202e", "\r"):
        assert bad not in text
    if name == "markdown":
        assert "<script>" not in text and not re.search(r"(?<!\\)\]\(", text)
        for line in text.splitlines():
            if line.startswith("| "):
                assert len(re.findall(r"(?<!\\)\|", line)) == 8, line  # 7 cells, never more
    if name == "routeros":
        assert "$[" not in text and "$(" not in text
    if name in ("cisco", "cisco-ios"):
        assert text.isascii()


def test_nft_and_iptables_load_hostile_exports_with_exactly_the_planned_rules(hostile):
    from tests.conftest import require_root, require_tool

    require_root()
    require_tool("unshare", "nft", "iptables-restore", "iptables-save")
    text, rules = render(hostile, "nftables", host="203.0.113.10")
    result = subprocess.run(
        ["unshare", "-n", "sh", "-c", "nft -f - && nft list ruleset"],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("table ") == 1 and "table inet fwplan" in result.stdout
    assert result.stdout.count(" accept comment ") == len(rules)
    assert "policy drop" in result.stdout
    text, rules = render(hostile, "iptables", host="203.0.113.10")
    result = subprocess.run(
        ["unshare", "-n", "sh", "-c", "iptables-restore && iptables-save"],
        input=text,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("-A FWPLAN ") == len(rules) + 1  # + the established,related rule
    assert ":FORWARD DROP" in result.stdout and result.stdout.count("-j ACCEPT") == len(rules) + 1


@pytest.mark.parametrize(
    "bad", ['acme.telovip.de"; flush ruleset', "a b.de", "acme.telovip.de\n-A X", "$(x).de", "192.168.1.1; reboot"]
)
def test_hostile_hostnames_and_addresses_are_refused_before_any_exporter(bad):
    with pytest.raises(PlanError):
        parse_host(bad)
    with pytest.raises(PlanError):
        parse_lan(bad)
