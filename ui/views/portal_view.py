"""门户: the first page. On the left the user's 待办 from every system (double-click or Enter
opens it: ours here, another system's in the browser), and above them, while words are typed in
the search of 公文 and files, what it found (the words in bold in a hit's tooltip); on the right
the launcher of the unit's intranet systems, recent notices, and today's meetings and cars."""

import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QListWidgetItem, QTableView, QVBoxLayout, QWidget

from app.services.portal import SYSTEM_KIND, Found, PortalService
from ui import time_format
from ui.icons import system_icon
from ui.models.portal_todo_model import PortalTodoModel
from ui.models.roles import ID_ROLE
from ui.models.search_marks import hit_html
from ui.models.search_proxy import SearchProxy
from ui.text import fill
from ui.views.page import Page, page_header
from ui.views.tables import setup_table, sortable
from ui.widgets.search_box import SearchBox

TILE_ICON = QSize(40, 40)
TILE_GRID = QSize(132, 92)
SIDE_WIDTH = 420


class PortalView(Page):
    open_requested = Signal(str, str)  # one of our 待办: kind, id
    open_address = Signal(str)  # a system's address, to open signed in (单点登录)

    def __init__(self, portal: PortalService, clock: Callable[[], float] = time.time) -> None:
        super().__init__()
        self._portal, self._clock = portal, clock
        self._model = PortalTodoModel(self)
        self._proxy = SearchProxy(self)
        self._proxy.setSourceModel(self._model)
        self._search = SearchBox(self.tr("Search to do, also by pinyin initials (Ctrl+F)"), self)
        self._search.query_changed.connect(self._proxy.set_query)
        self._count = QLabel(self, objectName="Secondary")
        self.table = QTableView(self)
        self.table.setModel(self._proxy)
        setup_table(self.table, PortalTodoModel.TITLE, {PortalTodoModel.SOURCE: 12, PortalTodoModel.DEADLINE: 9, PortalTodoModel.URGENCY: 5})
        sortable(self.table)
        self.table.activated.connect(self._open_todo)
        self.launcher = QListWidget(self, viewMode=QListView.ViewMode.IconMode, movement=QListView.Movement.Static, resizeMode=QListView.ResizeMode.Adjust)
        self.launcher.setIconSize(TILE_ICON)
        self.launcher.setGridSize(TILE_GRID)
        self.launcher.setWordWrap(True)
        self.launcher.itemActivated.connect(lambda item: self.open_address.emit(item.data(ID_ROLE)))
        self.notices = QListWidget(self)
        self.notices.itemActivated.connect(lambda item: self.open_requested.emit("notice", item.data(ID_ROLE)))
        self.today = QListWidget(self)
        self.finder = QLineEdit(self, placeholderText=self.tr("Search documents and files"), clearButtonEnabled=True)
        self.finder.textChanged.connect(lambda *_: self._fill_found())
        self.found = QListWidget(self)
        self.found.itemActivated.connect(lambda item: self.open_requested.emit(*item.data(ID_ROLE)))
        self.found_box = QGroupBox(self.tr("Documents and files found"), self, visible=False)
        QVBoxLayout(self.found_box).addWidget(self.found)
        layout = QVBoxLayout(self)
        layout.addLayout(page_header(self.tr("Portal"), self._count, self.finder, self._search))
        left = QVBoxLayout()
        left.addWidget(self.found_box, 1)
        left.addWidget(self.table, 2)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(self._side())
        layout.addLayout(row, 1)

    def refresh(self) -> None:
        items = self._portal.todos()
        self._model.set_rows(items)
        self._count.setText(self.tr("%n item(s) waiting", "", len(items)))
        self._fill_launcher()
        self._fill_notices()
        self._fill_today()
        self._fill_found()  # what a sync brought or took away

    def focus_search(self) -> None:
        self._search.focus()

    def _side(self) -> QWidget:
        side = QWidget(self)
        side.setFixedWidth(SIDE_WIDTH)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        for title, widget, stretch in ((self.tr("Systems"), self.launcher, 2), (self.tr("Recent notices"), self.notices, 1), (self.tr("Today"), self.today, 1)):
            box = QGroupBox(title, side)
            QVBoxLayout(box).addWidget(widget)
            column.addWidget(box, stretch)
        return side

    def _fill_launcher(self) -> None:
        self.launcher.clear()
        for tile in self._portal.systems():
            item = QListWidgetItem(system_icon(tile.icon), tile.name, self.launcher)
            item.setToolTip(tile.address)
            item.setData(ID_ROLE, tile.address)
        if not self.launcher.count():
            QListWidgetItem(self.tr("No systems are open to you yet"), self.launcher).setFlags(Qt.ItemFlag.NoItemFlags)

    def _fill_notices(self) -> None:
        self.notices.clear()
        for n in self._portal.recent_notices():
            text = fill(self.tr("%1  %2"), time_format.date(n.published_at), n.title)
            item = QListWidgetItem(text, self.notices)
            item.setData(ID_ROLE, n.id)

    def _fill_today(self) -> None:
        self.today.clear()
        now = self._clock()
        for m in self._portal.meetings_today(now):
            QListWidgetItem(fill(self.tr("Meeting %1–%2  %3 (%4)"), time_format.local(m.start).toString("HH:mm"), time_format.local(m.end).toString("HH:mm"), m.title, m.place), self.today)
        for t in self._portal.trips_today(now):
            car = t.plate or self.tr("car not yet assigned")
            QListWidgetItem(fill(self.tr("Car %1  %2 → %3 (%4)"), time_format.local(t.start).toString("HH:mm"), t.origin, t.destination, car), self.today)
        if not self.today.count():
            QListWidgetItem(self.tr("No meetings or cars today"), self.today).setFlags(Qt.ItemFlag.NoItemFlags)

    def _fill_found(self) -> None:
        self.found.clear()
        searching = bool(self.finder.text().split())
        self.found_box.setVisible(searching)
        for hit in self._portal.search(self.finder.text()):
            self.found.addItem(self._found_item(hit))
        if searching and not self.found.count():
            QListWidgetItem(self.tr("Nothing found"), self.found).setFlags(Qt.ItemFlag.NoItemFlags)

    def _found_item(self, hit: Found) -> QListWidgetItem:
        item = QListWidgetItem(fill(self.tr("[%1] %2 — %3"), hit.label, hit.title.text, hit.snippet.text))
        item.setData(ID_ROLE, (hit.kind, hit.ref_id))
        item.setToolTip(hit_html(hit.title, hit.snippet))
        if hit.title.spans:
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        return item

    def _open_todo(self, index: QModelIndex | QPersistentModelIndex) -> None:
        item = self._model.row_item(self._proxy.mapToSource(index).row())
        if item.kind == SYSTEM_KIND:
            self.open_address.emit(item.link)
        else:
            self.open_requested.emit(item.kind, item.ref_id)
