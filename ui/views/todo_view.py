"""待办: everything waiting for the user, nearest deadline first; a double-click (or Enter) opens it.
The search and a header click query the cache again (SQL), so a long list stays instant."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableView, QVBoxLayout

from app.services.todo import TodoService
from ui.icons import icon
from ui.models.todo_model import TodoModel
from ui.views.page import Page, page_header
from ui.views.tables import setup_table, sortable
from ui.widgets.empty_state import EmptyState
from ui.widgets.search_box import SearchBox


class TodoView(Page):
    open_requested = Signal(str, str)  # kind ("notice", …), id of the item

    def __init__(self, todo: TodoService) -> None:
        super().__init__()
        self._todo = todo
        self._model = TodoModel(self)
        self._query = ""
        self._search = SearchBox(self.tr("Search titles, also by pinyin initials (Ctrl+F)"), self)
        self._search.query_changed.connect(self._on_query)
        self._count = QLabel(self, objectName="Secondary")
        self._table = QTableView(self)
        self._table.setModel(self._model)
        setup_table(self._table, TodoModel.TITLE, {TodoModel.SOURCE: 12, TodoModel.SINCE: 9, TodoModel.URGENCY: 5, TodoModel.CLASSIFICATION: 5})
        sortable(self._table)
        self._table.activated.connect(self._open)
        self._empty = EmptyState(
            icon("todo"),
            self.tr("Nothing is waiting for you"),
            self.tr("New notices appear here as they arrive; documents to sign for, approve or countersign will join them."),
        )
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._table)
        self._stack.addWidget(self._empty)
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("To do"), self._count, self._search))
        layout.addWidget(self._stack, 1)

    @property
    def table(self) -> QTableView:
        return self._table

    def refresh(self) -> None:
        pages = self._todo.pages(self._query)
        header = self._table.horizontalHeader()
        sort = self._model.sort_key(header.sortIndicatorSection())
        if sort is not None:  # a new list keeps the order the user chose
            pages = pages.sorted_by(sort, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        self._model.set_source(pages)
        total = self._model.total()
        self._count.setText(self.tr("%n item(s) waiting", "", total))
        self._stack.setCurrentWidget(self._table if total or self._query else self._empty)

    def focus_search(self) -> None:
        self._search.focus()

    def _on_query(self, query: str) -> None:
        self._query = query
        self.refresh()

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item = self._model.row_item(index.row())
        self.open_requested.emit(item.kind, item.ref_id)
