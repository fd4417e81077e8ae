"""Port dialects: how each router's field wants a port list, read back to the same set; the CLI's --dialect."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporters.dialects import DIALECTS, DialectError, format_ports
from fwplan.ports import PortError, PortRange, PortSet
from tests.conftest import ROOT
from tests.exporters.ports_reader import parse_ports

SAMPLE = PortSet.of(443, 9094, (9100, 9101))
EXPECTED = {
    "generic": "443,9094,9100-9101",
    "routeros": "443,9094,9100-9101",
    "iptables": "443,9094,9100:9101",
    "nftables": "{ 443, 9094, 9100-9101 }",
    "pfsense": "443\n9094\n9100:9101",
    "opnsense": "443,9094,9100:9101",
    "fortigate": "443 9094 9100-9101",
    "cisco": "eq 443\neq 9094\nrange 9100 9101",
    "fritzbox": "443\n9094\n9100-9101",
    "markdown": "443, 9094, 9100-9101",
}


def test_every_dialect_has_an_example():
    assert set(EXPECTED) == set(DIALECTS)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_format_gives_the_fields_syntax(dialect):
    assert format_ports(SAMPLE, dialect) == EXPECTED[dialect]
    assert parse_ports(EXPECTED[dialect], dialect) == SAMPLE


port_sets = st.lists(st.tuples(st.integers(1, 65535), st.integers(0, 3000)), max_size=30).map(
    lambda pairs: PortSet(tuple(PortRange(lo, min(65535, lo + width)) for lo, width in pairs))
)


@given(ports=port_sets, dialect=st.sampled_from(DIALECTS))
def test_round_trip(ports, dialect):
    assert parse_ports(format_ports(ports, dialect), dialect) == ports


@pytest.mark.parametrize(
    "dialect,text",
    [
        ("iptables", "443,http"),
        ("cisco", "eq https"),
        ("fortigate", "443:80"),
        ("generic", "70000"),
        ("pfsense", "9100-9101"),
    ],
)
def test_bad_text_is_refused(dialect, text):
    with pytest.raises(PortError):
        parse_ports(text, dialect)


def test_unknown_dialect_is_named():
    with pytest.raises(DialectError, match="unknown port dialect 'juniper'"):
        format_ports(SAMPLE, "juniper")


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "fwplan.cli", "export", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_cli_dialect_prints_one_port_list_per_rule():
    # the first-start item is conditional: selected by its own id, its ports form rules of their own, last
    result = _cli(
        "--select",
        "instantpbx",
        "--select",
        "instantpbx/swyxit-windows-first-start",
        "--lan",
        "192.168.1.10",
        "--host",
        "203.0.113.5",
        "--dialect",
        "iptables",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "9094,9100:9101,9443,16203,57203",
        "5060,10000:59999",
        "443,9200",
        "5060,5070",
    ]


def test_cli_dialect_uses_the_formats_limits():
    # the FRITZ!Box takes one port or range per sharing, so every list is one entry
    # every scope: the RTP range is an internal rule (LAN -> the PBX's local address)
    result = _cli(
        "--select",
        "hostedpbx-classic",
        "--lan",
        "192.168.1.10",
        "--host",
        "203.0.113.5",
        "--format",
        "fritzbox",
        "--dialect",
        "cisco",
        "--scope",
        "all",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "range 10000 50999" in lines and "" not in lines and len(lines) > 20


def test_cli_dialect_separates_multiline_lists_with_a_blank_line():
    result = _cli("--select", "instantpbx", "--lan", "192.168.1.10", "--host", "203.0.113.5", "--dialect", "pfsense")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n\n")[2] == "443\n9200\n"


def test_cli_unknown_dialect_is_a_one_line_usage_error():
    result = _cli("--select", "instantpbx", "--dialect", "juniper")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "juniper" in result.stderr


def test_cli_unknown_format_and_failed_resolve_are_usage_errors(tmp_path):
    result = _cli("--select", "instantpbx", "--format", "pf")
    assert result.returncode == 2 and "unknown format 'pf'" in result.stderr
