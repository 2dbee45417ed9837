"""The shell: navigation, the 公文 pages, keyboard, and the status bar's words."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.domain.notices import AUDIENCE_ALL
from app.services import sync_state
from app.store import outbox
from tests.support.cache_data import HEAD, OFFICE
from tests.ui.conftest import activated, make_session
from tests.ui.store_rows import add_notice
from ui.dialogs.publish_notice_dialog import PublishNoticeDialog
from ui.dialogs.rejections_dialog import RejectionsDialog
from ui.main_window.main_window import MainWindow
from ui.sync_runner import SyncRunner
from ui.views.incoming_view import IncomingView
from ui.views.outgoing_view import OutgoingView

NAV = ["门户", "待办", "收文", "发文", "会签", "会议室", "用车", "通知公告", "文件共享", "通讯录"]


def test_entries_in_order_and_it_opens_on_the_portal(window):
    assert window.nav.labels() == NAV
    assert all(not window.nav.item(row).icon().isNull() for row in range(window.nav.count()))
    assert window.current_page() is window.portal
    assert window.stack.currentWidget() is window.portal


@pytest.mark.parametrize(("row", "page", "title"), [(2, IncomingView, "收文"), (3, OutgoingView, "发文"), (4, OutgoingView, "待我签署")])
def test_document_pages_open_from_the_navigation(qtbot, window, row, page, title):
    qtbot.keyClick(window, Qt.Key.Key_1 + row, Qt.KeyboardModifier.ControlModifier)
    shown = window.stack.currentWidget()
    assert isinstance(shown, page)
    assert shown.findChild(QLabel, "PageTitle").text() == title


def test_status_bar_says_offline_when_the_server_cannot_be_reached(qtbot, cache, closed_url, anchors):
    session = make_session(cache, closed_url, anchors, online=True)
    runner = SyncRunner(session)
    win = MainWindow(session, runner)
    qtbot.addWidget(win)
    win.show()
    assert win.status.connection.text() == "在线"
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start()
    assert win.status.connection.text() == "离线"
    assert win.status.pending.text() == "待发送 0"
    assert win.status.last_sync.text() == "尚未同步"
    assert not win.status.error.isVisible()  # being offline is normal, not an error
    with qtbot.waitSignal(runner.started, timeout=2_000):
        qtbot.keyClick(win, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    win.close()


def test_pending_count_after_publishing_offline(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = activated(qtbot, window.findChild(PublishNoticeDialog))
    dialog.title.setText("停电通知")
    dialog.body.setPlainText("本周六全天停电。")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.status.pending.text() == "待发送 1"
    assert window.status.connection.text() == "离线"


def test_double_click_in_todo_opens_the_notice_and_marks_it_read(qtbot, cache, window):
    add_notice(cache, "n1", OFFICE, AUDIENCE_ALL, "关于做好元旦春节期间有关工作的通知")
    window.refresh_pages()
    window.show_page("todo")
    table = window.todo.table
    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "关于做好元旦春节期间有关工作的通知"
    assert table.model().index(0, 1).data() == "通知公告 · 王晓燕"
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() is window.notices
    assert window.notices.panel.title.text() == "关于做好元旦春节期间有关工作的通知"
    qtbot.waitUntil(lambda: window.todo.table.model().rowCount() == 0)
    assert window.status.pending.text() == "待发送 1"


def test_search_of_the_current_page_has_ctrl_f(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # the tenth entry, 通讯录
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.directory.search.hasFocus()


def test_clock_skew_error_and_rejections_are_said_in_words(qtbot, cache, window):
    sync_state.record_success(cache, server_time=time.time() - 600)
    sync_state.record_failure(cache, "服务器拒绝了上次同步：通知标题不能为空。")
    with cache.sessions.begin() as s:
        op = outbox.append(s, "notice.publish", {"id": "x", "title": "", "body": "b", "audience": "u01"})
        outbox.mark_rejected(s, op.client_seq, "notice.title_empty", "通知标题不能为空。")
    window.refresh_pages()
    window._show_status()
    status = window.status
    assert status.clock.isVisible() and "10 分钟" in status.clock.text()
    assert status.error.text() == "服务器拒绝了上次同步：通知标题不能为空。"
    assert status.details_button.isVisible()
    assert status.last_sync.text().startswith("上次同步 ")
    assert status.rejections_button.text() == "被退回的更改（1）"
    qtbot.mouseClick(status.rejections_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(RejectionsDialog)
    assert dialog.model.index(0, 1).data() == "发布通知"
    assert dialog.model.index(0, 2).data() == "通知标题不能为空。"
    dialog.close()


def test_window_title_names_the_user(window):
    assert window.windowTitle() == f"协同办公 — {HEAD.name}"
