"""用车申请: purpose, passengers, from and to, date and times (Shanghai clock). Ctrl+Enter sends.
A rule the request breaks is said inline; offline, it waits and goes out with the next sync."""

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTimeEdit, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.services.vehicles import VehicleService
from ui.time_format import ZONE


class VehicleRequestDialog(QDialog):
    requested = Signal(str)  # the new request's id

    def __init__(self, vehicles: VehicleService, day: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Request a car"))
        self._vehicles = vehicles
        self.purpose = QLineEdit(self, placeholderText=self.tr("For example: inspection visit to Rugao"))
        self.passengers = QSpinBox(self, minimum=1, maximum=100, value=1)
        self.origin = QLineEdit(self)
        self.destination = QLineEdit(self)
        self.day = QDateEdit(day, self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.starts = QTimeEdit(QTime(8, 30), self, displayFormat="HH:mm")
        self.ends = QTimeEdit(QTime(17, 30), self, displayFormat="HH:mm")
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.send)

    def send(self) -> None:
        start = QDateTime(self.day.date(), self.starts.time(), ZONE).toSecsSinceEpoch()
        end = QDateTime(self.day.date(), self.ends.time(), ZONE).toSecsSinceEpoch()
        try:
            request_id = self._vehicles.request(self.purpose.text(), self.passengers.value(), self.origin.text(), self.destination.text(), start, end)
        except RuleViolation as violation:
            self.error.setText(violation.message)
            self.error.show()
            return
        self.requested.emit(request_id)
        self.accept()

    def _form(self) -> QFormLayout:
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.ends)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Purpose"), self.purpose)
        form.addRow(self.tr("P&assengers"), self.passengers)
        form.addRow(self.tr("&From"), self.origin)
        form.addRow(self.tr("&To"), self.destination)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("Time"), times)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.send_button = QPushButton(self.tr("Send the request (Ctrl+Enter)"), self, objectName="Primary", autoDefault=False)
        self.send_button.clicked.connect(self.send)
        cancel = QPushButton(self.tr("Cancel"), self, autoDefault=False)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.send_button)
        row.addWidget(cancel)
        return row
