"""Planner speed: start-up to the first interactive frame, and a tick to the updated rule table.

    uv run python benchmarks/tui_startup.py [--runs N] [--ticks N]

1. Start-up: ``fwplan`` (the planner, preset with hostedpbx-classic) and a bare
   Textual app with the same widgets (benchmarks/bare_app.py) are started
   alternately in a pseudo-terminal of 80x24; the time runs from the spawn to
   the moment the first full frame (its Footer, the last line drawn) has been
   written. Goal: the median ratio fwplan / bare at most 1.3. Measured twice:
   with bytecode cached (a normal install) and with none (PYTHONDONTWRITEBYTECODE=1,
   where every start compiles every module).
2. Tick: under Pilot at 120x40 with the full catalog, a component is ticked
   (ComponentTree.toggle, the same call space makes) and the time runs until the
   app has handled ComponentTree.SelectionChanged: the engine has rebuilt the
   rule set and the table, status line and details hold the new content (the
   next screen refresh paints them). Goal: at most 16 ms. For comparison the
   same run times a bare DataTable refilled with the same rows.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = b"Quit"
TIMEOUT = 30.0


def time_to_first_frame(argv: list[str], pycache: str | None) -> float:
    """Seconds from spawning ``argv`` in an 80x24 pty to its first full frame.

    With ``pycache`` (a directory), bytecode is cached there as on a normal install; without, every
    module is compiled from source at each start (PYTHONDONTWRITEBYTECODE=1).
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SSH_", "TMUX", "PYTHONDONTWRITE", "PYTHONPYCACHE"))
    }
    env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", COLUMNS="80", LINES="24")
    if pycache:
        env["PYTHONPYCACHEPREFIX"] = pycache
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("DISPLAY", None)
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True)
    os.close(slave)
    seen = b""
    try:
        while True:
            remaining = TIMEOUT - (time.perf_counter() - start)
            if remaining <= 0:
                raise RuntimeError(f"{argv[0]}: no first frame within {TIMEOUT}s; output: {seen[-400:]!r}")
            ready, _, _ = select.select([master], [], [], remaining)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                raise RuntimeError(f"{argv[0]} exited before drawing; output: {seen[-400:]!r}") from None
            seen += chunk
            if MARKER in seen and b"9 rules" in seen:
                return time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            while select.select([master], [], [], 0.2)[0] and os.read(master, 65536):
                pass
        except OSError:
            pass
        process.wait(timeout=10)
        os.close(master)


def startup(runs: int, pycache: str | None) -> dict[str, float]:
    bin_dir = Path(sys.executable).parent
    fwplan = [
        str(bin_dir / "fwplan"),
        "--select",
        "hostedpbx-classic",
        "--lan",
        "192.168.50.2/24",
        "--host",
        "acme.telovip.de",
        "--lang",
        "en",
    ]
    bare = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")]
    time_to_first_frame(fwplan, pycache)  # warm the file cache and the bytecode
    time_to_first_frame(bare, pycache)
    planner_times, bare_times = [], []
    for _ in range(runs):
        planner_times.append(time_to_first_frame(fwplan, pycache))
        bare_times.append(time_to_first_frame(bare, pycache))
    planner, baseline = statistics.median(planner_times), statistics.median(bare_times)
    return {"fwplan_ms": planner * 1000, "bare_ms": baseline * 1000, "ratio": planner / baseline}


async def tick_latency(ticks: int) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from textual.app import App
    from textual.widgets import DataTable

    from fwplan.catalog import load_catalog
    from fwplan.plan import Plan, parse_host, parse_lan
    from tui.app import PlannerApp
    from tui.widgets.component_tree import ComponentTree, NodeRef
    from tui.widgets.rules_table import RulesTable

    catalog = load_catalog()
    everything = tuple(c.id for c in catalog.components)

    class Timed(PlannerApp):
        done: asyncio.Event | None = None
        finished_at = 0.0

        def on_component_tree_selection_changed(self, event: ComponentTree.SelectionChanged) -> None:
            super().on_component_tree_selection_changed(event)
            self.finished_at = time.perf_counter()
            if self.done is not None:
                self.done.set()

    plan = Plan(everything, parse_lan("192.168.50.2/24"), parse_host("acme.telovip.de"))
    app = Timed(catalog, plan, "en", environ={}, cursor_blink=False)
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.query_one(ComponentTree)
        for i in range(ticks):
            # off, then on again: the plan is always the full catalog or one component less
            component = everything[(i // 2) % len(everything)]
            app.done = asyncio.Event()
            start = time.perf_counter()
            tree.toggle(NodeRef("component", component))
            await asyncio.wait_for(app.done.wait(), TIMEOUT)
            times.append(app.finished_at - start)
            await pilot.pause()
        rows = app.query_one(RulesTable).row_count

    class BareTable(App):
        def compose(self):
            yield DataTable()

    bare_times = []
    bare = BareTable()
    async with bare.run_test(size=(120, 40)) as pilot:
        table = bare.query_one(DataTable)
        table.add_columns("Direction", "Proto", "Source", "Destination", "Ports", "Purpose")
        row = ("out", "tcp", "192.168.50.0/24", "acme.telovip.de", "443,9094,9100-9101,16203,57203", "purpose " * 8)
        for _ in range(ticks):
            start = time.perf_counter()
            table.clear()
            table.add_rows([row] * rows)
            bare_times.append(time.perf_counter() - start)
            await pilot.pause()
    times.sort()
    return {
        "tick_median_ms": statistics.median(times) * 1000,
        "tick_p95_ms": times[int(len(times) * 0.95) - 1] * 1000,
        "tick_max_ms": times[-1] * 1000,
        "rows": rows,
        "bare_refill_median_ms": statistics.median(bare_times) * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="start-ups of each app (default 10)")
    parser.add_argument("--ticks", type=int, default=100, help="ticks to time (default 100)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="fwplan-bench-pycache-") as pycache:
        for label, cache in (("bytecode cached", pycache), ("no bytecode cache", None)):
            result = startup(args.runs, cache)
            print(
                f"start-up to first frame, {label} (median of {args.runs}): fwplan {result['fwplan_ms']:.0f} ms, "
                f"bare Textual app {result['bare_ms']:.0f} ms, ratio {result['ratio']:.2f} (goal <= 1.30)"
            )
    ticks = asyncio.run(tick_latency(args.ticks))
    print(
        f"tick -> table updated, full catalog ({ticks['rows']} rules, {args.ticks} ticks): "
        f"median {ticks['tick_median_ms']:.2f} ms, p95 {ticks['tick_p95_ms']:.2f} ms, "
        f"max {ticks['tick_max_ms']:.2f} ms (goal <= 16 ms); "
        f"bare DataTable refill with as many rows: median {ticks['bare_refill_median_ms']:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
