"""Runs inside a fresh network namespace (``unshare -n``): sets up loopback, nft drop rules and servers, probes.

Reads a JSON scenario on stdin, prints a JSON result on stdout. It refuses to run
when it sees any interface but ``lo``, so that it can never probe a real network,
or outside a mount namespace of its own (``unshare -m``), where ``resolver`` would
change the host's /etc/resolv.conf.

Scenario keys:
  resolver   an address to put in this namespace's /etc/resolv.conf (bind-mounted over it)
  drop       nft match expressions whose packets the namespace's input hook drops, e.g. "tcp dport 9094"
  reject     nft match expressions answered with ICMP administratively prohibited, as firewalls reject
  tcp        [[address, port], ...] TCP listeners that accept and hang up
  sip, stun  [[address, port], ...] UDP responders (tests/probe_responders.py)
  argv       arguments of 'fwplan' to run as a subprocess, or
  checks     [[host, protocol, port, method], ...] to probe in-process with run_probe,
             with "timeout" and "parallel"
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from fwplan.merge import Endpoint, Rule
from fwplan.ports import PortSet
from fwplan.probe import Check, Entry, ProbeOptions, ProbePlan, run_probe
from tests.probe_responders import Servers, SipResponder, StunResponder

TABLE = "fwplan_probe_test"


def refuse_unless_isolated() -> None:
    names = sorted(name for _index, name in socket.if_nameindex())
    if names != ["lo"]:
        sys.exit(f"refusing to run: interfaces {names} show this is not a fresh network namespace")
    outer = os.environ.get("FWPLAN_OUTER_MOUNT_NS")
    if not outer or os.readlink("/proc/self/ns/mnt") == outer:
        sys.exit(
            "refusing to run: not in a mount namespace of its own (run under 'unshare -n -m' with "
            "FWPLAN_OUTER_MOUNT_NS set to the caller's /proc/self/ns/mnt)"
        )


def use_resolver(address: str) -> None:
    """Bind a resolv.conf of this run's own over /etc/resolv.conf (a file of its own: parallel runs share /tmp)."""
    fd, path = tempfile.mkstemp(prefix="fwplan-probe-test-resolv-", suffix=".conf")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(f"nameserver {address}\n")
        os.chmod(path, 0o644)
        subprocess.run(["mount", "--bind", path, "/etc/resolv.conf"], check=True)
    finally:
        os.unlink(path)  # the bind mount keeps the file for as long as this mount namespace lives


def set_up_network(drop: list[str], reject: list[str]) -> None:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    commands = [
        f"add table inet {TABLE}",
        f"add chain inet {TABLE} input {{ type filter hook input priority 0; policy accept; }}",
    ]
    commands += [f"add rule inet {TABLE} input {expression} drop" for expression in drop]
    commands += [
        f"add rule inet {TABLE} input {expression} reject with icmpx type admin-prohibited" for expression in reject
    ]
    subprocess.run(["nft", "; ".join(commands)], check=True)


async def run(scenario: dict) -> dict:
    async with Servers() as servers:
        responders = {}
        for address, port in scenario.get("tcp", []):
            await servers.tcp_listener(address, port)
        for kind, make in (("sip", SipResponder), ("stun", StunResponder)):
            for address, port in scenario.get(kind, []):
                responder = make()
                await servers.udp(responder, address, port)
                responders[f"{kind} {address}:{port}"] = responder
        if "argv" in scenario:
            result = await run_cli(scenario["argv"])
        else:
            result = await run_checks(scenario)
        result["received"] = {name: len(r.received) for name, r in responders.items()}
        return result


async def run_cli(argv: list[str]) -> dict:
    code = "import sys; from fwplan.cli import main; sys.exit(main(sys.argv[1:]))"
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, *argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    stdout, stderr = await process.communicate()
    return {
        "rc": process.returncode,
        "stdout": stdout.decode(),
        "stderr": stderr.decode(),
        "wall_seconds": time.monotonic() - started,
    }


async def run_checks(scenario: dict) -> dict:
    checks = tuple(Check(host, protocol, port, method) for host, protocol, port, method in scenario["checks"])
    hosts = tuple(dict.fromkeys(c.host for c in checks))
    rule = Rule(
        "outbound", "tcp", Endpoint("any", "any"), Endpoint("address", hosts[0]), PortSet.of(*(c.port for c in checks))
    )
    plan = ProbePlan((Entry(1, rule, "tcp", hosts[0], rule.ports, checks),), hosts[0], None)
    options = ProbeOptions(scenario["timeout"], scenario["parallel"])
    started = time.monotonic()
    report = await run_probe(plan, options)
    return {
        "states": [report.outcomes[c].state for c in checks],
        "seconds": report.seconds,
        "wall_seconds": time.monotonic() - started,
        "deadline": report.deadline,
    }


def main() -> None:
    refuse_unless_isolated()
    scenario = json.load(sys.stdin)
    set_up_network(scenario.get("drop", []), scenario.get("reject", []))
    if "resolver" in scenario:
        use_resolver(scenario["resolver"])
    print(json.dumps(asyncio.run(run(scenario))))


if __name__ == "__main__":
    main()
