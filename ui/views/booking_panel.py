"""The right side of 会议室: the chosen occurrence (who holds the room, its state); for one's own
declined request the reason (被…占用) and the three free alternatives, each bookable at once."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.domain.bookings import AWAITING, CONFIRMED, DECLINED, PENDING
from app.services.bookings import ACCEPTED, Occurrence
from ui.models.room_calendar_model import status_label
from ui.text import fill
from ui.time_format import local

ALTERNATIVE_ROLE = Qt.ItemDataRole.UserRole + 10


def span(start: int, end: int) -> str:
    """2026-12-01 09:00–10:30"""
    return f"{local(start).toString('yyyy-MM-dd')} {hours(start, end)}"


def hours(start: int, end: int) -> str:
    """09:00–10:30"""
    return f"{local(start).toString('HH:mm')}–{local(end).toString('HH:mm')}"


class BookingPanel(QWidget):
    cancel_requested = Signal(str, int)  # booking id, start of the occurrence
    alternative_chosen = Signal(object)  # an app.domain.bookings.Alternative
    export_requested = Signal(str)  # booking id
    approval_given = Signal(str, bool)  # booking id, approved
    move_requested = Signal(object)  # the Occurrence to move

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(self.tr("Choose a free time in the calendar and book it, or choose a meeting to see it."), self, objectName="Secondary", wordWrap=True)
        self.title = QLabel(self, objectName="DetailTitle", wordWrap=True)
        self.meta = QLabel(self, objectName="Secondary", wordWrap=True)
        self.state = QLabel(self, wordWrap=True)
        self.reason = QLabel(self, objectName="ErrorText", wordWrap=True)
        self.alternatives_label = QLabel(self.tr("Free instead (double-click to book):"), self)
        self.alternatives = QListWidget(self)
        self.alternatives.itemActivated.connect(lambda item: self.alternative_chosen.emit(item.data(ALTERNATIVE_ROLE)))
        self.answers = QLabel(self, objectName="Secondary", wordWrap=True)
        self.cancel_button = QPushButton(self.tr("Cancel this booking"), self)
        self.cancel_button.clicked.connect(self._cancel)
        self.approve_button = QPushButton(self.tr("Approve"), self, objectName="Primary")
        self.refuse_button = QPushButton(self.tr("Refuse…"), self)
        self.approve_button.clicked.connect(lambda: self._decide(True))
        self.refuse_button.clicked.connect(lambda: self._decide(False))
        self.move_button = QPushButton(self.tr("Change the time…"), self)
        self.move_button.clicked.connect(self._move)
        self.export_button = QPushButton(self.tr("Save to calendar (.ics)…"), self)
        self.export_button.clicked.connect(self._export)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.hint, self.title, self.meta, self.state, self.reason, self.alternatives_label, self.alternatives, self.answers, self.approve_button, self.refuse_button, self.move_button, self.cancel_button, self.export_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._shown: Occurrence | None = None
        self.clear()

    def clear(self) -> None:
        self._shown = None
        self.hint.show()
        for widget in (self.title, self.meta, self.state, self.reason, self.alternatives_label, self.alternatives, self.answers, self.approve_button, self.refuse_button, self.move_button, self.cancel_button, self.export_button):
            widget.hide()

    def show_occurrence(self, held: Occurrence, room_name: str, answers: list[tuple[str, str]], room_manager: bool) -> None:
        """`answers`: (name, "accepted" or "declined") of invitees to one's own booking;
        `room_manager`: the user approves bookings of rooms that need it."""
        self._shown = held
        self.hint.hide()
        self.title.setText(held.title)
        self.meta.setText(fill(self.tr("%1, %2, booked by %3"), room_name, span(held.start, held.end), held.organiser_name))
        self.state.setText(status_label(held.status) if held.status != PENDING else self.tr("Waiting for confirmation: the server decides when it is reached."))
        self.reason.setText(held.reason)
        self.alternatives.clear()
        for alt in held.alternatives:
            item = QListWidgetItem(fill(self.tr("%1, %2"), alt.room_name, span(alt.start, alt.end)), self.alternatives)
            item.setData(ALTERNATIVE_ROLE, alt)
        declined = held.status == DECLINED
        for widget in (self.title, self.meta, self.state):
            widget.show()
        for widget in (self.reason, self.alternatives_label, self.alternatives):
            widget.setVisible(declined and bool(held.reason or held.alternatives))
        for button in (self.move_button, self.cancel_button, self.export_button):
            button.setVisible(held.mine and held.status in (CONFIRMED, AWAITING, PENDING))
        for button in (self.approve_button, self.refuse_button):
            button.setVisible(room_manager and held.status == AWAITING)
        accepted = "、".join(name for name, answer in answers if answer == ACCEPTED)
        declined = "、".join(name for name, answer in answers if answer != ACCEPTED)
        self.answers.setText(fill(self.tr("Will attend: %1\nWill not attend: %2"), accepted or "—", declined or "—"))
        self.answers.setVisible(bool(answers))

    def _move(self) -> None:
        if self._shown is not None:
            self.move_requested.emit(self._shown)

    def _decide(self, approve: bool) -> None:
        if self._shown is not None:
            self.approval_given.emit(self._shown.booking_id, approve)

    def _export(self) -> None:
        if self._shown is not None:
            self.export_requested.emit(self._shown.booking_id)

    def _cancel(self) -> None:
        if self._shown is not None:
            self.cancel_requested.emit(self._shown.booking_id, self._shown.start)

