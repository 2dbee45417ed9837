"""The versions of a file, newest first: who saved each and when; an earlier one can be made the
newest again (nothing in between is lost)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.services.files import FilesService
from ui import time_format
from ui.models.files_model import size_text
from ui.text import fill


class FileVersionsDialog(QDialog):
    restored = Signal()

    def __init__(self, files: FilesService, file_id: str, parent: QWidget | None = None) -> None:
        item = files.file(file_id)
        super().__init__(parent, windowTitle=fill(self.tr("Versions of “%1”"), item.name if item else ""))
        self._files, self._file_id = files, file_id
        self.list = QListWidget(self)
        for v in files.versions(file_id):
            row = QListWidgetItem(fill(self.tr("Version %1 — %2, %3, %4"), v.number, v.author_name, time_format.date_time(v.saved_at), size_text(v.size)), self.list)
            row.setData(256, v.number)
        self.list.setCurrentRow(0)
        self.restore_button = QPushButton(self.tr("Make this version the newest"), self, objectName="Primary")
        self.restore_button.clicked.connect(self._restore)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.restore_button)
        layout.addWidget(buttons)

    def _restore(self) -> None:
        row = self.list.currentItem()
        if row is None:
            return
        try:
            self._files.restore(self._file_id, int(row.data(256)))
        except RuleViolation as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.restored.emit()
        self.accept()
