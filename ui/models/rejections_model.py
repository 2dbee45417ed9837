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
