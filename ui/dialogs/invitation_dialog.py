"""会议通知: what the meeting is, when and where, who booked it; accept or decline (sent at the
next sync), or save it as an .ics file for another calendar. A cancelled meeting says so."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.bookings import ACCEPTED, BookingService, Invitation
from ui.text import fill
from ui.views.booking_panel import span


class InvitationDialog(QDialog):
    answered = Signal(str)  # the booking's id

    def __init__(self, bookings: BookingService, invitation: Invitation, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Meeting invitation"))
        self._bookings, self._invitation = bookings, invitation
        times = "\n".join(span(start, end) for start, end in invitation.occurrences)
        self.title = QLabel(invitation.title, self, objectName="DetailTitle", wordWrap=True)
        self.details = QLabel(fill(self.tr("Where: %1, %2\nBooked by: %3\nWhen:\n%4"), invitation.room_name, invitation.location, invitation.organiser_name, times), self, wordWrap=True)
        self.state = QLabel(self._state(), self, objectName="WarningText" if invitation.cancelled else "Secondary", wordWrap=True)
        self.accept_button = QPushButton(self.tr("Accept"), self, objectName="Primary", autoDefault=False, enabled=not invitation.cancelled)
        self.decline_button = QPushButton(self.tr("Decline"), self, autoDefault=False, enabled=not invitation.cancelled)
        self.export_button = QPushButton(self.tr("Save to calendar (.ics)…"), self, autoDefault=False, enabled=not invitation.cancelled)
        close = QPushButton(self.tr("Close"), self, autoDefault=False)
        self.accept_button.clicked.connect(lambda: self._answer(True))
        self.decline_button.clicked.connect(lambda: self._answer(False))
        self.export_button.clicked.connect(self._choose_file)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        for button in (self.accept_button, self.decline_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.details, self.state):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def save_ics(self, path: Path) -> None:
        path.write_bytes(self._bookings.ics(self._invitation.booking_id))

    def _answer(self, accept: bool) -> None:
        self._bookings.answer(self._invitation.booking_id, accept)
        self.answered.emit(self._invitation.booking_id)
        self.accept()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save to calendar"), f"{self._invitation.title}.ics", self.tr("iCalendar (*.ics)"))
        if name:
            self.save_ics(Path(name))

    def _state(self) -> str:
        if self._invitation.cancelled:
            return self.tr("This meeting has been cancelled.")
        if not self._invitation.answer:
            return self.tr("Please answer whether you will attend.")
        return self.tr("You have accepted.") if self._invitation.answer == ACCEPTED else self.tr("You have declined.")
