"""Runs the sync engine off the UI thread: every 30 s, on request (F5) and shortly after each
local change; after a failed round it waits longer each time (sync.client.backoff), so a hundred
desks do not knock on a returning server at the same second. The UI hears the outcome and
re-reads the local store; it never waits on the network.
"""

import logging
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from app.services import sync_state
from app.services.blob_upkeep import collect_garbage
from app.services.files import FilesService
from sync.client.backoff import Backoff
from sync.client.engine import SyncReport
from sync.client.transport import LoginExpired, ServerRefused, ServerUnreachable
from ui.session import ClientSession
from ui.text import fill

log = logging.getLogger(__name__)

INTERVAL_MS = 30_000
SOON_MS = 1_500  # after a local change: long enough to gather a burst of clicks into one push


@dataclass(frozen=True)
class SyncOutcome:
    online: bool
    changed: bool  # rows arrived or queued changes were answered: views re-read the store
    detail: str  # technical text of a failed round, behind 详细信息 (its words are in sync_state)


class SyncCancelled(Exception):
    """The window is closing: stop between two pages (each page is already committed)."""


class _SyncWorker(QObject):
    """Lives on the sync thread; one `run` is one engine round."""

    finished = Signal(object)
    progress = Signal(str, int, int)

    def __init__(self, session: ClientSession, cancel: threading.Event) -> None:
        super().__init__()
        self._session = session
        self._engine = session.sync_engine()
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            report = self._engine.sync_once(self._report_progress)
            fetched = self._fetch_offline()
            if _changed(report) or fetched:  # it reads every 公文's attachments: not every 30 s for nothing
                collect_garbage(self._session.cache)
        except SyncCancelled:
            return
        except ServerUnreachable as exc:
            log.info("server unreachable, working offline: %s", exc)
            self.finished.emit(SyncOutcome(online=False, changed=False, detail=""))
            return
        except Exception as exc:
            self.finished.emit(self._failure(exc))
            return
        self.finished.emit(SyncOutcome(online=True, changed=_changed(report) or fetched > 0, detail=""))

    def _fetch_offline(self) -> int:
        """After each round the files of folders kept offline come down (resumable)."""
        transfer = self._engine.blobs
        if transfer is None:
            return 0

        def fetch(sha: str, size: int):
            return transfer.download(sha, size, lambda done, total: self._report_progress("download", done, total))

        return FilesService(self._session.cache, self._session.user, fetch).fetch_offline()

    def _report_progress(self, stage: str, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise SyncCancelled()
        self.progress.emit(stage, done, total)

    def _failure(self, exc: Exception) -> SyncOutcome:
        if isinstance(exc, ServerRefused):
            words = fill(self.tr("The server refused the last sync: %1"), exc.message or exc.code)
            log.warning("sync refused: %s (detail %r)", exc, exc.detail)
        elif isinstance(exc, LoginExpired):
            words = self.tr("The server no longer accepts this sign-in. Close Xietong and sign in again.")
            log.warning("sync: login expired and could not be renewed: %s", exc)
        else:
            words = self.tr("The last sync failed unexpectedly. Your changes are kept and will be sent later.")
            log.exception("sync failed unexpectedly")
        sync_state.record_failure(self._session.cache, words)
        return SyncOutcome(online=True, changed=False, detail=f"{type(exc).__name__}: {exc}")


def _changed(report: SyncReport) -> bool:
    return bool(report.pulled_rows or report.pushed or report.rejected)


class SyncRunner(QObject):
    """Owned by the main window; `start` after showing it, `stop` on close (waits for the thread)."""

    started = Signal()
    finished = Signal(object)  # SyncOutcome
    progress = Signal(str, int, int)  # stage ("push" | "pull"), done, total (0 = unknown)
    _run_requested = Signal()

    def __init__(self, session: ClientSession, parent: QObject | None = None, backoff: Backoff | None = None) -> None:
        super().__init__(parent)
        self._backoff = backoff or Backoff()
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("sync")
        self._worker = _SyncWorker(session, self._cancel)
        self._worker.moveToThread(self._thread)
        self._run_requested.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.progress.connect(self.progress)
        self._busy = False
        self._again = False
        self._interval = QTimer(self, interval=INTERVAL_MS, timeout=self.sync_now)
        self._soon = QTimer(self, interval=SOON_MS, singleShot=True, timeout=self.sync_now)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def next_round_ms(self) -> int:
        """How long until the next automatic round (30 s, or the back-off after a failure)."""
        return self._interval.interval()

    def start(self) -> None:
        self._thread.start()
        self._interval.start()
        self.sync_now()

    def sync_now(self) -> None:
        if not self._thread.isRunning() or self._cancel.is_set():
            return
        if self._busy:
            self._again = True  # one more round right after this one, not a queue of them
            return
        self._busy = True
        self.started.emit()
        self._run_requested.emit()

    def sync_soon(self) -> None:
        self._soon.start()

    def stop(self) -> None:
        self._interval.stop()
        self._soon.stop()
        self._cancel.set()
        self._thread.quit()
        self._thread.wait()

    def _on_finished(self, outcome: SyncOutcome) -> None:
        self._busy = False
        if self._cancel.is_set():
            return
        self._schedule_next(outcome)
        self.finished.emit(outcome)
        if self._again:
            self._again = False
            self.sync_now()

    def _schedule_next(self, outcome: SyncOutcome) -> None:
        if outcome.online and not outcome.detail:
            self._backoff.succeeded()
            self._interval.start(INTERVAL_MS)
        else:
            self._interval.start(round(self._backoff.failed() * 1000))
