"""The route of a draft after 拟稿: steps in order (核稿 → 会签 → 签发, any shape the unit uses),
each sequential with the next, parallel within (会签, everyone) or any-one-of (或签)."""

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from app.domain.documents.route import ANY
from app.domain.documents.routing import StepSpec
from ui.text import fill


class RouteDesigner(QWidget):
    def __init__(self, ask_step: Callable[[], StepSpec | None], names: Callable[[str], str], parent: QWidget | None = None) -> None:
        """`ask_step` asks the user for one more step (None if they cancel); `names` gives a person's name."""
        super().__init__(parent)
        self._ask_step, self._names = ask_step, names
        self._specs: list[StepSpec] = []
        self.steps = QListWidget(self)
        self.add_button = QPushButton(self.tr("Add a step…"), self, autoDefault=False)
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self.tr("Remove"), self, autoDefault=False)
        self.remove_button.clicked.connect(self._remove)
        self.up_button = QPushButton(self.tr("Move up"), self, autoDefault=False)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Move down"), self, autoDefault=False)
        self.down_button.clicked.connect(lambda: self._move(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.steps, 1)
        row.addLayout(buttons)

    def specs(self) -> list[StepSpec]:
        return list(self._specs)

    def add_spec(self, spec: StepSpec) -> None:
        self._specs.append(spec)
        self._show(len(self._specs) - 1)

    def _add(self) -> None:
        spec = self._ask_step()
        if spec is not None:
            self.add_spec(spec)

    def _remove(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            del self._specs[row]
            self._show(min(row, len(self._specs) - 1))

    def _move(self, offset: int) -> None:
        row, target = self.steps.currentRow(), self.steps.currentRow() + offset
        if row >= 0 and 0 <= target < len(self._specs):
            self._specs[row], self._specs[target] = self._specs[target], self._specs[row]
            self._show(target)

    def _show(self, selected: int) -> None:
        self.steps.clear()
        for number, spec in enumerate(self._specs, start=1):
            self.steps.addItem(self._describe(number, spec))
        self.steps.setCurrentRow(selected)

    def _describe(self, number: int, spec: StepSpec) -> str:
        people = "、".join(self._names(user) for user, _ in spec.assignees)
        how = self.tr("any one signs") if spec.mode == ANY else self.tr("everyone signs")
        return fill(self.tr("%1. %2 (%3): %4"), number, spec.stage, how, people)
