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
