"""UI tests: Qt offscreen, the zh_CN translation built from the .ts and installed (assertions read
what a user reads), a real cache filled through the real mirror, and a server address on a closed
loopback port (the client is offline)."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything loads Qt

import datetime as dt
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWidget

from app.domain.scopes import scopes_for
from app.services.account import device_id
from app.store.cache import Cache, open_cache
from sync.client.transport import Transport
from sync.server.pki import ca as authority
from tests.support.cache_data import HEAD, fill_directory, sign_in
from tests.support.memory_keyring import kept_key
from ui import appearance
from ui.main_window.main_window import MainWindow
from ui.session import ClientSession
from ui.sync_runner import SyncRunner

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp):
    """The client as users see it: Fusion, the stylesheet, the CJK font, zh_CN strings."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "compile_translations.py")], check=True, capture_output=True)
    assert appearance.apply(qapp, "zh_CN") == []
    yield
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture(autouse=True)
def no_thread_left():
    """Every test ends with its background work done: sign-ins finished, sync threads stopped."""
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def closed_url() -> str:
    """A loopback address nobody listens on: connecting fails at once, as with the server down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"https://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def anchors(tmp_path_factory) -> str:
    """A CA bundle to trust (of a CA nobody uses here): the client talks HTTPS only with one."""
    path = tmp_path_factory.mktemp("anchors") / "ca.pem"
    now = dt.datetime.now(dt.timezone.utc)
    path.write_bytes(authority.new_root_ca("测试根CA", "测试", now).certificate.public_bytes(Encoding.PEM))
    return str(path)


@pytest.fixture
def cache(tmp_path):
    cache = open_cache(tmp_path / "cache.sqlite", kept_key(tmp_path / "cache.sqlite"))
    sign_in(cache, HEAD)  # the owner first: the mirror marks one's own notices and receipts by it
    fill_directory(cache)
    yield cache
    cache.close()


def make_session(cache: Cache, url: str, anchors: str, online: bool = False) -> ClientSession:
    return ClientSession(url, cache, HEAD, scopes_for(HEAD.id, HEAD.unit_id), device_id(cache), Transport(url, anchors), None, online=online)


def activated(qtbot, dialog: QWidget) -> QWidget:
    """A dialog as the user meets it: the offscreen platform does not activate new windows by
    itself, and window shortcuts (Ctrl+Enter) only reach the active window."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


@pytest.fixture
def session(cache, closed_url, anchors) -> ClientSession:
    return make_session(cache, closed_url, anchors)


@pytest.fixture
def window(qtbot, session):
    """The main window with its sync runner built but not started (tests start it when needed)."""
    win = MainWindow(session, SyncRunner(session))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
