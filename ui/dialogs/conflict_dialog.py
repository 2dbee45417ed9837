"""冲突副本: one's edit that lost, beside the notice as it is now, field by field. The user may
send their edit again (merged against the current text) or dismiss the copy."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.services.notices import ConflictCopy, ConflictField, NoticeService
from ui import time_format
from ui.models.notices_model import audience_label
from ui.text import fill


class ConflictDialog(QDialog):
    resolved = Signal(str)  # the notice's id: the edit was sent again or the copy dismissed

    def __init__(self, notices: NoticeService, copy: ConflictCopy, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Conflict copy"))
        self.resize(900, 560)
        self._notices, self._copy = notices, copy
        intro = QLabel(
            fill(
                self.tr("When your edit of “%1” reached the server (%2), someone had already changed the same parts. Their version was kept; yours is saved here."),
                copy.title,
                time_format.date_time(copy.at),
            ),
            self,
            wordWrap=True,
        )
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.texts: dict[str, tuple[QPlainTextEdit, QPlainTextEdit]] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._sides(), 1)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    def send_mine_again(self) -> None:
        """Edit the notice to one's own values of the conflicting fields, then dismiss the copy."""
        changes = {f.name: f.mine for f in self._copy.fields}
        try:
            self._notices.edit(self._copy.notice_id, changes)
        except RuleViolation as violation:
            self.error.setText(violation.message)
            self.error.show()
            return
        self.dismiss()

    def dismiss(self) -> None:
        self._notices.dismiss_conflict(self._copy.id)
        self.resolved.emit(self._copy.notice_id)
        self.accept()

    def _sides(self) -> QGridLayout:
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Now (kept)"), self, objectName="Secondary"), 0, 1)
        grid.addWidget(QLabel(self.tr("Your edit (conflict copy)"), self, objectName="Secondary"), 0, 2)
        names = {"title": self.tr("Title"), "body": self.tr("Text"), "audience": self.tr("Audience")}
        for row, field in enumerate(self._copy.fields, start=1):
            grid.addWidget(QLabel(names.get(field.name, field.name), self), row, 0, Qt.AlignmentFlag.AlignTop)
            sides = (self._text(field, field.current), self._text(field, field.mine))
            grid.addWidget(sides[0], row, 1)
            grid.addWidget(sides[1], row, 2)
            grid.setRowStretch(row, 3 if field.name == "body" else 0)
            self.texts[field.name] = sides
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        return grid

    def _text(self, field: ConflictField, value: str) -> QPlainTextEdit:
        shown = audience_label(value, self._notices.unit_name(value)) if field.name == "audience" else value
        text = QPlainTextEdit(shown, self, readOnly=True)
        if field.name != "body":
            text.setMaximumHeight(text.fontMetrics().lineSpacing() * 3)
        return text

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.again_button = QPushButton(self.tr("Send my edit again"), self, objectName="Primary")
        self.again_button.clicked.connect(self.send_mine_again)
        self.dismiss_button = QPushButton(self.tr("Keep theirs, dismiss"), self)
        self.dismiss_button.clicked.connect(self.dismiss)
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        return buttons
