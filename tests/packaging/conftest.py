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

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.helpers import ROOT, Dist, versions


@pytest.fixture(scope="session")
def dist() -> Dist:
    given = os.environ.get("XIETONG_DIST_DIR")
    if given:
        return Dist(Path(given).resolve())
    out = ROOT / "build" / "packaging-test"
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "dist.py"), "bundle", "deb", "msi", "wheel", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=1200,
    )
    if done.returncode != 0:
        pytest.fail(f"building the packages failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}", pytrace=False)
    return Dist(out)


@pytest.fixture(scope="session")
def version() -> str:
    return versions.app_version()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under `make test`'s workers, the packaging checks share one worker, so the packages are built once."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.xdist_group("packaging"))
