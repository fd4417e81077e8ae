"""A catalog of 10,000 components: load, build (everything ticked), export, and one tick's rebuild.

Each step is timed (median of a few runs) and its peak memory measured (tracemalloc), for the real
catalog and the huge one in the same run; the ratio huge/real is what to compare across machines.

    uv run python benchmarks/huge_catalog.py [COMPONENTS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import exporters  # noqa: E402
from exporters.base import ExportContext  # noqa: E402
from fwplan.catalog import default_catalog_path, load_catalog  # noqa: E402
from fwplan.formats import RenderOptions  # noqa: E402
from fwplan.merge import MergeOptions, build  # noqa: E402
from fwplan.plan import Plan, parse_host, parse_lan  # noqa: E402
from tests.formats import CORE_FORMATS  # noqa: E402
from tests.hardening.huge import huge_catalog_text  # noqa: E402


def measure(step, repeat: int) -> tuple[float, float, object]:
    """Median seconds, peak MiB of the first run, and the step's result."""
    tracemalloc.start()
    result = step()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), peak, result


def run(path: Path, repeat: int) -> dict[str, tuple[float, float]]:
    results = {}
    seconds, peak, catalog = measure(lambda: load_catalog(path), repeat)
    results["load"] = (seconds, peak)
    everything = tuple(c.id for c in catalog.components)
    plan = Plan(everything, parse_lan("192.168.50.2/24"), parse_host("acme.telovip.de"))
    seconds, peak, ruleset = measure(lambda: build(catalog, plan), repeat)
    results["build (all ticked)"] = (seconds, peak)
    one_less = plan.with_selection(everything[1:])
    results["rebuild after one tick"] = measure(lambda: build(catalog, one_less), repeat)[:2]

    def export_all():
        for render in CORE_FORMATS.values():
            render(ruleset, RenderOptions())
        exporter = exporters.get("nftables")
        options = MergeOptions(fuse_protocols=exporter.fuse_protocols, limits=exporter.limits)
        exporter.render(build(catalog, plan, options), ExportContext(catalog, plan))

    results["export csv+text+json+nftables"] = measure(export_all, repeat)[:2]
    results["rules"] = (len(ruleset.rules), 0.0)
    results["components"] = (len(catalog.components), 0.0)
    return results


def main() -> None:
    components = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as directory:
        huge_path = Path(directory) / "huge.toml"
        huge_path.write_text(huge_catalog_text(components), encoding="utf-8")
        size = huge_path.stat().st_size
        real = run(default_catalog_path(), repeat=7)
        huge = run(huge_path, repeat=3)
    print(f"real catalog: {real['components'][0]:.0f} components, {real['rules'][0]:.0f} rules with everything ticked")
    print(
        f"huge catalog: {huge['components'][0]:.0f} components ({size / 2**20:.1f} MiB of TOML), "
        f"{huge['rules'][0]:.0f} rules with everything ticked"
    )
    print(f"{'step':32} {'real s':>9} {'huge s':>9} {'ratio':>8} {'real MiB':>9} {'huge MiB':>9}")
    for step in ("load", "build (all ticked)", "rebuild after one tick", "export csv+text+json+nftables"):
        (rs, rm), (hs, hm) = real[step], huge[step]
        print(f"{step:32} {rs:9.4f} {hs:9.3f} {hs / rs:8.0f} {rm:9.2f} {hm:9.1f}")
    total = sum(huge[s][0] for s in ("load", "build (all ticked)", "export csv+text+json+nftables"))
    print(f"huge: load + build + export = {total:.2f} s; per component {total / huge['components'][0] * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
