"""The PostgreSQL the test set-up started (scripts/postgres-test.sh): one database per run.

Without that set-up the PostgreSQL tests fail, on purpose: a missing install step must show."""

import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[2]
PG_ENV = "XIETONG_TEST_PG"
PG_ENV_FILE = REPO / "var" / "test-postgres.env"
# Parametrise server-side tests over both databases the server supports.
BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres)]


def admin_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if not url and PG_ENV_FILE.is_file():
        for line in PG_ENV_FILE.read_text().splitlines():
            if line.startswith(PG_ENV + "="):
                url = line.split("=", 1)[1].strip()
    if not url:
        pytest.fail(f"PostgreSQL for the tests is not set up: run `bash scripts/postgres-test.sh` (make test does) so that {PG_ENV} or {PG_ENV_FILE} exists.")
    return url


@contextmanager
def fresh_database() -> Iterator[str]:
    """Create a database with a unique name, yield its SQLAlchemy URL, drop it afterwards."""
    admin = make_url(admin_url())
    name = f"xietong_test_{os.getpid()}_{secrets.token_hex(3)}"
    conninfo = admin.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        _drop(conninfo, name)


def _drop(conninfo: str, name: str) -> None:
    """FORCE ends our own connections but may not end an autovacuum worker (the superuser's),
    which can be at work on a fresh database: wait for it."""
    for attempt in range(40):
        try:
            with psycopg.connect(conninfo, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == 39:
                raise
            time.sleep(0.25)
