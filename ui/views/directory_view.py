"""通讯录: units -> departments -> people as a tree, a search by name, pinyin initials or unit
(results in a list), and the selected person's card. Reads only the local cache: works offline."""

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTableView, QTreeView, QVBoxLayout, QWidget

from app.services.directory import SEARCH_LIMIT, DirectoryService
from ui.models.directory_tree_model import DirectoryTreeModel
from ui.models.people_model import PeopleModel
from ui.text import fill
from ui.views.page import Page, page_header
from ui.views.person_panel import PersonPanel
from ui.views.tables import setup_table, setup_tree
from ui.widgets.search_box import SearchBox


class DirectoryView(Page):
    def __init__(self, directory: DirectoryService) -> None:
        super().__init__()
        self._directory = directory
        self.search = SearchBox(self.tr("Name, pinyin initials (e.g. wxy) or unit (Ctrl+F)"), self)
        self.search.query_changed.connect(self._run_search)
        self.tree_model = DirectoryTreeModel(directory, self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        setup_tree(self.tree, DirectoryTreeModel.NAME, {DirectoryTreeModel.TITLE: 6, DirectoryTreeModel.PHONE: 9})
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)
        self.results_model = PeopleModel(self)
        self.results = QTableView(self)
        self.results.setModel(self.results_model)
        setup_table(self.results, PeopleModel.UNIT, {PeopleModel.NAME: 5, PeopleModel.TITLE: 6, PeopleModel.DEPARTMENT: 6})
        self.results.selectionModel().selectionChanged.connect(self._on_result_selection)
        self.results_note = QLabel(self, objectName="Secondary")
        self.person = PersonPanel(self)
        self._left = QStackedWidget(self)
        self._left.addWidget(self.tree)
        self._left.addWidget(self._results_panel())
        splitter = QSplitter(Qt.Orientation.Horizontal, self, childrenCollapsible=False)
        splitter.addWidget(self._left)
        splitter.addWidget(self.person)
        splitter.setSizes([720, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Directory"), self.search))
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        """Re-read after a sync, keeping the branches the user had open."""
        opened = self._opened_ids()
        self.tree_model.reload()
        self._reopen(QModelIndex(), opened)
        if self.search.text():
            self._run_search(self.search.text())

    def focus_search(self) -> None:
        self.search.focus()

    def _run_search(self, query: str) -> None:
        if not query.strip():
            self._left.setCurrentIndex(0)
            return
        found = self._directory.search(query)
        self.results_model.set_rows(found)
        if len(found) >= SEARCH_LIMIT:
            self.results_note.setText(self.tr("Showing the first %n people; type more to narrow the search.", "", len(found)))
        elif found:
            self.results_note.setText(self.tr("%n person(s) found", "", len(found)))
        else:
            self.results_note.setText(fill(self.tr("Nobody matches “%1”. Try the pinyin initials or the unit's name."), query.strip()))
        self._left.setCurrentIndex(1)

    def _on_tree_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.person.show_person(self.tree_model.person(indexes[0]) if indexes else None)

    def _on_result_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self.person.show_person(self.results_model.row_item(indexes[0].row()) if indexes else None)

    def _opened_ids(self) -> set[tuple[str, str]]:
        opened: set[tuple[str, str]] = set()
        for unit_row in range(self.tree_model.rowCount()):
            unit = self.tree_model.index(unit_row, 0)
            if not self.tree.isExpanded(unit):
                continue
            opened.add(self.tree_model.kind_and_id(unit))
            for dept_row in range(self.tree_model.rowCount(unit)):
                dept = self.tree_model.index(dept_row, 0, unit)
                if self.tree.isExpanded(dept):
                    opened.add(self.tree_model.kind_and_id(dept))
        return opened

    def _reopen(self, parent: QModelIndex, opened: set[tuple[str, str]]) -> None:
        for row in range(self.tree_model.rowCount(parent)):
            index = self.tree_model.index(row, 0, parent)
            if self.tree_model.kind_and_id(index) in opened:
                if self.tree_model.canFetchMore(index):
                    self.tree_model.fetchMore(index)  # right after a reset the view would fetch only later
                self.tree.expand(index)
                self._reopen(index, opened)

    def _results_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.results_note)
        layout.addWidget(self.results, 1)
        return panel
