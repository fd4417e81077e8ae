"""The on-site check: does the planned outbound traffic to the PBX get through?

- ``planning``: ``plan_probe`` is pure: from a rule set and a plan it decides what to probe
  (outbound TCP rules to the PBX host, SIP on UDP 5060 and STUN on UDP 3478; rules to ``any``
  only against a target the user named), samples large ranges, and says why everything else is
  not probed.
- ``runner``: ``run_probe`` is the asyncio prober: bounded parallelism, a timeout per probe, a
  deadline for the whole run, progress through a callback, and cancellable like any task. It
  contacts only the hosts in ``ProbePlan.hosts``: the PBX host and the user's target.
- ``sip``, ``stun``: the two protocols' requests and responses, pure encode and decode.
- ``formats``: the report as text, CSV or JSON, and the lines said before and during a run.
- ``model``: what these share: methods, states, checks, the plan, the options, the report.

Its texts are in ``fwplan.i18n.probe``. This package never imports Textual, Rich or the exporters.
"""

from fwplan.probe.formats import (
    PROBE_FORMATS,
    StderrProgress,
    announce,
    entry_line,
    render_probe_csv,
    render_probe_json,
    render_probe_text,
    start_line,
    summary,
)
from fwplan.probe.model import (
    DEADLINE_SLACK,
    DEFAULT_PARALLEL,
    DEFAULT_TIMEOUT,
    FILTERED,
    MAX_TIMEOUT,
    METHOD_WORDS,
    NOT_RUN,
    OPEN,
    PASSED,
    REFUSED,
    SIP_OPTIONS,
    SIP_PORT,
    STATE_WORDS,
    STATES,
    STUN_BINDING,
    STUN_PORT,
    TCP_CONNECT,
    UDP_METHODS,
    UNREACHABLE,
    Check,
    CheckFinished,
    Entry,
    HostResolved,
    Method,
    Outcome,
    ProbeError,
    ProbeEvent,
    ProbeOptions,
    ProbePlan,
    ProbeReport,
    ProgressCallback,
    Sample,
    State,
)
from fwplan.probe.planning import (
    REASON_ANY,
    REASON_INBOUND,
    REASON_NO_HOST,
    REASON_REMOTE,
    REASON_UDP,
    Sampling,
    plan_probe,
    sample_ports,
)
from fwplan.probe.runner import probe_check, resolve_host, run_probe
from fwplan.probe.sip import read_sip_response, sip_options_request
from fwplan.probe.stun import read_stun_response, stun_binding_request

__all__ = [
    "DEADLINE_SLACK",
    "DEFAULT_PARALLEL",
    "DEFAULT_TIMEOUT",
    "FILTERED",
    "MAX_TIMEOUT",
    "METHOD_WORDS",
    "NOT_RUN",
    "OPEN",
    "PASSED",
    "PROBE_FORMATS",
    "REASON_ANY",
    "REASON_INBOUND",
    "REASON_NO_HOST",
    "REASON_REMOTE",
    "REASON_UDP",
    "REFUSED",
    "SIP_OPTIONS",
    "SIP_PORT",
    "STATES",
    "STATE_WORDS",
    "STUN_BINDING",
    "STUN_PORT",
    "TCP_CONNECT",
    "UDP_METHODS",
    "UNREACHABLE",
    "Check",
    "CheckFinished",
    "Entry",
    "HostResolved",
    "Method",
    "Outcome",
    "ProbeError",
    "ProbeEvent",
    "ProbeOptions",
    "ProbePlan",
    "ProbeReport",
    "ProgressCallback",
    "Sample",
    "Sampling",
    "State",
    "StderrProgress",
    "announce",
    "entry_line",
    "plan_probe",
    "probe_check",
    "read_sip_response",
    "read_stun_response",
    "render_probe_csv",
    "render_probe_json",
    "render_probe_text",
    "resolve_host",
    "run_probe",
    "sample_ports",
    "sip_options_request",
    "start_line",
    "stun_binding_request",
    "summary",
]
