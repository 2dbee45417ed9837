"""sync.initial_100k_s and sync.noop_pull_ms: a fresh cache's first sync of 100,000 document-sized
rows (about 1,300 characters of mostly Chinese JSON each) from a real server process on loopback,
then a no-change pull against that server, end to end."""

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from app.domain.scopes import notice_scope
from app.store.models import NoticeRow
from sync.server.changelog.service import EntityChange, record_many
from sync.server.database import open_database
from tests.support.headless_client import sign_in
from tests.support.server_process import start_server

ROWS = 100_000
BATCH = 5_000
NOOP_ROUNDS = 30
BODY = "各县（市）区人民政府，市各委、办、局，市各直属单位：为加快推进电子政务建设，提高行政效能，经市政府同意，现将有关事项通知如下。" * 9


def seed(url: str) -> None:
    db = open_database(url)
    try:
        for first in range(0, ROWS, BATCH):
            changes = [EntityChange("notice", f"bench-{i:06d}", 1, _document(i)) for i in range(first, first + BATCH)]
            with db.sessions.begin() as s:
                record_many(s, notice_scope("all"), changes)
    finally:
        db.close()


def _document(i: int) -> dict:
    return {
        "title": f"关于做好2012年第{i}号政务信息报送工作的通知",
        "body": BODY,
        "audience": "all",
        "publisher_id": "p1",
        "publisher_name": "陈建国",
        "publisher_unit_id": "u01",
        "published_at": 1_350_000_000.0 + i,
    }


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work}/server.db"
        server = start_server(work / "server", url, people=300, tokens_dir=work / "tokens")
        try:
            seed(url)
            client = sign_in(server.url, server.ca_file, work / "tokens", "wangxy", work / "cache.sqlite")
            start = time.perf_counter()
            client.sync()
            first_s = time.perf_counter() - start
            with client.cache.session() as s:  # searchable: a title query over the synced rows
                found = s.scalar(select(func.count()).select_from(NoticeRow).where(NoticeRow.title.like("%第4242号%")))
            assert found == 1
            noop_ms = []
            for _ in range(NOOP_ROUNDS):
                start = time.perf_counter()
                client.engine.pull_once()
                noop_ms.append((time.perf_counter() - start) * 1000)
            client.close()
        finally:
            server.stop()
    return [("sync.initial_100k_s", round(first_s, 1), "s"), ("sync.noop_pull_ms", round(statistics.median(noop_ms), 1), "ms")]
