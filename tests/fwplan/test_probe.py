"""fwplan probe: what is planned (pure), and the prober against servers started here on loopback only."""

from __future__ import annotations

import asyncio
import csv
import gc
import io
import json
import os
import re
import subprocess
import sys
import time
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fwplan.cli import main
from fwplan.merge import ANY, Endpoint, Rule, RuleSet, build
from fwplan.plan import Plan, expand_selection, parse_host, parse_lan
from fwplan.ports import PortRange, PortSet
from fwplan.probe import (
    FILTERED,
    METHOD_WORDS,
    NOT_RUN,
    OPEN,
    REASONS,
    REFUSED,
    SIP_OPTIONS,
    STATE_WORDS,
    STATES,
    STUN_BINDING,
    TCP_CONNECT,
    Check,
    CheckFinished,
    Entry,
    HostResolved,
    Method,
    ProbeError,
    ProbeOptions,
    ProbePlan,
    Sampling,
    plan_probe,
    read_stun_response,
    run_probe,
    sample_ports,
    stun_binding_request,
)
from fwplan.probe.formats import CSV_HEADER, StderrProgress, render_probe_csv, render_probe_json, render_probe_text
from tests.conftest import ROOT
from tests.probe_responders import (
    GarbageResponder,
    Servers,
    SilentSink,
    SipResponder,
    SlowSipResponder,
    StunResponder,
    Waiting,
)

LOOPBACK = "127.0.0.1"
LAN = parse_lan("192.168.50.2/24")
LAN_NET = Endpoint("network", LAN.network)


def _plan(*selection: str, host: str | None = "acme.telovip.de", catalog=None) -> Plan:
    return Plan(
        selected=expand_selection(catalog, selection) if catalog else (),
        lan=LAN,
        host=parse_host(host) if host else None,
    )


def _rule(
    protocol: str, ports: PortSet, destination: Endpoint, direction: str = "outbound", source: Endpoint = LAN_NET
) -> Rule:
    return Rule(direction, protocol, source, destination, ports)


def _pbx(host: str = LOOPBACK) -> Endpoint:
    return Endpoint("address" if host[0].isdigit() or ":" in host else "host", host)


@pytest.fixture
async def servers():
    async with Servers() as started:
        yield started


def _single_plan(*checks: Check) -> ProbePlan:
    rule = _rule("tcp", PortSet.of(*(c.port for c in checks)), _pbx())
    return ProbePlan((Entry(1, rule, "tcp", LOOPBACK, rule.ports, checks),), LOOPBACK, None)


# --------------------------------------------------------------------------
# Planning
# --------------------------------------------------------------------------


def test_outbound_tcp_rule_to_pbx_gets_a_connect_per_port(catalog):
    plan = _plan("instantpbx", "instantpbx/swyxit-windows-first-start", catalog=catalog)
    probe = plan_probe(build(catalog, plan), plan)
    tcp = [e for e in probe.entries if e.protocol == "tcp" and e.rule.destination == _pbx("acme.telovip.de")]
    assert [e.rule.condition is not None for e in tcp] == [False, True], "the first start has a rule of its own"
    assert [c.port for c in tcp[0].checks] == [9094, 9100, 9101, 9443, 16203, 57203]
    assert [c.port for c in tcp[1].checks] == [5060, 5070]
    assert {(c.host, c.method) for e in tcp for c in e.checks} == {("acme.telovip.de", TCP_CONNECT)}


def test_remote_clients_rules_are_not_probed_from_the_site(catalog):
    plan = _plan("hostedpbx-classic", catalog=catalog)
    probe = plan_probe(build(catalog, plan), plan)
    remote = [e for e in probe.entries if e.rule.scope == "remote"]
    assert remote and all(e.host is None and not e.checks and "remote" in e.reason.en for e in remote)


def test_udp_to_pbx_gets_sip_on_5060_and_the_rest_is_not_testable(catalog):
    plan = _plan("instantpbx", catalog=catalog)
    probe = plan_probe(build(catalog, plan), plan)
    (udp,) = [e for e in probe.entries if e.protocol == "udp"]
    assert [(c.port, c.method) for c in udp.checks] == [(5060, SIP_OPTIONS)]
    assert udp.untested == PortSet.parse("10000-59999")
    assert udp.reason == REASONS["udp"]
    assert all(c.method != STUN_BINDING for c in probe.checks), "3478 is not in this plan"


