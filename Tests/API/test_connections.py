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


def test_headers_sent_a_byte_at_a_time_do_not_keep_a_connection(impatient_server):
    """A slow-header client (slowloris) sends part of a request head and then a byte now and then;
    the idle clock runs from the last complete request part, so the trickle does not reset it."""
    with socket.create_connection(("127.0.0.1", impatient_server.port), timeout=1) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        closed_after = None
        while time.monotonic() - started < 8:
            try:
                connection.sendall(b"X")
                if connection.recv(4096) == b"":
                    closed_after = time.monotonic() - started
                    break
            except socket.timeout:
                continue  # no answer yet: the trickle goes on
            except (BrokenPipeError, ConnectionResetError):
                closed_after = time.monotonic() - started
                break
        assert closed_after is not None, "a trickle of header bytes kept the connection open for 8 s"
        assert closed_after < 5


@pytest.fixture(scope="module")
def capped_server():
    s = Server(hostile=False, env_extra={"HTTP_CONNECTIONS_PER_CLIENT": "20"})
    yield s
    s.stop()


def answers(port):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as visitor:
        visitor.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        try:
            return visitor.recv(64).startswith(b"HTTP/1.1 200")
        except ConnectionResetError:
            return False


def test_one_client_cannot_hold_more_than_its_share_of_connections(capped_server):
    held = [socket.create_connection(("127.0.0.1", capped_server.port), timeout=5) for _ in range(20)]
    try:
        time.sleep(0.3)  # every one of them accepted and counted
        assert not answers(capped_server.port), "a 21st connection from one address was served"
        held.pop().close()
        time.sleep(0.3)  # the server sees the close and gives the place back
        assert answers(capped_server.port), "a place given back was not free again"
    finally:
        for connection in held:
            connection.close()
