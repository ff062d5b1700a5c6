"""What one client can do to everyone: connections that are opened and left idle are closed by the
server after HTTP_IDLE_TIMEOUT_SECONDS, so a pile of them cannot hold every file descriptor. Runs
against a real `weerbaar serve` on loopback, and stops by itself."""
import socket
import time

import pytest
from server import Server


@pytest.fixture(scope="module")
def impatient_server():
    s = Server(hostile=False, env_extra={"HTTP_IDLE_TIMEOUT_SECONDS": "1"})
    yield s
    s.stop()


def closed_within(port, seconds, send=b""):
    """Seconds until the server closes a connection that sent `send` and then nothing; None if it stays open."""
    with socket.create_connection(("127.0.0.1", port), timeout=seconds) as connection:
        if send:
            connection.sendall(send)
        started = time.monotonic()
        try:
            while connection.recv(4096):
                pass  # an answer (a 408 or an error page) before the close is fine
        except socket.timeout:
            return None
        return time.monotonic() - started


def test_an_idle_connection_is_closed(impatient_server):
    waited = closed_within(impatient_server.port, 6)
    assert waited is not None, "the server kept an idle connection open for 6 s"
    assert waited < 4


def test_a_connection_left_idle_after_an_answer_is_closed_too(impatient_server):
    waited = closed_within(impatient_server.port, 6, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert waited is not None, "the server kept a kept-alive connection open for 6 s"


def test_many_idle_connections_do_not_lock_out_a_visitor(impatient_server):
    idle = [socket.create_connection(("127.0.0.1", impatient_server.port), timeout=5) for _ in range(200)]
    try:
        time.sleep(2.5)  # past the idle timeout: the server has let go of them
        with socket.create_connection(("127.0.0.1", impatient_server.port), timeout=5) as visitor:
            visitor.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            assert visitor.recv(64).startswith(b"HTTP/1.1 200")
        closed = 0
        for connection in idle:
            connection.settimeout(0.5)
            try:
                if connection.recv(1) == b"":
                    closed += 1
            except socket.timeout:
                pass
        assert closed == len(idle), f"{closed} of {len(idle)} idle connections closed"
    finally:
        for connection in idle:
            connection.close()
