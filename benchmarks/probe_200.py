"""How long probing 200 ports takes, against the stated bound for the whole run.

    uv run python benchmarks/probe_200.py [--timeout S] [--parallel N]

1. Loopback, 100 listening + 100 refused ports: fwplan's prober against a plain
   sequential connect loop over the same ports in the same run (a ratio).
2. Worst case, every port dropped by nft (no answer at all), in a fresh network
   namespace (``unshare -n``, needs root and nft): elapsed against the ideal
   ``ceil(200 / parallel) x timeout`` and against the stated bound
   ``timeout x (ceil(200 / parallel) + 1) + 0.5 s``.
Only 127.0.0.1 is contacted: on the host's loopback, or inside the namespace.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import contextlib  # noqa: E402

from fwplan.merge import Endpoint, Rule  # noqa: E402
from fwplan.ports import PortSet  # noqa: E402
from fwplan.probe import TCP_CONNECT, Check, Entry, ProbeOptions, ProbePlan, run_probe  # noqa: E402

HOST = "127.0.0.1"
COUNT = 200


def probe_plan(ports: list[int]) -> ProbePlan:
    checks = tuple(Check(HOST, "tcp", port, TCP_CONNECT) for port in ports)
    rule = Rule("outbound", "tcp", Endpoint("any", "any"), Endpoint("address", HOST), PortSet.of(*ports))
    return ProbePlan((Entry(1, rule, "tcp", HOST, rule.ports, checks),), HOST, None)


def sequential_connects(ports: list[int], timeout: float) -> float:
    started = time.monotonic()
    for port in ports:
        with socket.socket() as sock:
            sock.settimeout(timeout)
            with contextlib.suppress(OSError):
                sock.connect((HOST, port))
    return time.monotonic() - started


async def loopback(options: ProbeOptions) -> dict:
    servers, closed = [], []
    for _ in range(COUNT // 2):
        servers.append(await asyncio.start_server(lambda r, w: w.close(), HOST, 0))
        sock = socket.socket()
        sock.bind((HOST, 0))
        closed.append(sock)
    ports = sorted([s.sockets[0].getsockname()[1] for s in servers] + [s.getsockname()[1] for s in closed])
    report = await run_probe(probe_plan(ports), options)
    baseline = await asyncio.to_thread(sequential_connects, ports, options.timeout)
    for server in servers:
        server.close()
    for sock in closed:
        sock.close()
    states = {}
    for outcome in report.outcomes.values():
        states[outcome.state.value] = states.get(outcome.state.value, 0) + 1
    return {"seconds": report.seconds, "baseline": baseline, "deadline": report.deadline, "states": states}


async def dropped(options: ProbeOptions) -> dict:
    ports = list(range(20000, 20000 + COUNT))
    report = await run_probe(probe_plan(ports), options)
    states = {}
    for outcome in report.outcomes.values():
        states[outcome.state.value] = states.get(outcome.state.value, 0) + 1
    return {"seconds": report.seconds, "deadline": report.deadline, "states": states}


def in_namespace(args: argparse.Namespace) -> None:
    names = sorted(name for _i, name in socket.if_nameindex())
    if names != ["lo"]:
        sys.exit(f"refusing: interfaces {names}: not a fresh network namespace")
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    subprocess.run(
        [
            "nft",
            "add table inet bench; add chain inet bench input { type filter hook input priority 0; }; "
            f"add rule inet bench input tcp dport 20000-{20000 + COUNT - 1} drop",
        ],
        check=True,
    )
    print(json.dumps(asyncio.run(dropped(ProbeOptions(args.timeout, args.parallel)))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--parallel", type=int, default=32)
    parser.add_argument("--in-netns", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_netns:
        in_namespace(args)
        return
    options = ProbeOptions(args.timeout, args.parallel)
    waves = math.ceil(COUNT / options.parallel)
    print(
        f"{COUNT} TCP ports, timeout {options.timeout:g} s, parallel {options.parallel}: "
        f"stated bound {options.deadline(COUNT):.2f} s"
    )
    fast = asyncio.run(loopback(options))
    print(
        f"loopback (100 open, 100 refused): prober {fast['seconds'] * 1000:.1f} ms, "
        f"sequential connect loop {fast['baseline'] * 1000:.1f} ms, ratio {fast['seconds'] / fast['baseline']:.2f}; "
        f"results {fast['states']}"
    )
    if os.geteuid() != 0 or not all(shutil.which(t) for t in ("unshare", "nft", "ip")):
        print("all dropped: skipped (needs root, unshare, ip and nft)")
        return
    result = subprocess.run(
        [
            "unshare",
            "-n",
            sys.executable,
            __file__,
            "--in-netns",
            "--timeout",
            str(args.timeout),
            "--parallel",
            str(args.parallel),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    slow = json.loads(result.stdout)
    ideal = waves * options.timeout
    print(
        f"all dropped by nft (worst case): {slow['seconds']:.2f} s; ideal {waves} waves x {options.timeout:g} s = "
        f"{ideal:.2f} s (ratio {slow['seconds'] / ideal:.3f}); stated bound {slow['deadline']:.2f} s "
        f"(ratio {slow['seconds'] / slow['deadline']:.3f}); results {slow['states']}"
    )


if __name__ == "__main__":
    main()
