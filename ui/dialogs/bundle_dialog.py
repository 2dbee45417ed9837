"""导出交换包 / 导入交换包 under way: the work runs on Qt's thread pool, the dialog shows records and
bytes as they go, then the summary — or why nothing was imported, in words."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from sync.bundle.refusals import BundleRefused
from sync.client.transport import LoginExpired, ServerRefused, ServerUnreachable
from ui.background import BackgroundCall
from ui.text import fill

Progress = Callable[[int, int, int], None]  # records, bytes done, bytes in all (0: not known yet)
MB = 1024 * 1024


class BundleDialog(QDialog):
    progressed = Signal(int, int, int)  # emitted from the worker thread, shown on the UI thread
    finished_work = Signal(bool)  # True: done; False: refused or failed

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=title)
        self.status = QLabel(self.tr("Starting…"), self, wordWrap=True)
        self.status.setMinimumWidth(460)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until sizes are known
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.progressed.connect(self._show_progress)
        self._call: BackgroundCall | None = None

    def run(self, work: Callable[[Progress], Any], summary: Callable[[Any], str]) -> None:
        """`work(progress)` runs off the UI thread; `summary(result)` words its result here."""
        self._call = BackgroundCall(lambda: work(self.progressed.emit), self)
        self._call.succeeded.connect(lambda result: self._finish(summary(result), True))
        self._call.failed.connect(lambda exc: self._finish(self._words(exc), False))
        self._call.start()

    def _show_progress(self, records: int, done: int, total: int) -> None:
        if total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * done / total))
            self.status.setText(fill(self.tr("%1 records, %2 of %3 MB"), str(records), f"{done / MB:.1f}", f"{total / MB:.1f}"))
        else:
            self.status.setText(fill(self.tr("%1 records, %2 MB written"), str(records), f"{done / MB:.1f}"))

    def _finish(self, words: str, ok: bool) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1 if ok else 0)
        self.status.setText(words)
        self.buttons.setEnabled(True)
        self.finished_work.emit(ok)

    def _words(self, exc: Exception) -> str:
        if isinstance(exc, (BundleRefused, ServerRefused)):
            return exc.message
        if isinstance(exc, (ServerUnreachable, LoginExpired)):
            return self.tr("The server cannot be reached or the login has expired: sign in online, then relay the bundle again.")
        if isinstance(exc, OSError):
            return fill(self.tr("The bundle file could not be written or read (was the USB stick removed?): %1"), exc.strerror or str(exc))
        return fill(self.tr("The exchange bundle failed: %1"), str(exc))
