"""SIP (RFC 3261) for the probe, pure: an OPTIONS request, and the status line of any SIP response.

Any SIP response proves the path is open, whatever its status.
"""

from __future__ import annotations

import re
import secrets

#: A UDP socket's own address as the socket module gives it: (host, port) or, for IPv6, (host, port, flow, scope).
SockName = tuple[str, int] | tuple[str, int, int, int]

_SIP_STATUS = re.compile(rb"SIP/2\.0 ([1-6][0-9]{2}) ?([^\r\n]*)")


def sip_options_request(host: str, port: int, local: SockName) -> bytes:
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
    """The status line of a SIP response, as the server sent it; None for anything else."""
    match = _SIP_STATUS.match(data)
    if match is None:
        return None
    return f"SIP/2.0 {match.group(1).decode()} {match.group(2).decode('utf-8', 'replace')}".rstrip()
