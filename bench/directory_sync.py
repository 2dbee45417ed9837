"""Directory sync figures: a fresh cache's first sync against 5,000 people, then a no-change sync."""

import statistics
import tempfile
import time
from pathlib import Path

from tests.support.headless_client import sign_in
from tests.support.server_process import start_server

PEOPLE = 5000
NOOP_ROUNDS = 30


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = start_server(work / "server", f"sqlite:///{work}/server.db", people=PEOPLE, tokens_dir=work / "tokens")
        try:
            engine = sign_in(server.url, server.ca_file, work / "tokens", "wangxy", work / "cache.sqlite").engine
            start = time.perf_counter()
            engine.sync_once()
            first_s = time.perf_counter() - start
            noop_ms = []
            for _ in range(NOOP_ROUNDS):
                start = time.perf_counter()
                engine.sync_once()
                noop_ms.append((time.perf_counter() - start) * 1000)
        finally:
            server.stop()
    return [("directory.first_sync_5k_s", round(first_s, 2), "s"), ("directory.noop_sync_ms", round(statistics.median(noop_ms), 1), "ms")]

