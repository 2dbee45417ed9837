"""Push figures against a real server process on loopback:

sync.push_ops_per_s.sqlite / .postgresql  one client pushes 2,000 queued ops (bounded batches)
sync.push_p95_ms.pg_50_clients            p95 round trip of a 100-op push, 50 clients at once, PostgreSQL
"""

import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from app.store import outbox
from tests.server.helpers import log_in
from tests.support.headless_client import sign_in
from tests.support.postgres import fresh_database
from tests.support.http_client import Http
from tests.support.server_process import ServerProcess, start_server

OPS = 2_000
CLIENTS = 50
PUSHES_EACH = 1
LOGINS = ("wangxy", "chenjg", "liming", "zhaoli", "zhouqiang")


def ops_per_s(server: ServerProcess, work: Path) -> float:
    client = sign_in(server.url, server.ca_file, server.tokens_dir, "wangxy", work / f"push-{uuid.uuid4().hex}.sqlite")
    with client.cache.sessions.begin() as s:
        for i in range(OPS):
            outbox.append(s, "notice.publish", {"id": uuid.uuid4().hex, "title": f"推送测试{i}", "body": "各处室：请按时报送材料。" * 20, "audience": "u01"})
    start = time.perf_counter()
    report = client.engine.push_once()
    elapsed = time.perf_counter() - start
    assert report.pushed == OPS
    client.close()
    return OPS / elapsed


def p95_of_concurrent_pushes(server: ServerProcess) -> float:
    devices = [log_in(Http(server.url, server.ca_file, timeout_s=600), server.tokens_dir, LOGINS[i % len(LOGINS)]) for i in range(CLIENTS)]
    timings: list[float] = []
    lock = threading.Lock()
    start_line = threading.Barrier(CLIENTS)

    def pusher(me) -> None:
        start_line.wait()
        for _ in range(PUSHES_EACH):
            ops = [("notice.publish", {"id": uuid.uuid4().hex, "title": "并发", "body": "正文" * 50, "audience": me.login.user.unit_id}) for _ in range(100)]
            began = time.perf_counter()
            answer = me.push(*ops)
            took = (time.perf_counter() - began) * 1000
            assert answer.status_code == 200, answer.text
            with lock:
                timings.append(took)

    threads = [threading.Thread(target=pusher, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statistics.quantiles(timings, n=20)[18]


def run() -> list[tuple[str, float, str]]:
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sqlite = start_server(work / "sqlite", f"sqlite:///{work}/server.db", people=300, tokens_dir=work / "tokens-sqlite")
        try:
            figures.append(("sync.push_ops_per_s.sqlite", round(ops_per_s(sqlite, work)), "ops/s"))
        finally:
            sqlite.stop()
        with fresh_database() as pg_url:
            pg = start_server(work / "pg", pg_url, people=300, tokens_dir=work / "tokens-pg")
            try:
                figures.append(("sync.push_ops_per_s.postgresql", round(ops_per_s(pg, work)), "ops/s"))
                figures.append(("sync.push_p95_ms.pg_50_clients", round(p95_of_concurrent_pushes(pg), 1), "ms"))
            finally:
                pg.stop()
    return figures
