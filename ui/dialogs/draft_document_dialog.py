"""拟稿: a new 发文 from a unit template (红头) and a 文种, the GB/T 33480 metadata, the body
(typed, or imported from .docx or .txt), attachments and the route after 拟稿. Ctrl+Enter saves
the draft (submitting it is 提交 on the document). A rule the draft breaks is said inline, the
tab with the field is shown and nothing typed is lost."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.documents.body import Body
from app.documents.import_docx import import_docx
from app.documents.import_text import body_from_text, import_text
from app.domain.documents.metadata import DocumentMeta
from app.domain.documents.routing import StepSpec
from app.domain.errors import RuleViolation
from ui.text import fill
from ui.widgets.metadata_form import MetadataForm
from ui.widgets.route_designer import RouteDesigner


@dataclass(frozen=True)
class Template:
    """A unit's 红头: the 发文机关标志 printed in red, the 署名 and the 机关代字 of its 文号
    (通政办发 in 通政办发〔2012〕216号), for a default 文种."""

    name: str
    issuer_mark: str
    issuer_name: str
    number_prefix: str
    kind: str = "通知"


@dataclass(frozen=True)
class Draft:
    meta: DocumentMeta
    number_prefix: str
    body: Body
    route: list[StepSpec]
    attachments: list[Path]


Save = Callable[[Draft], str]  # the service's draft call; answers the new document's id


class DraftDocumentDialog(QDialog):
    drafted = Signal(str)  # the new document's id

    def __init__(self, templates: list[Template], save: Save, route_designer: RouteDesigner, parent: QWidget | None = None) -> None:
        super().__init__(parent, windowTitle=self.tr("Draft a document"))
        self._save = save
        self.resize(900, 680)
        self.template = QComboBox(self)
        for template in templates:
            self.template.addItem(template.name, template)
        self.form = MetadataForm(self)
        self.number_prefix = QLineEdit(self, placeholderText=self.tr("For example: 通政办发"))
        self.body = QPlainTextEdit(self, placeholderText=self.tr("The text of the document; one paragraph a line"))
        self.attachments = QListWidget(self)
        self.route = route_designer
        self.route.setParent(self)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, self.tr("Metadata"))
        self.tabs.addTab(self._body_page(), self.tr("Text"))
        self.tabs.addTab(self._attachments_page(), self.tr("Attachments"))
        self.tabs.addTab(self.route, self.tr("Route"))
        self.template.currentIndexChanged.connect(self._use_template)
        self._use_template()
        top = QFormLayout()
        top.addRow(self.tr("Template"), self.template)
        top.addRow(self.tr("Number prefix (机关代字)"), self.number_prefix)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.submit)

    def submit(self) -> None:
        try:
            draft = self.draft()
            document_id = self._save(draft)
        except RuleViolation as violation:
            self._say(violation.message, violation.code)
            return
        self.drafted.emit(document_id)
        self.accept()

    def draft(self) -> Draft:
        names = tuple(Path(self.attachments.item(row).text()).stem for row in range(self.attachments.count()))
        paths = [Path(self.attachments.item(row).text()) for row in range(self.attachments.count())]
        body = body_from_text(self.body.toPlainText())
        if not body.paragraphs:
            raise RuleViolation("body.empty", self.tr("The document has no text yet."))
        if not self.route.specs():
            raise RuleViolation("route.empty", self.tr("Add at least one step after drafting (核稿, 会签 or 签发)."))
        if not self.number_prefix.text().strip():
            raise RuleViolation("draft.number_prefix", self.tr("Enter the number prefix (机关代字) the 文号 starts with."))
        return Draft(self.form.meta(names), self.number_prefix.text().strip(), body, self.route.specs(), paths)

    def import_body(self, path: Path) -> None:
        """Replace the text with the file's (.docx through python-docx, else text)."""
        try:
            body = import_docx(path) if path.suffix.lower() == ".docx" else import_text(path)
        except RuleViolation as violation:
            self._say(violation.message, "body")
            return
        except OSError as exc:
            self._say(fill(self.tr("The file cannot be read: %1"), exc.strerror or str(exc)), "body")
            return
        self.body.setPlainText("\n".join(body.paragraphs))
        self.error.hide()

    def add_attachment(self, path: Path) -> None:
        self.attachments.addItem(str(path))

    def _use_template(self) -> None:
        template: Template | None = self.template.currentData()
        if template is not None:
            self.form.use_template(template.issuer_mark, template.issuer_name, template.kind)
            self.number_prefix.setText(template.number_prefix)

    def _say(self, words: str, code: str) -> None:
        self.error.setText(words)
        self.error.show()
        if code.startswith("meta."):
            self.tabs.setCurrentWidget(self.form)
            field = self.form.field_for(code)
            if field is not None:
                field.setFocus()
        elif code.startswith(("body", "import", "doc.bad_body", "doc.body")):
            self.tabs.setCurrentIndex(1)
            self.body.setFocus()
        elif code.startswith(("route.", "doc.")):  # the service's checks are of the people on the route
            self.tabs.setCurrentWidget(self.route)
        elif code.startswith(("draft.", "docno.")):
            self.number_prefix.setFocus()

    def _choose_body_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import the text"), "", self.tr("Word or text files (*.docx *.txt)"))
        if name:
            self.import_body(Path(name))

    def _choose_attachments(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add attachments"))
        for name in names:
            self.add_attachment(Path(name))

    def _remove_attachment(self) -> None:
        row = self.attachments.currentRow()
        if row >= 0:
            self.attachments.takeItem(row)

    def _body_page(self) -> QWidget:
        page = QWidget(self)
        import_button = QPushButton(self.tr("Import from .docx or .txt…"), page, autoDefault=False)
        import_button.clicked.connect(self._choose_body_file)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(import_button)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.body, 1)
        return page

    def _attachments_page(self) -> QWidget:
        page = QWidget(self)
        add = QPushButton(self.tr("Add files…"), page, autoDefault=False)
        add.clicked.connect(self._choose_attachments)
        remove = QPushButton(self.tr("Remove"), page, autoDefault=False)
        remove.clicked.connect(self._remove_attachment)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row = QHBoxLayout(page)
        row.addWidget(self.attachments, 1)
        row.addLayout(buttons)
        return page

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save the draft (Ctrl+Enter)"), self, objectName="Primary", autoDefault=False)
        self.save_button.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"), self, autoDefault=False)
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(cancel)
        return row
