"""阅读情况: who has read one's own notice, and when."""

from PySide6.QtCore import QObject, Qt

from app.services.notices import Reader
from ui import time_format
from ui.models.list_table_model import Index, ListTableModel


class ReadersModel(ListTableModel[Reader]):
    NAME, READ_AT = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Reader"), self.tr("Read at")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        reader = self._rows[index.row()]
        return reader.name if index.column() == self.NAME else time_format.date_time(reader.read_at)