def test_rules_to_any_are_skipped_without_target_and_checked_against_it_with_one(catalog):
    plan = _plan("hostedpbx-classic", "hostedpbx-classic/analog-adapters-direct", catalog=catalog)
    ruleset = build(catalog, plan)
    without = plan_probe(ruleset, plan)
    to_any = [e for e in without.entries if e.rule.destination == ANY]
    skipped = [e for e in to_any if e.host is None]
    assert skipped and all(e.reason == REASONS["any"] and not e.checks for e in skipped)
    assert {e.host for e in to_any} == {None, "acme.telovip.de"}, "only what the plan wants at the PBX"
    assert without.hosts == ("acme.telovip.de",)

    with_target = plan_probe(ruleset, plan, target="198.51.100.7")
    assert with_target.hosts == ("acme.telovip.de", "198.51.100.7")
    checks = {(c.host, c.protocol, c.port, c.method) for c in with_target.checks}
    assert ("198.51.100.7", "udp", 3478, STUN_BINDING) in checks
    assert ("198.51.100.7", "udp", 5060, SIP_OPTIONS) in checks
    assert ("198.51.100.7", "tcp", 443, TCP_CONNECT) in checks


def test_ports_for_the_pbx_folded_into_a_rule_to_any_are_still_probed_at_the_pbx(catalog):
    plan = _plan("instantpbx", "hostedpbx-classic", catalog=catalog)
    ruleset = build(catalog, plan)
    (tcp_any,) = [r for r in ruleset.rules if r.destination == ANY and r.protocol == "tcp"]
    assert 443 in tcp_any.ports and all(
        r.destination == ANY for r in ruleset.rules if 443 in r.ports and r.protocol == "tcp" and r.scope == "internet"
    ), "the merge serves TCP 443 to the PBX via any"
    probe = plan_probe(ruleset, plan)
    entries = [e for e in probe.entries if e.rule is tcp_any]
    assert [(e.host, [c.port for c in e.checks]) for e in entries] == [("acme.telovip.de", [443, 9200]), (None, [])]
    assert entries[1].untested == PortSet.of(21, 80) and entries[1].reason == REASONS["any"]
    with_target = [e for e in plan_probe(ruleset, plan, "198.51.100.7").entries if e.rule is tcp_any]
    assert [(e.host, [c.port for c in e.checks]) for e in with_target] == [
        ("acme.telovip.de", [443, 9200]),
        ("198.51.100.7", [21, 80, 443, 9200]),
    ]


def test_inbound_and_lan_destinations_are_never_probed(catalog):
    plan = _plan("hostedpbx-classic", catalog=catalog)
    probe = plan_probe(build(catalog, plan), plan, target="198.51.100.7")
    inbound = [e for e in probe.entries if e.rule.direction == "inbound"]
    assert inbound and all(e.host is None and e.reason == REASONS["inbound"] for e in inbound)
    to_lan = [
        e
        for e in probe.entries
        if e.rule.direction == "outbound" and e.rule.destination == Endpoint("address", LAN.address)
    ]
    assert to_lan and all(e.host is None and "192.168.50.2" in e.reason.en for e in to_lan)


@pytest.mark.parametrize("product", ["instantpbx", "hostedpbx-vpnless", "hostedpbx-classic"])
@pytest.mark.parametrize("target", [None, "198.51.100.7"])
def test_only_the_pbx_host_and_the_target_are_ever_contacted(catalog, product, target):
    plan = _plan(product, catalog=catalog)
    probe = plan_probe(build(catalog, plan), plan, target=target)
    allowed = {"acme.telovip.de", target} - {None}
    assert set(probe.hosts) <= allowed
    assert all(c.host in allowed for c in probe.checks)


def test_without_pbx_host_nothing_towards_it_is_probed(catalog):
    plan = _plan("instantpbx", host=None, catalog=catalog)
    probe = plan_probe(build(catalog, plan), plan)
    assert probe.checks == () and probe.hosts == ()
    assert any(e.reason == REASONS["no_host"] for e in probe.entries)


