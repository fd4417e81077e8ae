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
# The formats that cannot run here; each module names the vendor document its syntax was checked against.
FORMATS = ("routeros", "fortigate", "cisco", "pfsense", "opnsense", "fritzbox", "markdown")
CASES = {
    "classic-name": (["hostedpbx-classic"], "192.168.50.2/24", "acme.telovip.de", "en"),
    "instantpbx-ip-de": (["instantpbx"], "192.168.1.10", "203.0.113.10", "de"),
}


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
    for fmt in FORMATS:
        for case in CASES:
            path(fmt, case).write_text(render(fmt, case), encoding="utf-8")
            print(path(fmt, case))
