"""被退回的更改: changes the server refused, each with the server's reason."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.sync_state import Rejection
from ui import time_format

Index = QModelIndex | QPersistentModelIndex


class RejectionsModel(QAbstractTableModel):
    WHEN, ACTION, REASON = range(3)

    def __init__(self, rejections: list[Rejection], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rejections = rejections
        self._headers = [self.tr("Made at"), self.tr("Change"), self.tr("Reason given by the server")]
        self._actions = {"notice.publish": self.tr("Publish a notice"), "notice.read": self.tr("Read receipt of a notice")}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rejections)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        rejection = self._rejections[index.row()]
        if index.column() == self.WHEN:
            return time_format.date_time(rejection.created_at)
        if index.column() == self.ACTION:
            return self._actions.get(rejection.name, rejection.name)
        return rejection.message or rejection.code
