"""Server test set-up: one demo deployment per database kind (SQLite file, PostgreSQL database),
shared by the tests of a run, which therefore use their own devices and notice ids.

PostgreSQL comes from scripts/postgres-test.sh (`make test` runs it): XIETONG_TEST_PG in the
environment, or the same line in var/test-postgres.env. One database is created per run and
dropped at the end. Without it the PostgreSQL tests fail, on purpose: a missing install step must
show."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sync.server.config import Settings
from sync.server.database import open_database
from sync.server.demo import default_org_path, init_demo
from sync.server.main import create_app
from tests.server.helpers import AUDIENCE
from tests.support.postgres import BACKENDS

DEMO_PEOPLE = 200


@dataclass
class Deployment:
    database_url: str
    tokens_dir: Path
    client: TestClient


def database_url(kind: str, folder: Path, request: pytest.FixtureRequest) -> str:
    return f"sqlite:///{folder / 'server.db'}" if kind == "sqlite" else request.getfixturevalue("pg_url")


@pytest.fixture(scope="session", params=BACKENDS)
def deployment(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    folder = tmp_path_factory.mktemp(f"server-{request.param}")
    url = database_url(request.param, folder, request)
    db = open_database(url)
    try:
        init_demo(db, people=DEMO_PEOPLE, tokens_dir=folder / "tokens", org_path=default_org_path(), reset=True, pki_dir=folder / "pki")
    finally:
        db.close()
    with TestClient(create_app(inprocess_settings(url, folder))) as client:
        yield Deployment(url, folder / "tokens", client)


def inprocess_settings(url: str, folder: Path) -> Settings:
    """An in-process server that believes it is at AUDIENCE, the address TestClient uses."""
    # Logins are many and quick here; the challenge limit has its own test.
    return Settings(database_url=url, blob_dir=folder / "blobs", public_url=AUDIENCE, token_key_file=folder / "token-key.pem", challenges_per_minute=100_000)


@pytest.fixture
def client(deployment: Deployment) -> TestClient:
    return deployment.client


@pytest.fixture
def tokens(deployment: Deployment) -> Path:
    return deployment.tokens_dir
