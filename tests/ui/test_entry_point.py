"""`xietong --smoke` and `--version`, run as packaging checks run them: a separate process."""

import os
import subprocess
import sys
from pathlib import Path

from app import __version__
from app.config import ClientConfig
from ui import appearance, smoke

ROOT = Path(__file__).resolve().parents[2]


def run_client(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XIETONG_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "ui.main", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_smoke_opens_the_windows_and_exits_0(tmp_path):
    done = run_client("--smoke", "--server", "http://127.0.0.1:9", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ok" in done.stdout


def test_smoke_fails_in_words_when_a_resource_is_missing(qapp, capsys, closed_url):
    problems = appearance.install_translations("fr")  # no xietong_fr.qm is built
    appearance.install_translations("zh_CN")
    assert problems and "xietong_fr.qm" in problems[0]
    assert smoke.run(qapp, ClientConfig(closed_url, "", "fr", {}), problems) == 1
    assert "xietong_fr.qm" in capsys.readouterr().err


def test_version(tmp_path):
    done = run_client("--version", home=tmp_path)
    assert done.stdout.strip() == f"xietong {__version__}"
