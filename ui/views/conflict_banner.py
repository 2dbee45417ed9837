"""The notice above the notices list that one's edit lost against a change made meanwhile and was
saved as a conflict copy (冲突副本): open it beside the current text, or dismiss it."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.services.notices import ConflictCopy
from ui.text import fill


class ConflictBanner(QFrame):
    open_requested = Signal(object)  # the ConflictCopy
    dismiss_requested = Signal(str)  # its id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="WarningBanner")
        self.words = QLabel(self, objectName="WarningText", wordWrap=True)
        self.more = QLabel(self, objectName="Secondary")
        self.open_button = QPushButton(self.tr("Compare…"), self)
        self.open_button.clicked.connect(self._open)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.more)
        layout.addWidget(self.open_button)
        layout.addWidget(self.dismiss_button)
        self._copy: ConflictCopy | None = None
        self.hide()

    def show_copies(self, copies: list[ConflictCopy]) -> None:
        """Tell of the newest copy (and how many more wait); hide when there is none."""
        self._copy = copies[0] if copies else None
        self.setVisible(self._copy is not None)
        if self._copy is None:
            return
        self.words.setText(fill(self.tr("Your edit of “%1” clashed with someone else's and was saved as a conflict copy."), self._copy.title))
        self.more.setText(self.tr("%n more wait(s).", "", len(copies) - 1))
        self.more.setVisible(len(copies) > 1)

    def _open(self) -> None:
        if self._copy is not None:
            self.open_requested.emit(self._copy)

    def _dismiss(self) -> None:
        if self._copy is not None:
            self.dismiss_requested.emit(self._copy.id)
