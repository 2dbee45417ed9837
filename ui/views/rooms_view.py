"""会议室: the rooms of one building side by side for a day or a week, one room for a week, or
one's own 日程 (meetings organised and invitations not declined) for a week, in half hours of
office hours. Free cells are blank and each column's header says how many hours are free; drag
over free cells to book them (or select and press Ctrl+N), drag one's own meeting to move it;
choose a meeting to see it, cancel one's own, or take an alternative offered when a request was
declined. Beside it: one's own bookings, the meetings one is invited to, and the 日程 as .ics."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QHeaderView, QInputDialog, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.domain.bookings import DAY_OPENS, DECLINED, Alternative, Slot, free_slots, working_day
from app.domain.errors import RuleViolation
from app.services.bookings import ACCEPTED, BookingService, Invitation, Occurrence, RoomInfo
from app.services.directory import DirectoryService
from ui.dialogs.booking_dialog import BookingDialog
from ui.dialogs.invitation_dialog import InvitationDialog
from ui.dialogs.move_booking_dialog import MoveBookingDialog
from ui.models.room_calendar_model import SLOT_S, Column, RoomCalendarModel, status_label
from ui.text import fill
from ui.time_format import local
from ui.views.booking_panel import BookingPanel, hours, span
from ui.views.page import Page, page_header
from ui.views.room_calendar_table import RoomCalendarTable
from ui.widgets.attendee_picker import AttendeePicker

DAY, WEEK, BUILDING_WEEK, SCHEDULE = 0, 1, 2, 3  # a building's rooms; one room; a building's rooms; one's own 日程
SCHEDULE_DAYS = 366  # how far ahead "export my schedule" reaches
WIDE = 8  # columns beyond which they keep a readable width and the table scrolls
MINE_SHOWN = 100
OCCURRENCE_ROLE = Qt.ItemDataRole.UserRole + 11


class RoomsView(Page):
    def __init__(self, bookings: BookingService, directory: DirectoryService, unit_id: str, is_online: Callable[[], bool], today: int) -> None:
        super().__init__()
        self._bookings, self._is_online = bookings, is_online
        self._attendees = lambda: AttendeePicker(directory, unit_id)
        self._day, self._today = today, today
        self._rooms: list[RoomInfo] = []
        self.mode = QComboBox(self)
        self.mode.addItems([self.tr("Day: all rooms of a building"), self.tr("Week: one room"), self.tr("Week: all rooms of a building"), self.tr("Week: my schedule")])
        self.building = QComboBox(self)
        self.room = QComboBox(self, enabled=False)
        self.date_label = QLabel(self, objectName="Secondary")
        buttons = [QPushButton(text, self) for text in (self.tr("< Earlier"), self.tr("Today"), self.tr("Later >"))]
        for button, step in zip(buttons, (-1, 0, 1), strict=True):
            button.clicked.connect(lambda _checked=False, step=step: self._move(step, today))
        self.book_button = QPushButton(self.tr("Book the selected time (Ctrl+N)"), self, objectName="Primary")
        self.book_button.clicked.connect(self.create_new)
        self.model = RoomCalendarModel(self)
        self.table = self._table()
        self.free_label = QLabel(self, objectName="Secondary", wordWrap=True)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.panel = BookingPanel(self)
        self.panel.cancel_requested.connect(self._cancel)
        self.panel.alternative_chosen.connect(self._book_alternative)
        self.panel.export_requested.connect(self._choose_ics)
        self.panel.approval_given.connect(self._decide)
        self.panel.move_requested.connect(self.open_move)
        self.mine = QListWidget(self)
        self.mine.currentItemChanged.connect(self._on_mine)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.panel, 3)
        side.addWidget(QLabel(self.tr("My bookings"), self, objectName="Secondary"))
        side.addWidget(self.mine, 2)
        self.invited = QListWidget(self)
        self.invited.itemActivated.connect(lambda item: self.open_invitation(item.data(OCCURRENCE_ROLE)))
        side.addWidget(QLabel(self.tr("Meetings I am invited to (double-click to answer)"), self, objectName="Secondary"))
        side.addWidget(self.invited, 2)
        self.schedule_button = QPushButton(self.tr("Export my schedule (.ics)…"), self)
        self.schedule_button.clicked.connect(self._choose_schedule_ics)
        side.addWidget(self.schedule_button)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.free_label)
        column.addWidget(self.error)
        splitter = QSplitter(Qt.Orientation.Horizontal, self, childrenCollapsible=False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([860, 320])
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Meeting rooms"), self.mode, self.building, self.room, *buttons, self.date_label, self.book_button))
        layout.addWidget(splitter, 1)
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.room.currentIndexChanged.connect(lambda: self.refresh())
        self.building.currentIndexChanged.connect(lambda: self.refresh())

    def refresh(self) -> None:
        self._fill_rooms()
        mode = self.mode.currentIndex()
        columns = {DAY: self._day_columns, WEEK: self._week_columns, BUILDING_WEEK: self._building_week_columns, SCHEDULE: self._schedule_columns}[mode]()
        if mode == SCHEDULE:
            held = {"": self._bookings.schedule(columns[0].opens, columns[-1].opens + 86400)}
        else:
            held = self._bookings.calendar(sorted({c.room_id for c in columns}), columns[0].opens, columns[-1].opens + 86400) if columns else {}
        per_column = [[o for o in held[c.room_id] if o.end > c.opens and o.start < c.opens + 86400] for c in columns]
        self.model.set_columns(columns, per_column)
        wide = len(columns) > WIDE
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents if wide else QHeaderView.ResizeMode.Stretch)
        self._fill_mine()
        self.date_label.setText(QLocale().toString(local(self._day), "yyyy-MM-dd dddd"))
        self._show_selection()

    def create_new(self) -> bool:
        """Book the selected free cells, or the first free half hour shown."""
        chosen = self.selected_time()
        if chosen is None:
            return False
        self.open_dialog(*chosen)
        return True

    def show_day(self, ts: int) -> None:
        self._day = ts
        self.refresh()

    def selected_time(self) -> tuple[str, int, int] | None:
        """(room id, start, end) of the selected cells when they are free and in one column."""
        cells = self.table.selectionModel().selectedIndexes()
        if not cells or len({c.column() for c in cells}) != 1:
            return None
        if any(self.model.occurrence_at(c.row(), c.column()) for c in cells):
            return None
        rows = sorted(c.row() for c in cells)
        room_id, start, _ = self.model.cell_time(rows[0], cells[0].column())
        return room_id, start, start + (rows[-1] - rows[0] + 1) * SLOT_S

    def open_dialog(self, room_id: str, start: int, end: int) -> BookingDialog:
        dialog = BookingDialog(self._bookings, self._attendees(), room_id, start, end, self._is_online(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.booked.connect(self._on_booked)
        dialog.open()
        return dialog

    def _on_booked(self, _booking_id: str) -> None:
        self.refresh()
        self.changed.emit()

    def _book_alternative(self, alt: Alternative) -> None:
        self.open_dialog(alt.room_id, alt.start, alt.end)

    def _cancel(self, booking_id: str, start: int) -> None:
        try:
            self._bookings.cancel(booking_id, (start,))
        except RuleViolation:
            return  # the button is only offered for one's own bookings
        self.refresh()
        self.changed.emit()

    def _fill_mine(self) -> None:
        self.mine.blockSignals(True)
        self.mine.clear()
        for held in self._bookings.mine()[:MINE_SHOWN]:
            item = QListWidgetItem(fill(self.tr("%1, %2: %3"), span(held.start, held.end), held.title, status_label(held.status)), self.mine)
            item.setData(OCCURRENCE_ROLE, held)
        self.mine.blockSignals(False)
        self.invited.clear()
        for invitation in self._bookings.invitations():
            when = span(*invitation.occurrences[0]) if invitation.occurrences else ""
            item = QListWidgetItem(fill(self.tr("%1, %2: %3"), when, invitation.title, self._answer_label(invitation)), self.invited)
            item.setData(OCCURRENCE_ROLE, invitation)

    def move_to(self, held: Occurrence, room_id: str, start: int, end: int) -> None:
        """A meeting dragged to another time: moved at once through the same service as the
        dialog (the server checks again); one dropped on another room stays where it was."""
        if room_id and room_id != held.room_id:  # a column of one's 日程 is no room: the meeting keeps its own
            self._say(self.tr("A meeting moves only within its room: book the other room, then cancel this one."))
            return
        try:
            self._bookings.move(held.booking_id, held.start, start, end)
        except RuleViolation as violation:
            self._say(violation.message)
            return
        self.error.hide()
        self.refresh()
        self.changed.emit()

    def _say(self, words: str) -> None:
        self.error.setText(words)
        self.error.show()

    def open_move(self, held: Occurrence) -> MoveBookingDialog:
        dialog = MoveBookingDialog(self._bookings, held, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.moved.connect(self._on_booked)
        dialog.open()
        return dialog

    def open_invitation(self, invitation: Invitation) -> InvitationDialog:
        dialog = InvitationDialog(self._bookings, invitation, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.answered.connect(self._on_booked)
        dialog.open()
        return dialog

    def _answer_label(self, invitation: Invitation) -> str:
        if invitation.cancelled:
            return self.tr("cancelled")
        if not invitation.answer:
            return self.tr("not answered yet")
        return self.tr("attending") if invitation.answer == ACCEPTED else self.tr("not attending")

    def _on_mine(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            held = item.data(OCCURRENCE_ROLE)
            self._show_occurrence(held)

    def _show_occurrence(self, held: Occurrence) -> None:
        names = {r.id: r.name for r in self._rooms}
        self.panel.show_occurrence(held, names.get(held.room_id, ""), self._bookings.answers(held.booking_id) if held.mine else [], self._bookings.may_approve_rooms)

    def decide(self, booking_id: str, approve: bool, reason: str) -> None:
        """审批 of a booking waiting for the room manager; a refusal needs its reason."""
        try:
            self._bookings.approve(booking_id, approve, reason)
        except RuleViolation as violation:
            self._say(violation.message)
            return
        self.error.hide()
        self.refresh()
        self.changed.emit()

    def _decide(self, booking_id: str, approve: bool) -> None:
        reason = ""
        if not approve:
            reason, ok = QInputDialog.getText(self, self.tr("Refuse the booking"), self.tr("Reason (the organiser sees it):"))
            if not ok:
                return
        self.decide(booking_id, approve, reason)

    def save_ics(self, booking_id: str, path: Path) -> None:
        path.write_bytes(self._bookings.ics(booking_id))

    def _choose_ics(self, booking_id: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save to calendar"), "会议.ics", self.tr("iCalendar (*.ics)"))
        if name:
            self.save_ics(booking_id, Path(name))

    def _move(self, step: int, today: int) -> None:
        days = 1 if self.mode.currentIndex() == DAY else 7
        self.show_day(today if step == 0 else self._day + step * days * 86400)

    def _on_mode(self, mode: int) -> None:
        self.room.setEnabled(mode == WEEK)
        self.building.setEnabled(mode in (DAY, BUILDING_WEEK))
        self.refresh()

    def _fill_rooms(self) -> None:
        rooms = self._bookings.rooms()
        if rooms == self._rooms:
            return
        self._rooms = rooms
        _refill(self.room, [(r.name, r.id) for r in rooms])
        _refill(self.building, [(b, b) for b in self._bookings.buildings()])

    def _building_rooms(self) -> list[RoomInfo]:
        return [r for r in self._rooms if r.building == self.building.currentData()]

    def _day_columns(self) -> list[Column]:
        opens = working_day(self._day).start
        return [Column(self._header(r), r.id, opens) for r in self._building_rooms()]

    def _building_week_columns(self) -> list[Column]:
        """Day by day, the building's rooms side by side within each day."""
        rooms = self._building_rooms()
        return [Column(fill(self.tr("%1\n%2"), QLocale().toString(local(opens), "MM-dd ddd"), self._header(r)), r.id, opens) for opens in self._week() for r in rooms]

    def _header(self, room: RoomInfo) -> str:
        if room.needs_approval:
            return fill(self.tr("%1 (%2 seats, needs approval)"), room.name, room.capacity)
        return fill(self.tr("%1 (%2 seats)"), room.name, room.capacity)

    def _week_columns(self) -> list[Column]:
        room_id = self.room.currentData()
        if not room_id:
            return []
        return [Column(QLocale().toString(local(opens), "MM-dd ddd"), room_id, opens) for opens in self._week()]

    def _schedule_columns(self) -> list[Column]:
        """One's own 日程, day by day: a column is no room, so a drag there books any room."""
        return [Column(QLocale().toString(local(opens), "MM-dd ddd"), "", opens) for opens in self._week()]

    def save_schedule_ics(self, path: Path) -> None:
        """One's 日程 from today for a year, as an .ics file for other calendars."""
        midnight = working_day(self._today).start - DAY_OPENS.hour * 3600
        path.write_bytes(self._bookings.schedule_ics(midnight, midnight + SCHEDULE_DAYS * 86400))

    def _choose_schedule_ics(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export my schedule"), "日程.ics", self.tr("iCalendar (*.ics)"))
        if name:
            self.save_schedule_ics(Path(name))

    def _week(self) -> list[int]:
        """08:00 of each day, Monday to Sunday, of the week shown."""
        monday = working_day(self._day).start - (local(self._day).date().dayOfWeek() - 1) * 86400
        return [monday + d * 86400 for d in range(7)]

    def _table(self) -> RoomCalendarTable:
        table = RoomCalendarTable(self.model, self)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        table.doubleClicked.connect(lambda _index: self.create_new())
        table.book_dragged.connect(self.open_dialog)
        table.move_dragged.connect(self.move_to)
        return table

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selection()

    def _show_selection(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid() or current.column() >= self.model.columnCount():
            self.panel.clear()
            self.free_label.clear()
            return
        room_id, start, _ = self.model.cell_time(current.row(), current.column())
        held = self.model.occurrence_at(current.row(), current.column())
        if held is None:
            self.panel.clear()
        else:
            self._show_occurrence(held)
        self._say_free(room_id, start, current.column())

    def _say_free(self, room_id: str, start: int, column: int) -> None:
        """The free times of the room on that day, or in one's 日程 where a column is no room."""
        if room_id:
            names = {r.id: r.name for r in self._rooms}
            free = [hours(s.start, s.end) for s in self._bookings.free_slots(room_id, start)]
            self.free_label.setText(fill(self.tr("%1 is free on %2: %3"), names.get(room_id, ""), local(start).toString("MM-dd"), "、".join(free) or self.tr("not at all")))
            return
        day = working_day(start)
        busy = [Slot(o.start, o.end) for o in self.model.held_in(column) if o.status != DECLINED]
        free = [hours(s.start, s.end) for s in free_slots(day.start, day.end, busy)]
        self.free_label.setText(fill(self.tr("You are free on %1: %2"), local(start).toString("MM-dd"), "、".join(free) or self.tr("not at all")))


def _refill(box: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a combo box's choices, keeping the chosen one where it is still there."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, key in items:
        box.addItem(text, key)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    box.blockSignals(False)
