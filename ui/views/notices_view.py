"""通知公告: the list on the left, the selected notice on the right. Selecting an unread notice
marks it read, which sends the read receipt (已读回执) at the next sync. The publisher edits a
notice from the right side; an edit that lost against a change made meanwhile is told of above
the list, with its conflict copy one click away."""

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import QPushButton, QSplitter, QTableView, QVBoxLayout

from app.services.notices import ConflictCopy, NoticeService
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.edit_notice_dialog import EditNoticeDialog
from ui.dialogs.publish_notice_dialog import PublishNoticeDialog
from ui.models.notices_model import NoticesModel
from ui.models.roles import ID_ROLE
from ui.models.search_proxy import SearchProxy
from ui.views.conflict_banner import ConflictBanner
from ui.views.notice_panel import NoticePanel
from ui.views.page import Page, page_header
from ui.views.tables import setup_table, sortable
from ui.widgets.search_box import SearchBox


class NoticesView(Page):
    def __init__(self, notices: NoticeService, is_online: Callable[[], bool]) -> None:
        super().__init__()
        self._notices = notices
        self._is_online = is_online
        self.model = NoticesModel(self)
        self._proxy = SearchProxy(self)
        self._proxy.setSourceModel(self.model)
        self._search = SearchBox(self.tr("Search notices, also by pinyin initials (Ctrl+F)"), self)
        self._search.query_changed.connect(self._proxy.set_query)
        self.publish_button = QPushButton(self.tr("Publish a notice (Ctrl+N)"), self, objectName="Primary")
        self.publish_button.clicked.connect(self.create_new)
        self.table = QTableView(self)
        self.table.setModel(self._proxy)
        setup_table(self.table, NoticesModel.TITLE, {NoticesModel.PUBLISHER: 4, NoticesModel.AUDIENCE: 7, NoticesModel.DATE: 6, NoticesModel.STATE: 3})
        sortable(self.table)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.panel = NoticePanel(self)
        self.panel.edit_requested.connect(self.edit)
        self.conflicts = ConflictBanner(self)
        self.conflicts.open_requested.connect(self.open_conflict)
        self.conflicts.dismiss_requested.connect(self._dismiss_conflict)
        splitter = QSplitter(Qt.Orientation.Horizontal, self, childrenCollapsible=False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setSizes([640, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Notices"), self._search, self.publish_button))
        layout.addWidget(self.conflicts)
        layout.addWidget(splitter, 1)
        self._shown = ""

    def refresh(self) -> None:
        self.model.set_rows(self._notices.notices())
        self.conflicts.show_copies(self._notices.conflicts_to_show())
        if self._shown and self.model.row_of(self._shown) >= 0:
            self.open_notice(self._shown)  # read again: its readers may have changed
        else:
            self._show("")

    def open_notice(self, notice_id: str) -> None:
        """Select and show one notice (from 待办, after publishing it, after a sync)."""
        row = self.model.row_of(notice_id)
        if row < 0:
            return
        if not self._proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self._search.clear()  # the search hid it, but the user asked for this notice
            self._proxy.set_query("")
        proxy_row = self._proxy.mapFromSource(self.model.index(row, 0)).row()
        if not self.table.selectionModel().isRowSelected(proxy_row):
            self.table.selectRow(proxy_row)  # (only when needed: selecting scrolls the list to it)
        self._show(notice_id)

    def focus_search(self) -> None:
        self._search.focus()

    def create_new(self) -> bool:
        dialog = PublishNoticeDialog(self._notices, self._is_online(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.published.connect(self._on_published)
        dialog.open()
        return True

    def edit(self, notice_id: str) -> None:
        detail = self._notices.detail(notice_id)
        if detail is None or not detail.summary.mine:
            return
        dialog = EditNoticeDialog(self._notices, detail, self._is_online(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.published.connect(self._on_published)
        dialog.open()

    def open_conflict(self, copy: ConflictCopy) -> None:
        """The conflict copy beside the notice's current text."""
        dialog = ConflictDialog(self._notices, copy, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.resolved.connect(self._on_published)
        dialog.open()

    def _dismiss_conflict(self, copy_id: str) -> None:
        self._notices.dismiss_conflict(copy_id)
        self.refresh()

    def _on_published(self, notice_id: str) -> None:
        self._shown = notice_id
        self.refresh()
        self.changed.emit()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes and indexes[0].data(ID_ROLE) != self._shown:
            self._show(indexes[0].data(ID_ROLE))

    def _show(self, notice_id: str) -> None:
        detail = self._notices.detail(notice_id) if notice_id else None
        self._shown = notice_id if detail else ""
        if detail is None:
            self.panel.clear()
            return
        readers = self._notices.readers(notice_id) if detail.summary.mine else None
        self.panel.show_notice(detail, readers)
        if not detail.summary.read:
            # After the selection settles: marking read re-reads the list, which must not happen
            # inside the selection change that caused it.
            QTimer.singleShot(0, lambda: self._mark_read(notice_id))

    def _mark_read(self, notice_id: str) -> None:
        self._notices.mark_read(notice_id)
        self.refresh()
        self.changed.emit()
