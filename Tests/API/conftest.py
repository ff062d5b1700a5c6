"""The API contract test needs a running server and nothing else: no browser, no Java. It starts the
same `weerbaar serve` as the browser gate, through the gate's server module (Tests/Browser/server.py)."""
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Browser"))
from server import Server  # noqa: E402


@pytest.fixture(scope="session")
def server():
    s = Server()
    yield s
    s.stop()
