"""通知公告: the list with its marks in words, reading (and its receipt), one's own notice's
readers, and publishing: inline reasons, nothing lost, queued when offline."""

import pytest
from PySide6.QtCore import Qt

from app.domain.notices import AUDIENCE_ALL
from app.services import sync_state
from app.store import outbox
from tests.support.cache_data import HEAD, OFFICE, RUGAO
from tests.ui.conftest import activated
from tests.ui.store_rows import add_notice, add_receipt
from ui.dialogs.edit_notice_dialog import EditNoticeDialog
from ui.dialogs.publish_notice_dialog import PublishNoticeDialog
from ui.views.notices_view import NoticesView

PLAN = "市政府办公室关于印发《南通市电子政务“十二五”发展规划》的通知"


@pytest.fixture
def notices(qtbot, cache, session):
    add_notice(cache, "mine", HEAD, AUDIENCE_ALL, PLAN, at=1356940800.0)
    add_notice(cache, "theirs", OFFICE, "u01", "关于报送公文交换系统使用情况的通知", at=1356969600.0)
    view = NoticesView(session.notices, lambda: session.online)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


def rows(view: NoticesView) -> list[list[str]]:
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_list_shows_publisher_audience_and_unread_in_words(notices):
    assert rows(notices) == [
        ["关于报送公文交换系统使用情况的通知", "王晓燕", "市人民政府办公室", "2013-01-01", "未读"],
        [PLAN, "陈建国", "全体单位", "2012-12-31", ""],
    ]
    assert notices.table.model().index(0, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_opening_an_unread_notice_marks_it_read_and_queues_the_receipt(qtbot, cache, notices):
    changes = []
    notices.changed.connect(lambda: changes.append(1))
    notices.table.selectRow(0)
    assert notices.panel.title.text() == "关于报送公文交换系统使用情况的通知"
    assert "各县（市）、区人民政府" in notices.panel.body.toPlainText()
    assert not notices.panel.readers_box.isVisibleTo(notices)  # not the user's own notice
    qtbot.waitUntil(lambda: rows(notices)[0][4] == "")
    with cache.session() as s:
        assert [(op.name, op.args) for op in outbox.pending_rows(s)] == [("notice.read", {"notice_id": "theirs"})]
    assert changes == [1]
    assert notices.panel.title.text() == "关于报送公文交换系统使用情况的通知"  # still shown after the re-read


def test_own_notice_shows_who_has_read_it(cache, notices):
    add_receipt(cache, "mine", OFFICE, 1357000000.0)
    add_receipt(cache, "mine", RUGAO, 1357003600.0)
    notices.open_notice("mine")
    assert notices.panel.readers_box.isVisibleTo(notices)
    readers = notices.panel._readers_model
    assert [readers.index(r, 0).data() for r in range(readers.rowCount())] == ["王晓燕", "周强"]
    assert readers.index(0, 1).data() == "2013-01-01 08:26"  # Asia/Shanghai
    assert notices.panel._readers_count.text() == "已有 2 人阅读。"


def open_dialog(qtbot, notices: NoticesView) -> PublishNoticeDialog:
    assert notices.create_new()
    return activated(qtbot, notices.findChild(PublishNoticeDialog))


def test_empty_title_is_refused_inline_and_the_body_is_kept(qtbot, cache, notices):
    dialog = open_dialog(qtbot, notices)
    dialog.body.setPlainText("本周六全天停电，请做好准备。")
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "通知标题不能为空。"
    assert dialog.body.toPlainText() == "本周六全天停电，请做好准备。"
    assert dialog.focusWidget() is dialog.title
    assert sync_state.read(cache).pending == 0


def test_publishing_offline_adds_a_waiting_notice(qtbot, cache, notices):
    dialog = open_dialog(qtbot, notices)
    assert [dialog.audience.itemText(i) for i in range(dialog.audience.count())] == ["市人民政府办公室", "全体单位", "如皋市人民政府"]
    dialog.audience.setCurrentIndex(1)
    dialog.title.setText("停电通知")
    dialog.body.setPlainText("本周六全天停电。")
    with qtbot.waitSignal(notices.changed):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    published = [row for row in rows(notices) if row[0] == "停电通知"]
    assert published == [["停电通知", "陈建国", "全体单位", published[0][3], "待发送"]]
    assert notices.panel.title.text() == "停电通知"
    assert notices.panel.pending_note.isVisibleTo(notices)
    assert sync_state.read(cache).pending == 1


def test_only_ones_own_notice_can_be_edited_and_an_edit_is_queued_offline(qtbot, cache, notices):
    notices.open_notice("theirs")
    assert not notices.panel.edit_button.isVisibleTo(notices)
    notices.open_notice("mine")
    assert notices.panel.edit_button.isVisibleTo(notices)
    notices.panel.edit_button.click()
    dialog = activated(qtbot, notices.findChild(EditNoticeDialog))
    assert (dialog.title.text(), dialog.audience.currentText()) == (PLAN, "全体单位")
    dialog.body.setPlainText("请各单位于月底前报送。")
    with qtbot.waitSignal(notices.changed):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert notices.panel.body.toPlainText() == "请各单位于月底前报送。"
    with cache.session() as s:
        edits = [op.args for op in outbox.pending_rows(s) if op.name == "notice.edit"]  # (opening "theirs" queued its receipt)
    assert edits == [{"id": "mine", "base": {"body": edits[0]["base"]["body"]}, "changes": {"body": "请各单位于月底前报送。"}}]


def test_offline_dialog_says_the_notice_will_be_queued(qtbot, notices):
    dialog = open_dialog(qtbot, notices)
    note = dialog.findChildren(type(dialog.error))
    assert any("当前离线" in label.text() and label.isVisibleTo(dialog) for label in note)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_import_from_a_text_file(qtbot, tmp_path, notices, encoding):
    path = tmp_path / "通知.txt"
    path.write_bytes("\r\n关于元旦放假的通知\r\n\r\n各处室：\r\n　　1月1日放假一天。\r\n".encode(encoding))
    dialog = open_dialog(qtbot, notices)
    dialog.import_file(path)
    assert dialog.title.text() == "关于元旦放假的通知"
    assert dialog.body.toPlainText() == "各处室：\n　　1月1日放假一天。"


def test_import_of_a_missing_file_says_why(qtbot, tmp_path, notices):
    dialog = open_dialog(qtbot, notices)
    dialog.import_file(tmp_path / "absent.txt")
    assert dialog.error.text().startswith("无法读取文件")


def test_search_finds_notices_by_pinyin_initials(qtbot, notices):
    notices.focus_search()
    qtbot.keyClicks(notices._search, "gybs")  # 关于报送
    qtbot.waitUntil(lambda: notices.table.model().rowCount() == 1)
    assert rows(notices)[0][0] == "关于报送公文交换系统使用情况的通知"
