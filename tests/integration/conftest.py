"""A real exchange server process on a free loopback port, on SQLite and on PostgreSQL."""

from contextlib import ExitStack

import pytest

from tests.support.postgres import BACKENDS, fresh_database
from tests.support.server_process import start_server

PEOPLE = 300


@pytest.fixture(params=BACKENDS)
def exchange_server(request, tmp_path):
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path / 'server.db'}"
        else:
            url = stack.enter_context(fresh_database())
        server = start_server(tmp_path / "server", url, people=PEOPLE)
        stack.callback(server.stop)
        yield server
