"""Running the probes (asyncio): resolving the hosts, bounded parallelism, timeouts, a deadline.

``run_probe`` contacts only the hosts in ``ProbePlan.hosts``: the PBX host and the user's target.
Names are resolved once, through the system resolver, and every probe then goes to that one
address. Progress goes to a callback; the run is cancellable like any task.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import secrets
import socket
import threading
import time
from collections.abc import Awaitable, Callable

from fwplan.errors import system_reason
from fwplan.i18n import Text, joined, text
from fwplan.probe.model import (
    FILTERED,
    NOT_RUN,
    OPEN,
    REFUSED,
    SIP_OPTIONS,
    STUN_BINDING,
    TCP_CONNECT,
    UNREACHABLE,
    Check,
    CheckFinished,
    HostResolved,
    Method,
    Outcome,
    ProbeError,
    ProbeEvent,
    ProbeOptions,
    ProbePlan,
    ProbeReport,
    ProgressCallback,
    State,
    untranslated,
)
from fwplan.probe.sip import SockName, read_sip_response, sip_options_request
from fwplan.probe.stun import read_stun_response, stun_binding_request

DETAIL_REFUSED = text("probe.detail.refused")
#: Details for the errors a probe meets most; any other error is named as the system names it.
_ERRNO_DETAILS = {
    errno.EHOSTUNREACH: text("probe.detail.host_unreachable"),
    errno.ENETUNREACH: text("probe.detail.net_unreachable"),
    errno.EACCES: text("probe.detail.access_denied"),
    errno.EPERM: text("probe.detail.not_permitted"),
    errno.EADDRNOTAVAIL: text("probe.detail.address_unavailable"),
}


def detail_no_answer(timeout: float, protocol_name: str | None = None) -> Text:
    if protocol_name is None:
        return text("probe.detail.no_answer", timeout=timeout)
    return text("probe.detail.no_protocol_answer", protocol=protocol_name, timeout=timeout)


def detail_ignored(ignored: int, protocol_name: str) -> Text:
    return text("probe.detail.ignored", count=ignored, protocol=protocol_name)


def detail_answered(answer: Text, seconds: float) -> Text:
    """The answer's description and how long it took: ``SIP/2.0 200 OK in 1.2 ms``, the same in both languages."""
    return joined(answer, " in ", untranslated(_ms(seconds)))


def detail_deadline(deadline: float) -> Text:
    return text("probe.detail.deadline", deadline=deadline)


async def run_probe(
    probe_plan: ProbePlan, options: ProbeOptions = ProbeOptions(), on_event: ProgressCallback | None = None
) -> ProbeReport:
    """Resolve the hosts, then run every check; never longer than ``options.deadline``.

    Checks still running at the deadline are reported as ``not-run``.
    Cancelling the task stops every probe and closes its socket.
    """

    def ignore(event: ProbeEvent) -> None:
        pass

    emit = on_event or ignore
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
        return _first_address(host, socket.AI_NUMERICHOST)
    except socket.gaierror:
        try:
            return await asyncio.wait_for(_resolve_in_daemon_thread(host), timeout)
        except TimeoutError:
            raise ProbeError.about("probe.resolve_slow", host=host, timeout=timeout) from None
        except socket.gaierror as exc:
            raise ProbeError.about("probe.unresolved", host=host, reason=system_reason(exc)) from None


def _first_address(host: str, flags: int = 0) -> tuple[int, str]:
    """The address family and the first address ``getaddrinfo`` gives for ``host``."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=flags)
    family, _type, _proto, _name, sockaddr = infos[0]
    return family, str(sockaddr[0])


def _resolve_in_daemon_thread(host: str) -> asyncio.Future[tuple[int, str]]:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[tuple[int, str]] = loop.create_future()

    def settle(result: tuple[int, str] | None, error: OSError | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        elif result is not None:
            future.set_result(result)

    def lookup() -> None:
        result, error = None, None
        try:
            result = _first_address(host)
        except OSError as exc:
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
    return future


Prober = Callable[[int, str, int, float], Awaitable[tuple[State, Text]]]


async def probe_check(check: Check, family: int, address: str, timeout: float) -> Outcome:
    probers: dict[Method, Prober] = {TCP_CONNECT: probe_tcp, SIP_OPTIONS: probe_sip, STUN_BINDING: probe_stun}
    started = time.monotonic()
    try:
        state, detail = await probers[check.method](family, address, check.port, timeout)
    except OSError as exc:  # e.g. no route at all: the socket cannot even be connected
        state, detail = _os_error_state(exc)
    return Outcome(check, state, detail, time.monotonic() - started)


def _os_error_state(exc: Exception) -> tuple[State, Text]:
    if isinstance(exc, ConnectionRefusedError):
        return REFUSED, DETAIL_REFUSED
    code = exc.errno if isinstance(exc, OSError) else None
    if code in _ERRNO_DETAILS:
        return UNREACHABLE, _ERRNO_DETAILS[code]
    named = (exc.strerror if isinstance(exc, OSError) else None) or type(exc).__name__
    return UNREACHABLE, text("probe.detail.system_error", error=named)


async def probe_tcp(family: int, address: str, port: int, timeout: float) -> tuple[State, Text]:
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
    return OPEN, text("probe.detail.connected", time=_ms(time.monotonic() - started))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


class _Datagrams(asyncio.DatagramProtocol):
    """Collects the datagrams and the first error of a connected UDP socket."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[bytes | Exception] = asyncio.Queue()

    def datagram_received(self, data: bytes, _addr: object) -> None:
        self.queue.put_nowait(data)

    def error_received(self, exc: Exception) -> None:
        self.queue.put_nowait(exc)


async def _udp_exchange(
    family: int,
    address: str,
    port: int,
    timeout: float,
    make_request: Callable[[SockName], bytes],
    read_answer: Callable[[bytes], Text | None],
    protocol_name: str,
) -> tuple[State, Text]:
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
            if isinstance(item, Exception):
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
    return FILTERED, joined(silent, "; ", detail_ignored(ignored, protocol_name))


def _sip_answer(data: bytes) -> Text | None:
    status = read_sip_response(data)  # the status line as the server sent it, in either language
    return None if status is None else untranslated(status)


async def probe_sip(family: int, address: str, port: int, timeout: float) -> tuple[State, Text]:
    return await _udp_exchange(
        family, address, port, timeout, lambda local: sip_options_request(address, port, local), _sip_answer, "SIP"
    )


async def probe_stun(family: int, address: str, port: int, timeout: float) -> tuple[State, Text]:
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
