"""Golden files for the formats that cannot be loaded here (RouterOS, FortiGate, Cisco ASA, pfSense/OPNsense,
FRITZ!Box, Markdown).

Each golden file was reviewed against the vendor documentation that its
exporter module names in its docstring: MikroTik help "Firewall / Filter",
"Address-lists" and "Scripting"; FortiOS 7.4 CLI Reference ("config firewall
service custom", "address", "policy"); Cisco ASA CLI Configuration Guide
("Objects for Access Control", "Extended Access Lists"); Netgate pfSense
"Aliases" and OPNsense "Aliases"; AVM knowledge base "Configuring static port
sharing"; CommonMark 0.31 / GFM tables.
Regenerate with ``uv run python -m tests.exporters.golden_cases``; the test
compares with the committed files.
"""

from __future__ import annotations

import pytest

from tests.exporters.golden_cases import CASES, FORMATS, path, render


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_matches_the_reviewed_golden_file(fmt, case):
    golden = path(fmt, case)
    assert golden.is_file(), f"missing {golden.name}; run: uv run python -m tests.exporters.golden_cases"
    assert render(fmt, case) == golden.read_text(encoding="utf-8")
