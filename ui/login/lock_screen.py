"""The screen over a locked session: the window's content is hidden until the same person's key
is back and its PIN typed. Another person's key is refused in words."""

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.identity.signer import KeyHolder, KeyRemoved, PinLocked, WrongPin
from app.services.session_lock import KeyMismatch, OtherCertificate, SessionLock
from ui.background import BackgroundCall
from ui.widgets.pin_guard import PinGuard

log = logging.getLogger(__name__)
RESCAN_MS = 1000
CARD_WIDTH = 440


class LockScreen(QWidget):
    unlocked = Signal(object)  # the new Signer

    def __init__(self, lock: SessionLock, find_keys: Callable[[], list[KeyHolder]], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="LockScreen")
        self._lock, self._find_keys = lock, find_keys
        self._keys: list[KeyHolder] = []
        self._call: BackgroundCall | None = None
        self.keys = QListWidget(self)
        self.pin = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password, maxLength=64, placeholderText=self.tr("PIN of the key"))
        self.pin.returnPressed.connect(self.attempt)
        self.pin_guard = PinGuard(self)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.unlock_button = QPushButton(self.tr("Unlock"), self, objectName="Primary")
        self.unlock_button.clicked.connect(self.attempt)
        self.keys.currentRowChanged.connect(lambda row: self.pin_guard.show_tries(self._keys[row].tries_left() if 0 <= row < len(self._keys) else None))
        self._rescan = QTimer(self, interval=RESCAN_MS)
        self._rescan.timeout.connect(self._list_keys)
        self._build()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().showEvent(event)
        self._list_keys()
        self._rescan.start()
        self.pin.setFocus()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802
        self._rescan.stop()
        super().hideEvent(event)

    def attempt(self) -> None:
        row = self.keys.currentRow()
        if not 0 <= row < len(self._keys):
            self._say(self.tr("Insert your key first."))
            return
        if not self.pin.text():
            self._say(self.tr("Type the PIN of your key."))
            return
        if refusal := self.pin_guard.refusal():
            self._say(refusal)
            return
        holder, pin = self._keys[row], self.pin.text()
        self.pin.clear()
        self._set_busy(True)
        self._call = BackgroundCall(lambda: self._lock.unlock(holder, pin), self)
        self._call.succeeded.connect(self._on_unlocked)
        self._call.failed.connect(self._on_failed)
        self._call.start()

    def _on_unlocked(self, signer: object) -> None:
        self._set_busy(False)
        self._say("")
        self.unlocked.emit(signer)

    def _on_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        log.info("unlock refused: %s", type(exc).__name__)
        words = {
            OtherCertificate: self.tr("This key belongs to someone else. Only the key this session was opened with can unlock it."),
            WrongPin: self.tr("The PIN is not right. Type it again."),
            PinLocked: self.tr("This key is locked after too many wrong PINs. The IT department can unlock it."),
            KeyRemoved: self.tr("The key was pulled out. Insert it again."),
            KeyMismatch: self.tr("This key does not match its certificate. Ask the IT department."),
        }
        self._say(words.get(type(exc), self.tr("Unlocking failed unexpectedly. The log helps the IT department.")))
        self.keys.currentRowChanged.emit(self.keys.currentRow())  # tries may have changed

    def _list_keys(self) -> None:
        found = self._find_keys()
        if [k.certificate for k in found] == [k.certificate for k in self._keys]:
            return
        self._keys = found
        self.keys.clear()
        for key in found:
            QListWidgetItem(key.label, self.keys)
        mine = next((i for i, k in enumerate(found) if k.certificate == self._lock.certificate), 0)
        self.keys.setCurrentRow(mine if found else -1)

    def _say(self, words: str) -> None:
        self.error.setText(words)
        self.error.setVisible(bool(words))

    def _set_busy(self, busy: bool) -> None:
        if not busy and self._call is not None:
            self._call.deleteLater()
            self._call = None
        for widget in (self.unlock_button, self.pin, self.keys):
            widget.setEnabled(not busy)

    def _build(self) -> None:
        card = QWidget(self, objectName="Card")
        card.setFixedWidth(CARD_WIDTH)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(8)
        layout.addWidget(QLabel(self.tr("Session locked"), card, objectName="AppName"))
        layout.addWidget(QLabel(self.tr("Your key was pulled out, so your work is hidden. Insert the same key and type its PIN to go on."), card, objectName="Secondary", wordWrap=True))
        layout.addWidget(self.keys)
        layout.addWidget(self.pin)
        layout.addWidget(self.pin_guard)
        layout.addWidget(self.error)
        layout.addWidget(self.unlock_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
