"""The cabinets as trees: 单位文件柜, 个人文件柜 and the folders others shared with the user.
Each item holds its container id (a cabinet or folder id) in Qt.UserRole."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.services.files import FilesService, FolderItem

CONTAINER_ROLE = Qt.ItemDataRole.UserRole
SHARED_ROOT = ""  # the 共享给我 heading holds no files itself


class FileTreeModel(QStandardItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def load(self, files: FilesService) -> None:
        self.clear()
        root = self.invisibleRootItem()
        for title, container in ((self.tr("Unit cabinet"), files.unit_cabinet), (self.tr("Personal cabinet"), files.personal_cabinet)):
            top = _item(title, container)
            root.appendRow(top)
            self._add_below(files, top, container)
        shared = _item(self.tr("Shared with me"), SHARED_ROOT)
        root.appendRow(shared)
        for folder in files.shared_with_me():
            shared.appendRow(self._folder(files, folder))

    def index_of(self, container: str):
        found = self.match(self.index(0, 0), CONTAINER_ROLE, container, 1, Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        return found[0] if found else None

    def _add_below(self, files: FilesService, item: QStandardItem, container: str) -> None:
        for folder in files.folders(container):
            item.appendRow(self._folder(files, folder))

    def _folder(self, files: FilesService, folder: FolderItem) -> QStandardItem:
        label = folder.name + (self.tr(" (kept offline)") if folder.offline else "") + ("" if folder.right == "write" else self.tr(" (read only)"))
        item = _item(label, folder.id)
        self._add_below(files, item, folder.id)
        return item


def _item(text: str, container: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(container, CONTAINER_ROLE)
    return item
