"""通讯录 tree: units -> departments -> people. A unit's departments and a department's people
are read from the cache only when the user opens that branch (canFetchMore/fetchMore), so a
directory of 100,000 people opens at once."""

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.directory import DirectoryService, PersonEntry

Index = QModelIndex | QPersistentModelIndex
UNIT, DEPARTMENT, PERSON = "unit", "department", "person"


@dataclass(eq=False)
class _Node:
    kind: str
    id: str
    name: str
    parent: "_Node | None" = None
    row: int = 0
    person: PersonEntry | None = None
    children: list["_Node"] = field(default_factory=list)
    fetched: bool = False

    def adopt(self, children: list["_Node"]) -> None:
        for row, child in enumerate(children):
            child.parent, child.row = self, row
        self.children, self.fetched = children, True


class DirectoryTreeModel(QAbstractItemModel):
    NAME, TITLE, PHONE = range(3)

    def __init__(self, directory: DirectoryService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._root = _Node("root", "", "")
        self._headers = [self.tr("Name"), self.tr("Position"), self.tr("Phone")]

    def reload(self) -> None:
        """Read the units again (after a sync); branches load again as they are opened."""
        self.beginResetModel()
        self._root = _Node("root", "", "")
        self._root.adopt([_Node(UNIT, u.id, u.name) for u in self._directory.units()])
        self.endResetModel()

    def kind_and_id(self, index: Index) -> tuple[str, str]:
        node = self._node(index)
        return node.kind, node.id

    def person(self, index: Index) -> PersonEntry | None:
        return self._node(index).person

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(self._headers)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self._headers)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        node = self._node(parent)
        if node.kind == PERSON:
            return False
        return not node.fetched or bool(node.children)

    def canFetchMore(self, parent: Index) -> bool:
        node = self._node(parent)
        return node.kind in (UNIT, DEPARTMENT) and not node.fetched

    def fetchMore(self, parent: Index) -> None:
        node = self._node(parent)
        children = self._load_children(node)
        if not children:
            node.fetched = True
            return
        self.beginInsertRows(parent, 0, len(children) - 1)
        node.adopt(children)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        node = self._node(index)
        if index.column() == self.NAME:
            return node.name
        if node.person is None:
            return ""
        return node.person.title if index.column() == self.TITLE else node.person.phone

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def _load_children(self, node: _Node) -> list[_Node]:
        if node.kind == UNIT:
            return [_Node(DEPARTMENT, d.id, d.name) for d in self._directory.departments(node.id)]
        return [_Node(PERSON, p.id, p.name, person=p) for p in self._directory.people(node.id)]
