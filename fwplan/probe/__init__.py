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
The runner (and with it asyncio and socket) is imported when ``run_probe`` is first called, not with the
package: planning a probe and writing its report do not need it (``probe_check`` and ``resolve_host`` are
in ``fwplan.probe.runner``).
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
    REASONS,
    Sampling,
    plan_probe,
    sample_ports,
)
from fwplan.probe.sip import read_sip_response, sip_options_request
from fwplan.probe.stun import read_stun_response, stun_binding_request


async def run_probe(
    probe_plan: ProbePlan, options: ProbeOptions = ProbeOptions(), on_event: ProgressCallback | None = None
) -> ProbeReport:
    """``fwplan.probe.runner.run_probe``: the runner, and with it asyncio and socket, imported on first use."""
    from fwplan.probe import runner

    return await runner.run_probe(probe_plan, options, on_event)


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
    "REASONS",
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
    "read_sip_response",
    "read_stun_response",
    "render_probe_csv",
    "render_probe_json",
    "render_probe_text",
    "run_probe",
    "sample_ports",
    "sip_options_request",
    "start_line",
    "stun_binding_request",
    "summary",
]
