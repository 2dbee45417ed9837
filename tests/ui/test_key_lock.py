"""Pulling the USB key (SoftHSM2) out locks the window within 2 s: the pages are hidden behind the
lock screen, and decrypted copies of opened files are removed; another person's key cannot unlock
it; the same key with its PIN can."""

from PySide6.QtCore import Qt

from app.config import ClientConfig
from app.identity.pkcs11_key import find_pkcs11_keys
from app.services.files import local_blobs, opened_copies
from tests.support.softhsm import MODULE
from tests.ui.conftest import make_session
from ui.client_controller import ClientController

PIN = "112233"


def key_of(label: str):
    return next(k for k in find_pkcs11_keys(MODULE) if k.token_label == label)


def unlock_with(qtbot, screen, label: str, pin: str) -> None:
    qtbot.waitUntil(lambda: label in [screen.keys.item(r).text() for r in range(screen.keys.count())] and screen.keys.isEnabled(), timeout=5000)
    screen.keys.setCurrentRow([screen.keys.item(r).text() for r in range(screen.keys.count())].index(label))
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=5000)


def test_pulling_the_key_out_locks_and_only_the_same_key_unlocks(qtbot, softhsm, cache, closed_url, anchors, tmp_path):
    softhsm.provision("李明的Key", "李明", PIN)
    softhsm.provision("赵丽的Key", "赵丽", PIN)
    holder = key_of("李明的Key")
    session = make_session(cache, closed_url, anchors)
    session.holder, session.signer = holder, holder.unlock(PIN)
    controller = ClientController(ClientConfig(closed_url, str(tmp_path), "zh_CN", {}, pkcs11_module=MODULE, trust_anchors=anchors))
    controller.open_main_window(session)
    window = controller.window
    qtbot.addWidget(window)
    assert window.stack.isVisible()
    minutes = tmp_path / "纪要.txt"
    minutes.write_text("会议纪要", encoding="utf-8")
    opened = opened_copies(cache).copy(local_blobs(cache), local_blobs(cache).add(minutes), minutes.name)

    softhsm.pull_out("李明的Key")
    qtbot.waitUntil(lambda: window.locked, timeout=2000)
    assert not opened.exists()
    screen = window.centralWidget()
    assert not window.stack.isVisible()
    assert screen.isVisible()

    other = next(screen.keys.item(r).text() for r in range(screen.keys.count()) if "赵丽" in screen.keys.item(r).text())
    unlock_with(qtbot, screen, other, PIN)
    assert window.locked and "他人的证书" in screen.error.text()

    softhsm.insert("李明的Key")
    unlock_with(qtbot, screen, holder.label, "999999")
    assert window.locked and "PIN 码不正确" in screen.error.text()
    unlock_with(qtbot, screen, holder.label, PIN)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.stack.isVisible()
    assert session.signer.certificate == holder.certificate
    window.close()
