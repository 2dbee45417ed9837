"""Packaging checks: they need the built packages, so the session builds them once, up front.

The fixture runs `installer/dist.py bundle deb msi wheel` (what `make dist` runs, without the
figures) into build/packaging-test/: the PyInstaller bundle, the .deb, the MSI with the Linux
bundle as payload, and the Python wheel the server installs. About 2-3 minutes on 2 cores
(PyInstaller ~40 s, the .deb's xz compression ~70 s, the rest seconds).

Set XIETONG_DIST_DIR=dist to check packages already built by `make dist` instead of building.

What they need from the machine (PyInstaller in the venv; wixl, msitools, dpkg-dev, binutils,
desktop-file-utils, systemd) is installed by `make test` / `make packaging-test` through
`scripts/system-deps.sh --with-packaging` and the `dist` extra. When it is missing, the tests fail
and say what to run; they never skip.
"""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, Dist, versions


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Dist:
    given = os.environ.get("XIETONG_DIST_DIR")
    if given:
        return Dist(Path(given).resolve())
    out = ROOT / "build" / "packaging-test"
    if worker_id == "master":
        _build(out)
        return Dist(out)
    # `make test`'s workers share their base temp's parent: the first to get here builds, the
    # others wait on the lock and reuse the packages.
    shared = tmp_path_factory.getbasetemp().parent
    with (shared / "packages.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = shared / "packages.built"
        if not built.exists():
            _build(out)
            built.touch()
    return Dist(out)


def _build(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "dist.py"), "bundle", "deb", "msi", "wheel", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    if done.returncode != 0:
        pytest.fail(f"building the packages failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}", pytrace=False)


@pytest.fixture(scope="session")
def version() -> str:
    return versions.app_version()
