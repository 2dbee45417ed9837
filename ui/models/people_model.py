"""通讯录 search results: one row per person found."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.directory import PersonEntry
from ui.models.roles import ID_ROLE

Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractTableModel):
    NAME, TITLE, UNIT, DEPARTMENT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[PersonEntry] = []
        self._headers = [self.tr("Name"), self.tr("Position"), self.tr("Unit"), self.tr("Department")]

    def set_people(self, people: list[PersonEntry]) -> None:
        self.beginResetModel()
        self._people = people
        self.endResetModel()

    def person(self, row: int) -> PersonEntry:
        return self._people[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person = self._people[index.row()]
        if role == ID_ROLE:
            return person.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (person.name, person.title, person.unit_name, person.department_name)[index.column()]
