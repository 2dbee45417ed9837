"""The 公文 lists' search box plus their 文种 and 密级 filters (the state filter is the service's)."""

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from ui.models.roles import CLASSIFICATION_ROLE, KIND_ROLE
from ui.models.search_proxy import SearchProxy


class DocumentFilterProxy(SearchProxy):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._classification: str | None = None

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_classification(self, classification: str | None) -> None:
        self.beginFilterChange()
        self._classification = classification
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._kind and index.data(KIND_ROLE) != self._kind:
            return False
        if self._classification and index.data(CLASSIFICATION_ROLE) != self._classification:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
