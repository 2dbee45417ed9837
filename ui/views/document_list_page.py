"""What 发文, 会签 and 收文 share: filters (文种, 密级, state) and full-text search above the list
(done in SQL; the list is read a page at a time as it scrolls), the selected document on the
right with the buttons of what the user may do now. An action asks
what it needs in a dialog, goes through the service (locally at once, queued for the server),
and a refusal is said in words above the list, as the other pages say theirs."""

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from app.domain.documents.metadata import CLASSIFICATIONS, KINDS
from app.domain.errors import RuleViolation
from app.services.directory import DirectoryService
from app.services.document_pages import RowPages
from app.store.document_search import DocumentFilters
from ui.dialogs.document_action_dialog import DocumentActionDialog
from ui.models.documents_model import IncomingModel, OutgoingModel
from ui.models.roles import ID_ROLE
from ui.views.document_actions import Action
from ui.views.document_panel import DocumentPanel
from ui.views.page import Page, page_header
from ui.views.tables import setup_table, sortable
from ui.widgets.search_box import SearchBox


class DocumentListPage(Page):
    def __init__(self, title: str, model: OutgoingModel | IncomingModel, statuses: dict[str, str], directory: DirectoryService, unit_id: str,
                 picture: str) -> None:
        super().__init__()
        self._directory, self._unit_id = directory, unit_id
        self.model = model
        self._query = ""
        self.kind = self._filter(self.tr("All kinds"), {kind: kind for kind in KINDS})
        self.classification = self._filter(self.tr("All classifications"), {c: c for c in CLASSIFICATIONS})
        self.status = self._filter(self.tr("All states"), statuses)
        self._search = SearchBox(self.tr("Search titles, numbers, opinions and text (Ctrl+F)"), self)
        self._search.query_changed.connect(self._on_query)
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        sortable(self.table)
        self.panel = DocumentPanel(picture, self)
        self.panel.action_requested.connect(self.run_action)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self, childrenCollapsible=False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setSizes([620, 560])
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(page_header(title, *self._header_widgets()))
        self._layout.addWidget(self.error)
        self._layout.addWidget(splitter, 1)
        self.shown = ""

    def refresh(self) -> None:
        filters = DocumentFilters(doc_type=self.kind.currentData(), secrecy=self.classification.currentData(), status=self.status.currentData())
        pages = self.load(filters, self._query)
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        sort = self.model.sort_key(column)
        if sort is not None:  # a new list keeps the order the user chose
            pages = pages.sorted_by(sort, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        self.model.set_source(pages)
        if self.shown and self.model.row_of(self.shown) >= 0:
            self.show_document(self.shown)
        else:
            self.shown = ""
            self.panel.clear()

    def open_document(self, row_id: str) -> None:
        """Select and show one document (from 待办, after drafting it); one not in the pages read
        so far, or filtered out, is shown all the same."""
        row = self.model.row_of(row_id)
        if row >= 0 and not self.table.selectionModel().isRowSelected(row):
            self.table.selectRow(row)
        try:
            self.show_document(row_id)
        except RuleViolation as missing:  # e.g. a 催办 about a 收文 not (yet) in this cache
            self.error.setText(missing.message)
            self.error.show()

    def focus_search(self) -> None:
        self._search.focus()

    def run_action(self, action: Action) -> None:
        if not action.fields:
            self.perform(action, {})
            return
        dialog = DocumentActionDialog(action, self._directory, self._unit_id, self.choices(action), self.text_to_edit(action), self,
                                      submit=lambda args: self._carry_out(action, args))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def perform(self, action: Action, args: dict) -> None:
        try:
            self._carry_out(action, args)
        except RuleViolation as violation:
            self.error.setText(violation.message)
            self.error.show()

    def _carry_out(self, action: Action, args: dict) -> None:
        self.act(action.key, args)
        self.error.hide()
        self.refresh()
        self.changed.emit()

    # What each list says for itself.

    def load(self, filters: DocumentFilters, text: str) -> RowPages:
        raise NotImplementedError

    def show_document(self, row_id: str) -> None:
        raise NotImplementedError

    def act(self, key: str, args: dict) -> None:
        raise NotImplementedError

    def choices(self, action: Action) -> list[tuple[str, str]]:
        """The (id, label) choices an action's dialog offers (steps to send back to, people to remind)."""
        return []

    def text_to_edit(self, action: Action) -> str:
        """The body an action's dialog starts from (修改正文); empty for the others."""
        return ""

    def _header_widgets(self) -> list[QWidget]:
        return [self.kind, self.classification, self.status, self._search]

    def names(self, user_ids: set[str]) -> dict[str, str]:
        found = {user: self._directory.person(user) for user in user_ids}
        return {user: person.name for user, person in found.items() if person is not None}

    def set_columns(self, stretch: int, widths: dict[int, int]) -> None:
        setup_table(self.table, stretch, widths)

    def _filter(self, everything: str, choices: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for value, label in choices.items():
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _index: self.refresh())
        return combo

    def _on_query(self, query: str) -> None:
        self._query = query
        self.refresh()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes and indexes[0].data(ID_ROLE) != self.shown:
            self.error.hide()  # a refusal was about the document shown before
            self.show_document(indexes[0].data(ID_ROLE))
