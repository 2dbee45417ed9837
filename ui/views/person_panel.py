"""The right side of 通讯录: one person's card (name, position, unit, department, phone, roles)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.services.directory import PersonEntry
from ui.icons import icon
from ui.widgets.empty_state import EmptyState

ROLE_SEPARATOR = "、"  # the Chinese enumeration comma between role names (data, not a sentence)


class PersonPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel(self, objectName="DetailTitle")
        self.fields = {key: QLabel(self, wordWrap=True) for key in ("title", "unit", "department", "phone", "roles")}
        for label in (self.name, *self.fields.values()):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        card = QWidget(self)
        form = QFormLayout(card)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.name)
        form.addRow(self.tr("Position"), self.fields["title"])
        form.addRow(self.tr("Unit"), self.fields["unit"])
        form.addRow(self.tr("Department"), self.fields["department"])
        form.addRow(self.tr("Phone"), self.fields["phone"])
        form.addRow(self.tr("Roles"), self.fields["roles"])
        self._none = EmptyState(icon("directory"), self.tr("No one selected"), self.tr("Choose a person in the tree or in the search results to see how to reach them."))
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._none)
        self._stack.addWidget(card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self._stack)

    def show_person(self, person: PersonEntry | None) -> None:
        if person is None:
            self._stack.setCurrentIndex(0)
            return
        self.name.setText(person.name)
        values = {
            "title": person.title,
            "unit": person.unit_name,
            "department": person.department_name,
            "phone": person.phone,
            "roles": ROLE_SEPARATOR.join(person.roles),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self._stack.setCurrentIndex(1)
