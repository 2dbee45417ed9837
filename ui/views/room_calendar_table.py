"""The room calendar's grid with the mouse: dragging down over free half hours asks to book them
(the booking dialog opens filled in), dragging one's own meeting to another cell asks to move it
there, keeping its length. Clicks and the keyboard select as in any table."""

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.domain.bookings import AWAITING, CONFIRMED, PENDING
from app.services.bookings import Occurrence
from ui.models.room_calendar_model import SLOT_S, RoomCalendarModel

MOVABLE = (PENDING, CONFIRMED, AWAITING)


class RoomCalendarTable(QTableView):
    book_dragged = Signal(str, int, int)  # room id, start, end
    move_dragged = Signal(object, str, int, int)  # the Occurrence, room id dropped on, new start, new end

    def __init__(self, model: RoomCalendarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self._pressed = QPersistentModelIndex()
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        at = self.indexAt(event.position().toPoint())
        self._pressed = QPersistentModelIndex(at) if event.button() == Qt.MouseButton.LeftButton else QPersistentModelIndex()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = QModelIndex(self._pressed), QPersistentModelIndex()
        released = self.indexAt(event.position().toPoint())
        if event.button() != Qt.MouseButton.LeftButton or not pressed.isValid() or not released.isValid() or released == pressed:
            return  # a plain click only selects
        held = self._model.occurrence_at(pressed.row(), pressed.column())
        if held is None:
            self._book(pressed, released)
        elif held.mine and held.status in MOVABLE:
            self._move(held, pressed, released)

    def _book(self, pressed: QModelIndex, released: QModelIndex) -> None:
        """Free cells dragged over in one column (a day of one room) become a request for them."""
        if released.column() != pressed.column():
            return
        first, last = sorted((pressed.row(), released.row()))
        column = pressed.column()
        if any(self._model.occurrence_at(row, column) for row in range(first, last + 1)):
            return
        self.setCurrentIndex(self._model.index(first, column))
        self.selectionModel().select(QItemSelection(self._model.index(first, column), self._model.index(last, column)), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        room_id, start, _ = self._model.cell_time(first, column)
        self.book_dragged.emit(room_id, start, start + (last - first + 1) * SLOT_S)

    def _move(self, held: Occurrence, pressed: QModelIndex, released: QModelIndex) -> None:
        _, grabbed_at, _ = self._model.cell_time(pressed.row(), pressed.column())
        room_id, dropped_at, _ = self._model.cell_time(released.row(), released.column())
        start = held.start + dropped_at - grabbed_at
        self.move_dragged.emit(held, room_id, start, start + held.end - held.start)
