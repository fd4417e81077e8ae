"""Network namespaces for the router tests: made, wired, probed and removed by the test that needs them.

Every namespace name carries a tag unique to the test run (the pid and a counter), so that parallel runs
and pytest-xdist workers never share one; every address lives only inside these namespaces. The listener and the prober are
``tests.e2e.netpeers``, run inside a namespace with ``ip netns exec``.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.conftest import ROOT

#: Ports no plan opens, probed in every test: each must be blocked.
UNPLANNED = (1, 22, 25, 53, 135, 442, 444, 1194, 3389, 5059, 5061, 8081, 9093, 9999, 60000, 65535)
#: How each export is loaded into the router: iptables-restore always with --noflush (see exporters.iptables).
LOADERS = {
    ("nftables", 4): ("nft", "-f"),
    ("nftables", 6): ("nft", "-f"),
    ("iptables", 4): ("iptables-restore", "--noflush"),
    ("iptables", 6): ("ip6tables-restore", "--noflush"),
}
SAVERS = {4: "iptables-save", 6: "ip6tables-save"}
#: The probes' source ports, below Linux's default ephemeral range (net.ipv4.ip_local_port_range 32768-60999).
FIRST_SOURCE_PORT, EPHEMERAL_PORTS = 10000, 32768
_TAGS = itertools.count()


def run(*argv: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, input=input, capture_output=True, text=True, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def unique_tag() -> str:
    """The pid and a counter, apart (``4711x3``): unique among parallel workers, whose pids differ.

    Only namespace names carry it (they may be long); interface names are fixed, as each lives in a
    namespace of its own test, and stay within Linux's 15 characters.
    """
    return f"{os.getpid()}x{next(_TAGS)}"


def sample_ports(rules) -> set[int]:
    """UNPLANNED, and for each rule's ranges both ends, the middle and the ports just outside."""
    ports = set(UNPLANNED)
    for rule in rules:
        for r in rule.ports.ranges:
            ports.update({r.lo, r.hi, (r.lo + r.hi) // 2})
            ports.update(p for p in (r.lo - 1, r.hi + 1) if 1 <= p <= 65535)
    return ports


def cli_export(path: Path, *argv: str) -> Path:
    """The file users get: ``fwplan export ... -o PATH`` through the real CLI."""
    run(sys.executable, "-m", "fwplan.cli", "export", *argv, "-o", str(path))
    return path


class Namespaces:
    """A set of namespaces by role (``fwp<tag>-<role>``), with listeners that ``down`` stops."""

    def __init__(self, prefix: str, roles) -> None:
        self.ns = {role: f"fwp{prefix}-{role}" for role in roles}
        self.listeners: list[subprocess.Popen] = []
        # Every probe of a test sends from a source port of its own, below the kernel's ephemeral range: a
        # probe never reuses the connection-tracking entry of an earlier one (made before the firewall was
        # loaded, say), which would let it pass as an established flow.
        self._sports = itertools.count(FIRST_SOURCE_PORT)
        self._listened: set[int] = set()  # never a source port: a listener holds it

    def x(self, role: str, *argv: str, **kw) -> subprocess.CompletedProcess:
        return run("ip", "netns", "exec", self.ns[role], *argv, **kw)

    def sysctl(self, role: str, *settings: str) -> None:
        self.x(role, "sysctl", "-qw", *settings)

    def ip(self, role: str, *argv: str) -> None:
        run("ip", "-n", self.ns[role], *argv)

    def up(self) -> None:
        for role, name in self.ns.items():
            run("ip", "netns", "add", name)
            # no duplicate address detection: an address is not usable while it runs
            self.sysctl(role, "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0")
            self.ip(role, "link", "set", "lo", "up")

    def veth(self, role: str, dev: str, peer_role: str, peer_dev: str) -> None:
        """A cable between two namespaces, both ends up."""
        run(
            "ip",
            "link",
            "add",
            dev,
            "netns",
            self.ns[role],
            "type",
            "veth",
            "peer",
            "name",
            peer_dev,
            "netns",
            self.ns[peer_role],
        )
        self.ip(role, "link", "set", dev, "up")
        self.ip(peer_role, "link", "set", peer_dev, "up")

    def listen(self, role: str, addresses, ports: dict, log: Path | None = None) -> None:
        proc = subprocess.Popen(
            ["ip", "netns", "exec", self.ns[role], sys.executable, "-m", "tests.e2e.netpeers", "listen"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        self.listeners.append(proc)
        self._listened.update(ports["tcp"], ports["udp"])
        proc.stdin.write(json.dumps({**ports, "addresses": list(addresses), "log": str(log) if log else None}))
        proc.stdin.close()
        line = proc.stdout.readline()  # bounded: the process either prints "ready" or exits
        assert line.strip() == "ready", f"listener in {role} failed: {proc.stderr.read()}"

    def probe(self, role: str, items: list) -> list:
        """[outcome, peer, local] for each [proto, address, port(, source)] tried from ``role``."""
        return self.probe_all([(role, items)])[0]

    def probe_all(self, batches: list[tuple[str, list]]) -> list[list]:
        """``probe`` for each (role, items), all at once: the waits for blocked probes overlap."""
        sent = [(role, [[*item, None][:4] + [self._source_port()] for item in items]) for role, items in batches]
        with ThreadPoolExecutor(max_workers=max(1, len(sent))) as pool:
            return list(pool.map(lambda batch: self._probe_from(*batch), sent))

    def _probe_from(self, role: str, sent: list) -> list:
        result = subprocess.run(
            ["ip", "netns", "exec", self.ns[role], sys.executable, "-m", "tests.e2e.netpeers", "probe"],
            input=json.dumps(sent),
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def _source_port(self) -> int:
        port = next(self._sports)
        while port in self._listened:
            port = next(self._sports)
        assert port < EPHEMERAL_PORTS, "more probes than source ports"
        return port

    def load(self, role: str, fmt: str, family: int, path: Path) -> None:
        self.x(role, *LOADERS[fmt, family], str(path))

    def down(self) -> None:
        for proc in self.listeners:
            proc.kill()
            proc.wait(timeout=10)
        for name in self.ns.values():
            subprocess.run(["ip", "netns", "del", name], capture_output=True)
