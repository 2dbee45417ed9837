"""登录: wrong PIN, the first login needing the server, offline login of a known user into the main
window, and the words shown once when a damaged cache was set aside."""

import json
import os

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, PrivateFormat
from PySide6.QtCore import Qt

from app import paths
from app.config import ClientConfig
from app.identity.soft_token import FORMAT
from app.services.account import remember_login
from app.store.cache import open_cache
from app.store.cache_key import CacheKeyStore, cache_key
from tests.support.cache_data import OFFICE
from ui.client_controller import ClientController
from ui.login.login_window import LoginWindow

PIN = "123456"


@pytest.fixture
def config(tmp_path, closed_url) -> ClientConfig:
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(PIN.encode())).decode()
    doc = {"format": FORMAT, "login": OFFICE.login, "name": OFFICE.name, "unit": OFFICE.unit_name, "key_pem": pem}
    (tokens / f"{OFFICE.login}.xtoken").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return ClientConfig(closed_url, str(tokens), "zh_CN", {})


@pytest.fixture
def login(qtbot, config):
    window = LoginWindow(config)
    qtbot.addWidget(window)
    window.show()
    return window


def sign_in_with(qtbot, window: LoginWindow, pin: str) -> None:
    qtbot.keyClicks(window.pin, pin)
    qtbot.keyClick(window.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.working, timeout=10_000)


def test_lists_keys_by_name_and_unit_and_shows_the_server(login, closed_url):
    assert [login.tokens.item(r).text() for r in range(login.tokens.count())] == ["王晓燕 · 市人民政府办公室"]
    assert login.server.text() == f"服务器：{closed_url}"
    assert login.pin.echoMode() == login.pin.EchoMode.Password


def test_wrong_pin_is_said_and_the_pin_cleared(qtbot, login):
    sign_in_with(qtbot, login, "000000")
    assert login.error.text().startswith("PIN 码不正确")
    assert login.pin.text() == ""
    assert login.isVisible() and login.login_button.isEnabled()


def test_first_login_needs_the_server(qtbot, login, closed_url):
    sign_in_with(qtbot, login, PIN)
    assert "首次登录需要连接交换服务器" in login.error.text()
    assert closed_url in login.error.text()
    assert "FirstLoginNeedsServer" in login.details.details()


def test_known_user_signs_in_offline_into_the_main_window(qtbot, config):
    path = paths.cache_path(config.server_url, OFFICE.login)
    cache = open_cache(path, cache_key(path, pin=PIN))  # no keyring here: the key is wrapped by the PIN
    remember_login(cache, OFFICE, ["directory"])
    cache.close()
    controller = ClientController(config)
    controller.start()
    qtbot.addWidget(controller.login)
    with qtbot.waitSignal(controller.login.signed_in, timeout=10_000):
        sign_in_with(qtbot, controller.login, PIN)
    window = controller.window
    qtbot.addWidget(window)
    assert window.isVisible() and not controller.login.isVisible()
    assert window.status.connection.text() == "离线"
    assert window.nav.labels()[0] == "待办"
    window.close()


def test_no_keyring_here_is_said_before_sign_in(login):
    assert login.no_keyring.isVisibleTo(login)
    assert login.no_keyring.text() == "本机没有系统密钥环，本地数据由证书口令保护。"


def test_a_cache_whose_key_is_not_here_is_explained_and_kept(qtbot, login, config):
    path = paths.cache_path(config.server_url, OFFICE.login)
    cache = open_cache(path, CacheKeyStore(None).data_key(path, pin="999999"))  # wrapped under an older PIN
    remember_login(cache, OFFICE, ["directory"])
    cache.close()
    sign_in_with(qtbot, login, PIN)  # the server is unreachable: no escrow to recover the key
    assert login.error.text().startswith("本机数据已加密，需要联网登录一次以恢复密钥")
    assert "CacheLocked" in login.details.details()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name, f"{path.name}.key.json"]


def test_a_set_aside_cache_is_explained_in_words(tmp_path, config):
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"this is not a database")
    cache = open_cache(damaged, os.urandom(32))
    try:
        dialog = ClientController(config).cache_report_dialog(cache.report)
    finally:
        cache.close()
    assert str(cache.report.set_aside) in dialog.words.text()
    assert "0 项待发送的更改已转入" in dialog.words.text()
    assert "从服务器重新下载" in dialog.words.text()
    assert dialog.fold.details() == "文件不是 SQLite 数据库"
