"""A "Details" fold: technical text for IT, hidden until asked for, under an error in words."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QToolButton, QVBoxLayout, QWidget


class DetailsFold(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._toggle = QToolButton(self, text=self.tr("Details"), checkable=True, objectName="Link")
        self._toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._toggle.setArrowType(Qt.ArrowType.RightArrow)
        self._toggle.toggled.connect(self._show_text)
        self._text = QPlainTextEdit(self, readOnly=True, visible=False)
        self._text.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._text)
        self.set_details("")

    def set_details(self, text: str) -> None:
        """Show the fold (closed) with `text`, or hide it entirely when there is nothing to tell."""
        self._text.setPlainText(text)
        self._toggle.setChecked(False)
        self.setVisible(bool(text))

    def details(self) -> str:
        return self._text.toPlainText()

    def _show_text(self, shown: bool) -> None:
        self._toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._text.setVisible(shown)
