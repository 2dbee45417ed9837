"""Shared by the packaging tests: where things are, and how to run a built program headless."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import versions  # noqa: E402,F401  (installer/versions.py: the release version per package format)


@dataclass(frozen=True)
class Dist:
    out: Path

    @property
    def bundle(self) -> Path:
        return self.out / "xietong"

    @property
    def program(self) -> Path:
        return self.bundle / "xietong"

    def one(self, pattern: str) -> Path:
        found = sorted(self.out.glob(pattern))
        assert len(found) == 1, f"expected one {pattern} in {self.out}, found {found}"
        return found[0]

    @property
    def deb(self) -> Path:
        return self.one("xietong_*.deb")

    @property
    def msi(self) -> Path:
        return self.one("xietong-*-linux-payload.msi")

    @property
    def wheel(self) -> Path:
        return self.one("xietong-*.whl")


def run_smoke(program: Path | str, home: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run a built client headless, with its own XIETONG_HOME."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XIETONG_HOME": str(home)}
    return subprocess.run([str(program), *extra], env=env, capture_output=True, text=True, timeout=120)
