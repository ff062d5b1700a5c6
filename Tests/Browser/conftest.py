"""Fixtures of the browser gate. `server` needs no browser (Tests/API starts the same one); only
`driver` starts Chromium, and only for the tests that ask for it."""
import pytest

from server import Server, chrome


@pytest.fixture(scope="session")
def server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def driver():
    d = chrome()
    yield d
    d.quit()
