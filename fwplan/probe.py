"""The on-site check: does the planned outbound traffic to the PBX get through?

Two halves. ``plan_probe`` is pure: from a rule set and a plan it decides what
to probe (outbound TCP rules to the PBX host, SIP on UDP 5060 and STUN on UDP
3478; rules to ``any`` only against a target the user named), samples large
ranges, and says why everything else is not probed. ``run_probe`` is the
asyncio prober: bounded parallelism, a timeout per probe, a deadline for the
whole run, progress through a callback, and cancellable like any task.

It contacts only the hosts in ``ProbePlan.hosts``: the PBX host and the
user's target. Names are resolved once, through the system resolver, and
every probe then goes to that one address.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import math
import re
import secrets
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from fwplan.catalog import Text
from fwplan.errors import FwplanError, system_reason
from fwplan.merge import ANY, Endpoint, Rule, RuleSet, endpoints_for
from fwplan.plan import Plan
from fwplan.ports import PortRange, PortSet

SIP_PORT = 5060
STUN_PORT = 3478

TCP_CONNECT, SIP_OPTIONS, STUN_BINDING = "tcp-connect", "sip-options", "stun-binding"
UDP_METHODS = {SIP_PORT: SIP_OPTIONS, STUN_PORT: STUN_BINDING}

# Results of one probe. ``refused``: the host answered, so the path is open but nothing listens there.
OPEN, REFUSED, FILTERED, UNREACHABLE, NOT_RUN = "open", "refused", "filtered", "unreachable", "not-run"
PASSED = frozenset({OPEN, REFUSED})

DEFAULT_TIMEOUT = 2.0
MAX_TIMEOUT = 60.0
DEFAULT_PARALLEL = 32
#: Slack on top of the timeouts in the run's deadline, for the scheduling between probes.
DEADLINE_SLACK = 0.5

METHOD_WORDS = {
    TCP_CONNECT: Text("TCP-Verbindung", "TCP connect"),
    SIP_OPTIONS: Text("SIP OPTIONS", "SIP OPTIONS"),
    STUN_BINDING: Text("STUN Binding", "STUN Binding"),
}
STATE_WORDS = {
    OPEN: Text("offen", "open"),
    REFUSED: Text("abgewiesen", "refused"),
    FILTERED: Text("gefiltert", "filtered"),
    UNREACHABLE: Text("unerreichbar", "unreachable"),
    NOT_RUN: Text("nicht gelaufen", "not run"),
}

REASON_UDP = Text(
    "UDP hat keinen Verbindungsaufbau: nur ein Protokoll, das antwortet (SIP auf 5060, STUN auf 3478), "
    "zeigt, dass der Weg offen ist; ein bloßes Datagramm bleibt so oder so ohne Antwort",
    "UDP has no handshake: only a protocol that answers (SIP on 5060, STUN on 3478) shows the path is "
    "open; a plain datagram gets no reply either way",
)
REASON_INBOUND = Text(
    "eingehend: lässt sich nur von außerhalb Ihres Netzes prüfen",
    "inbound: can only be checked from outside your network",
)
REASON_ANY = Text(
    "Regel zu any: mit --target HOST gegen einen Host Ihrer Wahl prüfen",
    "rule to any: give --target HOST to check it against a host you choose",
)
REASON_REMOTE = Text(
    "Regel für Clients unterwegs (Bereich remote): gilt im Netz des Clients, nicht am Standort; von hier nicht prüfbar",
    "rule for remote clients (scope remote): it applies on the client's network, not at this site; not checked "
    "from here",
)
REASON_NO_HOST = Text(
    "PBX-Host fehlt: mit --host angeben",
    "PBX host missing: give it with --host",
)


DETAIL_REFUSED = Text("der Host hat geantwortet: dort lauscht nichts", "the host answered: nothing listens there")
#: Details for the errors a probe meets most; any other error is named as the system names it.
_ERRNO_DETAILS = {
    errno.EHOSTUNREACH: Text("Host nicht erreichbar", "no route to host"),
    errno.ENETUNREACH: Text("Netz nicht erreichbar", "network is unreachable"),
    errno.EACCES: Text("Zugriff verweigert (lokale Firewall?)", "permission denied (local firewall?)"),
    errno.EPERM: Text("nicht erlaubt (lokale Firewall?)", "operation not permitted (local firewall?)"),
    errno.EADDRNOTAVAIL: Text("Adresse nicht verfügbar", "address not available"),
}


def detail_no_answer(timeout: float, protocol_name: str | None = None) -> Text:
    if protocol_name is None:
        return Text(f"keine Antwort innerhalb von {timeout:g} s", f"no answer within {timeout:g} s")
    return Text(
        f"keine {protocol_name}-Antwort innerhalb von {timeout:g} s", f"no {protocol_name} answer within {timeout:g} s"
    )


def detail_ignored(ignored: int, protocol_name: str) -> Text:
    return Text(
        f"{ignored} Datagramm(e) ignoriert, die keine {protocol_name}-Antwort waren",
        f"{ignored} datagram(s) that were not a {protocol_name} answer ignored",
    )


def detail_answered(answer: Text, seconds: float) -> Text:
    return Text(f"{answer.de} in {_ms(seconds)}", f"{answer.en} in {_ms(seconds)}")


def detail_deadline(deadline: float) -> Text:
    return Text(
        f"die Frist des Laufs von {deadline:.1f} s war erreicht", f"the run's deadline of {deadline:.1f} s was reached"
    )


def reason_not_pbx(destination: Endpoint) -> Text:
    return Text(
        f"Ziel {destination} ist weder der PBX-Host noch any; fwplan probe kontaktiert es nicht",
        f"destination {destination} is neither the PBX host nor any; fwplan probe does not contact it",
    )


def note_single_source(source: Endpoint) -> Text:
    return Text(
        f"die Firewall erlaubt dies nur von {source}; von einem anderen Gerät ist 'gefiltert' zu erwarten",
        f"the firewall allows this only from {source}; from another device 'filtered' is expected",
    )


class ProbeError(FwplanError):
    """A probe that cannot start: a bad option, or a host that does not resolve."""


# --------------------------------------------------------------------------
# Planning what to probe (pure)
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Check:
    """One probe: a port on a host, by one method. The same check serves every rule that asks for it."""

    host: str
    protocol: str  # tcp | udp
    port: int
    method: str  # tcp-connect | sip-options | stun-binding


@dataclass(frozen=True, slots=True)
class Sample:
    """A large range of which only these ports are probed: each end and a few inside."""

    range: PortRange
    ports: tuple[int, ...]

    def describe(self, lang: str = "en") -> str:
        ports = ", ".join(map(str, self.ports))
        if lang == "de":
            return f"{self.range}: {len(self.ports)} von {self.range.size} Ports geprüft: {ports}"
        return f"{self.range}: {len(self.ports)} of {self.range.size} ports probed: {ports}"


@dataclass(frozen=True, slots=True)
class Entry:
    """What the probe does for some ports of one protocol of one rule, against one host.

    ``checks`` are probed against ``host``; the ``untested`` ports are not, for
    ``reason`` (all of ``ports`` when ``host`` is None). A rule to ``any`` can
    have two entries: the ports the plan wants for the PBX host, probed there,
    and all its ports against the target (or skipped without one).
    """

    number: int  # the rule's number in the rule set, from 1, as in 'fwplan export'
    rule: Rule
    protocol: str  # tcp | udp
    host: str | None
    ports: PortSet
    checks: tuple[Check, ...] = ()
    samples: tuple[Sample, ...] = ()
    untested: PortSet = PortSet()
    reason: Text | None = None
    note: Text | None = None


@dataclass(frozen=True, slots=True)
class ProbePlan:
    entries: tuple[Entry, ...]
    pbx_host: str | None
    target: str | None

    @property
    def checks(self) -> tuple[Check, ...]:
        """Every distinct check, in rule order."""
        return tuple(dict.fromkeys(c for e in self.entries for c in e.checks))

    @property
    def hosts(self) -> tuple[str, ...]:
        """The only hosts the run contacts: the PBX host and the target, where some check needs them."""
        return tuple(dict.fromkeys(c.host for c in self.checks))


@dataclass(frozen=True, slots=True)
class Sampling:
    """Ranges of more than ``full_up_to`` ports are sampled: both ends and ``inside`` ports between."""

    full_up_to: int = 8
    inside: int = 3


def sample_ports(port_range: PortRange, sampling: Sampling = Sampling()) -> tuple[int, ...]:
    if port_range.size <= sampling.full_up_to:
        return tuple(range(port_range.lo, port_range.hi + 1))
    step = (port_range.hi - port_range.lo) / (sampling.inside + 1)
    inside = (port_range.lo + round(step * i) for i in range(1, sampling.inside + 1))
    return tuple(sorted({port_range.lo, *inside, port_range.hi}))


def plan_probe(ruleset: RuleSet, plan: Plan, target: str | None = None, sampling: Sampling = Sampling()) -> ProbePlan:
    """Decide, for every rule, what is probed against which host and why the rest is not."""
    pbx = endpoints_for(plan)["pbx-host"]
    pbx_host = None if pbx.is_placeholder else pbx.value
    entries: list[Entry] = []
    for number, rule in enumerate(ruleset.rules, start=1):
        for protocol in rule.protocols:
            entries.extend(_plan_entries(number, rule, protocol, pbx, pbx_host, target, sampling))
    return ProbePlan(tuple(entries), pbx_host, target)


def _plan_entries(
    number: int, rule: Rule, protocol: str, pbx: Endpoint, pbx_host: str | None, target: str | None, sampling: Sampling
) -> list[Entry]:
    def skipped(ports: PortSet, reason: Text) -> Entry:
        return Entry(number, rule, protocol, None, ports, untested=ports, reason=reason)

    def probed(host: str, ports: PortSet) -> Entry:
        return _probe_entry(number, rule, protocol, host, ports, sampling)

    if rule.scope == "remote":
        return [skipped(rule.ports, REASON_REMOTE)]
    if rule.direction != "outbound":
        return [skipped(rule.ports, REASON_INBOUND)]
    if rule.destination == pbx and pbx_host is not None:
        return [probed(pbx_host, rule.ports)]
    if rule.destination.is_placeholder and pbx.is_placeholder:
        return [skipped(rule.ports, REASON_NO_HOST)]
    if rule.destination != ANY:
        return [skipped(rule.ports, reason_not_pbx(rule.destination))]
    # A rule to any also serves what the plan wants for the PBX host (the merge folded it in): probe that there.
    for_pbx = PortSet().union(*(p.ports for p in rule.provenance if p.origin.peer == "pbx-host"))
    entries = [probed(pbx_host, for_pbx)] if for_pbx and pbx_host is not None else []
    if target is not None:
        entries.append(probed(target, rule.ports))
    elif rest := rule.ports - (for_pbx if entries else PortSet()):
        entries.append(skipped(rest, REASON_ANY))
    return entries


def _probe_entry(number: int, rule: Rule, protocol: str, host: str, ports: PortSet, sampling: Sampling) -> Entry:
    note = note_single_source(rule.source) if rule.source.kind == "address" else None
    if protocol == "tcp":
        samples = tuple(Sample(r, sample_ports(r, sampling)) for r in ports if r.size > sampling.full_up_to)
        checks = tuple(Check(host, "tcp", port, TCP_CONNECT) for r in ports for port in sample_ports(r, sampling))
        return Entry(number, rule, protocol, host, ports, checks, samples, note=note)
    testable = [port for port in UDP_METHODS if port in ports]
    checks = tuple(Check(host, "udp", port, UDP_METHODS[port]) for port in sorted(testable))
    untested = ports - PortSet.of(*testable)
    return Entry(
        number,
        rule,
        protocol,
        host,
        ports,
        checks,
        untested=untested,
        reason=REASON_UDP if untested else None,
        note=note,
    )


# --------------------------------------------------------------------------
# Running the probes
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProbeOptions:
    timeout: float = DEFAULT_TIMEOUT  # seconds, per probe (and for resolving each name)
    parallel: int = DEFAULT_PARALLEL  # probes at once

    def __post_init__(self) -> None:
        if not (isinstance(self.timeout, (int, float)) and 0 < self.timeout <= MAX_TIMEOUT):
            raise ProbeError.about("probe.timeout", value=self.timeout, most=MAX_TIMEOUT)
        if isinstance(self.parallel, bool) or not isinstance(self.parallel, int) or self.parallel < 1:
            raise ProbeError.about("probe.parallel", value=self.parallel)

    def deadline(self, checks: int) -> float:
        """The bound on a whole run: resolving, then every wave of probes timing out, plus a little slack."""
        waves = math.ceil(checks / self.parallel)
        return self.timeout * (waves + 1) + DEADLINE_SLACK


@dataclass(frozen=True, slots=True)
class Outcome:
    check: Check
    state: str  # open | refused | filtered | unreachable | not-run
    detail: Text = Text("", "")
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class HostResolved:
    host: str
    address: str


@dataclass(frozen=True, slots=True)
class CheckFinished:
    outcome: Outcome
    done: int
    total: int


ProbeEvent = HostResolved | CheckFinished
ProgressCallback = Callable[[ProbeEvent], None]


@dataclass(frozen=True)
class ProbeReport:
    plan: ProbePlan
    options: ProbeOptions
    addresses: dict[str, str]
    outcomes: dict[Check, Outcome]
    seconds: float
    deadline: float

    def results(self, entry: Entry) -> tuple[Outcome, ...]:
        return tuple(self.outcomes[c] for c in entry.checks)

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes.values() if o.state == state)

    @property
    def all_passed(self) -> bool:
        """True when every probed port answered (open or refused): the firewall lets it through."""
        return all(o.state in PASSED for o in self.outcomes.values())


async def run_probe(
    probe_plan: ProbePlan, options: ProbeOptions = ProbeOptions(), on_event: ProgressCallback | None = None
) -> ProbeReport:
    """Resolve the hosts, then run every check; never longer than ``options.deadline``.

    Checks still running at the deadline are reported as ``not-run``.
    Cancelling the task stops every probe and closes its socket.
    """
    emit = on_event or (lambda event: None)
    checks = probe_plan.checks
    deadline = options.deadline(len(checks))
    started = time.monotonic()
    addresses: dict[str, tuple[int, str]] = {}
    outcomes: dict[Check, Outcome] = {}
    semaphore = asyncio.Semaphore(options.parallel)

    async def one(check: Check) -> None:
        async with semaphore:
            family, address = addresses[check.host]
            outcome = await probe_check(check, family, address, options.timeout)
        outcomes[check] = outcome
        emit(CheckFinished(outcome, len(outcomes), len(checks)))

    try:
        async with asyncio.timeout(deadline):
            resolved = await asyncio.gather(*(resolve_host(h, options.timeout) for h in probe_plan.hosts))
            for host, (family, address) in zip(probe_plan.hosts, resolved):
                addresses[host] = (family, address)
                emit(HostResolved(host, address))
            async with asyncio.TaskGroup() as group:
                for check in checks:
                    group.create_task(one(check))
    except TimeoutError:
        if len(addresses) < len(probe_plan.hosts):
            raise ProbeError.about(
                "probe.resolve_deadline", hosts=", ".join(probe_plan.hosts), deadline=deadline
            ) from None
    for check in checks:
        if check not in outcomes:
            outcomes[check] = Outcome(check, NOT_RUN, detail_deadline(deadline))
    ordered = {check: outcomes[check] for check in checks}
    return ProbeReport(
        probe_plan, options, {h: a for h, (_f, a) in addresses.items()}, ordered, time.monotonic() - started, deadline
    )


async def resolve_host(host: str, timeout: float) -> tuple[int, str]:
    """The first address the system resolver gives (its preferred one); a literal IP is used as it is.

    The lookup runs in a daemon thread, so that a resolver that hangs cannot hold the run (or the
    process's exit) past its deadline, as a thread of the default executor would.
    """
    try:
        infos = socket.getaddrinfo(
            host, None, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_NUMERICHOST
        )
    except socket.gaierror:
        try:
            infos = await asyncio.wait_for(_getaddrinfo_in_daemon_thread(host), timeout)
        except TimeoutError:
            raise ProbeError.about("probe.resolve_slow", host=host, timeout=timeout) from None
        except socket.gaierror as exc:
            raise ProbeError.about("probe.unresolved", host=host, reason=system_reason(exc)) from None
    family, _type, _proto, _name, sockaddr = infos[0]
    return family, sockaddr[0]


def _getaddrinfo_in_daemon_thread(host: str) -> asyncio.Future:
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(result, error) -> None:
        if not future.done():
            future.set_exception(error) if error is not None else future.set_result(result)

    def lookup() -> None:
        result, error = None, None
        try:
            result = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
        except OSError as exc:
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
    return future


async def probe_check(check: Check, family: int, address: str, timeout: float) -> Outcome:
    prober = {TCP_CONNECT: probe_tcp, SIP_OPTIONS: probe_sip, STUN_BINDING: probe_stun}[check.method]
    started = time.monotonic()
    try:
        state, detail = await prober(family, address, check.port, timeout)
    except OSError as exc:  # e.g. no route at all: the socket cannot even be connected
        state, detail = _os_error_state(exc)
    return Outcome(check, state, detail, time.monotonic() - started)


def _os_error_state(exc: OSError) -> tuple[str, Text]:
    if isinstance(exc, ConnectionRefusedError):
        return REFUSED, DETAIL_REFUSED
    if exc.errno in _ERRNO_DETAILS:
        return UNREACHABLE, _ERRNO_DETAILS[exc.errno]
    named = exc.strerror or type(exc).__name__
    return UNREACHABLE, Text(f"Systemfehler: {named}", named)


async def probe_tcp(family: int, address: str, port: int, timeout: float) -> tuple[str, Text]:
    loop = asyncio.get_running_loop()
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setblocking(False)
    started = time.monotonic()
    try:
        await asyncio.wait_for(loop.sock_connect(sock, (address, port)), timeout)
    except TimeoutError:
        return FILTERED, detail_no_answer(timeout)
    except OSError as exc:
        return _os_error_state(exc)
    finally:
        sock.close()
    seconds = _ms(time.monotonic() - started)
    return OPEN, Text(f"verbunden in {seconds}", f"connected in {seconds}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


class _Datagrams(asyncio.DatagramProtocol):
    """Collects the datagrams and the first error of a connected UDP socket."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[bytes | OSError] = asyncio.Queue()

    def datagram_received(self, data: bytes, addr) -> None:
        self.queue.put_nowait(data)

    def error_received(self, exc: OSError) -> None:
        self.queue.put_nowait(exc)


async def _udp_exchange(
    family: int,
    address: str,
    port: int,
    timeout: float,
    make_request: Callable[[tuple], bytes],
    read_answer: Callable[[bytes], Text | None],
    protocol_name: str,
) -> tuple[str, Text]:
    """Send a request (retransmitted at a quarter and half of the timeout) and wait for an answer.

    ``read_answer`` returns a description for a valid answer, None for a datagram to ignore.
    """
    loop = asyncio.get_running_loop()
    transport, receiver = await loop.create_datagram_endpoint(_Datagrams, remote_addr=(address, port), family=family)
    ignored = 0
    try:
        request = make_request(transport.get_extra_info("sockname"))
        started = time.monotonic()
        resend_at = [started + timeout / 4, started + timeout / 2]
        transport.sendto(request)
        end = started + timeout
        while (now := time.monotonic()) < end:
            wait_until = min([end, *resend_at])
            try:
                item = await asyncio.wait_for(receiver.queue.get(), max(0.0, wait_until - now))
            except TimeoutError:
                if resend_at and time.monotonic() >= resend_at[0]:
                    resend_at.pop(0)
                    transport.sendto(request)
                continue
            if isinstance(item, OSError):
                return _os_error_state(item)
            answer = read_answer(item)
            if answer is not None:
                return OPEN, detail_answered(answer, time.monotonic() - started)
            ignored += 1
    finally:
        transport.close()
    silent = detail_no_answer(timeout, protocol_name)
    if not ignored:
        return FILTERED, silent
    extra = detail_ignored(ignored, protocol_name)
    return FILTERED, Text(f"{silent.de}; {extra.de}", f"{silent.en}; {extra.en}")


# -- SIP (RFC 3261): an OPTIONS request; any SIP response proves the path ---------------------------

_SIP_STATUS = re.compile(rb"SIP/2\.0 ([1-6][0-9]{2}) ?([^\r\n]*)")


def sip_options_request(host: str, port: int, local: tuple) -> bytes:
    local_host = f"[{local[0]}]" if ":" in local[0] else local[0]
    target = f"[{host}]" if ":" in host else host
    tag, branch, call_id = secrets.token_hex(4), secrets.token_hex(8), secrets.token_hex(12)
    lines = [
        f"OPTIONS sip:{target}:{port} SIP/2.0",
        f"Via: SIP/2.0/UDP {local_host}:{local[1]};branch=z9hG4bK{branch};rport",
        "Max-Forwards: 70",
        f"From: <sip:fwplan-probe@{local_host}>;tag={tag}",
        f"To: <sip:{target}:{port}>",
        f"Call-ID: {call_id}@fwplan-probe",
        "CSeq: 1 OPTIONS",
        f"Contact: <sip:fwplan-probe@{local_host}:{local[1]}>",
        "Accept: application/sdp",
        "User-Agent: fwplan-probe",
        "Content-Length: 0",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def read_sip_response(data: bytes) -> str | None:
    match = _SIP_STATUS.match(data)
    if match is None:
        return None
    return f"SIP/2.0 {match.group(1).decode()} {match.group(2).decode('utf-8', 'replace')}".rstrip()


def _sip_answer(data: bytes) -> Text | None:
    status = read_sip_response(data)  # the status line as the server sent it, in either language
    return None if status is None else Text(status, status)


async def probe_sip(family: int, address: str, port: int, timeout: float) -> tuple[str, Text]:
    return await _udp_exchange(
        family, address, port, timeout, lambda local: sip_options_request(address, port, local), _sip_answer, "SIP"
    )


# -- STUN (RFC 5389): a Binding request; a response must carry the magic cookie and our transaction id --

STUN_MAGIC_COOKIE = 0x2112A442
STUN_BINDING_REQUEST = 0x0001
STUN_BINDING_SUCCESS = 0x0101
STUN_BINDING_ERROR = 0x0111
STUN_MAPPED_ADDRESS = 0x0001
STUN_XOR_MAPPED_ADDRESS = 0x0020
_STUN_HEADER = struct.Struct("!HHI12s")


def stun_binding_request(transaction_id: bytes) -> bytes:
    return _STUN_HEADER.pack(STUN_BINDING_REQUEST, 0, STUN_MAGIC_COOKIE, transaction_id)


def read_stun_response(data: bytes, transaction_id: bytes) -> Text | None:
    """A description of a Binding response to our request, or None for anything else."""
    if len(data) < _STUN_HEADER.size:
        return None
    kind, length, cookie, tid = _STUN_HEADER.unpack_from(data)
    if (
        cookie != STUN_MAGIC_COOKIE
        or tid != transaction_id
        or length != len(data) - _STUN_HEADER.size
        or kind not in (STUN_BINDING_SUCCESS, STUN_BINDING_ERROR)
    ):
        return None
    if kind == STUN_BINDING_ERROR:
        return Text("STUN-Binding-Fehlerantwort", "STUN Binding error response")
    mapped = _stun_mapped_address(data[_STUN_HEADER.size :], transaction_id)
    if mapped:
        return Text(
            f"STUN-Binding-Antwort, gemappte Adresse {mapped}", f"STUN Binding response, mapped address {mapped}"
        )
    return Text("STUN-Binding-Antwort", "STUN Binding response")


def _stun_mapped_address(attributes: bytes, transaction_id: bytes) -> str | None:
    found: dict[int, str] = {}
    offset = 0
    while offset + 4 <= len(attributes):
        kind, length = struct.unpack_from("!HH", attributes, offset)
        value = attributes[offset + 4 : offset + 4 + length]
        offset += 4 + length + (-length % 4)
        if kind in (STUN_MAPPED_ADDRESS, STUN_XOR_MAPPED_ADDRESS) and len(value) >= 8:
            found[kind] = _stun_address(value, transaction_id if kind == STUN_XOR_MAPPED_ADDRESS else None)
    return found.get(STUN_XOR_MAPPED_ADDRESS) or found.get(STUN_MAPPED_ADDRESS)


def _stun_address(value: bytes, xor_transaction_id: bytes | None) -> str:
    family, port = value[1], struct.unpack_from("!H", value, 2)[0]
    raw = value[4:8] if family == 0x01 else value[4:20]
    if xor_transaction_id is not None:
        port ^= STUN_MAGIC_COOKIE >> 16
        mask = struct.pack("!I", STUN_MAGIC_COOKIE) + xor_transaction_id
        raw = bytes(b ^ m for b, m in zip(raw, mask))
    if family == 0x01 and len(raw) == 4:
        return f"{socket.inet_ntop(socket.AF_INET, raw)}:{port}"
    if family == 0x02 and len(raw) == 16:
        return f"[{socket.inet_ntop(socket.AF_INET6, raw)}]:{port}"
    return "?"


async def probe_stun(family: int, address: str, port: int, timeout: float) -> tuple[str, Text]:
    transaction_id = secrets.token_bytes(12)
    return await _udp_exchange(
        family,
        address,
        port,
        timeout,
        lambda local: stun_binding_request(transaction_id),
        lambda data: read_stun_response(data, transaction_id),
        "STUN",
    )
