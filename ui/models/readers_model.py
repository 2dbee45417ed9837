"""阅读情况: who has read one's own notice, and when."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.notices import Reader
from ui import time_format

Index = QModelIndex | QPersistentModelIndex


class ReadersModel(QAbstractTableModel):
    NAME, READ_AT = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readers: list[Reader] = []
        self._headers = [self.tr("Reader"), self.tr("Read at")]

    def set_readers(self, readers: list[Reader]) -> None:
        self.beginResetModel()
        self._readers = readers
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._readers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        reader = self._readers[index.row()]
        return reader.name if index.column() == self.NAME else time_format.date_time(reader.read_at)
