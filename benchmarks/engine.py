"""The merge engine on 1k, 10k and 100k synthetic requirements.

Flows are drawn (seeded) from a realistic mix: a few dozen endpoints (the LAN
network and address, PBX hosts, any), both directions and protocols, single
ports, short lists and wide RTP-like ranges, from many components, in all three
scopes (mostly internet) and a few conditional items. Goal: 100k
in at most 1 s on this machine, and growth no worse than n log n: the time
per n log n unit growing by at most ~1.2x per tenfold n.

    uv run python benchmarks/engine.py
"""

from __future__ import annotations

import math
import random
import statistics
import time
import tracemalloc

from fwplan.catalog import Note, Text
from fwplan.merge import ANY, Endpoint, Flow, Origin, merge
from fwplan.ports import PortRange, PortSet


def synthetic_flows(n: int, seed: int = 1) -> list[Flow]:
    rnd = random.Random(seed)
    endpoints = [ANY, Endpoint("network", "192.168.50.0/24"), Endpoint("address", "192.168.50.2")]
    endpoints += [Endpoint("host", f"pbx{i}.telovip.de") for i in range(20)]
    endpoints += [Endpoint("address", f"203.0.113.{i}") for i in range(1, 11)]
    origins = [
        Origin(f"p{i % 7}/c{i}", f"Section {i}", f"line {i}", Text(f"Zweck {i}", f"purpose {i}")) for i in range(500)
    ]
    conditions = [None] * 8 + [Note(Text(f"Nur Fall {i}", f"Only case {i}"), f"case {i}") for i in range(2)]
    scopes = ["internet"] * 6 + ["internal"] * 3 + ["remote"]
    flows = []
    for _ in range(n):
        kind = rnd.random()
        if kind < 0.6:
            ports = PortSet.of(rnd.randint(1, 65535))
        elif kind < 0.9:
            ports = PortSet.of(*(rnd.randint(1, 65535) for _ in range(rnd.randint(2, 6))))
        else:
            lo = rnd.randint(1, 60000)
            ports = PortSet((PortRange(lo, min(65535, lo + rnd.randint(10, 5000))),))
        flows.append(
            Flow(
                rnd.choice(("outbound", "inbound")),
                rnd.choice(("tcp", "udp")),
                rnd.choice(endpoints[1:3]),
                rnd.choice(endpoints),
                ports,
                rnd.choice(origins),
                rnd.choice(scopes),
                rnd.choice(conditions),
            )
        )
    return flows


def timed(flows: list[Flow], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        merge(flows)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    results = {}
    merge(synthetic_flows(1_000, seed=2))  # warm up caches and the allocator
    for n, repeat in ((1_000, 7), (10_000, 5), (100_000, 3)):
        flows = synthetic_flows(n)
        results[n] = timed(flows, repeat)
        rules = merge(flows)
        print(f"{n:>7} requirements -> {len(rules):>4} rules: median {results[n] * 1000:8.1f} ms")
    unit = {n: t / (n * math.log2(n)) for n, t in results.items()}
    print(
        f"time per n*log2(n), 100k vs 10k: {unit[100_000] / unit[10_000]:.2f}x; 10k vs 1k: "
        f"{unit[10_000] / unit[1_000]:.2f}x (growth no worse than n log n while <= ~1.2)"
    )
    print(f"100k within 1 s: {'yes' if results[100_000] <= 1.0 else 'NO'} ({results[100_000]:.2f} s)")
    flows = synthetic_flows(100_000)
    tracemalloc.start()
    merge(flows)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory allocated by merge on 100k: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
