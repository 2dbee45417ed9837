"""The 门户's 待办 table: ours and the other systems', with where each comes from and its urgency."""

from PySide6.QtCore import QCoreApplication, QObject, Qt

from app.domain.directory import pinyin_initials
from app.services.portal import SYSTEM_KIND, WaitingItem
from ui import time_format
from ui.models.list_table_model import Index, ListTableModel
from ui.models.roles import ID_ROLE, SEARCH_ROLE, SORT_ROLE
from ui.models.todo_model import URGENT_COLOUR, source_label


def urgency_text(urgency: str) -> str:
    labels = {
        "very_urgent": QCoreApplication.translate("Urgency", "Extra urgent"),
        "urgent": QCoreApplication.translate("Urgency", "Urgent"),
    }
    return labels.get(urgency, "")


class PortalTodoModel(ListTableModel[WaitingItem]):
    TITLE, SOURCE, DEADLINE, URGENCY = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Title"), self.tr("From"), self.tr("Deadline"), self.tr("Urgency")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(item, column)
        if role == SORT_ROLE:
            return (item.deadline or 0.0) if column == self.DEADLINE else self._text(item, column)
        if role == SEARCH_ROLE:
            return f"{item.title} {item.source} {pinyin_initials(item.title)}".lower()
        if role == ID_ROLE:
            return f"{item.kind}:{item.ref_id}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.URGENCY and item.urgency != "normal":
            return URGENT_COLOUR
        return None

    def _text(self, item: WaitingItem, column: int) -> str:
        if column == self.TITLE:
            return item.title
        if column == self.SOURCE:
            return self._source(item)
        if column == self.DEADLINE:
            return time_format.date_time(item.deadline) if item.deadline else ""
        return urgency_text(item.urgency)

    def _source(self, item: WaitingItem) -> str:
        return item.source if item.kind == SYSTEM_KIND else source_label(item.kind, item.source)
