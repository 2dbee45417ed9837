"""From the login window to the main window: wires the session, the sync runner and the window,
and says once, in words, if the cache file had to be set aside."""

from PySide6.QtCore import QObject

from app.config import ClientConfig
from app.store.cache import CacheOpenReport
from ui.dialogs.message_dialog import MessageDialog
from ui.login.login_window import LoginWindow
from ui.main_window.main_window import MainWindow
from ui.session import ClientSession
from ui.sync_runner import SyncRunner
from ui.text import fill


class ClientController(QObject):
    def __init__(self, config: ClientConfig) -> None:
        super().__init__()
        self.login = LoginWindow(config)
        self.login.signed_in.connect(self.open_main_window)
        self.window: MainWindow | None = None
        self.runner: SyncRunner | None = None

    def start(self) -> None:
        self.login.show()

    def open_main_window(self, session: ClientSession) -> None:
        runner = self.runner = SyncRunner(session)
        self.window = MainWindow(session, runner)
        self.window.closed.connect(session.cache.close)
        self.window.show()
        self.login.close()
        runner.start()
        if session.cache.report.set_aside:
            self.cache_report_dialog(session.cache.report).open()

    def cache_report_dialog(self, report: CacheOpenReport) -> MessageDialog:
        words = fill(
            self.tr(
                "The local data file was damaged and has been kept aside at %1. %n change(s) waiting to be sent were carried over. "
                "The rest will be downloaded again from the server at the next sync.",
                "",
                report.recovered_ops,
            ),
            str(report.set_aside),
        )
        return MessageDialog(self.tr("Local data rebuilt"), words, report.reason, self.window)
