"""司机排班 (or the cars' schedule) as a table: one row per driver or car, one column per day (one
day, or a week). A cell lists the trips that day (time, car or driver, destination, state); an
empty day says "free" in words, so who can still be sent is plain at a glance."""

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.bookings import overlaps
from app.services.vehicles import TripRequest
from ui.models.vehicle_requests_model import trip_state
from ui.text import fill
from ui.time_format import local

BUSY = QColor("#dce8f6")


@dataclass(frozen=True)
class ScheduleDay:
    header: str
    start: int  # UTC epoch second of the day's 00:00 on the Shanghai clock
    end: int


@dataclass(frozen=True)
class ScheduleRow:
    id: str  # a driver's or a car's
    header: str
    by_car: bool  # a car's row names the driver of each trip, a driver's row the car


class TripScheduleModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ScheduleRow] = []
        self._days: list[ScheduleDay] = []
        self._trips: dict[str, list[TripRequest]] = {}

    def set_schedule(self, rows: list[ScheduleRow], days: list[ScheduleDay], trips: dict[str, list[TripRequest]]) -> None:
        self.beginResetModel()
        self._rows, self._days, self._trips = rows, days, trips
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._days)

    def trips_at(self, row: int, column: int) -> list[TripRequest]:
        """The trips of one driver or car on one day, in time order."""
        day = self._days[column]
        return [t for t in self._trips.get(self._rows[row].id, []) if overlaps(t.start, t.end, day.start, day.end)]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        trips = self.trips_at(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "\n".join(self._line(t, self._rows[index.row()].by_car) for t in trips) if trips else self.tr("Free")
        if role == Qt.ItemDataRole.BackgroundRole:
            return BUSY if trips else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._days[section].header if section < len(self._days) else None
        return self._rows[section].header if section < len(self._rows) else None

    def _line(self, trip: TripRequest, by_car: bool) -> str:
        when = f"{local(trip.start).toString('HH:mm')}–{local(trip.end).toString('HH:mm')}"
        return fill(self.tr("%1 %2 to %3 (%4)"), when, trip.driver_name if by_car else trip.plate, trip.destination, trip_state(trip.status))
