"""被退回的更改: changes the server refused, each with the server's reason."""

from PySide6.QtCore import QObject, Qt

from app.services.sync_state import Rejection
from ui import time_format
from ui.models.list_table_model import Index, ListTableModel


class RejectionsModel(ListTableModel[Rejection]):
    WHEN, ACTION, REASON = range(3)

    def __init__(self, rejections: list[Rejection], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = rejections
        self._headers = [self.tr("Made at"), self.tr("Change"), self.tr("Reason given by the server")]
        self._actions = {
            "notice.publish": self.tr("Publish a notice"),
            "notice.read": self.tr("Read receipt of a notice"),
            "booking.request": self.tr("Book a meeting room"),
            "booking.cancel": self.tr("Cancel a room booking"),
            "booking.move": self.tr("Change the time of a room booking"),
            "booking.approve": self.tr("Approve a room booking"),
            "booking.answer": self.tr("Answer a meeting invitation"),
            "vehicle.request": self.tr("Request a car"),
            "vehicle.approve": self.tr("Approve a car request"),
            "vehicle.refuse": self.tr("Refuse a car request"),
            "vehicle.dispatch": self.tr("Assign a car"),
            "vehicle.depart": self.tr("Record the departure mileage"),
            "vehicle.return": self.tr("Record the return mileage"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        rejection = self._rows[index.row()]
        if index.column() == self.WHEN:
            return time_format.date_time(rejection.created_at)
        if index.column() == self.ACTION:
            return self._actions.get(rejection.name, rejection.name)
        return rejection.message or rejection.code
