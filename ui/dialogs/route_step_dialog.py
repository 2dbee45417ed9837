"""One step of a 发文 route: 核稿, 会签 or 签发; everyone signs (会签, parallel) or any one of
them (或签); the people, from the directory."""

from PySide6.QtWidgets import QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from app.domain.documents.route import ALL, ANY, DRAFT_STAGE, STAGES
from app.domain.documents.routing import StepSpec
from app.services.directory import DirectoryService
from ui.widgets.people_picker import PeoplePicker


class RouteStepDialog(QDialog):
    def __init__(self, directory: DirectoryService, unit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Add a step"))
        self._unit_id = unit_id
        self.resize(480, 520)
        self.stage = QComboBox(self)
        self.stage.addItems([stage for stage in STAGES if stage != DRAFT_STAGE])
        self.all_sign = QRadioButton(self.tr("Everyone signs (会签)"), self, checked=True)
        self.any_sign = QRadioButton(self.tr("Any one of them signs (或签)"), self)
        modes = QButtonGroup(self)
        modes.addButton(self.all_sign)
        modes.addButton(self.any_sign)
        self.people = PeoplePicker(directory, unit_id, self)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Step"), self.stage)
        form.addRow(self.tr("How"), self.all_sign)
        form.addRow("", self.any_sign)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("People"), self))
        layout.addWidget(self.people, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def spec(self) -> StepSpec:
        chosen = self.people.chosen()
        other_units = tuple(dict.fromkeys(unit for _, unit in chosen if unit != self._unit_id))
        return StepSpec(self.stage.currentText(), ANY if self.any_sign.isChecked() else ALL, chosen, other_units)

    def _accept_if_chosen(self) -> None:
        if not self.people.chosen():
            self.error.setText(self.tr("Choose at least one person for this step."))
            self.error.show()
            return
        self.accept()
