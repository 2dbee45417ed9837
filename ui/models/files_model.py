"""The files of one folder (or search hits): name, 密级, size, version, who saved it and when,
and whether its content is on this computer. A hit's name is bold when a word was found in it,
and its tooltip shows the name and the text around the words found, in bold."""

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.services.files import FileHit, FileItem
from ui import time_format
from ui.models.list_table_model import ListTableModel
from ui.models.search_marks import hit_html

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
        self._hits: dict[str, FileHit] = {}

    def set_hits(self, hits: list[FileHit]) -> None:
        self._hits = {h.file.id: h for h in hits}
        super().set_rows([h.file for h in hits])

    def set_rows(self, rows: list[FileItem]) -> None:
        self._hits = {}
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        hit = self._hits.get(f.id) if index.column() == self.NAME else None
        if hit is not None and role == Qt.ItemDataRole.ToolTipRole:
            return hit_html(hit.title, hit.snippet)
        if hit is not None and role == Qt.ItemDataRole.FontRole and hit.title.spans:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
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
