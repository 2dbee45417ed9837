"""The main window: navigation on the left (opens on the 门户), the page on the right, the sync status
below. F5 syncs now, Ctrl+F searches the current page, Ctrl+N starts something new where it applies,
Ctrl+1…Ctrl+9 and Ctrl+0 jump to the first ten pages. Systems open from the 门户 in the system browser, signed in."""

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from app.services import sync_state
from sync.client.bundles import BundleParty
from sync.client.transport import LoginExpired, ServerRefused, ServerUnreachable
from ui import time_format
from ui.background import BackgroundCall
from ui.bundle_actions import BundleActions, Relay
from ui.dialogs.invitation_dialog import InvitationDialog
from ui.icons import icon
from ui.main_window.navigation import NavigationList, entries
from ui.main_window.status_bar import SyncStatusBar
from ui.session import ClientSession
from ui.sync_runner import SyncOutcome, SyncRunner
from ui.text import fill
from ui.views.admin_view import AdminView
from ui.views.directory_view import DirectoryView
from ui.views.incoming_view import IncomingView
from ui.views.files_view import FilesView
from ui.views.notices_view import NoticesView
from ui.views.outgoing_view import OutgoingView
from ui.views.page import Page
from ui.views.portal_view import PortalView
from ui.views.rooms_view import RoomsView
from ui.views.vehicles_view import VehiclesView
from ui.views.todo_view import TodoView

