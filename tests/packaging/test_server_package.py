"""The exchange server as IT installs it: the wheel with its `xietong-server` entry point, the
example configuration for PostgreSQL, and the systemd unit."""

import configparser
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sync.server.config import load_settings
from tests.packaging.helpers import ROOT

UNIT = ROOT / "installer" / "server" / "xietong-server.service"
EXAMPLE = ROOT / "installer" / "server" / "server.toml.example"


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """The wheel installed on its own (no editable checkout on the path), deps from this venv."""
    target = tmp_path_factory.mktemp("server-install")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile", "--target", str(target), str(dist.wheel)], check=True)
    return target


def run_installed(installed: Path, *args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    # The console script pip wrote, run by this venv's interpreter with the install first on the path.
    environment = {**os.environ, "PYTHONPATH": str(installed), **(env or {})}
    return subprocess.run([sys.executable, str(installed / "bin" / "xietong-server"), *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


def test_the_wheel_declares_the_entry_point_and_the_server_extra(dist):
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = wheel.namelist()
        info = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert re.search(r"^xietong-server = sync\.server\.cli:main$", wheel.read(info).decode(), re.MULTILINE)
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "Provides-Extra: server" in metadata
    assert any(n.startswith("sync/server/migrations/versions/") and n.endswith(".py") for n in names)
    assert any(n.startswith("sync/server/demo_data/") for n in names)


def test_the_installed_server_migrates_a_database_in_place(installed, tmp_path):
    version = run_installed(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("xietong-server "), version.stderr
    where = subprocess.run([sys.executable, "-c", "import sync.server; print(sync.server.__file__)"], env={**os.environ, "PYTHONPATH": str(installed)}, cwd=tmp_path, capture_output=True, text=True)
    assert where.stdout.startswith(str(installed)), "the test must exercise the installed copy"

    config = tmp_path / "server.toml"
    example = EXAMPLE.read_text(encoding="utf-8")
    config.write_text(re.sub(r'^database_url = ".*"$', f'database_url = "sqlite:///{tmp_path}/xietong.db"', example, flags=re.MULTILINE), encoding="utf-8")
    env = {"XIETONG_SERVER_CONFIG": str(config)}  # as the systemd unit passes it
    for _ in range(2):  # a first deployment, then an upgrade with nothing to do
        done = run_installed(installed, "migrate", cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stdout + done.stderr
    with sqlite3.connect(tmp_path / "xietong.db") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()


def test_the_example_configuration_is_valid_and_for_postgresql():
    settings = load_settings({}, EXAMPLE)  # unknown keys would be refused
    assert settings.database_url.startswith("postgresql+psycopg://")


def test_the_systemd_unit(installed, tmp_path):
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str
    unit.read(UNIT, encoding="utf-8")
    service = unit["Service"]
    assert service["User"] == "xietong" and service["Group"] == "xietong"
    environment = re.findall(r"^Environment=(.*)$", UNIT.read_text(encoding="utf-8"), re.MULTILINE)
    assert "XIETONG_SERVER_CONFIG=/etc/xietong/server.toml" in environment
    assert service["ExecStartPre"].split()[1:] == ["migrate"]
    assert service["ExecStart"].split()[1:] == ["serve"]
    assert unit["Install"]["WantedBy"] == "multi-user.target"

    # systemd's own check, with the program where this test installed it.
    assert shutil.which("systemd-analyze"), "systemd-analyze missing: run scripts/system-deps.sh --with-packaging"
    script = installed / "bin" / "xietong-server"
    script.chmod(0o755)
    copy = tmp_path / "xietong-server.service"
    copy.write_text(UNIT.read_text(encoding="utf-8").replace("/opt/xietong-server/bin/xietong-server", str(script)), encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
