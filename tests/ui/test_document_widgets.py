"""公文 screens' parts over the domain model: 痕迹 marks, the 退回 dialog's required reason, the
action buttons only the current assignee gets, 拟稿 giving the draft the service is asked to save."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.documents.body import Body
from app.domain.documents import routing
from app.domain.documents.metadata import DocumentMeta
from app.domain.documents.route import ALL, ANY
from app.domain.documents.routing import StepSpec
from tests.support.cache_data import HEAD, OFFICE, RUGAO
from tests.ui.conftest import activated
from ui.dialogs.document_action_dialog import DocumentActionDialog
from ui.models.route_track_model import RouteHistoryModel
from ui.dialogs.draft_document_dialog import DraftDocumentDialog, Template
from ui.dialogs.route_step_dialog import RouteStepDialog
from ui.views.document_actions import route_actions
from ui.views.document_panel import DocumentPanel
from ui.widgets.revision_view import RevisionView
from ui.widgets.route_designer import RouteDesigner

AT = "2012-12-30T09:00:00+08:00"
NAMES = {HEAD.id: HEAD.name, OFFICE.id: OFFICE.name, RUGAO.id: RUGAO.name}
META = DocumentMeta("通知", "关于做好元旦春节期间有关工作的通知", "南通市人民政府办公室文件", "南通市人民政府办公室", date(2012, 12, 31))


def submitted_route():
    """陈建国 drafted and submitted it; 王晓燕 has it now (核稿), then 周强 or 陈建国 (签发, 或签)."""
    route = routing.new_route("d1", "u01", HEAD.id, [StepSpec("核稿", ALL, ((OFFICE.id, "u01"),)), StepSpec("签发", ANY, ((RUGAO.id, "u31"), (HEAD.id, "u01")))], AT)
    return routing.sign(route, HEAD.id, "", 1, AT)


def marked_text(view: RevisionView) -> dict[str, set[str]]:
    """The characters shown struck through (deleted) and underlined (inserted)."""
    found = {"deleted": set(), "inserted": set()}
    cursor = QTextCursor(view.text.document())
    while not cursor.atEnd():
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
        char, fmt = cursor.selectedText(), cursor.charFormat()
        if fmt.fontStrikeOut():
            found["deleted"].add(char)
        if fmt.fontUnderline():
            found["inserted"].add(char)
        cursor.clearSelection()
    return found


def test_changes_view_marks_an_insertion_and_a_deletion_and_gives_the_clean_copy(qtbot):
    view = RevisionView()
    qtbot.addWidget(view)
    view.set_versions({1: Body(("请各单位于月底前报送。",)), 2: Body(("请各单位于十二月底前报送。",)), 3: Body(("请各单位于十二月底前报送。", "联系人：王晓燕"))})
    view.compare(1, 2)
    assert marked_text(view) == {"deleted": set(), "inserted": {"十", "二"}}
    view.compare(3, 1)
    assert marked_text(view)["deleted"] >= set("十二联系人")
    cleaned = []
    view.clean_copy_requested.connect(cleaned.append)
    view.compare(1, 3)
    view.clean_button.click()
    assert cleaned == [Body(("请各单位于十二月底前报送。", "联系人：王晓燕"))]


def test_send_back_without_a_reason_is_refused_in_the_dialog(qtbot, session):
    action = next(a for a in route_actions(submitted_route(), OFFICE.id, AT) if a.key == "send_back")
    dialog = DocumentActionDialog(action, session.directory, "u01", [("s0", "拟稿（陈建国）")])
    qtbot.addWidget(dialog)
    dialog.show()
    activated(qtbot, dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.text() == "请填写理由。"
    dialog.text.setPlainText("请补充附件。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == DocumentActionDialog.DialogCode.Accepted
    assert dialog.args() == {"target_step_id": "s0", "reason": "请补充附件。"}


@pytest.mark.parametrize(("user", "buttons"), [
    (OFFICE, ["同意…", "退回…", "转办…", "加签…", "修改正文…"]),
    (HEAD, ["取回", "撤回…"]),
    (RUGAO, []),
])
def test_only_the_current_assignee_gets_the_step_s_buttons(qtbot, user, buttons):
    route = submitted_route()
    panel = DocumentPanel()
    qtbot.addWidget(panel)
    panel.show_outgoing(META, {1: Body(("正文。",))}, route, route_actions(route, user.id, AT), NAMES, lambda _o: None, [], "")
    assert panel.button_labels() == buttons
    assert panel.holder.text() == "现由王晓燕办理。"


def test_route_track_says_a_revision_sent_the_route_back_for_signing_again():
    route = routing.sign(submitted_route(), OFFICE.id, "同意", 1, AT)
    route = routing.revise_body(route, HEAD.id, 2, AT)
    track = RouteHistoryModel()
    track.show_route(route, NAMES)
    last = track.index(track.rowCount() - 1, track.ACTION).data()
    assert last == "修改正文（第 2 版），退回核稿重新签署"


def test_opinion_panel_says_not_verified_without_a_signed_record(qtbot):
    route = routing.sign(submitted_route(), OFFICE.id, "同意。", 1, "2012-12-30T10:00:00+08:00")
    panel = DocumentPanel()
    qtbot.addWidget(panel)
    panel.show_outgoing(META, {1: Body(("正文。",))}, route, [], NAMES, lambda _o: None, [], "")
    model = panel.opinions_model
    assert [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())] == [
        ["拟稿", "陈建国", "", "第 1 版", "2012-12-30 09:00", "未验证"],
        ["核稿", "王晓燕", "同意。", "第 1 版", "2012-12-30 10:00", "未验证"],
    ]


def test_drafting_gives_the_metadata_body_and_route_to_save(qtbot, session):
    saved = []
    designer = RouteDesigner(lambda: None, NAMES.get)
    template = Template("市政府办公室文件", "南通市人民政府办公室文件", "南通市人民政府办公室", "通政办发", "通知")
    dialog = DraftDocumentDialog([template], lambda draft: saved.append(draft) or "d9", designer)
    qtbot.addWidget(dialog)
    dialog.show()
    drafted = []
    dialog.drafted.connect(drafted.append)
    dialog.form.title.setText("关于做好元旦春节期间有关工作的通知")
    dialog.form.main_recipients.setText("各县（市）、区人民政府，市各委、办、局")
    dialog.body.setPlainText("一、做好值班工作\n\u3000\u3000请认真落实。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请至少添加一个拟稿之后的环节（核稿、会签或签发）。"
    assert saved == []
    designer.add_spec(StepSpec("签发", ALL, ((HEAD.id, "u01"),)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert drafted == ["d9"]
    draft = saved[0]
    assert draft.meta.issuer_mark == "南通市人民政府办公室文件" and draft.meta.kind == "通知"
    assert draft.meta.main_recipients == ("各县（市）、区人民政府", "市各委、办、局")
    assert draft.body == Body(("一、做好值班工作", "请认真落实。"))
    assert draft.route == [StepSpec("签发", ALL, ((HEAD.id, "u01"),))]


def test_a_route_step_names_its_people_and_how_they_sign(qtbot, session):
    dialog = RouteStepDialog(session.directory, "u01")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.error.text() == "请为此环节至少选择一人。" and dialog.result() == 0
    dialog.stage.setCurrentText("会签")
    dialog.any_sign.setChecked(True)
    dialog.people.picker("u01").check_department("办公室")
    dialog.people.unit.setCurrentIndex(dialog.people.unit.findData("u31"))
    dialog.people.picker("u31").check_department("办公室")
    assert dialog.spec() == StepSpec("会签", ANY, ((OFFICE.id, "u01"), (HEAD.id, "u01"), (RUGAO.id, "u31")), ("u31",))


def test_an_action_dialog_shows_only_the_fields_it_asks_for(qtbot, session):
    action = next(a for a in route_actions(submitted_route(), OFFICE.id, AT) if a.key == "send_back")
    dialog = DocumentActionDialog(action, session.directory, "u01", [("s0", "拟稿（陈建国）")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.text.isVisible() and dialog.step.isVisible()
    assert not any(w.isVisible() for w in (dialog.before, dialog.unit_code, dialog.due, dialog.note, dialog.main_units, dialog.people))
