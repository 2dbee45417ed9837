"""The status bar, always in words: online or offline, last sync, changes waiting to be sent,
a clock warning, the last sync error (details behind a fold), changes the server sent back, and
progress counts while a long sync runs."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QToolButton, QWidget

from app import paths
from app.logging_setup import LOG_FILE
from app.services.sync_state import SyncState
from ui import time_format
from ui.dialogs.message_dialog import MessageDialog
from ui.dialogs.rejections_dialog import RejectionsDialog
from ui.icons import icon
from ui.text import fill
from ui.widgets.elided_label import ElidedLabel

PROGRESS_AFTER_MS = 1_000  # a quick round shows nothing; a long one shows its counts


class SyncStatusBar(QStatusBar):
    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.connection = QLabel(self)
        self.last_sync = QLabel(self)
        self.pending = QLabel(self)
        self.clock = QLabel(self, objectName="WarningText")
        self.error = ElidedLabel(self, objectName="ErrorText")  # a server's reason can be long
        self.details_button = QPushButton(self.tr("Details"), self, objectName="Link")
        self.details_button.clicked.connect(self._show_error_details)
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self, textVisible=False, maximumWidth=120)
        self.rejections_button = QPushButton(self, objectName="Link")
        self.rejections_button.clicked.connect(self._show_rejections)
        self.sync_button = QToolButton(self, text=self.tr("Sync now"), toolTip=self.tr("Sync now (F5)"), icon=icon("sync"), autoRaise=True)
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.clicked.connect(self.sync_requested)
        for widget in (self.connection, self.last_sync, self.pending, self.clock, self.error, self.details_button):
            self.addWidget(widget)
        for widget in (self.progress_label, self.progress_bar, self.rejections_button, self.sync_button):
            self.addPermanentWidget(widget)
        self._progress_delay = QTimer(self, interval=PROGRESS_AFTER_MS, singleShot=True, timeout=self._reveal_progress)
        self._syncing = False
        self._state: SyncState | None = None
        self._detail = ""
        self.sync_finished()

    def show_state(self, state: SyncState, online: bool, detail: str) -> None:
        """`detail` is the technical text of the last sync error, "" when it is not known."""
        self._state, self._detail = state, detail
        self._show_connection(online)
        self.last_sync.setText(fill(self.tr("Last sync %1"), time_format.clock(state.last_sync_at)) if state.last_sync_at else self.tr("Not synced yet"))
        self.pending.setText(self.tr("Waiting to send: %n", "", state.pending))
        self.pending.setToolTip(self.tr("Changes saved on this computer that the server has not received yet."))
        minutes = round(abs(state.clock_offset_s) / 60)
        self.clock.setText(self.tr("This computer's clock is %n minute(s) off the server's.", "", minutes))
        self.clock.setToolTip(self.tr("Times you enter may be recorded wrongly. Ask the IT department to set this computer's clock."))
        self.clock.setVisible(state.clock_skewed)
        self.error.setText(state.last_error)
        self.error.setVisible(bool(state.last_error))
        self.details_button.setVisible(bool(state.last_error))
        self.rejections_button.setText(self.tr("Changes sent back (%n)", "", len(state.rejections)))
        self.rejections_button.setVisible(bool(state.rejections))

    def sync_started(self) -> None:
        self._syncing = True
        self.sync_button.setEnabled(False)
        self.progress_label.setText(self.tr("Syncing…"))
        self.progress_bar.setRange(0, 0)
        self._progress_delay.start()

    def show_progress(self, stage: str, done: int, total: int) -> None:
        if stage == "push" and total:
            self.progress_label.setText(fill(self.tr("Sending changes: %1 of %2"), done, total))
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        elif stage in ("upload", "download") and total:
            words = self.tr("Uploading files: %1 of %2 MB") if stage == "upload" else self.tr("Downloading files kept offline: %1 of %2 MB")
            self.progress_label.setText(fill(words, done // 2**20, max(1, total // 2**20)))
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(done * 1000 // total)
        else:
            self.progress_label.setText(self.tr("Receiving: %n row(s)", "", done))
            self.progress_bar.setRange(0, 0)

    def sync_finished(self) -> None:
        self._syncing = False
        self._progress_delay.stop()
        self.sync_button.setEnabled(True)
        self.progress_label.hide()
        self.progress_bar.hide()

    def _reveal_progress(self) -> None:
        if self._syncing:
            self.progress_label.show()
            self.progress_bar.show()

    def _show_connection(self, online: bool) -> None:
        if online:
            self.connection.setText(self.tr("Online"))
            self.connection.setObjectName("StatusOnline")
            self.connection.setToolTip(self.tr("Connected to the exchange server."))
        else:
            self.connection.setText(self.tr("Offline"))
            self.connection.setObjectName("StatusOffline")
            self.connection.setToolTip(self.tr("The server cannot be reached. Work as usual: changes are kept on this computer and sent when it is back."))
        self.connection.style().unpolish(self.connection)  # the object name selects the colour
        self.connection.style().polish(self.connection)

    def _show_error_details(self) -> None:
        details = self._detail or fill(self.tr("The technical details are in the log file %1."), str(paths.log_dir() / LOG_FILE))
        dialog = MessageDialog(self.tr("Sync problem"), self.error.text(), details, self.window())
        dialog.setModal(True)
        dialog.show()

    def _show_rejections(self) -> None:
        dialog = RejectionsDialog(self._state.rejections if self._state else [], self.window())
        dialog.show()
