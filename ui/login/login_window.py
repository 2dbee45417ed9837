"""登录: choose one's key (a USB key or a certificate file), type its PIN, press Enter. Signing in
runs off the UI thread; what goes wrong is said in words under the PIN, with details behind a
fold, and the window stays open. The PIN is tried once per press, never again by itself."""

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import config as app_config
from app import paths
from app.config import ClientConfig
from app.identity.keys import find_keys
from app.identity.signer import KeyHolder, KeyRemoved, PinLocked, TokenUnreadable, WrongPin
from app.services.offline_login import OfflineRefused
from app.store.cache_key import CacheLocked, system_keyring
from sync.client.transport import ServerRefused
from ui.background import BackgroundCall
from ui.icons import icon
from ui.login.sign_in import FirstLoginNeedsServer, sign_in
from ui.session import ClientSession
from ui.text import fill
from ui.widgets.details_fold import DetailsFold
from ui.widgets.pin_guard import PinGuard

log = logging.getLogger(__name__)
CARD_WIDTH = 440
LOGO_SIZE = QSize(44, 44)
VISIBLE_TOKENS = 6  # more keys than this on one PC scroll


def token_folder(config: ClientConfig) -> Path:
    """Where certificate files are looked for: the configured folder, else the user's data folder."""
    return Path(config.token_dir) if config.token_dir else paths.data_dir() / "tokens"


