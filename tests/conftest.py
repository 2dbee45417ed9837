"""Every test gets its own Xietong home (data, settings, logs), so no test touches a real profile."""

import os

import keyring
import pytest
from keyring.backends import fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may write to a developer's real OS keyring: sign-in through the UI code sees none here
# (the PIN fallback); tests of the key store pass their own keyring.
keyring.set_keyring(fail.Keyring())
# tests/soak moves gigabytes: only `make soak` (XIETONG_SIM_PROFILE=soak) collects it.
collect_ignore = [] if os.environ.get("XIETONG_SIM_PROFILE") == "soak" else ["soak"]


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


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory):
    """SoftHSM2 as the USB key, one token folder for the run (a PKCS#11 module loads once)."""
    from tests.support import softhsm

    return softhsm.start(tmp_path_factory.mktemp("softhsm"))
