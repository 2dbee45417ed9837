"""cache.open_ms: opening an encrypted cache holding 100,000 document-sized notices (the size the
first sync leaves), as sign-in does: key from the keyring, SQLCipher, the whole-file quick check,
the schema version check."""

import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from app.store.cache import open_cache
from app.store.cache_key import CacheKeyStore
from app.store.models import NoticeRow
from bench.sync_initial import BATCH, ROWS, _document
from tests.support.memory_keyring import MemoryKeyring

ROUNDS = 5


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cache.sqlite"
        keys = CacheKeyStore(MemoryKeyring())
        _fill(path, keys.data_key(path))
        open_cache(path, keys.data_key(path)).close()  # imports (Alembic) and the page cache warm
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            open_cache(path, keys.data_key(path)).close()
            samples.append((time.perf_counter() - start) * 1000)
    return [("cache.open_ms", round(statistics.median(samples), 1), "ms")]


def _fill(path: Path, key: bytes) -> None:
    cache = open_cache(path, key)
    try:
        for first in range(0, ROWS, BATCH):
            rows = [{"id": f"bench-{i:06d}", "version": 1, "attachments": [], **_document(i)} for i in range(first, first + BATCH)]
            with cache.sessions.begin() as s:
                s.execute(insert(NoticeRow), rows)
    finally:
        cache.close()
