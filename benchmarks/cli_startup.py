"""Headless start-up: `fwplan export` of the full catalog against the floor of its own imports.

The floor is `python -c "import netaddr, tomllib, csv"`: the interpreter plus the
libraries the export cannot do without. Both run interleaved in the same session,
so the ratio holds on a noisy machine. Goal: ratio at most 1.5.

    uv run python benchmarks/cli_startup.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

FWPLAN = str(Path(sys.executable).parent / "fwplan")
EXPORT = [
    FWPLAN,
    "export",
    "--select",
    "instantpbx",
    "--select",
    "hostedpbx-vpnless",
    "--select",
    "hostedpbx-classic",
    "--lan",
    "192.168.50.2/24",
    "--host",
    "acme.telovip.de",
    "--format",
    "csv",
]
FLOOR = [sys.executable, "-c", "import netaddr, tomllib, csv"]


# Measure the steady state a user sees: bytecode caches written on the first (warm-up) run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def once(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    once(EXPORT), once(FLOOR)  # warm the page cache and bytecode
    export, floor = [], []
    for _ in range(args.runs):
        export.append(once(EXPORT))
        floor.append(once(FLOOR))
    e, f = statistics.median(export), statistics.median(floor)
    print(f"fwplan export (full catalog): median {e * 1000:.1f} ms over {args.runs} runs")
    print(f"floor (import netaddr, tomllib, csv): median {f * 1000:.1f} ms")
    print(f"ratio: {e / f:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
