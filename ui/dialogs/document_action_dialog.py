"""The one dialog of every 公文 action that needs more than a click: an opinion (签/同意, 拟办,
批办), a reason (退回, 撤回; required, refused here when empty), the earlier step to send back to,
a colleague (转办, 加签 before or after oneself, the leader for 批办), handlers or readers, the
机关代字 of the 收文编号 with its 时限, a 催办 message to one who has it. `args()` gives the keyword
arguments of the DocumentService call of the same action."""

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import RuleViolation
from app.services.directory import DirectoryService
from app.documents.import_text import body_from_text
from ui.views.document_actions import BODY, HOLDER, NOTE, OPINION, PEOPLE, PERSON, PLACEMENT, REASON, REGISTER, STEP, UNITS, Action
from ui.widgets.people_picker import PeoplePicker

DEFAULT_OPINION = {"sign": "同意"}  # what most signers write; they change it when they mean more


class DocumentActionDialog(QDialog):
    def __init__(self, action: Action, directory: DirectoryService, unit_id: str,
                 choices: list[tuple[str, str]] = (), text: str = "", parent: QWidget | None = None,
                 submit: Callable[[dict], None] | None = None) -> None:
        """`choices`: (id, label) of the steps one may send back to, oldest first, of the people
        who have the document now (催办), or of the units to send it to (分发). `text`: the body
        to edit (修改正文). `submit` carries the action out; a refusal (RuleViolation) is shown
        here and the dialog stays open, so what the user wrote is not lost."""
        super().__init__(parent, windowTitle=action.label.rstrip("…"))
        self._action = action
        self._submit = submit
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(text or DEFAULT_OPINION.get(action.key, ""))
        self.step = QComboBox(self)
        for choice_id, label in choices:
            self.step.addItem(label, choice_id)
        self.before = QRadioButton(self.tr("Before me (they sign first)"), self, checked=True)
        self.after = QRadioButton(self.tr("After me"), self)
        self.unit_code = QLineEdit(self, placeholderText=self.tr("For example: 通政办 (the number itself comes from the server)"))
        self.has_due = QCheckBox(self.tr("Deadline (时限)"), self)
        self.due = QDateEdit(QDate.currentDate().addDays(7), self, calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.note = QLineEdit(self)
        self.main_units, self.copy_units = self._units(choices), self._units(choices)
        form = self._form(action.fields)
        self.people = PeoplePicker(directory, unit_id, self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if PERSON in action.fields or PEOPLE in action.fields:
            layout.addWidget(QLabel(self.tr("Choose one person") if PERSON in action.fields else self.tr("Choose the people"), self))
            layout.addWidget(self.people, 1)
        else:
            self.people.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(action.label.rstrip("…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("Primary")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.try_accept)

    def _form(self, fields: tuple[str, ...]) -> QFormLayout:
        """The rows the action asks for; the other fields stay hidden."""
        form = QFormLayout()
        rows: list[tuple[str | QWidget, QWidget | QHBoxLayout]] = []
        if BODY in fields:
            self.resize(760, 560)
            rows.append((self.tr("Text"), self.text))
        if OPINION in fields:
            rows.append((self.tr("Opinion"), self.text))
        if REASON in fields:
            self.text.setPlaceholderText(self.tr("Required: say why, so the other side knows what to do"))
            rows.append((self.tr("Reason"), self.text))
        if STEP in fields:
            rows.append((self.tr("Back to step") if self._action.key == "send_back" else self.tr("Added signer"), self.step))
        if HOLDER in fields:
            rows.append((self.tr("Remind"), self.step))
        if PLACEMENT in fields:
            placement = QHBoxLayout()
            placement.addWidget(self.before)
            placement.addWidget(self.after)
            rows.append((self.tr("Where"), placement))
        if REGISTER in fields:
            rows += [(self.tr("Unit code (机关代字)"), self.unit_code), (self.has_due, self.due)]
        if NOTE in fields:
            rows.append((self.tr("Message") if HOLDER in fields else self.tr("Note"), self.note))
        if UNITS in fields:
            rows += [(self.tr("Main recipients (主送)"), self.main_units), (self.tr("Copied to (抄送)"), self.copy_units)]
        for label, field in rows:
            form.addRow(label, field)
        shown = {field for _, field in rows} | {label for label, _ in rows} | ({self.before, self.after} if PLACEMENT in fields else set())
        for widget in (self.text, self.step, self.before, self.after, self.unit_code, self.has_due, self.due, self.note, self.main_units, self.copy_units):
            widget.setVisible(widget in shown)
        return form

    def try_accept(self) -> None:
        problem = self._problem()
        if not problem and self._submit is not None:
            try:
                self._submit(self.args())
            except RuleViolation as refused:
                problem = refused.message
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()

    def args(self) -> dict:
        text, chosen = self.text.toPlainText().strip(), self.people.chosen()
        user, unit = chosen[0] if chosen else ("", "")
        by_action = {
            "sign": {"opinion": text},
            "send_back": {"target_step_id": self.step.currentData(), "reason": text},
            "withdraw": {"reason": text},
            "remove_added_signer": {"step_id": self.step.currentData()},
            "delegate": {"to_user": user, "to_unit": unit},
            "add_signer": {"user_id": user, "unit_id": unit, "before": self.before.isChecked()},
            "refuse": {"reason": text},
            "register": {"unit_code": self.unit_code.text().strip(), "due": self.due.date().toPython() if self.has_due.isChecked() else None},
            "propose": {"opinion": text, "leader_id": user},
            "instruct": {"instruction": text, "handler_ids": [person for person, _ in chosen]},
            "finish_handling": {"note": self.note.text().strip()},
            "circulate": {"reader_ids": [person for person, _ in chosen]},
            "remind": {"to_id": self.step.currentData(), "text": self.note.text().strip()},
            "revise": {"paragraphs": list(body_from_text(self.text.toPlainText()).paragraphs)},
            "distribute": {"main_units": _checked(self.main_units), "copy_units": _checked(self.copy_units)},
        }
        return by_action.get(self._action.key, {})

    def _problem(self) -> str:
        fields = self._action.fields
        if REASON in fields and not self.text.toPlainText().strip():
            return self.tr("Please give a reason.")
        if STEP in fields and self.step.currentData() is None:
            return self.tr("There is no earlier step to send it back to.")
        if PERSON in fields and len(self.people.chosen()) != 1:
            return self.tr("Choose exactly one person.")
        if PEOPLE in fields and not self.people.chosen():
            return self.tr("Choose at least one person.")
        if BODY in fields and not self.text.toPlainText().strip():
            return self.tr("The document has no text yet.")
        if UNITS in fields and not _checked(self.main_units):
            return self.tr("Choose at least one main recipient.")
        if REGISTER in fields and not self.unit_code.text().strip():
            return self.tr("Please enter the unit code.")
        if HOLDER in fields and not self.note.text().strip():
            return self.tr("Please write what to remind them of.")
        return ""

    def _units(self, choices: list[tuple[str, str]]) -> QListWidget:
        units = QListWidget(self)
        for unit_id, name in choices:
            item = QListWidgetItem(name, units)
            item.setData(Qt.ItemDataRole.UserRole, unit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        return units


def _checked(units: QListWidget) -> list[str]:
    return [units.item(row).data(Qt.ItemDataRole.UserRole) for row in range(units.count()) if units.item(row).checkState() == Qt.CheckState.Checked]
