"""Golden files for the formats that cannot be loaded here (RouterOS, FortiGate, Cisco ASA and IOS,
pfSense/OPNsense, FRITZ!Box, Markdown).

Each golden file was reviewed against the vendor documentation that its
exporter module names in its docstring and its header cites: MikroTik help
"Filter", "NAT", "Address-lists", "Interface Lists" and "Scripting"; FortiOS
7.4 CLI Reference (firewall service custom, address, address6, vip, policy,
with their name lengths); Cisco ASA CLI reference and "Network Object NAT" /
"Twice NAT"; Cisco IOS "Zone-Based Policy Firewalls", "Object Groups for ACLs"
and the IOS IPv6 Command Reference; Netgate pfSense "Aliases", "Port Forwards"
and "Configuring Firewall Rules"; OPNsense "Aliases" and "NAT"; AVM help "Port
Sharing" and knowledge base "Configuring static port sharing"; CommonMark 0.31
/ GFM tables. A strict reader (tests/exporters/readback.py) checks each
structure besides the byte comparison.
Regenerate with ``uv run python -m tests.exporters.golden_cases``; the test
compares with the committed files.
"""

from __future__ import annotations

import pytest

from tests.exporters.golden_cases import PAIRS, path, render


@pytest.mark.parametrize("fmt,case", PAIRS)
def test_export_matches_the_reviewed_golden_file(fmt, case):
    golden = path(fmt, case)
    assert golden.is_file(), f"missing {golden.name}; run: uv run python -m tests.exporters.golden_cases"
    assert render(fmt, case) == golden.read_text(encoding="utf-8")
