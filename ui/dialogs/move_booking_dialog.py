"""调整时间: move one occurrence of one's own booking to another time in the same room. A rule the
new time breaks is said inline; if the server finds it taken, the old time stays booked."""

from PySide6.QtCore import QDateTime, QTime, Signal
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QTimeEdit, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.services.bookings import BookingService, Occurrence
from ui.time_format import ZONE, local


class MoveBookingDialog(QDialog):
    moved = Signal(str)  # the booking's id

    def __init__(self, bookings: BookingService, held: Occurrence, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Change the time"))
        self._bookings, self._held = bookings, held
        self.day = QDateEdit(local(held.start).date(), self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.starts = QTimeEdit(local(held.start).time(), self, displayFormat="HH:mm")
        self.ends = QTimeEdit(local(held.end).time(), self, displayFormat="HH:mm")
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.ends)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("Time"), times)
        self.move_button = QPushButton(self.tr("Change"), self, objectName="Primary", autoDefault=False)
        self.move_button.clicked.connect(self.move_booking)
        cancel = QPushButton(self.tr("Cancel"), self, autoDefault=False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.move_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._held.title, self, objectName="DetailTitle", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def move_booking(self) -> None:
        start, end = self._moment(self.starts.time()), self._moment(self.ends.time())
        try:
            self._bookings.move(self._held.booking_id, self._held.start, start, end)
        except RuleViolation as violation:
            self.error.setText(violation.message)
            self.error.show()
            return
        self.moved.emit(self._held.booking_id)
        self.accept()

    def _moment(self, clock: QTime) -> int:
        return QDateTime(self.day.date(), clock, ZONE).toSecsSinceEpoch()