def test_large_range_is_sampled_and_the_sample_is_stated():
    rule = _rule("tcp", PortSet.parse("443,10000-59999"), _pbx("acme.telovip.de"))
    plan = Plan(lan=LAN, host=parse_host("acme.telovip.de"))
    (entry,) = plan_probe(RuleSet((rule,)), plan).entries
    assert [c.port for c in entry.checks] == [443, 10000, 22500, 35000, 47499, 59999]
    (sample,) = entry.samples
    assert sample.range == PortRange(10000, 59999)
    assert sample.describe() == "10000-59999: 5 of 50000 ports probed: 10000, 22500, 35000, 47499, 59999"


@given(lo=st.integers(1, 65535), size=st.integers(1, 65535), inside=st.integers(0, 10), full=st.integers(1, 20))
def test_sample_keeps_both_ends_stays_inside_and_is_small(lo, size, inside, full):
    hi = min(65535, lo + size - 1)
    ports = sample_ports(PortRange(lo, hi), Sampling(full_up_to=full, inside=inside))
    assert ports[0] == lo and ports[-1] == hi
    assert all(lo <= p <= hi for p in ports) and list(ports) == sorted(set(ports))
    assert len(ports) == hi - lo + 1 if hi - lo + 1 <= full else len(ports) <= inside + 2


def test_a_port_two_rules_ask_for_is_probed_once():
    pbx = _pbx("acme.telovip.de")
    rules = (_rule("tcp", PortSet.of(443, 9443), pbx, source=ANY), _rule("tcp", PortSet.of(443), pbx))
    plan = Plan(lan=LAN, host=parse_host("acme.telovip.de"))
    probe = plan_probe(RuleSet(rules), plan)
    assert [c.port for c in probe.checks] == [443, 9443]
    assert [len(e.checks) for e in probe.entries] == [2, 1]


def test_options_are_validated_and_the_deadline_follows_from_them():
    with pytest.raises(ProbeError, match="timeout 0 is not valid"):
        ProbeOptions(timeout=0)
    with pytest.raises(ProbeError, match="parallel 0"):
        ProbeOptions(parallel=0)
    assert ProbeOptions(timeout=2, parallel=32).deadline(200) == pytest.approx(2 * (7 + 1) + 0.5)


# --------------------------------------------------------------------------
# Probing servers started here, on loopback
# --------------------------------------------------------------------------


async def test_tcp_listener_is_open_and_closed_port_is_refused(servers):
    probe = _single_plan(
        Check(LOOPBACK, "tcp", await servers.tcp_listener(), TCP_CONNECT),
        Check(LOOPBACK, "tcp", servers.closed_tcp_port(), TCP_CONNECT),
    )
    report = await run_probe(probe, ProbeOptions(timeout=2))
    assert [o.state for o in report.outcomes.values()] == [OPEN, REFUSED]
    assert report.all_passed


async def test_tcp_over_ipv6_loopback(servers):
    try:
        port = await servers.tcp_listener("::1")
    except OSError as exc:
        if os.environ.get("FWPLAN_REQUIRE_TOOLS"):
            pytest.fail(f"CI machines have IPv6 loopback, this one not: {exc}")
        pytest.skip(f"no IPv6 loopback here: {exc}")
    rule = _rule("tcp", PortSet.of(port), _pbx("::1"))
    plan = Plan(lan=LAN, host=parse_host("::1"))
    report = await run_probe(plan_probe(RuleSet((rule,)), plan), ProbeOptions(timeout=2))
    assert report.addresses == {"::1": "::1"}
    assert [o.state for o in report.outcomes.values()] == [OPEN]


async def test_sip_options_answered_by_a_sip_responder_is_open(servers):
    responder = SipResponder("404 Not Found")
    port = await servers.udp(responder)
    report = await run_probe(_single_plan(Check(LOOPBACK, "udp", port, SIP_OPTIONS)), ProbeOptions(timeout=2))
    (outcome,) = report.outcomes.values()
    assert outcome.state == OPEN
    assert outcome.detail.en.startswith("SIP/2.0 404 Not Found")
    assert outcome.detail.de.startswith("SIP/2.0 404 Not Found")  # the server's own words, untranslated
    request = responder.received[0][0].decode()
    assert request.startswith(f"OPTIONS sip:{LOOPBACK}:{port} SIP/2.0\r\n")
    assert "\r\nCSeq: 1 OPTIONS\r\n" in request and request.endswith("\r\n\r\n")


