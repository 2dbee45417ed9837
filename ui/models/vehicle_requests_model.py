"""用车申请 list: when, purpose, where to, who asked, how many, car and driver, and the state in
words (待审批, 已批准, 已派车…; 待同步 while a local step has not reached the server)."""

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.domain.vehicles import APPROVED, DISPATCHED, OUT, REFUSED, REQUESTED, RETURNED
from app.services.vehicles import TripRequest
from ui import time_format
from ui.models.list_table_model import Index, ListTableModel
from ui.models.roles import ID_ROLE
from ui.text import fill


def trip_state(status: str) -> str:
    translate = QCoreApplication.translate
    return {
        REQUESTED: translate("Vehicles", "Waiting for approval"),
        APPROVED: translate("Vehicles", "Approved, waiting for a car"),
        REFUSED: translate("Vehicles", "Refused"),
        DISPATCHED: translate("Vehicles", "Car assigned"),
        OUT: translate("Vehicles", "On the road"),
        RETURNED: translate("Vehicles", "Returned"),
    }[status]


class VehicleRequestsModel(ListTableModel[TripRequest]):
    WHEN, PURPOSE, DESTINATION, REQUESTER, PASSENGERS, CAR, STATE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Time"), self.tr("Purpose"), self.tr("Destination"), self.tr("Requested by"), self.tr("People"), self.tr("Car and driver"), self.tr("State")]

    def row_of(self, request_id: str) -> int:
        return next((row for row, r in enumerate(self._rows) if r.id == request_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        trip = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(trip, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        if role == ID_ROLE:
            return trip.id
        return None

    def _text(self, trip: TripRequest, column: int, tooltip: bool) -> str:
        if column == self.WHEN:
            return f"{time_format.date_time(trip.start)}–{time_format.local(trip.end).toString('HH:mm')}"
        if column == self.PURPOSE:
            return trip.purpose
        if column == self.DESTINATION:
            return fill(self.tr("%1 → %2"), trip.origin, trip.destination) if tooltip else trip.destination
        if column == self.REQUESTER:
            return trip.requester_name
        if column == self.PASSENGERS:
            return str(trip.passengers)
        if column == self.CAR:
            return fill(self.tr("%1, %2"), trip.plate, trip.driver_name) if trip.plate else ""
        return self._state(trip)

    def _state(self, trip: TripRequest) -> str:
        if trip.waiting:
            return fill(self.tr("%1 (waiting to sync)"), trip_state(trip.status))
        if trip.status == REFUSED and trip.reason:
            return fill(self.tr("%1: %2"), trip_state(trip.status), trip.reason)
        return trip_state(trip.status)
