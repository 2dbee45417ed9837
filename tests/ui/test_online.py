"""Against the real exchange server process: sign in through the login window, sync, publish;
and a session that started offline goes online, renewing its login, when the server is back."""

import pytest
from PySide6.QtCore import Qt

from app.config import ClientConfig
from app.identity.p12_key import load_p12_key
from sync.client.backoff import Backoff
from tests.support.server_process import start_server
from tests.ui.conftest import activated
from ui.client_controller import ClientController
from ui.dialogs.publish_notice_dialog import PublishNoticeDialog
from ui.login.sign_in import sign_in
from ui.sync_runner import SyncOutcome, SyncRunner

PIN = "123456"
PLAN = "市政府办公室关于印发《南通市电子政务“十二五”发展规划》的通知"
SYNC_TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("exchange")
    process = start_server(workdir, f"sqlite:///{workdir / 'server.db'}", people=100)
    yield process
    process.stop()


def config_of(server) -> ClientConfig:
    return ClientConfig(server.url, str(server.tokens_dir), "zh_CN", {}, trust_anchors=server.ca_file)


def sign_in_as_chen(qtbot, server) -> ClientController:
    """陈建国 (chenjg) signs in through the login window, as a user would."""
    controller = ClientController(config_of(server))
    controller.start()
    window = controller.login
    qtbot.addWidget(window)
    window.choose_token("陈建国")
    assert window.tokens.currentItem().text() == "陈建国 · 市人民政府办公室"
    qtbot.keyClicks(window.pin, PIN)
    with qtbot.waitSignal(window.signed_in, timeout=SYNC_TIMEOUT_MS):
        qtbot.keyClick(window.pin, Qt.Key.Key_Return)
    qtbot.addWidget(controller.window)
    return controller


def test_sign_in_sync_and_publish_online(qtbot, server):
    window = sign_in_as_chen(qtbot, server).window
    status = window.status
    qtbot.waitUntil(lambda: status.last_sync.text().startswith("上次同步"), timeout=SYNC_TIMEOUT_MS)
    assert status.connection.text() == "在线"
    assert window.directory.tree_model.rowCount() > 30
    assert PLAN in [window.notices.model.row_item(r).title for r in range(window.notices.model.rowCount())]

    window.show_page("notices")
    window.notices.create_new()
    dialog = activated(qtbot, window.notices.findChild(PublishNoticeDialog))
    dialog.title.setText("关于元旦放假的通知")
    dialog.body.setPlainText("1月1日放假一天。")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert status.pending.text() == "待发送 1"
    qtbot.waitUntil(lambda: status.pending.text() == "待发送 0", timeout=SYNC_TIMEOUT_MS)  # sent shortly after
    row = window.notices.model.row_of(window.notices.panel._detail.summary.id)
    assert not window.notices.model.row_item(row).pending
    window.close()


def test_offline_start_goes_online_when_the_server_is_back(qtbot, server):
    first = sign_in(load_p12_key(server.tokens_dir / "chenjg.p12"), PIN, config_of(server))  # remembered for offline use
    first.cache.close()
    server.stop()
    try:
        window = sign_in_as_chen(qtbot, server).window
        qtbot.waitUntil(lambda: not window._runner.busy, timeout=SYNC_TIMEOUT_MS)
        assert window.status.connection.text() == "离线"
    finally:
        server.start()
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the transport holds no login yet: the engine renews it
    qtbot.waitUntil(lambda: window.status.connection.text() == "在线", timeout=SYNC_TIMEOUT_MS)
    assert not window.status.error.isVisible()
    assert window.directory.tree_model.rowCount() > 30
    window.close()


def test_failed_rounds_wait_longer_each_time_and_a_good_round_resets(qtbot, server):
    session = sign_in(load_p12_key(server.tokens_dir / "chenjg.p12"), PIN, config_of(server))
    runner = SyncRunner(session, backoff=Backoff(first_s=2, jitter=0))
    finished = []
    runner.finished.connect(finished.append)

    def one_round() -> SyncOutcome:
        count = len(finished)
        runner.sync_now()
        qtbot.waitUntil(lambda: len(finished) > count, timeout=SYNC_TIMEOUT_MS)
        return finished[-1]

    runner.start()
    try:
        qtbot.waitUntil(lambda: bool(finished), timeout=SYNC_TIMEOUT_MS)
        assert runner.next_round_ms == 30_000
        server.stop()
        try:
            delays = []
            for _ in range(3):
                assert not one_round().online
                delays.append(runner.next_round_ms)
            assert delays == [2_000, 4_000, 8_000]
        finally:
            server.start()
        assert one_round().online and runner.next_round_ms == 30_000
    finally:
        runner.stop()
        session.cache.close()
