"""Sorting and searching over a table model: sorts by SORT_ROLE, keeps the rows whose
SEARCH_ROLE text contains the query (Chinese text or pinyin initials)."""

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from app.domain.directory import normalise_query
from ui.models.roles import SEARCH_ROLE, SORT_ROLE


class SearchProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_query(self, query: str) -> None:
        self.setFilterFixedString(normalise_query(query))
