"""fwplan probe inside network namespaces the tests create: real nft drop rules give filtered ports.

Every run happens in fresh ``unshare -n -m`` namespaces with only ``lo`` (the driver
refuses to run otherwise); the probed addresses are 127.x addresses inside it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from fwplan.probe import FILTERED, OPEN, REFUSED, SIP_OPTIONS, STUN_BINDING, TCP_CONNECT, UNREACHABLE
from tests.conftest import ROOT, require_root, require_tool

pytestmark = pytest.mark.e2e

PBX, TARGET, SILENT = "127.0.0.1", "127.0.0.3", "127.0.0.2"


def in_namespace(scenario: dict) -> dict:
    require_tool("unshare", "ip", "nft", "mount")
    require_root()
    result = subprocess.run(
        ["unshare", "-n", "-m", sys.executable, "-m", "tests.e2e.probe_netns_driver"],
        input=json.dumps(scenario),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, "FWPLAN_OUTER_MOUNT_NS": os.readlink("/proc/self/ns/mnt")},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_cli_in_a_namespace_tells_open_refused_filtered_and_gets_sip_and_stun_answers():
    outcome = in_namespace(
        {
            "drop": [f"ip daddr {PBX} tcp dport 9094"],
            "tcp": [[PBX, 5060], [PBX, 9443], [TARGET, 443]],
            "sip": [[PBX, 5060]],
            "stun": [[TARGET, 3478]],
            "argv": [
                "probe",
                "--select",
                "instantpbx",
                "--select",
                "instantpbx/swyxit-windows-first-start",
                "--select",
                "hostedpbx-classic",
                "--select",
                "hostedpbx-classic/analog-adapters-direct",
                "--lan",
                "192.168.50.2/24",
                "--host",
                PBX,
                "--target",
                TARGET,
                "--timeout",
                "0.5",
                "--format",
                "json",
            ],
        }
    )
    document = json.loads(outcome["stdout"])
    expected = {
        (PBX, TCP_CONNECT, 5060): OPEN,
        (PBX, TCP_CONNECT, 9443): OPEN,
        (TARGET, TCP_CONNECT, 443): OPEN,
        (PBX, TCP_CONNECT, 9094): FILTERED,
        (PBX, SIP_OPTIONS, 5060): OPEN,
        (TARGET, STUN_BINDING, 3478): OPEN,
    }
    results = {(r["host"], r["check"], r["port"]): r["result"] for r in document["results"]}
    assert {key: results.get(key) for key in expected} == expected
    others = {key: state for key, state in results.items() if key not in expected}
    assert others and set(others.values()) == {REFUSED}, others  # e.g. SIP on the target: nothing listens
    assert (TARGET, SIP_OPTIONS, 5060) in others
    assert outcome["received"][f"sip {PBX}:5060"] >= 1 and outcome["received"][f"stun {TARGET}:3478"] >= 1
    assert {h["host"] for h in document["hosts"]} == {PBX, TARGET}
    assert f"contacting only {PBX} (PBX host) and {TARGET} (--target), no other host" in outcome["stderr"]
    assert outcome["rc"] == 1, "a filtered port means some planned port does not get through"


def test_host_that_answers_nothing_is_filtered_everywhere_within_the_stated_bound():
    outcome = in_namespace(
        {
            "drop": [f"ip daddr {SILENT}"],
            "tcp": [[SILENT, 5060]],  # listening, but the drop rule hides it
            "sip": [[SILENT, 5060]],
            "argv": [
                "probe",
                "--select",
                "instantpbx",
                "--select",
                "instantpbx/swyxit-windows-first-start",
                "--host",
                SILENT,
                "--timeout",
                "0.5",
                "--format",
                "json",
            ],
        }
    )
    document = json.loads(outcome["stdout"])
    # 7 TCP probes and 1 SIP for the permanent rules; 2 TCP and 1 SIP for the first start's rule of its own
    assert [r["result"] for r in document["results"]] == [FILTERED] * 11
    assert outcome["received"][f"sip {SILENT}:5060"] == 0
    assert 0.5 <= document["seconds"] <= document["deadline"] == pytest.approx(0.5 * 2 + 0.5)
    assert outcome["rc"] == 1


def test_a_host_a_firewall_rejects_with_icmp_is_unreachable_for_tcp_and_udp():
    rejected = "127.0.0.4"
    outcome = in_namespace(
        {
            "reject": [f"ip daddr {rejected}"],
            "checks": [
                [rejected, "tcp", 443, TCP_CONNECT],
                [rejected, "udp", 5060, SIP_OPTIONS],
                [rejected, "udp", 3478, STUN_BINDING],
            ],
            "timeout": 2,
            "parallel": 4,
        }
    )
    assert outcome["states"] == [UNREACHABLE] * 3
    assert outcome["seconds"] < 1, "an ICMP error is an answer: no waiting for the timeout"


def test_probing_200_dropped_ports_finishes_within_the_stated_bound():
    timeout, parallel, ports = 0.25, 32, range(20000, 20200)
    outcome = in_namespace(
        {
            "drop": ["tcp dport 20000-20199"],
            "checks": [[PBX, "tcp", port, TCP_CONNECT] for port in ports],
            "timeout": timeout,
            "parallel": parallel,
        }
    )
    waves = -(-len(ports) // parallel)
    assert outcome["states"] == [FILTERED] * 200
    assert outcome["deadline"] == pytest.approx(timeout * (waves + 1) + 0.5)
    assert waves * timeout <= outcome["seconds"] <= outcome["deadline"]


def test_a_pbx_name_that_does_not_resolve_is_one_line_and_exit_2():
    outcome = in_namespace(
        {"argv": ["probe", "--select", "instantpbx", "--host", "pbx.example.invalid", "--timeout", "1"]}
    )
    assert outcome["rc"] == 2
    last = outcome["stderr"].splitlines()[-1]
    assert last.startswith("fwplan: error: ") and "'pbx.example.invalid'" in last
    assert outcome["stdout"] == ""


def test_a_resolver_that_never_answers_cannot_hold_the_run_past_its_timeout():
    outcome = in_namespace(
        {
            "drop": [f"ip daddr {SILENT}"],
            "resolver": SILENT,  # DNS queries go unanswered: glibc alone would wait 5 s per attempt
            "argv": ["probe", "--select", "instantpbx", "--host", "pbx.example.invalid", "--timeout", "0.5"],
        }
    )
    assert outcome["rc"] == 2
    assert "resolving 'pbx.example.invalid' took longer than 0.5 s" in outcome["stderr"]
    assert outcome["wall_seconds"] < 3.0, "python start-up plus the 0.5 s timeout, not the resolver's own 5 s"
