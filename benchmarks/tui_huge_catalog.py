"""The planner with a catalog of 10,000 components: time to mount, and a tick to the updated table.

Measured under Pilot against the real catalog in the same run (ratio huge/real).

    uv run python benchmarks/tui_huge_catalog.py [COMPONENTS]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fwplan.catalog import load_catalog  # noqa: E402
from fwplan.plan import Plan, parse_host, parse_lan  # noqa: E402
from tests.hardening.huge import huge_catalog_text  # noqa: E402
from tui.app import PlannerApp  # noqa: E402
from tui.widgets.component_tree import ComponentTree  # noqa: E402


async def measure(catalog, ticks: int = 10) -> dict[str, float]:
    half = tuple(c.id for c in catalog.components[: len(catalog.components) // 2])
    plan = Plan(half, parse_lan("192.168.50.2/24"), parse_host("acme.telovip.de"))
    start = time.perf_counter()
    app = PlannerApp(catalog, plan, "en", environ={}, cursor_blink=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        mounted = time.perf_counter() - start
        tree = app.query_one(ComponentTree)
        tree.focus()
        await pilot.press("down", "down")
        times = []
        for _ in range(ticks):
            before = app.ruleset
            t0 = time.perf_counter()
            await pilot.press("space")
            times.append(time.perf_counter() - t0)
            assert app.ruleset is not before
        return {
            "mount_s": mounted,
            "tick_median_ms": statistics.median(times) * 1000,
            "tick_max_ms": max(times) * 1000,
            "rules": len(app.ruleset.rules),
        }


def main() -> None:
    components = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    real = asyncio.run(measure(load_catalog()))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huge.toml"
        path.write_text(huge_catalog_text(components), encoding="utf-8")
        t0 = time.perf_counter()
        catalog = load_catalog(path)
        load = time.perf_counter() - t0
        huge = asyncio.run(measure(catalog))
    print(f"real catalog: mount {real['mount_s']:.2f} s, tick median {real['tick_median_ms']:.1f} ms")
    print(
        f"{components} components: load {load:.2f} s, mount {huge['mount_s']:.2f} s "
        f"({huge['mount_s'] / real['mount_s']:.1f}x), {huge['rules']} rules with half ticked, "
        f"tick median {huge['tick_median_ms']:.0f} ms, max {huge['tick_max_ms']:.0f} ms "
        f"({huge['tick_median_ms'] / real['tick_median_ms']:.0f}x); tick times include Pilot's wait for idle"
    )


if __name__ == "__main__":
    main()
