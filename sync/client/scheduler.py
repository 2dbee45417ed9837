"""When to run the next sync round, Qt-free: the UI's worker thread asks `due()`, calls `tick()`,
and sleeps until `next_at`. A failure is written in words for the status bar and backs off;
"sync now" makes the next round due at once.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.services import sync_state
from app.store.cache import Cache
from sync.client.backoff import Backoff
from sync.client.engine import Progress, SyncEngine, SyncReport
from sync.client.transport import LoginExpired, ServerRefused, ServerUnreachable

log = logging.getLogger(__name__)
UNREACHABLE_MESSAGE = "无法连接交换服务器，修改已保存在本机，恢复连接后自动发送。"
LOGIN_MESSAGE = "登录已过期，请重新登录后继续同步。"


@dataclass
class TickOutcome:
    report: SyncReport | None
    error: str
    wait_s: float


class SyncScheduler:
    def __init__(self, engine: SyncEngine, cache: Cache, backoff: Backoff | None = None, interval_s: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._engine, self._cache = engine, cache
        self.backoff = backoff or Backoff()
        self._interval_s, self._clock = interval_s, clock
        self.next_at = clock()

    def due(self) -> bool:
        return self._clock() >= self.next_at

    def sync_now(self) -> None:
        """The user pressed 同步: the next round runs at once, whatever the back-off said."""
        self.next_at = self._clock()

    def tick(self, progress: Progress | None = None) -> TickOutcome:
        """Run one round; never raises for a network or server problem."""
        try:
            report = self._engine.sync_once(progress)
        except (ServerUnreachable, LoginExpired, ServerRefused) as exc:
            return self._failed(exc)
        self.backoff.succeeded()
        self.next_at = self._clock() + self._interval_s
        return TickOutcome(report, "", self._interval_s)

    def _failed(self, exc: Exception) -> TickOutcome:
        message = _in_words(exc)
        log.info("sync round failed: %s", exc)
        sync_state.record_failure(self._cache, message)
        wait = self.backoff.failed()
        self.next_at = self._clock() + wait
        return TickOutcome(None, message, wait)


def _in_words(exc: Exception) -> str:
    if isinstance(exc, ServerUnreachable):
        return UNREACHABLE_MESSAGE
    if isinstance(exc, LoginExpired):
        return LOGIN_MESSAGE
    assert isinstance(exc, ServerRefused)
    return exc.message or f"服务器拒绝了同步请求（HTTP {exc.status}）。"
