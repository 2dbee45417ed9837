"""The room calendar as a table: one row per half hour of office hours, one column per room (day
view) or per day (week view of one room). A free cell is empty; a held one names the meeting and
its state in words (colour is never the only signal); each column's header says how many hours
of it are free."""

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.bookings import AWAITING, CANCELLED, CONFIRMED, DAY_CLOSES, DAY_OPENS, DECLINED, PENDING, overlaps
from app.services.bookings import Occurrence
from ui.models.roles import ID_ROLE
from ui.text import fill
from ui.time_format import local

SLOT_S = 30 * 60
ROWS = (DAY_CLOSES.hour - DAY_OPENS.hour) * 2
_BACKGROUNDS = {CONFIRMED: QColor("#dce8f6"), AWAITING: QColor("#fff1c9"), PENDING: QColor("#fff1c9"), DECLINED: QColor("#f7dada")}


def status_label(status: str) -> str:
    translate = QCoreApplication.translate
    return {
        PENDING: translate("Bookings", "Waiting for confirmation"),
        CONFIRMED: translate("Bookings", "Confirmed"),
        AWAITING: translate("Bookings", "Waiting for the room manager's approval"),
        DECLINED: translate("Bookings", "Declined: taken"),
        CANCELLED: translate("Bookings", "Cancelled"),
    }[status]


@dataclass(frozen=True)
class Column:
    header: str
    room_id: str
    opens: int  # UTC epoch second of this column's first row (08:00 Shanghai that day)


class RoomCalendarModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._columns: list[Column] = []
        self._held: list[list[Occurrence]] = []
        self._free_hours: list[float] = []

    def set_columns(self, columns: list[Column], held: list[list[Occurrence]]) -> None:
        self.beginResetModel()
        self._columns, self._held = columns, held
        self._free_hours = [self._free_cells(c) / 2 for c in range(len(columns))]
        self.endResetModel()

    def held_in(self, column: int) -> list[Occurrence]:
        return self._held[column]

    def free_hours(self, column: int) -> float:
        """Office hours of the column no meeting holds (one's own declined requests hold nothing)."""
        return self._free_hours[column]

    def _free_cells(self, column: int) -> int:
        opens = self._columns[column].opens
        holding = [o for o in self._held[column] if o.status != DECLINED]
        return sum(1 for row in range(ROWS) if not any(overlaps(o.start, o.end, opens + row * SLOT_S, opens + (row + 1) * SLOT_S) for o in holding))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def cell_time(self, row: int, column: int) -> tuple[str, int, int]:
        """(room id, start, end) of one half-hour cell."""
        col = self._columns[column]
        start = col.opens + row * SLOT_S
        return col.room_id, start, start + SLOT_S

    def occurrence_at(self, row: int, column: int) -> Occurrence | None:
        """What the cell shows: the meeting holding the room, else one's own declined request."""
        _, start, end = self.cell_time(row, column)
        here = sorted((o for o in self._held[column] if overlaps(o.start, o.end, start, end)), key=lambda o: o.status == DECLINED)
        return here[0] if here else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        held = self.occurrence_at(index.row(), index.column())
        if held is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(held, index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BACKGROUNDS.get(held.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(self.tr("%1\n%2–%3, booked by %4\n%5"), held.title, _clock(held.start), _clock(held.end), held.organiser_name, status_label(held.status))
        if role == ID_ROLE:
            return held.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self._columns):
                return None
            return fill(self.tr("%1\n%2 h free"), self._columns[section].header, f"{self._free_hours[section]:g}")
        return f"{DAY_OPENS.hour + section // 2:02d}:{30 * (section % 2):02d}"

    def _label(self, held: Occurrence, row: int, column: int) -> str:
        """The meeting's name and state in its first cell of this column; later cells stay quiet."""
        if row > 0 and self.occurrence_at(row - 1, column) == held:
            return ""
        return fill(self.tr("%1 (%2)"), held.title, status_label(held.status))


def _clock(ts: int) -> str:
    return local(ts).toString("HH:mm")
