"""Client start-up figures: process start to the login window, and memory after an online login."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support.server_process import ServerProcess, start_server

RUNS = 5


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = start_server(work / "server", f"sqlite:///{work}/server.db", people=1000)
        try:
            samples = [_one_start(server, work / f"home{i}") for i in range(RUNS)]
        finally:
            server.stop()
    return [
        ("startup.login_window_ms", statistics.median(s[0] for s in samples), "ms"),
        ("startup.rss_mb", statistics.median(s[1] for s in samples), "MB"),
    ]


def _one_start(server: ServerProcess, home: Path) -> tuple[float, float]:
    env = {**os.environ, "XIETONG_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    spawned_at = time.time()
    out = subprocess.run(
        [sys.executable, "-m", "bench.startup_child", str(spawned_at), server.url, str(server.tokens_dir), server.ca_file],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    figures = dict(line.split() for line in out.splitlines() if line.count(" ") == 1)
    return float(figures["login_window_ms"]), float(figures["rss_mb"])
