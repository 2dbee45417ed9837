"""待办: everything waiting for the user, oldest deadline first; a double-click (or Enter) opens it."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableView, QVBoxLayout

from app.services.todo import TodoService
from ui.icons import icon
from ui.models.search_proxy import SearchProxy
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
        self._proxy = SearchProxy(self)
        self._proxy.setSourceModel(self._model)
        self._search = SearchBox(self.tr("Search titles, also by pinyin initials (Ctrl+F)"), self)
        self._search.query_changed.connect(self._proxy.set_query)
        self._count = QLabel(self, objectName="Secondary")
        self._table = QTableView(self)
        self._table.setModel(self._proxy)
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
        items = self._todo.items()
        self._model.set_rows(items)
        self._count.setText(self.tr("%n item(s) waiting", "", len(items)))
        self._stack.setCurrentWidget(self._table if items else self._empty)

    def focus_search(self) -> None:
        self._search.focus()

    def _open(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item = self._model.row_item(self._proxy.mapToSource(index).row())
        self.open_requested.emit(item.kind, item.ref_id)
