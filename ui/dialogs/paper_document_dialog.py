"""纸质来文: the clerk registers a paper document by hand: its metadata as printed, the scan as
its attachment, the unit's 机关代字 for the 收文编号 (the number comes from the server) and the
时限, if it sets one. It arrives 已签收 and is registered at once."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.documents.metadata import DocumentMeta
from app.domain.errors import RuleViolation
from ui.widgets.metadata_form import MetadataForm

Register = Callable[[DocumentMeta, str, Path, date | None], str]  # the service's call; the new 收文's id


class PaperDocumentDialog(QDialog):
    registered = Signal(str)  # the new 收文's id

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Register a paper document"))
        self._register = register
        self.resize(760, 680)
        self.form = MetadataForm(with_number=True, parent=self)
        self.unit_code = QLineEdit(self, placeholderText=self.tr("For example: 通政办 (the number itself comes from the server)"))
        self.scan = QLineEdit(self, readOnly=True, placeholderText=self.tr("The scanned document (PDF or image)"))
        choose = QPushButton(self.tr("Choose…"), self, autoDefault=False)
        choose.clicked.connect(self._choose_scan)
        self.has_due = QCheckBox(self.tr("Deadline (时限)"), self)
        self.due = QDateEdit(QDate.currentDate().addDays(7), self, calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(choose)
        extra = QFormLayout()
        extra.addRow(self.tr("Scan"), scan_row)
        extra.addRow(self.tr("Unit code (机关代字)"), self.unit_code)
        extra.addRow(self.has_due, self.due)
        scroll = QScrollArea(self, widgetResizable=True)
        scroll.setWidget(self.form)
        self.register_button = QPushButton(self.tr("Register (Ctrl+Enter)"), self, objectName="Primary", autoDefault=False)
        self.register_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"), self, autoDefault=False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(extra)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.submit)

    def submit(self) -> None:
        try:
            meta = self.form.meta()
            if not self.scan.text():
                raise RuleViolation("paper.scan_missing", self.tr("Choose the scan of the paper document."))
            if not self.unit_code.text().strip():
                raise RuleViolation("paper.unit_code", self.tr("Please enter the unit code."))
            due = self.due.date().toPython() if self.has_due.isChecked() else None
            incoming_id = self._register(meta, self.unit_code.text().strip(), Path(self.scan.text()), due)
        except RuleViolation as violation:
            self._say(violation.message, violation.code)
            return
        self.registered.emit(incoming_id)
        self.accept()

    def _say(self, words: str, code: str) -> None:
        self.error.setText(words)
        self.error.show()
        field = self.form.field_for(code) or {"paper.scan_missing": self.scan, "paper.unit_code": self.unit_code}.get(code)
        if field is not None:
            field.setFocus()

    def _choose_scan(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the scan"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
        if name:
            self.scan.setText(name)