async def test_stun_binding_answered_by_a_stun_responder_is_open_with_the_mapped_address(servers):
    responder = StunResponder()
    port = await servers.udp(responder)
    report = await run_probe(_single_plan(Check(LOOPBACK, "udp", port, STUN_BINDING)), ProbeOptions(timeout=2))
    (outcome,) = report.outcomes.values()
    client = responder.received[0][1]
    assert outcome.state == OPEN
    assert outcome.detail.en.startswith(f"STUN Binding response, mapped address {client[0]}:{client[1]}")
    assert outcome.detail.de.startswith(f"STUN-Binding-Antwort, gemappte Adresse {client[0]}:{client[1]}")


async def test_stun_response_with_another_transaction_id_is_not_taken_as_an_answer(servers):
    responder = StunResponder(wrong_transaction=True)
    port = await servers.udp(responder)
    report = await run_probe(_single_plan(Check(LOOPBACK, "udp", port, STUN_BINDING)), ProbeOptions(timeout=0.4))
    (outcome,) = report.outcomes.values()
    assert responder.received, "the responder got the request and answered"
    assert outcome.state == FILTERED
    assert "not a STUN answer ignored" in outcome.detail.en
    assert "keine STUN-Antwort waren" in outcome.detail.de


async def test_a_reply_that_is_not_sip_does_not_count_as_open(servers):
    port = await servers.udp(GarbageResponder())
    report = await run_probe(_single_plan(Check(LOOPBACK, "udp", port, SIP_OPTIONS)), ProbeOptions(timeout=0.4))
    (outcome,) = report.outcomes.values()
    assert outcome.state == FILTERED and "not a SIP answer ignored" in outcome.detail.en


async def test_silent_udp_port_is_filtered_after_the_timeout_with_retransmissions(servers):
    sink = SilentSink()
    port = await servers.udp(sink)
    started = time.monotonic()
    report = await run_probe(_single_plan(Check(LOOPBACK, "udp", port, SIP_OPTIONS)), ProbeOptions(timeout=0.4))
    elapsed = time.monotonic() - started
    (outcome,) = report.outcomes.values()
    assert outcome.state == FILTERED
    assert 0.4 <= elapsed < report.deadline
    assert len(sink.received) == 3, "sent at 0, a quarter and half of the timeout"
    assert len({data for data, _addr in sink.received}) == 1, "a retransmission repeats the request"


async def test_closed_udp_port_is_refused(servers):
    port = servers.closed_udp_port()
    report = await run_probe(_single_plan(Check(LOOPBACK, "udp", port, STUN_BINDING)), ProbeOptions(timeout=2))
    assert [o.state for o in report.outcomes.values()] == [REFUSED]


async def test_no_more_probes_at_once_than_parallel(servers):
    waiting = Waiting()
    ports = [await servers.udp(SlowSipResponder(0.05, waiting)) for _ in range(6)]
    probe = _single_plan(*(Check(LOOPBACK, "udp", port, SIP_OPTIONS) for port in ports))
    report = await run_probe(probe, ProbeOptions(timeout=2, parallel=2))
    assert [o.state for o in report.outcomes.values()] == [OPEN] * 6
    assert waiting.most == 2


async def test_progress_reports_the_resolved_host_then_every_probe_in_order(servers):
    events = []
    probe = _single_plan(
        Check(LOOPBACK, "tcp", await servers.tcp_listener(), TCP_CONNECT),
        Check(LOOPBACK, "tcp", servers.closed_tcp_port(), TCP_CONNECT),
    )
    await run_probe(probe, ProbeOptions(timeout=2), events.append)
    assert events[0] == HostResolved(LOOPBACK, LOOPBACK)
    finished = events[1:]
    assert all(isinstance(e, CheckFinished) for e in finished)
    assert [(e.done, e.total) for e in finished] == [(1, 2), (2, 2)]


async def test_a_run_cut_off_by_its_deadline_reports_not_run_and_returns_on_time(servers):
    class ShortDeadline(ProbeOptions):
        def deadline(self, checks: int) -> float:
            return 0.3

    sink = SilentSink()
    port = await servers.udp(sink)
    probe = _single_plan(Check(LOOPBACK, "udp", port, SIP_OPTIONS))
    started = time.monotonic()
    report = await run_probe(probe, ShortDeadline(timeout=5, parallel=1))
    assert time.monotonic() - started < 2.5, "returned at the 0.3 s deadline, not at the 5 s timeout"
    assert [o.state for o in report.outcomes.values()] == [NOT_RUN]
    assert not report.all_passed


