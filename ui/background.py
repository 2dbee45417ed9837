"""Run one blocking call (a login, opening a cache) on Qt's thread pool and hand its result, or
its exception, back to the UI thread."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal


class BackgroundCall(QObject):
    """Emits `succeeded(result)` or `failed(exception)` on the thread that created it."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call = call

    def start(self) -> None:
        QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        try:
            result = self._call()
        except Exception as exc:  # handed to the UI, which says it in words and logs it
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)
