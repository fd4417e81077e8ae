"""Listener and prober run inside network namespaces (``python -m tests.e2e.netpeers ...``).

listen PORTS_JSON: bind TCP and UDP on each given address for the given ports; tell each TCP client, and echo
to each UDP sender, what the listener saw ("PEER|LOCAL": the sender's address and the address the packet
arrived at); with "log", also append one JSON line [proto, local, port, peer] per arrival to that file; print
"ready" when all are bound.
probe PROBES_JSON: try each [proto, address, port(, source(, sport))] in parallel (``source``: the local address
to send from, null for any; ``sport``: the source port, 0 for any) and print a JSON list of [outcome, peer,
local], in order: the outcome "open" / "blocked" / "refused", and for an open probe what the listener saw
(else null).
"""

from __future__ import annotations

import json
import selectors
import socket
import sys
from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 0.8


def family(address: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in address else socket.AF_INET


def _bound(address: str, port: int, kind: socket.SocketKind) -> socket.socket:
    s = socket.socket(family(address), kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((address, port))
    s.setblocking(False)
    return s


def listen(ports: dict) -> None:
    sel = selectors.DefaultSelector()
    for address in ports["addresses"]:
        for port in ports["tcp"]:
            s = _bound(address, port, socket.SOCK_STREAM)
            s.listen(64)
            sel.register(s, selectors.EVENT_READ, ("tcp", address, port))
        # one UDP socket per local address, so that the echo leaves from the address the datagram was sent to
        for port in ports["udp"]:
            sel.register(_bound(address, port, socket.SOCK_DGRAM), selectors.EVENT_READ, ("udp", address, port))
    log = open(ports["log"], "a", encoding="utf-8") if ports.get("log") else None
    print("ready", flush=True)
    while True:
        for key, _ in sel.select():
            sock, (proto, address, port) = key.fileobj, key.data
            try:
                if proto == "tcp":
                    conn, peer = sock.accept()
                    seen = f"{peer[0]}|{address}".encode()
                    conn.settimeout(TIMEOUT)
                    try:
                        conn.sendall(seen)
                    finally:
                        conn.close()
                else:
                    data, peer = sock.recvfrom(2048)
                    seen = f"{peer[0]}|{address}".encode()
                    sock.sendto(b"echo:" + data + b"|" + seen, peer)
            except (BlockingIOError, OSError):
                continue
            if log is not None:
                log.write(json.dumps([proto, address, port, peer[0]]) + "\n")
                log.flush()


def _seen(data: bytes) -> tuple[str | None, str | None]:
    peer, _, local = data.decode(errors="replace").partition("|")
    return (peer or None), (local or None)


def probe_one(item: list) -> list:
    proto, address, port, source, sport = (list(item) + [None, None])[:5]
    s = socket.socket(family(address), socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM)
    s.settimeout(TIMEOUT)
    try:
        if source or sport:  # outside the except clauses below: a port in use is the test's error, not "blocked"
            s.bind((source or ("::" if family(address) == socket.AF_INET6 else "0.0.0.0"), sport or 0))
        return _try(s, proto, address, port)
    finally:
        s.close()


def _try(s: socket.socket, proto: str, address: str, port: int) -> list:
    try:
        if proto == "tcp":
            s.connect((address, port))
            try:
                return ["open", *_seen(s.recv(256))]
            except OSError:
                return ["open", None, None]
        token = f"{address}:{port}".encode()
        s.sendto(token, (address, port))
        data, _ = s.recvfrom(2048)
        if not data.startswith(b"echo:" + token + b"|"):
            return ["garbled", None, None]
        return ["open", *_seen(data[len(b"echo:" + token + b"|") :])]
    except ConnectionRefusedError:
        return ["refused", None, None]
    except (TimeoutError, OSError):
        return ["blocked", None, None]


#: Probes in flight at once: enough for a test's largest batch (about 550), so that all blocked probes wait
#: out one timeout together rather than in waves.
PARALLEL = 1024


def probe(items: list) -> list:
    with ThreadPoolExecutor(max_workers=min(PARALLEL, max(1, len(items)))) as pool:
        return list(pool.map(probe_one, items))


if __name__ == "__main__":
    command, payload = sys.argv[1], json.loads(sys.stdin.read())
    if command == "listen":
        listen(payload)
    else:
        print(json.dumps(probe(payload)))
