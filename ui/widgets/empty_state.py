"""A calm empty state: an icon, a heading and a sentence saying what will appear here."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ICON_SIZE = QSize(56, 56)
TEXT_WIDTH = 460


class EmptyState(QWidget):
    def __init__(self, icon: QIcon, heading: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        picture = QLabel(self)
        picture.setPixmap(icon.pixmap(ICON_SIZE, self.devicePixelRatioF()))
        self.heading = QLabel(heading, self, objectName="EmptyTitle")
        self.text = QLabel(text, self, objectName="EmptyText", wordWrap=True)
        # An aligned layout item gets its size hint, which knows nothing of wrapping: size it here.
        self.text.setFixedSize(TEXT_WIDTH, self.text.heightForWidth(TEXT_WIDTH))
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for label in (picture, self.heading, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
