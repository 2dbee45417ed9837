"""发布通知: title, audience, body (typed or imported from a .txt). Ctrl+Enter publishes. A rule
the notice breaks is said inline and nothing typed is lost; offline, the notice is queued."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import RuleViolation
from app.domain.notices import NoticeDraft
from app.services.notices import NoticeService
from ui.dialogs.text_file import read_text, split_title
from ui.models.notices_model import audience_label
from ui.text import fill


class PublishNoticeDialog(QDialog):
    published = Signal(str)  # the notice's id, once published (or saved, when editing)

    def __init__(self, notices: NoticeService, online: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Publish a notice"))
        self._notices = notices
        self.resize(760, 580)
        self.title = QLineEdit(self, placeholderText=self.tr("For example: Notice on the New Year holiday"))
        self.audience = QComboBox(self)
        for audience_id, unit_name in notices.audiences():
            self.audience.addItem(audience_label(audience_id, unit_name), audience_id)
        self.body = QPlainTextEdit(self, placeholderText=self.tr("The text of the notice"))
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        offline_note = QLabel(
            self.tr("You are offline: the notice is saved on this computer and sent when the server can be reached."),
            self,
            objectName="Secondary",
            wordWrap=True,
            visible=not online,
        )
        self.title.returnPressed.connect(self.body.setFocus)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.error)
        layout.addWidget(offline_note)
        layout.addLayout(self._buttons())
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.publish)

    def publish(self) -> None:
        draft = NoticeDraft(title=self.title.text(), body=self.body.toPlainText(), audience=self.audience.currentData() or "")
        try:
            notice_id = self._submit(draft)
        except RuleViolation as violation:
            self._say(violation.message, self._field_for(violation.code))
            return
        self.published.emit(notice_id)
        self.accept()

    def _submit(self, draft: NoticeDraft) -> str:
        return self._notices.publish(draft)

    def import_file(self, path: Path) -> None:
        """Fill title and body from a text file (replacing what is there)."""
        try:
            title, body = split_title(read_text(path))
        except OSError as exc:
            self._say(fill(self.tr("The file %1 cannot be read: %2"), str(path), exc.strerror or str(exc)), None)
            return
        if not title:
            self._say(fill(self.tr("The file %1 is empty."), str(path)), None)
            return
        self.title.setText(title)
        self.body.setPlainText(body)
        self.error.hide()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a notice from a text file"), "", self.tr("Text files (*.txt)"))
        if not name:
            return
        if (self.title.text() or self.body.toPlainText()) and not self._confirm_replace():
            return
        self.import_file(Path(name))

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), self.tr("Replace the title and text you have typed with the file's?"))
        return answer == QMessageBox.StandardButton.Yes

    def _say(self, words: str, field: QWidget | None) -> None:
        self.error.setText(words)
        self.error.show()
        if field is not None:
            field.setFocus()

    def _field_for(self, code: str) -> QWidget | None:
        if code.startswith("notice.title"):
            return self.title
        if code.startswith("notice.body"):
            return self.body
        return self.audience if code.startswith("notice.audience") else None

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Audience"), self.audience)
        form.addRow(self.tr("Te&xt"), self.body)
        return form

    def _buttons(self) -> QHBoxLayout:
        import_button = QPushButton(self.tr("Import from file…"), self, autoDefault=False)
        import_button.clicked.connect(self._choose_file)
        self.publish_button = QPushButton(self.tr("Publish (Ctrl+Enter)"), self, objectName="Primary", autoDefault=False)
        self.publish_button.clicked.connect(self.publish)
        cancel = QPushButton(self.tr("Cancel"), self, autoDefault=False)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(import_button)
        row.addStretch(1)
        row.addWidget(self.publish_button)
        row.addWidget(cancel)
        return row
