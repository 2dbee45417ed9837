"""预订会议室: meeting name, room, date and times (Shanghai clock), head count, equipment needed, a
repeat and the people or departments to invite. Ctrl+Enter books. A rule the request breaks is said inline; offline, the request waits as 待确认."""

import re

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QTimeEdit, QVBoxLayout, QWidget

from app.domain.errors import RuleViolation
from app.domain.recurrence import EVERY_OTHER_WEEK, MAX_OCCURRENCES, MONTHLY_BY_WEEKDAY, WEEKLY, rule_for
from app.services.bookings import BookingService
from ui.text import fill
from ui.time_format import ZONE, local
from ui.widgets.attendee_picker import AttendeePicker


class BookingDialog(QDialog):
    booked = Signal(str)  # the new booking's id

    def __init__(self, bookings: BookingService, attendees: AttendeePicker, room_id: str, start: int, end: int, online: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Book a meeting room"))
        self._bookings = bookings
        self.title = QLineEdit(self, placeholderText=self.tr("For example: Weekly office meeting"))
        self.room = QComboBox(self)
        rooms = bookings.rooms()
        kit = sorted({item for room in rooms for item in room.equipment})
        self.equipment = [QCheckBox(item, self) for item in kit]
        for room in rooms:
            self.room.addItem(fill(self.tr("%1 (%2 seats, %3)"), room.name, room.capacity, room.location), room.id)
        self.room.setCurrentIndex(max(0, self.room.findData(room_id)))
        self.day = QDateEdit(local(start).date(), self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.starts = QTimeEdit(local(start).time(), self, displayFormat="HH:mm")
        self.ends = QTimeEdit(local(end).time(), self, displayFormat="HH:mm")
        self.attendees = QSpinBox(self, minimum=1, maximum=10_000, value=2)
        self.invitees = attendees
        self.invitees.setParent(self)
        self.invitees.itemChanged.connect(lambda: self.attendees.setValue(max(self.attendees.value(), len(self.invitees.chosen()) + 1)))
        self.repeat = QComboBox(self)
        for label, key in ((self.tr("Does not repeat"), ""), (self.tr("Weekly"), WEEKLY), (self.tr("Every other week"), EVERY_OTHER_WEEK), (self.tr("Monthly on the same weekday"), MONTHLY_BY_WEEKDAY)):
            self.repeat.addItem(label, key)
        self.times = QSpinBox(self, minimum=2, maximum=MAX_OCCURRENCES, value=4, suffix=self.tr(" times"), enabled=False)
        self.skip = QLineEdit(self, placeholderText=self.tr("Dates to leave out, e.g. 2026-12-29, 2027-01-05"), enabled=False)
        for field in (self.times, self.skip):
            self.repeat.currentIndexChanged.connect(lambda _index, field=field: field.setEnabled(bool(self.repeat.currentData())))
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        note = QLabel(self.tr("You are offline: the request is saved on this computer and shown as waiting for confirmation until the server decides."), self, objectName="Secondary", wordWrap=True, visible=not online)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addLayout(self._buttons())
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.book)

    def book(self) -> None:
        start, end = self._moment(self.starts.time()), self._moment(self.ends.time())
        if self.ends.time() < self.starts.time():
            end += 86400  # 22:00-01:00 ends the next morning
        rule = rule_for(self.repeat.currentData(), start, self.times.value())
        skipped = self._skipped_starts() if rule else ()
        if skipped is None:
            self.error.setText(self.tr("Write the dates to leave out as 2026-12-29, separated by commas."))
            self.error.show()
            return
        try:
            needs = tuple(box.text() for box in self.equipment if box.isChecked())
            booking_id = self._bookings.request(self.room.currentData() or "", self.title.text(), start, end, self.attendees.value(), rule, skipped, self.invitees.chosen(), needs)
        except RuleViolation as violation:
            self.error.setText(violation.message)
            self.error.show()
            return
        self.booked.emit(booking_id)
        self.accept()

    def _skipped_starts(self) -> tuple[int, ...] | None:
        """The start of the meeting on each date to leave out (例外日期); None if one is unreadable."""
        starts = []
        for text in re.split(r"[,，、\s]+", self.skip.text().strip()):
            if not text:
                continue
            day = QDate.fromString(text, "yyyy-MM-dd")
            if not day.isValid():
                return None
            starts.append(QDateTime(day, self.starts.time(), ZONE).toSecsSinceEpoch())
        return tuple(starts)

    def _moment(self, clock: QTime) -> int:
        return QDateTime(self.day.date(), clock, ZONE).toSecsSinceEpoch()

    def _form(self) -> QFormLayout:
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel("–", self))
        times.addWidget(self.ends)
        times.addStretch(1)
        repeat = QHBoxLayout()
        repeat.addWidget(self.repeat, 1)
        repeat.addWidget(self.times)
        repeat.addWidget(self.skip, 2)
        form = QFormLayout()
        form.addRow(self.tr("&Meeting"), self.title)
        form.addRow(self.tr("&Room"), self.room)
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("&People"), self.attendees)
        needs = QHBoxLayout()
        for box in self.equipment:
            needs.addWidget(box)
        needs.addStretch(1)
        form.addRow(self.tr("Needs"), needs)
        form.addRow(self.tr("R&epeat"), repeat)
        form.addRow(self.tr("&Invite"), self.invitees)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.book_button = QPushButton(self.tr("Book (Ctrl+Enter)"), self, objectName="Primary", autoDefault=False)
        self.book_button.clicked.connect(self.book)
        cancel = QPushButton(self.tr("Cancel"), self, autoDefault=False)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.book_button)
        row.addWidget(cancel)
        return row
