"""修改通知 and 冲突副本 against the real exchange server process: the publisher edits a notice from
the notices page; an edit that lost against one made meanwhile on their other device is told of
above the list, opens beside the current text, and can be sent again or dismissed."""

import pytest
from PySide6.QtCore import Qt

from app.domain.notices import NoticeDraft
from tests.support.headless_client import sign_in as sign_in_headless
from tests.support.server_process import start_server
from tests.ui.conftest import activated
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.edit_notice_dialog import EditNoticeDialog
from ui.views.notices_view import NoticesView

TITLE = "关于召开周例会的通知"
THEIRS = "关于召开周例会的通知（改期）"
MINE = "关于召开全体干部会议的通知"


@pytest.fixture
def server(tmp_path):
    """One server per test: conflict copies stay with the account, and each test counts its own."""
    workdir = tmp_path / "exchange"
    process = start_server(workdir, f"sqlite:///{workdir / 'server.db'}", people=100)
    yield process
    process.stop()


@pytest.fixture
def devices(qtbot, server, tmp_path):
    """陈建国 on a phone and at his desk (real clients; the desk's notices page is the one under
    test), one notice of his published from the phone and pulled at the desk; then the phone
    renames it."""
    phone = sign_in_headless(server.url, server.ca_file, server.tokens_dir, "chenjg", tmp_path / "phone.sqlite")
    notice_id = phone.notices.publish(NoticeDraft(TITLE, "周一上午九点在三楼会议室开会。", phone.user.unit_id))
    phone.sync()
    desk = sign_in_headless(server.url, server.ca_file, server.tokens_dir, "chenjg", tmp_path / "desk.sqlite")
    desk.sync()
    view = NoticesView(desk.notices, lambda: True)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    view.open_notice(notice_id)
    phone.notices.edit(notice_id, {"title": THEIRS})
    phone.sync()
    yield view, desk, phone, notice_id
    desk.close()
    phone.close()


def edit_title_at_desk(qtbot, view: NoticesView, desk, title: str) -> None:
    qtbot.mouseClick(view.panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, view.findChild(EditNoticeDialog))
    assert (dialog.windowTitle(), dialog.publish_button.text()) == ("修改通知", "保存 (Ctrl+Enter)")
    assert dialog.title.placeholderText() == "例如：关于元旦放假的通知"  # the publish dialog's words, translated too
    assert dialog.title.text() == TITLE  # what the desk last pulled
    dialog.title.setText(title)
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.panel.title.text() == title  # shown at once, sent at the next sync
    desk.sync()
    view.refresh()


def test_a_lost_edit_is_told_of_shown_beside_the_current_text_and_sent_again(qtbot, devices):
    view, desk, phone, notice_id = devices
    assert view.panel.edit_button.isVisible()
    assert not view.conflicts.isVisible()
    edit_title_at_desk(qtbot, view, desk, MINE)
    assert view.panel.title.text() == THEIRS  # the change made first on the server stays
    assert view.conflicts.isVisible()
    assert view.conflicts.words.text() == f"您对“{THEIRS}”的修改与他人冲突，已另存为冲突副本。"

    qtbot.mouseClick(view.conflicts.open_button, Qt.MouseButton.LeftButton)
    compare = activated(qtbot, view.findChild(ConflictDialog))
    now, mine = compare.texts["title"]
    assert (now.toPlainText(), mine.toPlainText()) == (THEIRS, MINE)
    assert list(compare.texts) == ["title"]  # only what clashed
    qtbot.mouseClick(compare.again_button, Qt.MouseButton.LeftButton)
    assert not view.conflicts.isVisible()
    assert view.panel.title.text() == MINE

    desk.sync()
    phone.sync()
    assert phone.notices.detail(notice_id).summary.title == MINE
    assert len(desk.notices.conflicts()) == 1  # the copy itself stays with the account


def test_a_dismissed_conflict_copy_is_not_told_of_again(qtbot, devices):
    view, desk, _phone, _notice_id = devices
    edit_title_at_desk(qtbot, view, desk, MINE)
    assert view.conflicts.isVisible()
    qtbot.mouseClick(view.conflicts.dismiss_button, Qt.MouseButton.LeftButton)
    assert not view.conflicts.isVisible()
    desk.sync()
    view.refresh()
    assert not view.conflicts.isVisible()
    assert view.panel.title.text() == THEIRS