async def test_cancelling_the_run_stops_every_probe_and_closes_its_sockets(servers):
    sink = SilentSink()
    port = await servers.udp(sink)
    probe = _single_plan(*(Check(LOOPBACK, "udp", port, m) for m in (SIP_OPTIONS, STUN_BINDING)))
    first = asyncio.Event()
    task = asyncio.create_task(run_probe(probe, ProbeOptions(timeout=10), lambda e: first.set()))
    await asyncio.wait_for(first.wait(), 2)
    for _ in range(100):  # bounded: wait until both probes have sent
        if len(sink.clients) == 2:
            break
        await asyncio.sleep(0.01)
    started = time.monotonic()
    task.cancel()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(asyncio.CancelledError):
            await task
        stopped = time.monotonic() - started
        gc.collect()
    assert stopped < 5, "stopped at the cancel, not at the 10 s timeout"
    assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []
    assert not [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]


# --------------------------------------------------------------------------
# STUN encoding
# --------------------------------------------------------------------------


def test_stun_request_is_a_binding_request_with_magic_cookie_and_transaction_id():
    tid = bytes(range(12))
    request = stun_binding_request(tid)
    assert request == b"\x00\x01\x00\x00\x21\x12\xa4\x42" + tid


def test_stun_response_must_match_cookie_transaction_and_length():
    tid = bytes(range(12))
    good = b"\x01\x01\x00\x00\x21\x12\xa4\x42" + tid
    assert read_stun_response(good, tid).en == "STUN Binding response"
    assert read_stun_response(good, bytes(12)) is None
    assert read_stun_response(b"\x01\x01\x00\x00\x00\x00\x00\x00" + tid, tid) is None
    assert read_stun_response(b"\x01\x01\x00\x04\x21\x12\xa4\x42" + tid, tid) is None  # length lies
    assert read_stun_response(good[:19], tid) is None