class LoginWindow(QWidget):
    signed_in = Signal(object)  # ClientSession

    def __init__(self, config: ClientConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="LoginWindow")
        self.setWindowTitle(self.tr("Xietong — sign in"))
        self.setWindowIcon(icon("app"))
        self.resize(560, 660)
        self._config = config
        self._folder = token_folder(config)
        self._tokens: list[KeyHolder] = find_keys(self._folder, config.pkcs11_module)
        self._call: BackgroundCall | None = None
        self.tokens = QListWidget(self)
        for token in self._tokens:
            QListWidgetItem(token.label, self.tokens)
        self.pin_guard = PinGuard(self)
        self.tokens.currentRowChanged.connect(self._show_tries)
        self.tokens.setCurrentRow(0)
        self.tokens.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.pin = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password, maxLength=64, placeholderText=self.tr("PIN of the key"))
        self.pin.returnPressed.connect(self.attempt)
        self.login_button = QPushButton(self.tr("Sign in"), self, objectName="Primary")
        self.login_button.clicked.connect(self.attempt)
        self.error = QLabel(self, objectName="ErrorText", wordWrap=True, visible=False)
        self.details = DetailsFold(self)
        self.busy = QLabel(self.tr("Signing in…"), self, objectName="Secondary", visible=False)
        self.server = QLabel(self, objectName="Secondary")
        # Said before sign-in, so the user knows what guards the data on this computer.
        self.no_keyring = QLabel(
            self.tr("This computer has no system keyring: the local data is protected by the PIN of your key."),
            self, objectName="Secondary", wordWrap=True, visible=system_keyring() is None,
        )
        self._show_server()
        self._build()
        self.pin.setFocus()

    def attempt(self) -> None:
        """Sign in with the chosen key and the typed PIN (the 登录 button and Enter)."""
        token = self._chosen()
        if token is None:
            self._say(self.tr("Choose your key in the list first."), "")
            return
        if not self.pin.text():
            self._say(self.tr("Type the PIN of your key."), "")
            self.pin.setFocus()
            return
        if refusal := self.pin_guard.refusal():
            self._say(refusal, "")
            return
        self._set_busy(True)
        pin, config = self.pin.text(), self._config
        self._call = BackgroundCall(lambda: sign_in(token, pin, config), self)
        self._call.succeeded.connect(self._on_signed_in)
        self._call.failed.connect(self._on_failed)
        self._call.start()

    def choose_token(self, holder_name: str) -> None:
        """Select the key of the person called `holder_name` (when it is there)."""
        names = [token.display_name for token in self._tokens]
        if holder_name in names:
            self.tokens.setCurrentRow(names.index(holder_name))

    @property
    def working(self) -> bool:
        return self._call is not None

    def _chosen(self) -> KeyHolder | None:
        row = self.tokens.currentRow()
        return self._tokens[row] if 0 <= row < len(self._tokens) else None

    def _on_signed_in(self, session: ClientSession) -> None:
        self._set_busy(False)
        self.pin.clear()
        self.signed_in.emit(session)

    def _on_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPin):
            self._show_tries(self.tokens.currentRow())
            self._say(self.tr("The PIN is not right. Type it again."), "")
            self.pin.clear()
            self.pin.setFocus()
            return
        expected = isinstance(exc, (FirstLoginNeedsServer, ServerRefused, TokenUnreadable, PinLocked, KeyRemoved, OfflineRefused, CacheLocked))
        log.warning("sign-in failed: %s: %s", type(exc).__name__, exc, exc_info=None if expected else exc)
        self._say(self._words_for(exc), f"{type(exc).__name__}: {exc}")

    def _words_for(self, exc: Exception) -> str:
        if isinstance(exc, FirstLoginNeedsServer):
            return fill(
                self.tr("The first sign-in on this computer needs the exchange server (%1), which cannot be reached now. Check the network or the server address, then try again."),
                self._config.server_url,
            )
        if isinstance(exc, PinLocked):
            return self.tr("This key is locked after too many wrong PINs. The IT department can unlock it.")
        if isinstance(exc, KeyRemoved):
            return self.tr("The key was pulled out. Insert it again and sign in.")
        if isinstance(exc, OfflineRefused):
            return fill(self.tr("The server cannot be reached and signing in offline is not possible: %1"), exc.message)
        if isinstance(exc, ServerRefused):
            return fill(self.tr("The server refused the sign-in: %1"), exc.message or exc.code)
        if isinstance(exc, CacheLocked):
            return self.tr("The data on this computer is encrypted and its key is not here. Sign in once with the exchange server reachable to restore the key.")
        if isinstance(exc, TokenUnreadable):
            return self.tr("This key cannot be read. Ask the IT department for a new one.")
        return self.tr("Signing in failed unexpectedly. The details below and in the log help the IT department.")

    def _say(self, words: str, details: str) -> None:
        self.error.setText(words)
        self.error.setVisible(bool(words))
        self.details.set_details(details)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self._say("", "")
        elif self._call is not None:
            self._call.deleteLater()
            self._call = None
        self.busy.setVisible(busy)
        for widget in (self.login_button, self.pin, self.tokens):
            widget.setEnabled(not busy)

    def _change_server(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Exchange server"), self.tr("Address of the exchange server:"), text=self._config.server_url)
        url = url.strip().rstrip("/")
        if not ok or not url or url == self._config.server_url:
            return
        if not url.startswith("https://"):
            self._say(self.tr("A server address starts with https://."), "")
            return
        self._config = dataclasses.replace(self._config, server_url=url)
        app_config.save_user_setting("server_url", url)
        self._show_server()

    def _show_server(self) -> None:
        self.server.setText(fill(self.tr("Server: %1"), self._config.server_url))

    def _show_tries(self, row: int) -> None:
        self.pin_guard.show_tries(self._tokens[row].tries_left() if 0 <= row < len(self._tokens) else None)

    def _build(self) -> None:
        card = QWidget(self, objectName="Card")
        card.setFixedWidth(CARD_WIDTH)
        logo = QLabel(card)
        logo.setPixmap(icon("app").pixmap(LOGO_SIZE, self.devicePixelRatioF()))
        title_row = QHBoxLayout()
        title_row.addWidget(logo)
        title_row.addWidget(QLabel(self.tr("Xietong"), card, objectName="AppName"), 1)
        key_label = QLabel(self.tr("&Key"), card, buddy=self.tokens)
        pin_label = QLabel(self.tr("&PIN"), card, buddy=self.pin)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(8)
        layout.addLayout(title_row)
        layout.addWidget(QLabel(self.tr("Sign in with your key and its PIN."), card, objectName="Secondary"))
        layout.addSpacing(8)
        layout.addWidget(key_label)
        layout.addWidget(self._tokens_or_hint(card))
        layout.addWidget(pin_label)
        layout.addWidget(self.pin)
        layout.addWidget(self.pin_guard)
        layout.addWidget(self.no_keyring)
        layout.addWidget(self.error)
        layout.addWidget(self.details)
        layout.addWidget(self.busy)
        layout.addSpacing(6)
        layout.addWidget(self.login_button)
        change = QPushButton(self.tr("Change…"), self, objectName="Link")
        change.clicked.connect(self._change_server)
        server_row = QHBoxLayout()
        server_row.addStretch(1)
        server_row.addWidget(self.server)
        server_row.addWidget(change)
        server_row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addSpacing(10)
        outer.addLayout(server_row)
        outer.addStretch(1)

    def _tokens_or_hint(self, card: QWidget) -> QWidget:
        if self._tokens:
            rows = min(len(self._tokens), VISIBLE_TOKENS)
            self.tokens.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)  # per item, Qt wants a spare row
            self.tokens.setFixedHeight(self.tokens.sizeHintForRow(0) * rows + 2 * self.tokens.frameWidth() + 4)
            return self.tokens
        self.tokens.hide()
        return QLabel(fill(self.tr("No key was found in %1. Insert your key, or ask the IT department."), str(self._folder)), card, objectName="ErrorText", wordWrap=True)
