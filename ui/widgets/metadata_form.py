"""The GB/T 33480 metadata of a 公文 (keys as in shared/samples/*.meta.json). A draft has no 文号
field (the server allocates it at 签发); a paper document registered by hand has one. `meta()`
validates by the domain rules and raises RuleViolation; `field_for(code)` is the field to put the
cursor in."""

import re

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QWidget

from app.domain.documents.metadata import CLASSIFICATIONS, KINDS, SECRET_LEVELS, URGENCIES, DocumentMeta, validate
from app.domain.documents.numbering import parse_doc_number

# Not 、: it sits inside unit names (各县（市）、区人民政府, 市各委、办、局).
LIST_SEPARATORS = re.compile(r"[，,；;\n]")


def split_names(text: str) -> tuple[str, ...]:
    """主送/抄送 typed on one line, the units separated by ， as the document prints them."""
    return tuple(name.strip() for name in LIST_SEPARATORS.split(text) if name.strip())


class MetadataForm(QWidget):
    def __init__(self, parent: QWidget | None = None, *, with_number: bool = False) -> None:
        super().__init__(parent)
        self.doc_number = QLineEdit(self, placeholderText=self.tr("For example: 通政办发〔2012〕216号"), visible=with_number)
        self.kind = QComboBox(self)
        self.kind.addItems(KINDS)
        self.title = QLineEdit(self, placeholderText=self.tr("For example: Notice on the New Year holiday"))
        self.issuer_mark = QLineEdit(self)
        self.issuer_name = QLineEdit(self)
        self.written_on = QDateEdit(self, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.written_on.setDate(QDate.currentDate())
        self.classification = QComboBox(self)
        self.classification.addItems(CLASSIFICATIONS)
        self.secrecy_period = QLineEdit(self, placeholderText=self.tr("For example: 10年"))
        self.copy_no = QLineEdit(self, placeholderText=self.tr("Six digits, for 秘密 and 机密"), maxLength=6)
        self.urgency = QComboBox(self)
        self.urgency.addItem(self.tr("Not urgent"), None)
        for urgency in URGENCIES:
            self.urgency.addItem(urgency, urgency)
        self.signer = QLineEdit(self, placeholderText=self.tr("Required for 请示 and 报告"))
        self.main_recipients = QLineEdit(self, placeholderText=self.tr("Separate units with ，"))
        self.copy_recipients = QLineEdit(self, placeholderText=self.tr("Separate units with ，"))
        self.note = QLineEdit(self)
        self.printer = QLineEdit(self)
        self.publication = QLineEdit(self, placeholderText=self.tr("For example: 社会公开"))
        self.classification.currentTextChanged.connect(self._secret_fields)
        self._secret_fields(self.classification.currentText())
        form = QFormLayout(self)
        rows = [
            (self.tr("Kind (文种)"), self.kind), (self.tr("&Title"), self.title),
            (self.tr("Issuer mark (发文机关标志)"), self.issuer_mark), (self.tr("Issuer (发文机关署名)"), self.issuer_name),
            (self.tr("Written on (成文日期)"), self.written_on), (self.tr("Classification (密级)"), self.classification),
            (self.tr("Secrecy period (保密期限)"), self.secrecy_period), (self.tr("Copy number (份号)"), self.copy_no),
            (self.tr("Urgency (紧急程度)"), self.urgency), (self.tr("Signed off by (签发人)"), self.signer),
            (self.tr("Main recipients (主送机关)"), self.main_recipients), (self.tr("Copied to (抄送机关)"), self.copy_recipients),
            (self.tr("Note (附注)"), self.note), (self.tr("Printed by (印发机关)"), self.printer),
            (self.tr("Publication (发布层次)"), self.publication),
        ]
        if with_number:
            rows.insert(1, (self.tr("Document number (发文字号)"), self.doc_number))
        for label, field in rows:
            form.addRow(label, field)

    def use_template(self, issuer_mark: str, issuer_name: str, kind: str | None = None) -> None:
        """A unit template fills the 红头 and the signature; the drafter's other fields stay."""
        self.issuer_mark.setText(issuer_mark)
        self.issuer_name.setText(issuer_name)
        self.printer.setText(self.printer.text() or issuer_name)
        if kind:
            self.kind.setCurrentText(kind)

    def meta(self, attachments: tuple[str, ...] = ()) -> DocumentMeta:
        secret = self.classification.currentText() in SECRET_LEVELS
        return validate(DocumentMeta(
            kind=self.kind.currentText(), title=self.title.text(), issuer_mark=self.issuer_mark.text(),
            issuer_name=self.issuer_name.text(), written_on=self.written_on.date().toPython(),
            classification=self.classification.currentText(),
            secrecy_period=self.secrecy_period.text().strip() or None if secret else None,
            copy_no=self.copy_no.text().strip() or None, urgency=self.urgency.currentData(),
            doc_number=parse_doc_number(self.doc_number.text()) if self.doc_number.text().strip() else None,
            signer=self.signer.text().strip() or None, main_recipients=split_names(self.main_recipients.text()),
            copy_recipients=split_names(self.copy_recipients.text()), attachments=attachments,
            note=self.note.text().strip() or None, printer=self.printer.text().strip() or None,
            printed_on=None, publication=self.publication.text().strip() or None,
        ))

    def field_for(self, code: str) -> QWidget | None:
        fields = {
            "meta.bad_kind": self.kind, "meta.title_empty": self.title, "meta.title_too_long": self.title,
            "meta.issuer_mark_empty": self.issuer_mark, "meta.issuer_name_empty": self.issuer_name,
            "meta.bad_classification": self.classification, "meta.period_missing": self.secrecy_period,
            "meta.copy_no_missing": self.copy_no, "meta.bad_copy_no": self.copy_no, "meta.bad_urgency": self.urgency,
            "meta.signer_missing": self.signer, "meta.one_recipient": self.main_recipients,
            "docno.unreadable": self.doc_number, "docno.padded_serial": self.doc_number,
        }
        return fields.get(code)

    def _secret_fields(self, classification: str) -> None:
        self.secrecy_period.setEnabled(classification in SECRET_LEVELS)