# --------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--select", "instantpbx"], "no PBX host given"),
        (["--host", LOOPBACK], "nothing is selected"),
        (["--select", "instantpbx", "--host", LOOPBACK, "--target", "not a host"], "--target 'not a host'"),
        (["--select", "instantpbx", "--host", LOOPBACK, "--timeout", "abc"], "'abc' is not a number of seconds"),
        (["--select", "instantpbx", "--host", LOOPBACK, "--timeout", "0"], "'0' is not a number of seconds"),
        (["--select", "instantpbx", "--host", LOOPBACK, "--timeout", "nan"], "'nan' is not a number of seconds"),
        (["--select", "instantpbx", "--host", LOOPBACK, "--timeout", "61"], "at most 60"),
        (["--select", "instantpbx", "--host", LOOPBACK, "--parallel", "0"], "'0' must be 1 or more"),
    ],
)
def test_user_errors_exit_2_with_one_line(capsys, argv, message):
    assert main(["probe", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("fwplan: error: ") and message in err


def test_probe_against_loopback_reports_every_planned_port_as_json(capsys):
    code = main(["probe", "--select", "instantpbx", "--host", LOOPBACK, "--timeout", "1", "--format", "json"])
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert document["hosts"] == [{"host": LOOPBACK, "address": LOOPBACK, "role": "pbx"}]
    assert [(r["rule"], r["protocol"], r["port"]) for r in document["results"]] == [
        (1, "tcp", p) for p in (9094, 9100, 9101, 9443, 16203, 57203)
    ] + [(2, "udp", 5060), (3, "tcp", 443)]
    assert {r["address"] for r in document["results"]} == {LOOPBACK}
    assert code == (0 if document["summary"]["all_passed"] else 1)
    assert document["not_probed"][0]["destination"] == "any"
    assert "contacting only 127.0.0.1 (PBX host), no other host" in captured.err.splitlines()[0]


class _FullStderr:
    """A stderr on a full device: every write fails, and the test counts the tries."""

    def __init__(self, error: type[Exception] = OSError) -> None:
        self.error = error
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise self.error(28, "No space left on device") if self.error is OSError else self.error("closed file")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("error", [OSError, ValueError])
def test_a_failing_stderr_neither_ends_the_probe_nor_changes_its_exit_code(capsys, monkeypatch, error):
    stub = _FullStderr(error)
    monkeypatch.setattr(sys, "stderr", stub)
    code = main(["probe", "--select", "instantpbx", "--host", LOOPBACK, "--timeout", "1", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert document["summary"]["probes"] == 8
    assert code == (0 if document["summary"]["all_passed"] else 1)
    assert stub.writes == 1  # the first failure silences stderr: the start line, then no progress line is tried


def test_a_stderr_closed_at_start_is_no_stderr(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stderr", None)
    code = main(["probe", "--select", "instantpbx", "--host", LOOPBACK, "--timeout", "1", "--format", "csv"])
    out = capsys.readouterr().out
    assert out.startswith(",".join(CSV_HEADER) + "\r\n") and out.count("\r\n") > 8
    assert code in (0, 1)
    assert main(["probe", "--select", "instantpbx", "--lan", "300.1.1.1"]) == 2


def test_the_guarded_stderr_tries_a_new_stream_again(monkeypatch):
    """Only the stream that failed is given up: a later sys.stderr (a test's capture, say) is written."""
    from fwplan.cli import STDERR

    monkeypatch.setattr(sys, "stderr", _FullStderr())
    STDERR.write("lost\n")
    assert not STDERR.isatty()
    working = io.StringIO()
    monkeypatch.setattr(sys, "stderr", working)
    STDERR.write("said\n")
    assert working.getvalue() == "said\n"


def test_the_reports_and_the_plan_need_neither_the_runner_nor_the_text_table_at_import():
    code = (
        "import sys\n"
        "import fwplan.probe.formats, fwplan.probe.planning\n"
        "from fwplan import i18n\n"
        "print(sorted(m for m in ('asyncio', 'fwplan.probe.runner') if m in sys.modules), i18n._table is None)\n"
        "import asyncio\n"
        "from fwplan.probe import ProbePlan, run_probe\n"
        "report = asyncio.run(run_probe(ProbePlan((), None, None)))\n"
        "print('fwplan.probe.runner' in sys.modules, report.all_passed)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.splitlines() == ["[] True", "True True"], result.stderr


def test_the_words_are_looked_up_when_read():
    assert METHOD_WORDS[TCP_CONNECT].get("de") == "TCP-Verbindung"
    assert METHOD_WORDS[SIP_OPTIONS] == ("SIP OPTIONS", "SIP OPTIONS")
    assert METHOD_WORDS["stun-binding"].get("de") == "STUN Binding"
    assert list(METHOD_WORDS) == list(Method) and len(STATE_WORDS) == len(STATES)
    assert STATE_WORDS[REFUSED].get("de") == "abgewiesen" and "nonsense" not in METHOD_WORDS


def test_probe_does_not_import_textual():
    code = (
        "import sys\n"
        "from fwplan.cli import main\n"
        "main(['probe', '--select', 'instantpbx', '--host', '127.0.0.1', '--timeout', '0.5'])\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui', 'rich'))\n"
        "print('LEAKED', leaked, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "LEAKED []" in result.stderr, result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _finished(done: int, total: int, state: str = OPEN) -> CheckFinished:
    from fwplan.probe import Outcome

    return CheckFinished(Outcome(Check("pbx.example.net", "tcp", 443, TCP_CONNECT), state), done, total)


def test_progress_on_a_terminal_is_one_bar_redrawn_in_place_and_cleared():
    stream = _Terminal()
    progress = StderrProgress(stream, width=60)
    progress(HostResolved("pbx.example.net", "192.0.2.10"))
    progress(_finished(1, 4))
    progress(_finished(4, 4, FILTERED))
    progress.finish()
    text = stream.getvalue()
    assert text.startswith("fwplan probe: pbx.example.net is 192.0.2.10\n")
    assert "\r[#####---------------] 1/4 tcp pbx.example.net 443 open" in text
    assert "\r[####################] 4/4 tcp pbx.example.net 443 filtered" in text
    assert text.endswith("\r" + " " * 59 + "\r") and "\n" not in text.split("\n", 1)[1]


def test_progress_elsewhere_is_one_plain_line_per_probe():
    stream = io.StringIO()
    progress = StderrProgress(stream)
    progress(_finished(1, 2))
    progress(_finished(2, 2, REFUSED))
    progress.finish()
    assert stream.getvalue() == (
        "fwplan probe: 1/2 tcp pbx.example.net 443 open\nfwplan probe: 2/2 tcp pbx.example.net 443 refused\n"
    )


async def test_reports_render_as_text_csv_and_json_with_the_same_results(servers):
    port = await servers.tcp_listener()
    rules = (
        _rule("tcp", PortSet.of(port), _pbx()),
        _rule("udp", PortSet.of(5070), _pbx()),
        _rule("tcp", PortSet.of(443), ANY),
        _rule("tcp", PortSet.of(80), _pbx(), direction="inbound"),
    )
    plan = Plan(lan=LAN, host=parse_host(LOOPBACK))
    report = await run_probe(plan_probe(RuleSet(rules), plan), ProbeOptions(timeout=2))
    text = render_probe_text(report)
    assert f"1     tcp       127.0.0.1  {port}  TCP connect  open" in text
    assert "- rule 2 outbound udp 192.168.50.0/24 -> 127.0.0.1 5070: UDP has no handshake" in text
    assert "- rule 3 outbound tcp 192.168.50.0/24 -> any 443: rule to any" in text
    assert "- rule 4 inbound tcp 192.168.50.0/24 -> 127.0.0.1 80: inbound" in text
    assert "1 probes in" in text and ": 1 open" in text
    csv_lines = render_probe_csv(report).splitlines()
    assert csv_lines[0] == "rule,direction,protocol,host,address,ports,check,result,detail"
    assert csv_lines[1].startswith(f"1,outbound,tcp,127.0.0.1,127.0.0.1,{port},tcp-connect,open,")
    assert csv_lines[2].startswith("2,outbound,udp,127.0.0.1,127.0.0.1,5070,,not testable,")
    assert csv_lines[3].startswith("3,outbound,tcp,any,,443,,not probed,")
    document = json.loads(render_probe_json(report, "de"))
    assert document["summary"]["open"] == 1 and document["summary"]["all_passed"] is True
    assert document["not_probed"][1]["reason"].startswith("eingehend")
    assert "Regel 2" in render_probe_text(report, "de")


#: English words that have no place in a German probe report (machine values in CSV columns aside).
_ENGLISH = re.compile(
    r"\b(the|and|outbound|inbound|open|refused|filtered|unreachable|probes?|each|within|once|"
    r"answered|nothing|listens|connected|answer|rule|not|testable|probed|done|timeout|is)\b"
)


def test_german_probe_report_and_progress_have_no_english(capsys):
    """A real run against loopback (refused TCP ports, SIP to a closed UDP port), all of it read in German."""
    code = main(
        [
            "probe",
            "--lang",
            "de",
            "--select",
            "hostedpbx-vpnless",
            "--lan",
            "192.168.50.2/24",
            "--host",
            LOOPBACK,
            "--target",
            LOOPBACK,
            "--timeout",
            "0.5",
        ]
    )
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert "abgewiesen" in captured.out and "Von hier nicht prüfbar:" in captured.out
    for line in captured.out.splitlines() + captured.err.splitlines():
        assert not _ENGLISH.search(line.removeprefix("fwplan probe: ")), line  # the command's name stays
    main(
        [
            "probe",
            "--lang",
            "de",
            "--format",
            "csv",
            "--select",
            "hostedpbx-vpnless",
            "--lan",
            "192.168.50.2/24",
            "--host",
            LOOPBACK,
            "--timeout",
            "0.5",
        ]
    )
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][-1] == "detail" and {row[7] for row in rows[1:]} >= {"refused", "not testable"}  # values stay
    for row in rows[1:]:
        assert row[-1] and not _ENGLISH.search(row[-1]), row


def test_german_progress_names_states_in_german():
    stream = io.StringIO()
    progress = StderrProgress(stream, lang="de")
    progress(HostResolved("pbx.example.net", "192.0.2.10"))
    progress(_finished(1, 2, FILTERED))
    assert stream.getvalue() == (
        "fwplan probe: pbx.example.net ist 192.0.2.10\nfwplan probe: 1/2 tcp pbx.example.net 443 gefiltert\n"
    )


def test_states_and_methods_keep_the_values_the_reports_write():
    """``--format csv`` and ``json`` write these values; renaming a member must not change them."""
    from fwplan.probe import Method, State

    assert [s.value for s in State] == ["open", "refused", "filtered", "unreachable", "not-run"]
    assert [m.value for m in Method] == ["tcp-connect", "sip-options", "stun-binding"]
    assert json.dumps({OPEN: NOT_RUN}) == '{"open": "not-run"}'
