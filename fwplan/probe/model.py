"""What a probe run is made of: methods and states, the checks, the plan, the options and the report."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum

from fwplan.catalog import Protocol
from fwplan.errors import FwplanError
from fwplan.i18n import NO_TEXT, Text, Texts, say
from fwplan.merge import Rule
from fwplan.ports import PortRange, PortSet

SIP_PORT = 5060
STUN_PORT = 3478


class Method(StrEnum):
    """How a port is probed; the value is what ``--format csv`` and ``json`` write."""

    TCP_CONNECT = "tcp-connect"
    SIP_OPTIONS = "sip-options"
    STUN_BINDING = "stun-binding"


TCP_CONNECT, SIP_OPTIONS, STUN_BINDING = Method.TCP_CONNECT, Method.SIP_OPTIONS, Method.STUN_BINDING
UDP_METHODS = {SIP_PORT: SIP_OPTIONS, STUN_PORT: STUN_BINDING}


class State(StrEnum):
    """The result of one probe; the value is what ``--format csv`` and ``json`` write.

    ``refused``: the host answered, so the path is open but nothing listens there.
    """

    OPEN = "open"
    REFUSED = "refused"
    FILTERED = "filtered"
    UNREACHABLE = "unreachable"
    NOT_RUN = "not-run"


OPEN, REFUSED, FILTERED, UNREACHABLE, NOT_RUN = (
    State.OPEN,
    State.REFUSED,
    State.FILTERED,
    State.UNREACHABLE,
    State.NOT_RUN,
)
PASSED = frozenset({OPEN, REFUSED})
#: Every state, in the order the reports count them.
STATES: tuple[State, ...] = tuple(State)

DEFAULT_TIMEOUT = 2.0
MAX_TIMEOUT = 60.0
DEFAULT_PARALLEL = 32
#: Slack on top of the timeouts in the run's deadline, for the scheduling between probes.
DEADLINE_SLACK = 0.5


def untranslated(name: str) -> Text:
    """A protocol's own name, or a line a server sent: the same in every language."""
    return Text(name, name)


_TRANSLATED_METHODS = Texts({TCP_CONNECT: "probe.method.tcp_connect"})
_PROTOCOL_NAMES: dict[str, str] = {SIP_OPTIONS: "SIP OPTIONS", STUN_BINDING: "STUN Binding"}


class _MethodWords(Mapping[str, Text]):
    """Each method's name, looked up when it is read (as ``Texts`` does); a protocol's own name is untranslated."""

    def __getitem__(self, method: str) -> Text:
        name = _PROTOCOL_NAMES.get(method)
        return untranslated(name) if name is not None else _TRANSLATED_METHODS[method]

    def __iter__(self) -> Iterator[str]:
        return iter(Method)

    def __len__(self) -> int:
        return len(Method)


#: How a method and a state read for a person, by their value; each looked up when it is read, so that
#: importing the probe does not load the text table.
METHOD_WORDS: Mapping[str, Text] = _MethodWords()
STATE_WORDS: Mapping[str, Text] = Texts(
    {
        OPEN: "probe.state.open",
        REFUSED: "probe.state.refused",
        FILTERED: "probe.state.filtered",
        UNREACHABLE: "probe.state.unreachable",
        NOT_RUN: "probe.state.not_run",
    }
)


class ProbeError(FwplanError):
    """A probe that cannot start: a bad option, or a host that does not resolve."""


@dataclass(frozen=True, slots=True)
class Check:
    """One probe: a port on a host, by one method. The same check serves every rule that asks for it."""

    host: str
    protocol: Protocol
    port: int
    method: Method


@dataclass(frozen=True, slots=True)
class Sample:
    """A large range of which only these ports are probed: each end and a few inside."""

    range: PortRange
    ports: tuple[int, ...]

    def describe(self, lang: str = "en") -> str:
        ports = ", ".join(map(str, self.ports))
        return say("probe.sample", lang, range=self.range, count=len(self.ports), size=self.range.size, ports=ports)


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
    protocol: Protocol
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
    state: State
    detail: Text = NO_TEXT
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

    def count(self, state: State) -> int:
        return sum(1 for o in self.outcomes.values() if o.state == state)

    @property
    def all_passed(self) -> bool:
        """True when every probed port answered (open or refused): the firewall lets it through."""
        return all(o.state in PASSED for o in self.outcomes.values())
