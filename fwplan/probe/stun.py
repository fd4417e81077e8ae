"""STUN (RFC 5389) for the probe, pure: a Binding request, and reading the response to it.

A response counts only if it carries the magic cookie and our transaction id.
"""

from __future__ import annotations

import socket
import struct

from fwplan.i18n import Text, text

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
        return text("probe.stun.error")
    mapped = _stun_mapped_address(data[_STUN_HEADER.size :], transaction_id)
    if mapped:
        return text("probe.stun.mapped", mapped=mapped)
    return text("probe.stun.response")


def _stun_mapped_address(attributes: bytes, transaction_id: bytes) -> str | None:
    """The (XOR-)MAPPED-ADDRESS among a response's attributes, as ``address:port``; the XOR one first."""
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
