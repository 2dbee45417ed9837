"""A real exchange server process on a free loopback port, on SQLite and on PostgreSQL."""

from contextlib import ExitStack

import pytest

from tests.support.bundle_exchange import EXCHANGE_LOGIN
from tests.support.pki import DEMO_PIN
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


@pytest.fixture(scope="session")
def bundle_server(tmp_path_factory):
    """One server for the 交换包 material and relay tests: it holds the exchange key for relays."""
    work = tmp_path_factory.mktemp("bundle-server")
    (work / "exchange.pin").write_text(DEMO_PIN)
    config = work / "server.toml"
    config.write_text(f'bundle_exchange_key = "{work / "server" / "tokens" / f"{EXCHANGE_LOGIN}.p12"}"\nbundle_exchange_pin_file = "{work / "exchange.pin"}"\n')
    server = start_server(work / "server", f"sqlite:///{work / 'server.db'}", serve_args=("--config", str(config)))
    yield server
    server.stop()
