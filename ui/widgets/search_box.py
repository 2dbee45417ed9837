"""The search field every list view has (Ctrl+F): it reports the query after a short pause, so
typing a name does not run one search per keystroke."""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

PAUSE_MS = 200
MIN_WIDTH = 360  # room for the placeholder, which says what can be searched


class SearchBox(QLineEdit):
    query_changed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, placeholderText=placeholder, clearButtonEnabled=True)
        self.setMinimumWidth(MIN_WIDTH)
        self._pause = QTimer(self, interval=PAUSE_MS, singleShot=True, timeout=self._report)
        self.textChanged.connect(self._pause.start)

    def focus(self) -> None:
        self.setFocus()
        self.selectAll()

    def _report(self) -> None:
        self.query_changed.emit(self.text())
