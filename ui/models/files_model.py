"""The files of one folder (or search hits): name, 密级, size, version, who saved it and when,
and whether its content is on this computer."""

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.files import FileItem
from ui import time_format
from ui.models.list_table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex


def size_text(size: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


class FilesModel(ListTableModel[FileItem]):
    NAME, LEVEL, SIZE, VERSION, AUTHOR, SAVED, LOCAL = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Name"), self.tr("Classification"), self.tr("Size"), self.tr("Version"), self.tr("Saved by"), self.tr("Saved at"), self.tr("On this computer")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        f = self._rows[index.row()]
        column = index.column()
        if column == self.NAME:
            return f.name + (self.tr(" (waiting to upload)") if f.pending else "")
        if column == self.LEVEL:
            return f.level
        if column == self.SIZE:
            return size_text(f.size)
        if column == self.VERSION:
            return str(f.version)
        if column == self.AUTHOR:
            return f.author_name
        if column == self.SAVED:
            return time_format.date_time(f.saved_at)
        return self.tr("Yes") if f.local else ""

    def row_of(self, file_id: str) -> int:
        return next((i for i, f in enumerate(self._rows) if f.id == file_id), -1)
