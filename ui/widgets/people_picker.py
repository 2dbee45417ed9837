"""People from the directory, from one's own unit or another (联合发文, 会签 by other units):
a unit to look in, then its departments and people to check. Checks are kept per unit while
the user looks in several."""

from PySide6.QtWidgets import QComboBox, QStackedWidget, QVBoxLayout, QWidget

from app.services.directory import DirectoryService
from ui.widgets.attendee_picker import AttendeePicker


class PeoplePicker(QWidget):
    def __init__(self, directory: DirectoryService, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self.unit = QComboBox(self)
        for unit in directory.units():
            self.unit.addItem(unit.name, unit.id)
        self._pickers: dict[str, AttendeePicker] = {}
        self._stack = QStackedWidget(self)
        self.unit.currentIndexChanged.connect(self._show_unit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unit)
        layout.addWidget(self._stack, 1)
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))
        self._show_unit()

    def picker(self, unit_id: str) -> AttendeePicker:
        if unit_id not in self._pickers:
            self._pickers[unit_id] = AttendeePicker(self._directory, unit_id, self)
            self._stack.addWidget(self._pickers[unit_id])
        return self._pickers[unit_id]

    def chosen(self) -> tuple[tuple[str, str], ...]:
        """(person id, unit id) of everyone checked, unit by unit in the order they were opened."""
        return tuple((person, unit) for unit, picker in self._pickers.items() for person in picker.chosen())

    def _show_unit(self) -> None:
        unit_id = self.unit.currentData()
        if unit_id:
            self._stack.setCurrentWidget(self.picker(unit_id))
