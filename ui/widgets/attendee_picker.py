"""参会人员: the departments of one's unit with their people, each checkable; checking a
department invites all its people (整个处室)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.services.directory import DirectoryService

PERSON_ROLE = Qt.ItemDataRole.UserRole + 12


class AttendeePicker(QTreeWidget):
    def __init__(self, directory: DirectoryService, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        for department in directory.departments(unit_id):
            branch = QTreeWidgetItem(self, [department.name])
            branch.setFlags(branch.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            branch.setCheckState(0, Qt.CheckState.Unchecked)
            for person in directory.people(department.id):
                leaf = QTreeWidgetItem(branch, [f"{person.name}　{person.title}"])
                leaf.setFlags(leaf.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                leaf.setCheckState(0, Qt.CheckState.Unchecked)
                leaf.setData(0, PERSON_ROLE, person.id)

    def chosen(self) -> tuple[str, ...]:
        """Person ids of everyone checked, a checked department's people included."""
        found = []
        for d in range(self.topLevelItemCount()):
            branch = self.topLevelItem(d)
            found += [branch.child(p).data(0, PERSON_ROLE) for p in range(branch.childCount()) if branch.child(p).checkState(0) == Qt.CheckState.Checked]
        return tuple(found)

    def check_department(self, name: str) -> None:
        for d in range(self.topLevelItemCount()):
            if self.topLevelItem(d).text(0) == name:
                self.topLevelItem(d).setCheckState(0, Qt.CheckState.Checked)
