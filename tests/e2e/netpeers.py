"""Listener and prober run inside network namespaces (``python -m tests.e2e.netpeers ...``).

listen PORTS_JSON: bind TCP on each given address and UDP on each given address for the given ports, accept and
close TCP connections, echo UDP datagrams; print "ready" when all are bound.
probe PROBES_JSON: try each [proto, address, port] in parallel and print a JSON
list of "open" / "blocked" / "refused" results, in order.
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


def listen(ports: dict) -> None:
    sel = selectors.DefaultSelector()
    for address in ports["addresses"]:
        for port in ports["tcp"]:
            s = socket.socket(family(address), socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((address, port))
            s.listen(64)
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ, "tcp")
    # one UDP socket per local address, so that the echo leaves from the address the datagram was sent to
    for address in ports["addresses"]:
        for port in ports["udp"]:
            s = socket.socket(family(address), socket.SOCK_DGRAM)
            s.bind((address, port))
            s.setblocking(False)
            sel.register(s, selectors.EVENT_READ, "udp")
    print("ready", flush=True)
    while True:
        for key, _ in sel.select():
            sock = key.fileobj
            try:
                if key.data == "tcp":
                    conn, _ = sock.accept()
                    conn.close()
                else:
                    data, peer = sock.recvfrom(2048)
                    sock.sendto(b"echo:" + data, peer)
            except (BlockingIOError, ConnectionError):
                pass


def probe_one(item: list) -> str:
    proto, address, port = item
    if proto == "tcp":
        s = socket.socket(family(address), socket.SOCK_STREAM)
        s.settimeout(TIMEOUT)
        try:
            s.connect((address, port))
            return "open"
        except ConnectionRefusedError:
            return "refused"
        except (TimeoutError, socket.timeout, OSError):
            return "blocked"
        finally:
            s.close()
    s = socket.socket(family(address), socket.SOCK_DGRAM)
    s.settimeout(TIMEOUT)
    try:
        token = f"{address}:{port}".encode()
        s.sendto(token, (address, port))
        data, _ = s.recvfrom(2048)
        return "open" if data == b"echo:" + token else "garbled"
    except (TimeoutError, socket.timeout):
        return "blocked"
    except ConnectionRefusedError:
        return "refused"
    finally:
        s.close()


def probe(items: list) -> list:
    with ThreadPoolExecutor(max_workers=min(256, max(1, len(items)))) as pool:
        return list(pool.map(probe_one, items))


if __name__ == "__main__":
    command, payload = sys.argv[1], json.loads(sys.stdin.read())
    if command == "listen":
        listen(payload)
    else:
        print(json.dumps(probe(payload)))
