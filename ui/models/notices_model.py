"""通知公告 list: title, publisher, audience, date and state. Unread rows are bold and say 未读
in words; a notice still waiting to be sent says 待发送 (colour is never the only signal)."""

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QFont

from app.domain.directory import pinyin_initials
from app.domain.notices import AUDIENCE_ALL
from app.services.notices import NoticeSummary
from ui import time_format
from ui.models.list_table_model import Index, ListTableModel
from ui.models.roles import ID_ROLE, SEARCH_ROLE, SORT_ROLE


def audience_label(audience: str, unit_name: str) -> str:
    return QCoreApplication.translate("Audience", "All units") if audience == AUDIENCE_ALL else unit_name


class NoticesModel(ListTableModel[NoticeSummary]):
    TITLE, PUBLISHER, AUDIENCE, DATE, STATE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Title"), self.tr("Published by"), self.tr("Audience"), self.tr("Date"), self.tr("State")]
        self._bold = QFont()
        self._bold.setBold(True)

    def row_of(self, notice_id: str) -> int:
        return next((row for row, n in enumerate(self._rows) if n.id == notice_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        notice, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(notice, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return time_format.date_time(notice.published_at) if column == self.DATE else self._text(notice, column)
        if role == Qt.ItemDataRole.FontRole and not notice.read:
            return self._bold
        if role == SORT_ROLE:
            return notice.published_at if column == self.DATE else self._text(notice, column)
        if role == SEARCH_ROLE:
            return f"{notice.title} {notice.publisher_name} {pinyin_initials(notice.title)} {pinyin_initials(notice.publisher_name)}".lower()
        if role == ID_ROLE:
            return notice.id
        return None

    def _text(self, notice: NoticeSummary, column: int) -> str:
        if column == self.TITLE:
            return notice.title
        if column == self.PUBLISHER:
            return notice.publisher_name
        if column == self.AUDIENCE:
            return audience_label(notice.audience, notice.audience_name)
        if column == self.DATE:
            return time_format.date(notice.published_at)
        return self._state(notice)

    def _state(self, notice: NoticeSummary) -> str:
        if notice.pending:
            return self.tr("Waiting to send")
        return "" if notice.read else self.tr("Unread")
