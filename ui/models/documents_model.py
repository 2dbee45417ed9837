"""发文 and 收文 lists over the pages DocumentService gives (read as the view scrolls, sorted by
SQL on a header click): title, 文种, 文号, 密级, state, time.
A row whose last action waits to be sent says 待发送 in words, a 时限 due today or overdue says
so; urgency and 密级 are columns, so colour is never the only signal."""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from app.domain.documents import incoming as inc
from app.domain.documents.deadlines import BEIJING, DueState, due_state
from app.services.document_pages import ListedRow
from app.store.models import DocumentRow, IncomingRow
from ui import time_format
from ui.models.document_status import incoming_statuses, outgoing_statuses, pending_word
from ui.models.lazy_table_model import Index, LazyColumn, LazyTableModel
from ui.models.roles import ID_ROLE
from ui.models.search_marks import hit_html
from ui.text import fill


class _DocumentsModel(LazyTableModel[ListedRow]):
    """What both lists share: the id for selection, and for a search hit its title and snippet
    with the found words in bold as the title's tooltip."""

    TITLE = 0

    def row_of(self, row_id: str) -> int:
        return next((row for row in range(self.rowCount()) if self.row_item(row).row.id == row_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.row_item(index.row())
        if role == ID_ROLE:
            return item.row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit_html(item.hit.title, item.hit.snippet) if item.hit is not None and index.column() == self.TITLE else super().data(index)
        if role == Qt.ItemDataRole.FontRole and item.hit is not None and item.hit.title.spans and index.column() == self.TITLE:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class OutgoingModel(_DocumentsModel):
    TITLE, KIND, NUMBER, CLASSIFICATION, URGENCY, DRAFTER, STATE, UPDATED = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], None, parent)
        statuses = outgoing_statuses()

        def state(doc: DocumentRow) -> str:
            return pending_word() if doc.pending else statuses.get(doc.status, doc.status)

        self._columns = [
            _column(self.tr("Title"), lambda d: d.title, "title"), _column(self.tr("Kind"), lambda d: d.kind, "doc_type"),
            _column(self.tr("Number"), lambda d: d.doc_number or "", "number"), _column(self.tr("Classification"), lambda d: d.classification, "secrecy"),
            _column(self.tr("Urgency"), lambda d: d.urgency or "", "urgency"), _column(self.tr("Drafted by"), lambda d: d.drafter_name, "drafter"),
            _column(self.tr("State"), state, "status"), _column(self.tr("Updated"), lambda d: time_format.date_time(d.updated_at), "updated"),
        ]


class IncomingModel(_DocumentsModel):
    TITLE, SENDER, KIND, NUMBER, CLASSIFICATION, STATE, DUE, DELIVERED = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], None, parent)
        statuses = incoming_statuses()

        def state(doc: IncomingRow) -> str:
            return pending_word() if doc.pending else statuses.get(doc.status, doc.status)

        self._columns = [
            _column(self.tr("Title"), lambda d: d.title, "title"), _column(self.tr("From"), lambda d: d.sender_name, "unit"),
            _column(self.tr("Kind"), lambda d: d.kind, "doc_type"), _column(self.tr("Number"), lambda d: d.register_no or d.doc_number or "", "number"),
            _column(self.tr("Classification"), lambda d: d.classification, "secrecy"), _column(self.tr("State"), state, "status"),
            _column(self.tr("Deadline"), self._due, "due"), _column(self.tr("Delivered"), lambda d: time_format.date_time(d.delivered_at), "date"),
        ]

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


def _column(header: str, value: Callable[[Any], str], sort: str | None = None) -> LazyColumn[ListedRow]:
    return LazyColumn(header, lambda item: value(item.row), sort)
