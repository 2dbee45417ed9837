"""From the login window to the main window: wires the session, the sync runner and the window,
locks the window while the key is out, and says once, in words, if the cache file had to be set
aside."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from app import paths

from app.config import ClientConfig
from app.domain.bundles import may_relay
from app.identity.keys import find_keys
from app.identity.signer import Signer
from app.services.files import opened_copies
from app.services.session_lock import SessionLock
from app.store.blobs import LocalBlobs
from app.store.cache import CacheOpenReport
from sync.client.bundle_relay import relay_bundle
from sync.client.bundle_setup import isolated_party
from sync.client.bundles import BundleParty
from ui.background import BackgroundCall
from ui.bundle_actions import Relay
from ui.dialogs.message_dialog import MessageDialog
from ui.login.key_watch import KeyWatch
from ui.login.lock_screen import LockScreen
from ui.login.login_window import LoginWindow, token_folder
from ui.login.sign_in import trust_anchors
from ui.main_window.main_window import MainWindow
from ui.session import ClientSession
from ui.sync_runner import SyncRunner
from ui.text import fill


class ClientController(QObject):
    def __init__(self, config: ClientConfig) -> None:
        super().__init__()
        self._config = config
        self.login = LoginWindow(config)
        self.login.signed_in.connect(self.open_main_window)
        self.window: MainWindow | None = None
        self.runner: SyncRunner | None = None
        self.key_watch: KeyWatch | None = None

    def start(self) -> None:
        self.login.show()

    def open_main_window(self, session: ClientSession) -> None:
        runner = self.runner = SyncRunner(session)
        self.window = MainWindow(session, runner, self._bundle_party(session), self._relay(session))
        self.window.closed.connect(lambda: opened_copies(session.cache).clear())  # no decrypted copy outlives the session
        self.window.closed.connect(session.cache.close)
        self.window.show()
        self.login.close()
        runner.start()
        if session.holder is not None and session.signer is not None:
            self._watch_key(session)
        if session.cache.report.set_aside:
            self.cache_report_dialog(session.cache.report).open()

    def _bundle_party(self, session: ClientSession) -> Callable[[], BundleParty] | None:
        """An isolated unit's machine (an exchange point configured) exchanges 交换包 with the
        signed-in key; the set-up is read when the clerk starts one, so it sees the latest CRLs."""
        config, signer = self._config, session.signer
        if not config.exchange_certificate or signer is None:
            return None
        return lambda: isolated_party(
            session.cache, session.user, session.device_id, session.scopes, signer, Path(config.exchange_certificate),
            trust_anchors(config), paths.data_dir() / "bundles", config.bundle_algorithms, config.classification_ceiling,
        )  # fmt: skip

    def _relay(self, session: ClientSession) -> Relay | None:
        """A 交换站管理员 relays isolated units' bundles through the server (docs/bundles.md)."""
        if not may_relay(session.user.roles):
            return None
        carried = LocalBlobs(paths.data_dir() / "bundles" / "relayed", session.cache.blob_key)
        return lambda bundle, answer, progress: relay_bundle(session.transport, carried, bundle, answer, progress)

    def _watch_key(self, session: ClientSession) -> None:
        lock = SessionLock(session.holder, session.signer.certificate)
        folder: Path = token_folder(self._config)
        self.key_watch = KeyWatch(lock, self)
        self.key_watch.locked.connect(lambda: self._lock(session, lock, folder))
        self.key_watch.start()

    def _lock(self, session: ClientSession, lock: SessionLock, folder: Path) -> None:
        screen = LockScreen(lock, lambda: find_keys(folder, self._config.pkcs11_module))
        screen.unlocked.connect(lambda signer: self._unlock(session, signer))
        self.window.lock(screen)
        opened_copies(session.cache).clear()
        self._report(session, "lock")

    def _unlock(self, session: ClientSession, signer: Signer) -> None:
        session.use_signer(signer)
        self.window.unlock()
        self._report(session, "unlock")

    def _report(self, session: ClientSession, event: str) -> None:
        call = BackgroundCall(lambda: session.report(event), self)
        call.succeeded.connect(call.deleteLater)
        call.failed.connect(call.deleteLater)
        call.start()

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