log = logging.getLogger(__name__)
NAV_WIDTH = 188
STATUS_MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, session: ClientSession, runner: SyncRunner, bundle_party: Callable[[], BundleParty] | None = None, relay: Relay | None = None) -> None:
        """`bundle_party`: this machine exchanges 交换包 (an isolated unit); `relay`: its user
        relays other units' bundles (交换站管理员). Either puts a 交换包 menu up."""
        super().__init__()
        self._session, self._runner = session, runner
        self._online = session.online
        self._error_detail = ""
        self._hidden_content: QWidget | None = None  # the pages while the session is locked
        self.setWindowTitle(fill(self.tr("Xietong — %1"), session.user.name))
        self.setWindowIcon(icon("app"))
        self.resize(1366, 768)
        self.portal = PortalView(session.portal)
        self.todo = TodoView(session.todo)
        self.notices = NoticesView(session.notices, lambda: self._online)
        self.directory = DirectoryView(session.directory)
        self.rooms = RoomsView(session.bookings, session.directory, session.user.unit_id, lambda: self._online, int(time.time()))
        self.vehicles = VehiclesView(session.vehicles, time_format.local(time.time()).date())
        self.incoming = IncomingView(self.tr("Incoming documents"), session.documents, session.directory, session.user, session.blobs)
        self.outgoing = OutgoingView(self.tr("Outgoing documents"), session.documents, session.directory, session.user, lambda: session.signer, session.blobs,
                                     seal=session.seal)
        self.countersign = OutgoingView(self.tr("Waiting for my signature"), session.documents, session.directory, session.user,
                                        lambda: session.signer, session.blobs, waiting_only=True)
        self.files = FilesView(lambda: session.files, session.directory, session.user.unit_id)
        administrator = session.authz.may_administer
        self.pages: dict[str, Page] = {
            "portal": self.portal,
            "todo": self.todo,
            "notices": self.notices,
            "directory": self.directory,
            "rooms": self.rooms,
            "vehicles": self.vehicles,
            "incoming": self.incoming,
            "outgoing": self.outgoing,
            "countersign": self.countersign,
            "files": self.files,
            **({"admin": AdminView(session.authz)} if administrator else {}),
        }
        self.nav = NavigationList(entries(administrator), self)
        self.stack = QStackedWidget(self)
        for key in self.nav.keys:
            self.stack.addWidget(self.pages[key])
            self.pages[key].changed.connect(self._on_local_change)
        self.status = SyncStatusBar(self)
        self.setStatusBar(self.status)
        self.setCentralWidget(self._layout())
        self._connect()
        self._add_shortcuts()
        self.bundles = self._add_bundle_menu(bundle_party, relay)
        self.nav.setCurrentRow(0)
        self.refresh_pages()
        self._show_status()

    def current_page(self) -> Page:
        return self.pages[self.nav.keys[self.nav.currentRow()]]

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self.nav.keys.index(key))

    @property
    def locked(self) -> bool:
        return self._hidden_content is not None

    def lock(self, screen: QWidget) -> None:
        """Hide every page and shortcut behind `screen` (the key was pulled out)."""
        if self.locked:
            return
        self._hidden_content = self.takeCentralWidget()
        self._hidden_content.hide()
        for action in self.actions():
            action.setEnabled(False)
        self.setCentralWidget(screen)
        screen.show()

    def unlock(self) -> None:
        if self._hidden_content is None:
            return
        screen = self.takeCentralWidget()
        screen.hide()
        screen.setParent(None)
        self.setCentralWidget(self._hidden_content)
        self._hidden_content.show()
        self._hidden_content = None
        for action in self.actions():
            action.setEnabled(True)

    def refresh_pages(self) -> None:
        for page in self.pages.values():
            page.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._runner.stop()
        super().closeEvent(event)
        self.closed.emit()

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.todo.open_requested.connect(self._open_item)
        self.portal.open_requested.connect(self._open_item)
        self.portal.open_address.connect(self.open_system)
        self.status.sync_requested.connect(self._runner.sync_now)
        self._runner.started.connect(self.status.sync_started)
        self._runner.progress.connect(self.status.show_progress)
        self._runner.finished.connect(self._on_synced)

    def _add_shortcuts(self) -> None:
        bindings = [
            (QKeySequence(Qt.Key.Key_F5), self._runner.sync_now),
            (QKeySequence.StandardKey.Find, lambda: self.current_page().focus_search()),
            (QKeySequence.StandardKey.New, lambda: self.current_page().create_new()),
        ]
        bindings += [(QKeySequence(f"Ctrl+{(row + 1) % 10}"), lambda _checked=False, row=row: self.nav.setCurrentRow(row)) for row in range(min(self.nav.count(), 10))]
        for keys, slot in bindings:
            action = QAction(self, shortcut=keys)
            action.triggered.connect(slot)
            self.addAction(action)

    def _add_bundle_menu(self, party: Callable[[], BundleParty] | None, relay: Relay | None) -> BundleActions | None:
        if party is None and relay is None:
            return None
        bundles = BundleActions(self, party, relay)
        menu = self.menuBar().addMenu(self.tr("Exchange bundles"))
        for action in bundles.actions:
            menu.addAction(action)
        bundles.imported.connect(self.refresh_pages)
        bundles.imported.connect(self._show_status)
        return bundles

    def _open_item(self, kind: str, ref_id: str) -> None:
        if kind == "notice":
            self.show_page("notices")
            self.notices.open_notice(ref_id)
        elif kind == "invitation":
            self.open_invitation(ref_id)
        elif kind == "outgoing":
            self.show_page("outgoing")
            self.outgoing.open_document(ref_id)
        elif kind in ("incoming", "reminder"):
            self.show_page("incoming")
            self.incoming.open_document(ref_id)
        elif kind == "file":
            self.show_page("files")
            self.files.open_file(ref_id)

    def open_system(self, address: str) -> None:
        """In the system browser, signed in through our 单点登录 while this session is unlocked;
        the login ticket is asked off the UI thread. Offline (or refused) the address opens plain,
        and the system asks for its own login."""
        if self.locked:
            return
        call = BackgroundCall(lambda: self._session.signed_in_url(address), self)
        call.succeeded.connect(lambda url: self._browse(call, url))
        call.failed.connect(lambda exc: self._browse(call, address, self._without_sso(exc)))
        call.start()

    def _without_sso(self, exc: Exception) -> str:
        if isinstance(exc, ServerRefused):
            return fill(self.tr("Opened without single sign-on: %1"), exc.message)
        if not isinstance(exc, (ServerUnreachable, LoginExpired)):
            log.warning("single sign-on ticket failed", exc_info=exc)
        return self.tr("Opened without single sign-on: the server cannot be reached.")

    def _browse(self, call: BackgroundCall, url: str, note: str = "") -> None:
        call.deleteLater()
        if note:
            self.status.showMessage(note, STATUS_MESSAGE_MS)
        QDesktopServices.openUrl(QUrl(url))

    def open_invitation(self, booking_id: str) -> InvitationDialog | None:
        found = [i for i in self._session.bookings.invitations() if i.booking_id == booking_id]
        if not found:
            return None
        dialog = InvitationDialog(self._session.bookings, found[0], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.answered.connect(self._on_local_change)
        dialog.open()
        return dialog

    def _on_local_change(self) -> None:
        self.refresh_pages()
        self._show_status()
        self._runner.sync_soon()

    def _on_synced(self, outcome: SyncOutcome) -> None:
        self._online = outcome.online
        self._error_detail = outcome.detail
        self.status.sync_finished()
        if outcome.changed:
            self.refresh_pages()
        self._show_status()

    def _show_status(self) -> None:
        self.status.show_state(sync_state.read(self._session.cache), self._online, self._error_detail)

    def _layout(self) -> QWidget:
        panel = QWidget(self, objectName="NavPanel")
        panel.setFixedWidth(NAV_WIDTH)
        user = self._session.user
        name = QLabel(user.name, panel, objectName="NavUser")
        unit = QLabel(user.unit_name, panel, objectName="Secondary", wordWrap=True)
        side = QVBoxLayout(panel)
        side.setContentsMargins(8, 14, 0, 8)
        side.addWidget(name)
        side.addWidget(unit)
        side.addSpacing(10)
        side.addWidget(self.nav, 1)
        for label in (name, unit):
            label.setContentsMargins(10, 0, 8, 0)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(panel)
        row.addWidget(self.stack, 1)
        return central
