"""登录: wrong PIN, the last try and a locked key, the first login needing the server, an offline
login refused without a grant, no keyring said before sign-in, a cache whose key is not here, and
the words shown once when a damaged cache was set aside. (Offline login that succeeds needs a
server-signed grant: tests/ui/test_online.py.)"""

import os

import pytest
from PySide6.QtCore import Qt

from app import paths
from app.config import ClientConfig
from app.identity.p12_key import load_p12_key
from app.identity.signer import PinLocked, WrongPin
from app.services import certificate_logins
from app.services.account import remember_login
from app.store.cache import open_cache
from app.store.cache_key import CacheKeyStore, cache_key
from tests.support.cache_data import OFFICE
from tests.support.pki import write_p12
from ui.client_controller import ClientController
from ui.login.login_window import LoginWindow

PIN = "123456"


@pytest.fixture
def config(tmp_path, closed_url, anchors) -> ClientConfig:
    write_p12(tmp_path / "tokens", OFFICE.login, OFFICE.name, OFFICE.unit_name, PIN)
    return ClientConfig(closed_url, str(tmp_path / "tokens"), "zh_CN", {}, trust_anchors=anchors)


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


def test_offline_login_without_a_grant_is_refused_in_words(qtbot, login, config):
    """The user's cache is here, but no online login ever left an offline grant in it."""
    path = paths.cache_path(config.server_url, OFFICE.login)
    cache = open_cache(path, cache_key(path, pin=PIN))  # no keyring here: the key is wrapped by the PIN
    remember_login(cache, OFFICE, ["directory"])
    cache.close()
    certificate_logins.remember(config.server_url, load_p12_key(login._tokens[0].path).certificate, OFFICE.login)
    sign_in_with(qtbot, login, PIN)
    assert "无法离线登录" in login.error.text() and "请先联网登录一次" in login.error.text()
    assert login.isVisible()


class StandInKey:
    """A key that counts tries and locks, which SoftHSM2 never does: a stand-in for a vendor's
    UKey, to test what the login window does on the last try and with a locked key."""

    def __init__(self, path, tries: int) -> None:
        real = load_p12_key(path)
        self.label, self.certificate, self.display_name = real.label, real.certificate, real.display_name
        self.left, self.attempts = tries, []

    def tries_left(self) -> int:
        return self.left

    def present(self) -> bool:
        return True

    def unlock(self, pin: str):
        self.attempts.append(pin)
        if self.left == 0:
            raise PinLocked()
        self.left -= 1
        raise WrongPin()


def test_the_last_try_needs_a_tick_and_a_locked_key_says_so(qtbot, login):
    key = StandInKey(login._tokens[0].path, tries=2)
    login._tokens = [key]
    login.tokens.setCurrentRow(-1)
    login.tokens.setCurrentRow(0)
    assert login.pin_guard.tries.text() == "还可尝试 2 次。"
    sign_in_with(qtbot, login, "111111")
    assert key.attempts == ["111111"] and login.pin_guard.tries.text() == "只剩最后一次机会。"
    assert login.pin_guard.last_try.isVisible() and not login.pin_guard.last_try.isChecked()
    sign_in_with(qtbot, login, "222222")
    assert key.attempts == ["111111"]  # refused here, the key was not asked
    assert "勾选" in login.error.text() and login.pin.text() == "222222"  # kept: tick, then Enter again
    login.pin_guard.last_try.setChecked(True)
    sign_in_with(qtbot, login, "")
    assert key.attempts == ["111111", "222222"]
    assert "已锁定" in login.pin_guard.tries.text()
    sign_in_with(qtbot, login, "333333")
    assert key.attempts == ["111111", "222222"]  # a locked key is not tried at all
    assert "信息中心" in login.error.text()


def test_no_keyring_here_is_said_before_sign_in(login):
    assert login.no_keyring.isVisibleTo(login)
    assert login.no_keyring.text() == "本机没有系统密钥环，本地数据由证书口令保护。"


def test_a_cache_whose_key_is_not_here_is_explained_and_kept(qtbot, login, config):
    path = paths.cache_path(config.server_url, OFFICE.login)
    cache = open_cache(path, CacheKeyStore(None).data_key(path, pin="999999"))  # wrapped under an older PIN
    remember_login(cache, OFFICE, ["directory"])
    cache.close()
    certificate_logins.remember(config.server_url, load_p12_key(login._tokens[0].path).certificate, OFFICE.login)
    sign_in_with(qtbot, login, PIN)  # the server is unreachable: no escrow to recover the key
    assert login.error.text().startswith("本机数据已加密，需要联网登录一次以恢复密钥")
    assert "CacheLocked" in login.details.details()
    names = {p.name for p in path.parent.iterdir()}
    assert {path.name, f"{path.name}.key.json"} <= names and not any("damaged" in n for n in names)


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
