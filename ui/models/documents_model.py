"""发文 and 收文 lists over the rows DocumentService gives: title, 文种, 文号, 密级, state, time.
A row whose last action waits to be sent says 待发送 in words, a 时限 due today or overdue says
so; urgency and 密级 are columns, so colour is never the only signal."""

from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt

from app.domain.directory import pinyin_initials
from app.domain.documents import incoming as inc
from app.domain.documents.deadlines import BEIJING, DueState, due_state
from app.store.models import DocumentRow, IncomingRow
from ui import time_format
from ui.models.document_status import incoming_statuses, outgoing_statuses, pending_word
from ui.models.list_table_model import Index, ListTableModel
from ui.models.roles import CLASSIFICATION_ROLE, ID_ROLE, KIND_ROLE, SEARCH_ROLE, SORT_ROLE
from ui.text import fill


class OutgoingModel(ListTableModel[DocumentRow]):
    TITLE, KIND, NUMBER, CLASSIFICATION, URGENCY, DRAFTER, STATE, UPDATED = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Title"), self.tr("Kind"), self.tr("Number"), self.tr("Classification"), self.tr("Urgency"),
                         self.tr("Drafted by"), self.tr("State"), self.tr("Updated")]
        self._statuses = outgoing_statuses()

    def row_of(self, doc_id: str) -> int:
        return next((row for row, d in enumerate(self._rows) if d.id == doc_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(doc, column)
        if role == SORT_ROLE:
            return doc.updated_at if column == self.UPDATED else self._text(doc, column)
        return _common_role(role, doc.id, doc.kind, doc.classification, f"{doc.title} {doc.doc_number or ''} {doc.drafter_name}")

    def _text(self, doc: DocumentRow, column: int) -> str:
        values = {
            self.TITLE: doc.title, self.KIND: doc.kind, self.NUMBER: doc.doc_number or "", self.CLASSIFICATION: doc.classification,
            self.URGENCY: doc.urgency or "", self.DRAFTER: doc.drafter_name,
            self.STATE: pending_word() if doc.pending else self._statuses.get(doc.status, doc.status),
            self.UPDATED: time_format.date_time(doc.updated_at),
        }
        return values[column]


class IncomingModel(ListTableModel[IncomingRow]):
    TITLE, SENDER, KIND, NUMBER, CLASSIFICATION, STATE, DUE, DELIVERED = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Title"), self.tr("From"), self.tr("Kind"), self.tr("Number"), self.tr("Classification"),
                         self.tr("State"), self.tr("Deadline"), self.tr("Delivered")]
        self._statuses = incoming_statuses()

    def row_of(self, incoming_id: str) -> int:
        return next((row for row, d in enumerate(self._rows) if d.id == incoming_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(doc, column)
        if role == SORT_ROLE:
            return {self.DELIVERED: doc.delivered_at, self.DUE: doc.due or "~"}.get(column, self._text(doc, column))
        search = f"{doc.title} {doc.doc_number or ''} {doc.register_no or ''} {doc.sender_name}"
        return _common_role(role, doc.id, doc.kind, doc.classification, search)

    def _text(self, doc: IncomingRow, column: int) -> str:
        values = {
            self.TITLE: doc.title, self.SENDER: doc.sender_name, self.KIND: doc.kind,
            self.NUMBER: doc.register_no or doc.doc_number or "", self.CLASSIFICATION: doc.classification,
            self.STATE: pending_word() if doc.pending else self._statuses.get(doc.status, doc.status),
            self.DUE: self._due(doc),
            self.DELIVERED: time_format.date_time(doc.delivered_at),
        }
        return values[column]

    def _due(self, doc: IncomingRow) -> str:
        """The 时限's last day, and in words whether it is due today or overdue."""
        if not doc.due:
            return ""
        due = datetime.fromisoformat(doc.due)
        day = (due - timedelta(microseconds=1)).astimezone(BEIJING).date().isoformat()
        state = due_state(due, datetime.now(BEIJING), finished=doc.status in (inc.CONCLUDED, inc.ARCHIVED, inc.RETURNED))
        if state == DueState.OVERDUE:
            return fill(self.tr("%1 (overdue)"), day)
        if state == DueState.DUE_TODAY:
            return fill(self.tr("%1 (due today)"), day)
        return day


def _common_role(role: int, row_id: str, kind: str, classification: str, search: str):
    if role == ID_ROLE:
        return row_id
    if role == KIND_ROLE:
        return kind
    if role == CLASSIFICATION_ROLE:
        return classification
    if role == SEARCH_ROLE:
        return f"{search} {pinyin_initials(search)}".lower()
    return None
