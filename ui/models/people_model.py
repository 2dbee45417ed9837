"""通讯录 search results: one row per person found."""

from PySide6.QtCore import QObject, Qt

from app.services.directory import PersonEntry
from ui.models.list_table_model import Index, ListTableModel
from ui.models.roles import ID_ROLE


class PeopleModel(ListTableModel[PersonEntry]):
    NAME, TITLE, UNIT, DEPARTMENT = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Name"), self.tr("Position"), self.tr("Unit"), self.tr("Department")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        person = self._rows[index.row()]
        if role == ID_ROLE:
            return person.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (person.name, person.title, person.unit_name, person.department_name)[index.column()]
