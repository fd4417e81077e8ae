"""Golden files for the formats that cannot be loaded here (RouterOS, FortiGate, Cisco ASA and IOS,
pfSense/OPNsense, FRITZ!Box, Markdown).

Each golden file was reviewed against the vendor documentation that its
exporter module names in its docstring: MikroTik help "Firewall / Filter",
"Address-lists" and "Scripting"; FortiOS 7.4 CLI Reference ("config firewall
service custom", "address", "policy"); Cisco ASA CLI Configuration Guide
("Objects for Access Control", "Extended Access Lists"); Cisco IOS Security
Configuration Guide ("Object Groups for ACLs", "Commented IP Access List
Entries") and IOS IPv6 Command Reference ("ipv6 access-list", "permit (IPv6)",
"remark (IPv6)"); Netgate pfSense "Aliases" and OPNsense "Aliases"; AVM
knowledge base "Configuring static port sharing"; CommonMark 0.31 / GFM tables.
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
