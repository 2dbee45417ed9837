"""Every test gets its own Xietong home (data, settings, logs), so no test touches a real profile."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def xietong_home(tmp_path, monkeypatch):
    home = tmp_path / "xietong-home"
    monkeypatch.setenv("XIETONG_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def pg_url():
    """A fresh PostgreSQL database for this test run (see tests/support/postgres.py)."""
    from tests.support.postgres import fresh_database

    with fresh_database() as url:
        yield url
