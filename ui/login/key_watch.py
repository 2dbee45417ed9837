"""Polls the session's key twice a second, so pulling it out locks the session within a second."""

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.session_lock import SessionLock

POLL_MS = 500


class KeyWatch(QObject):
    locked = Signal()

    def __init__(self, lock: SessionLock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._timer.start()

    def _poll(self) -> None:
        if self.lock.poll():
            self.locked.emit()
