"""What the status bar and the sync panel show: waiting changes, last sync, last error, rejections."""

import time
from dataclasses import dataclass

from app.store import meta, outbox
from app.store.cache import Cache

LAST_SYNC_KEY = "last_sync_at"
LAST_ERROR_KEY = "last_sync_error"
CLOCK_OFFSET_KEY = "server_clock_offset"
CLOCK_SKEW_WARN_S = 300


@dataclass(frozen=True)
class Rejection:
    name: str
    created_at: float
    code: str
    message: str


@dataclass(frozen=True)
class SyncState:
    pending: int
    last_sync_at: float | None
    last_error: str
    clock_offset_s: float
    rejections: list[Rejection]

    @property
    def clock_skewed(self) -> bool:
        return abs(self.clock_offset_s) > CLOCK_SKEW_WARN_S


def read(cache: Cache) -> SyncState:
    with cache.session() as s:
        last = meta.get(s, LAST_SYNC_KEY)
        return SyncState(
            pending=outbox.pending_count(s),
            last_sync_at=float(last) if last else None,
            last_error=meta.get(s, LAST_ERROR_KEY),
            clock_offset_s=float(meta.get(s, CLOCK_OFFSET_KEY, "0")),
            rejections=[Rejection(r.name, r.created_at, r.reject_code, r.reject_message) for r in outbox.rejected(s)],
        )


def record_success(cache: Cache, server_time: float, now: float | None = None) -> None:
    """`now` is this machine's clock at the answer (injectable: tests run a clock a day off);
    the offset to the server's clock is kept for the skew warning, never used for ordering."""
    now = time.time() if now is None else now
    with cache.sessions.begin() as s:
        meta.put(s, LAST_SYNC_KEY, str(now))
        meta.put(s, LAST_ERROR_KEY, "")
        meta.put(s, CLOCK_OFFSET_KEY, str(now - server_time))


def record_failure(cache: Cache, message: str) -> None:
    with cache.sessions.begin() as s:
        meta.put(s, LAST_ERROR_KEY, message)
