"""A table over a list too long to load (收文, 发文, 待办, search results at 100,000 rows): rows are
read a page at a time as the view scrolls (canFetchMore/fetchMore); a header click sorts and a
new filter re-queries, both in SQL (app/store/paged_query.py), never in Python."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
PAGE_ROWS = 200  # a few screens: one page fills the view, scrolling reads the next


class PageSource(Protocol[T]):
    """What the model reads from; app.store.paged_query.PagedQuery is one."""

    def page(self, offset: int, limit: int) -> list[T]: ...

    def count(self) -> int: ...

    def sorted_by(self, sort: str, descending: bool) -> "PageSource[T]": ...


@dataclass(frozen=True)
class LazyColumn(Generic[T]):
    header: str  # translated by the view
    value: Callable[[T], Any]
    sort: str | None = None  # the source's sort column, None where the column cannot be sorted


class LazyTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[LazyColumn[T]], source: PageSource[T] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._source = source
        self._rows: list[T] = []
        self._exhausted = True
        if source is not None:
            self.set_source(source)

    def set_source(self, source: PageSource[T]) -> None:
        """Show another list (new filters, a new search, after a sync); the first page is read at once."""
        self.beginResetModel()
        self._source, self._rows = source, source.page(0, PAGE_ROWS)
        self._exhausted = len(self._rows) < PAGE_ROWS
        self.endResetModel()

    def total(self) -> int:
        """How many rows the whole list holds (共 N 条), counted by SQL."""
        return self._source.count() if self._source is not None else 0

    def sort_key(self, column: int) -> str | None:
        """The source's sort column of a view column, None where it cannot be sorted."""
        return self._columns[column].sort if 0 <= column < len(self._columns) else None

    def row_item(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._source is None or self._exhausted:
            return
        page = self._source.page(len(self._rows), PAGE_ROWS)
        self._exhausted = len(page) < PAGE_ROWS
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Column -1 is the view asking for the source's own order: the one it already has.
        if not 0 <= column < len(self._columns) or self._source is None:
            return
        sort = self._columns[column].sort
        if sort is not None:
            self.set_source(self._source.sorted_by(sort, order == Qt.SortOrder.DescendingOrder))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self._columns[index.column()].value(self._rows[index.row()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None
