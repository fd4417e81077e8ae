"""Small servers the probe tests start on loopback: a SIP responder, a STUN responder, a silent UDP sink.

Written here from the RFCs, independently of fwplan.probe, so that the probes are
checked against a peer that speaks the protocol rather than against themselves.
"""

from __future__ import annotations

import asyncio
import socket
import struct

MAGIC_COOKIE = 0x2112A442


class UdpServer(asyncio.DatagramProtocol):
    """Records every datagram; ``reply`` decides the answer (None: stay silent)."""

    def __init__(self) -> None:
        self.transport: asyncio.DatagramTransport | None = None
        self.received: list[tuple[bytes, tuple]] = []

    def connection_made(self, transport) -> None:
        self.transport = transport

    def datagram_received(self, data: bytes, addr) -> None:
        self.received.append((data, addr))
        answer = self.reply(data, addr)
        if answer is not None:
            self.transport.sendto(answer, addr)

    def reply(self, data: bytes, addr) -> bytes | None:
        return None

    @property
    def clients(self) -> set[tuple]:
        return {addr for _data, addr in self.received}


class SilentSink(UdpServer):
    """Receives and never answers: to the prober it looks like a filtered port."""


class SipResponder(UdpServer):
    """Answers every SIP request with a response that echoes the transaction headers (RFC 3261 8.2.6)."""

    def __init__(self, status: str = "200 OK") -> None:
        super().__init__()
        self.status = status

    def reply(self, data: bytes, addr) -> bytes | None:
        text = data.decode("utf-8", "replace")
        if not text.startswith(("OPTIONS ", "INVITE ", "REGISTER ")):
            return None
        echoed = [
            line
            for line in text.split("\r\n")
            if line.split(":", 1)[0].lower() in ("via", "from", "to", "call-id", "cseq")
        ]
        lines = [f"SIP/2.0 {self.status}", *echoed, "Server: test-sip-responder", "Content-Length: 0", "", ""]
        return "\r\n".join(lines).encode()


class GarbageResponder(UdpServer):
    """Answers with something that is neither SIP nor STUN."""

    def reply(self, data: bytes, addr) -> bytes | None:
        return b"HTTP/1.1 400 Bad Request\r\n\r\n"


class StunResponder(UdpServer):
    """Answers Binding requests (RFC 5389) with a success response carrying XOR-MAPPED-ADDRESS.

    ``wrong_transaction`` flips a bit of the transaction id, as a response to someone else's request would.
    """

    def __init__(self, wrong_transaction: bool = False) -> None:
        super().__init__()
        self.wrong_transaction = wrong_transaction

    def reply(self, data: bytes, addr) -> bytes | None:
        if len(data) < 20:
            return None
        kind, _length, cookie = struct.unpack_from("!HHI", data)
        transaction = data[8:20]
        if kind != 0x0001 or cookie != MAGIC_COOKIE:
            return None
        if self.wrong_transaction:
            transaction = bytes([transaction[0] ^ 1]) + transaction[1:]
        host, port = addr[0], addr[1]
        if ":" in host:
            family, raw = 0x02, socket.inet_pton(socket.AF_INET6, host)
        else:
            family, raw = 0x01, socket.inet_pton(socket.AF_INET, host)
        mask = struct.pack("!I", MAGIC_COOKIE) + transaction
        xored = bytes(b ^ m for b, m in zip(raw, mask))
        value = struct.pack("!BBH", 0, family, port ^ (MAGIC_COOKIE >> 16)) + xored
        attribute = struct.pack("!HH", 0x0020, len(value)) + value
        return struct.pack("!HHI", 0x0101, len(attribute), MAGIC_COOKIE) + transaction + attribute


class Waiting:
    """Clients waiting for an answer, over several responders, and the most that ever waited at once."""

    def __init__(self) -> None:
        self.now: set[tuple] = set()
        self.most = 0

    def add(self, client: tuple) -> None:
        self.now.add(client)
        self.most = max(self.most, len(self.now))


class SlowSipResponder(SipResponder):
    """Answers after ``delay`` seconds, keeping count in ``waiting`` of the clients not yet answered."""

    def __init__(self, delay: float, waiting: Waiting) -> None:
        super().__init__()
        self.delay = delay
        self.waiting = waiting

    def datagram_received(self, data: bytes, addr) -> None:
        self.received.append((data, addr))
        client = (self.transport.get_extra_info("sockname"), addr)
        if client in self.waiting.now:
            return
        self.waiting.add(client)
        answer = self.reply(data, addr)
        asyncio.get_running_loop().call_later(self.delay, self._answer, answer, addr, client)

    def _answer(self, answer: bytes, addr, client) -> None:
        self.waiting.now.discard(client)
        self.transport.sendto(answer, addr)


class Servers:
    """Starts the servers of one test and closes them all at the end: ``async with Servers() as servers``."""

    def __init__(self) -> None:
        self._closers: list = []

    async def __aenter__(self) -> Servers:
        return self

    async def __aexit__(self, *exc) -> None:
        for close in reversed(self._closers):
            result = close()
            if asyncio.iscoroutine(result):
                await result

    async def udp(self, server: UdpServer, host: str = "127.0.0.1", port: int = 0) -> int:
        """Bind the UDP server and return its port."""
        loop = asyncio.get_running_loop()
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        transport, _ = await loop.create_datagram_endpoint(lambda: server, local_addr=(host, port), family=family)
        self._closers.append(transport.close)
        return transport.get_extra_info("sockname")[1]

    async def tcp_listener(self, host: str = "127.0.0.1", port: int = 0) -> int:
        """A TCP listener that accepts and hangs up; returns its port."""

        async def hang_up(_reader, writer) -> None:
            writer.close()

        server = await asyncio.start_server(hang_up, host, port)

        async def close() -> None:
            server.close()
            await server.wait_closed()

        self._closers.append(close)
        return server.sockets[0].getsockname()[1]

    def closed_tcp_port(self, host: str = "127.0.0.1") -> int:
        """A port with a bound TCP socket that does not listen: connects to it are refused."""
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((host, 0))
        self._closers.append(sock.close)
        return sock.getsockname()[1]

    def closed_udp_port(self, host: str = "127.0.0.1") -> int:
        """A UDP port nothing is bound to (it was a moment ago): datagrams to it get ICMP port unreachable."""
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind((host, 0))
            return sock.getsockname()[1]

    def unanswered_tcp_port(self, host: str = "127.0.0.1") -> int:
        """A listener whose accept queue is full (backlog 0, one connection waiting): new SYNs go unanswered."""
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.bind((host, 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        filler = socket.socket(family, socket.SOCK_STREAM)
        filler.connect((host, port))
        self._closers += [listener.close, filler.close]
        return port
