"""待办 table: what waits for the user, with urgency and classification in words, read a page
at a time."""

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from app.services.todo import TodoItem
from ui import time_format
from ui.models.lazy_table_model import Index, LazyColumn, LazyTableModel
from ui.models.roles import ID_ROLE
from ui.text import fill

URGENT_COLOUR = QColor("#b3261e")


def urgency_label(urgency: str) -> str:
    """紧急程度 in the interface language; "" (平件) stays blank so the urgent ones stand out."""
    labels = {
        "特急": QCoreApplication.translate("Urgency", "Extra urgent"),
        "加急": QCoreApplication.translate("Urgency", "Urgent"),
    }
    return labels.get(urgency, urgency)


def classification_label(classification: str) -> str:
    """密级 in the interface language; "" means 公开."""
    labels = {
        "": QCoreApplication.translate("Classification", "Public"),
        "内部": QCoreApplication.translate("Classification", "Internal"),
        "秘密": QCoreApplication.translate("Classification", "Secret"),
        "机密": QCoreApplication.translate("Classification", "Confidential"),
    }
    return labels.get(classification, classification)


def source_label(kind: str, source: str) -> str:
    """Where one of our 待办 comes from, in words (通知公告 · 王晓燕, 待签 · 陈建国, 催办 · …)."""
    forms = {
        "notice": QCoreApplication.translate("TodoModel", "Notice · %1"),
        "invitation": QCoreApplication.translate("TodoModel", "Meeting · %1"),
        "outgoing": QCoreApplication.translate("TodoModel", "To sign · %1"),
        "incoming": QCoreApplication.translate("TodoModel", "Incoming · %1"),
        "reminder": QCoreApplication.translate("TodoModel", "Reminder · %1"),
    }
    return fill(forms[kind], source) if kind in forms else source


class TodoModel(LazyTableModel[TodoItem]):
    """Read a page at a time as the view scrolls; a header click sorts in SQL (app/services/todo.py)."""

    TITLE, SOURCE, SINCE, URGENCY, CLASSIFICATION = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], None, parent)
        self._columns = [
            LazyColumn(self.tr("Title"), lambda i: i.title, "title"),
            LazyColumn(self.tr("From"), lambda i: source_label(i.kind, i.source), "source"),
            LazyColumn(self.tr("Time"), lambda i: time_format.date_time(i.since), "since"),
            LazyColumn(self.tr("Urgency"), lambda i: urgency_label(i.urgency), "urgency_rank"),
            LazyColumn(self.tr("Classification"), lambda i: classification_label(i.classification), "classification_rank"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.row_item(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:
            return super().data(index)
        if role == ID_ROLE:
            return f"{item.kind}:{item.ref_id}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.URGENCY and item.urgency:
            return URGENT_COLOUR
        return super().data(index, role)
