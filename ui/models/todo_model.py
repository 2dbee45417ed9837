"""待办 table: what waits for the user, with urgency and classification in words."""

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from app.domain.directory import pinyin_initials
from app.services.todo import TodoItem
from ui import time_format
from ui.models.list_table_model import Index, ListTableModel
from ui.models.roles import ID_ROLE, SEARCH_ROLE, SORT_ROLE
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


class TodoModel(ListTableModel[TodoItem]):
    TITLE, SOURCE, SINCE, URGENCY, CLASSIFICATION = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Title"), self.tr("From"), self.tr("Time"), self.tr("Urgency"), self.tr("Classification")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, column)
        if role == SORT_ROLE:
            return item.since if column == self.SINCE else self._text(item, column)
        if role == SEARCH_ROLE:
            return f"{item.title} {item.source} {pinyin_initials(item.title)}".lower()
        if role == ID_ROLE:
            return f"{item.kind}:{item.ref_id}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.URGENCY and item.urgency:
            return URGENT_COLOUR
        return None

    def _text(self, item: TodoItem, column: int) -> str:
        if column == self.TITLE:
            return item.title
        if column == self.SOURCE:
            return source_label(item.kind, item.source)
        if column == self.SINCE:
            return time_format.date_time(item.since)
        if column == self.URGENCY:
            return urgency_label(item.urgency)
        return classification_label(item.classification)
