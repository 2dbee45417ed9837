"""发文 and 收文 pages over a real cache through the real DocumentService: 拟稿 through the dialog
queues the draft, the current assignee alone gets the step's buttons, 退回 asks for a reason, 收文
is signed for by the unit's clerk, and refusals are said in words."""

import docx
import pytest
from PySide6.QtCore import QDate, Qt

from app.documents.revisions import INSERTED, Span
from app.domain.documents.route import ALL
from app.domain.documents.routing import StepSpec
from app.identity.p12_key import load_p12_key
from app.services.documents import DocumentService, RouteStep
from app.store import outbox
from app.store.mirror import apply_row
from tests.support.cache_data import HEAD, OFFICE, RUGAO
from tests.support.documents import sample_meta
from tests.support.pki import DEMO_PIN, write_p12
from tests.ui.conftest import activated
from ui.dialogs.document_action_dialog import DocumentActionDialog
from ui.dialogs.draft_document_dialog import DraftDocumentDialog
from ui.dialogs.paper_document_dialog import PaperDocumentDialog
from ui.views.incoming_view import IncomingView
from ui.views.outgoing_view import OutgoingView

TITLE = "关于做好元旦春节期间有关工作的通知"


def outgoing_view(qtbot, session, user) -> OutgoingView:
    view = OutgoingView("发文", DocumentService(session.cache, user), session.directory, user, lambda: None, session.blobs)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


def queued(cache) -> list[tuple[str, dict]]:
    with cache.session() as s:
        return [(op.name, op.args) for op in outbox.pending_rows(s)]


def rows(view) -> list[list[str]]:
    model = view.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


@pytest.fixture
def submitted(cache) -> str:
    """陈建国 drafted a notice and submitted it; 王晓燕 has it for 核稿."""
    drafts = DocumentService(cache, HEAD)
    doc_id = drafts.draft(sample_meta(), [RouteStep("核稿", "all", [(OFFICE.id, "u01")])], ["请认真贯彻执行。"], "通政办发")
    drafts.submit(doc_id)
    return doc_id


def test_drafting_through_the_dialog_queues_the_draft_and_lists_it(qtbot, cache, session):
    view = outgoing_view(qtbot, session, HEAD)
    assert view.create_new()
    dialog = activated(qtbot, view.findChild(DraftDocumentDialog))
    assert dialog.form.issuer_mark.text() == "市人民政府办公室文件"
    dialog.form.title.setText(TITLE)
    dialog.number_prefix.setText("通政办发")
    dialog.body.setPlainText("各县（市）、区人民政府：\n请认真贯彻执行。")
    dialog.route.add_spec(StepSpec("核稿", ALL, ((OFFICE.id, "u01"),)))
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    [(name, args)] = queued(cache)
    assert name == "document.draft"
    assert (args["meta"]["标题"], args["meta"]["发文机关署名"], args["number_prefix"]) == (TITLE, "市人民政府办公室", "通政办发")
    assert args["paragraphs"] == ["各县（市）、区人民政府：", "请认真贯彻执行。"]
    assert args["steps"] == [{"stage": "核稿", "mode": "all", "assignees": [[OFFICE.id, "u01"]], "visible_to": []}]
    assert rows(view)[0][0] == TITLE and rows(view)[0][6] == "待发送"
    assert view.panel.title.text() == TITLE
    assert view.panel.button_labels() == ["提交…", "修改正文…", "撤回…"]


def test_a_refusal_of_the_service_is_said_in_the_dialog(qtbot, cache, session):
    view = outgoing_view(qtbot, session, HEAD)
    view.create_new()
    dialog = activated(qtbot, view.findChild(DraftDocumentDialog))
    dialog.form.title.setText(TITLE)
    dialog.number_prefix.setText("通政办发")
    dialog.body.setPlainText("正文。")
    dialog.route.add_spec(StepSpec("签发", ALL, ((OFFICE.id, "u01"),)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "王晓燕没有签发权限（统一授权中的“签发公文”）。"
    assert dialog.tabs.currentWidget() is dialog.route
    assert queued(cache) == []


def test_only_the_current_assignee_gets_the_step_buttons(qtbot, session, submitted):
    drafter = outgoing_view(qtbot, session, HEAD)
    drafter.open_document(submitted)
    assert drafter.panel.button_labels() == ["取回", "撤回…"]
    assert drafter.panel.holder.text() == "现由王晓燕办理。"
    reviewer = outgoing_view(qtbot, session, OFFICE)
    reviewer.open_document(submitted)
    assert reviewer.panel.button_labels() == ["同意…", "退回…", "转办…", "加签…", "修改正文…"]


def test_send_back_needs_a_reason_and_then_queues_it(qtbot, cache, session, submitted):
    view = outgoing_view(qtbot, session, OFFICE)
    view.open_document(submitted)
    send_back = next(b for b in view.panel.action_buttons if b.text() == "退回…")
    qtbot.mouseClick(send_back, Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, view.findChild(DocumentActionDialog))
    assert dialog.step.currentText() == "拟稿（陈建国）"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请填写理由。"
    dialog.text.setPlainText("请补充附件。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    name, args = queued(cache)[-1]
    assert (name, args["action"], args["target_step_id"], args["reason"]) == ("document.route", "send_back", "s0", "请补充附件。")
    assert view.panel.button_labels() == []  # back with the drafter
    opinions = view.panel.opinions_model
    assert opinions.index(0, opinions.SIGNATURE).data() == "未验证；已被取代（该环节已重新办理）"  # the submission before 退回


def test_editing_the_text_makes_a_version_whose_changes_are_marked(qtbot, cache, session, submitted):
    view = outgoing_view(qtbot, session, OFFICE)
    view.open_document(submitted)
    assert not view.panel.tabs.isTabVisible(view.panel.tabs.indexOf(view.panel.revisions))  # one version: nothing to compare
    edit = next(b for b in view.panel.action_buttons if b.text() == "修改正文…")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, view.findChild(DocumentActionDialog))
    assert dialog.text.toPlainText() == "请认真贯彻执行。"
    dialog.text.setPlainText("请各地认真贯彻执行。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert queued(cache)[-1][0] == "document.revise"
    assert view.panel.tabs.isTabVisible(view.panel.tabs.indexOf(view.panel.revisions))
    assert (view.panel.revisions.older.currentText(), view.panel.revisions.newer.currentText()) == ("第 1 版", "第 2 版")
    [paragraph] = view.panel.revisions.marked()
    assert Span(INSERTED, "各地") in paragraph.spans
    assert view.panel.body.toPlainText().strip() == "请各地认真贯彻执行。"


def test_outgoing_filters_by_kind_and_classification(qtbot, session, submitted):
    view = outgoing_view(qtbot, session, HEAD)
    assert len(rows(view)) == 1
    view.kind.setCurrentIndex(view.kind.findData("请示"))
    assert rows(view) == []
    view.kind.setCurrentIndex(view.kind.findData("通知"))
    view.classification.setCurrentIndex(view.classification.findData("公开"))
    assert len(rows(view)) == 1
    view.status.setCurrentIndex(view.status.findData("signed"))
    assert rows(view) == []


def add_delivered(cache, incoming_id: str = "d1:u01") -> None:
    data = {
        "document_id": "d1", "unit_id": "u01", "sender_unit_id": "u31", "sender_name": "如皋市人民政府", "title": "关于报送电子政务项目的请示",
        "kind": "请示", "classification": "公开", "doc_number": "皋政发〔2012〕12号", "meta": {**sample_meta(), "标题": "关于报送电子政务项目的请示"},
        "state": {"doc_id": "d1", "unit_id": "u01", "status": "delivered", "register_no": None, "due": None, "leader": None, "handlers": [], "readers": [], "history": []},
        "status": "delivered", "register_no": None, "due": None, "body_version": 1, "delivered_at": 1356969600.0, "updated_at": 1356969600.0,
        "attachments": [], "todo_users": [OFFICE.id],
    }
    with cache.sessions.begin() as s:
        apply_row(s, "incoming", incoming_id, 1, False, data)


def test_incoming_list_opens_and_the_clerk_signs_for_it(qtbot, cache, session):
    add_delivered(cache)
    leader = IncomingView("收文", session.documents, session.directory, HEAD, session.blobs)
    clerk = IncomingView("收文", DocumentService(cache, OFFICE), session.directory, OFFICE, session.blobs)
    for view in (leader, clerk):
        qtbot.addWidget(view)
        view.show()
        view.refresh()
    assert rows(leader) == [["关于报送电子政务项目的请示", "如皋市人民政府", "请示", "皋政发〔2012〕12号", "公开", "待签收", "", "2013-01-01 00:00"]]
    leader.open_document("d1:u01")
    assert leader.panel.button_labels() == []
    clerk.open_document("d1:u01")
    assert clerk.panel.button_labels() == ["签收", "退回…"]
    qtbot.mouseClick(clerk.panel.action_buttons[0], Qt.MouseButton.LeftButton)
    assert queued(cache)[-1][1]["action"] == "receive"
    assert clerk.panel.button_labels() == ["登记…"]


def test_pdf_export_runs_in_the_background_with_progress(qtbot, tmp_path, session, submitted):
    view = outgoing_view(qtbot, session, HEAD)
    view.open_document(submitted)
    target = tmp_path / "通知.pdf"
    with qtbot.waitSignal(view.pdf.finished, timeout=60_000) as done:
        view.pdf.export(view.current_document(), target)
        assert view.pdf.progress.isVisible()  # the UI thread is free while reportlab works
    assert done.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")
    assert view.pdf.progress is None


def test_an_opinion_signed_with_the_key_shows_as_holding(qtbot, tmp_path, cache, session, submitted):
    signer = load_p12_key(write_p12(tmp_path, "wangxy", OFFICE.name, OFFICE.unit_name)).unlock(DEMO_PIN)
    view = OutgoingView("发文", DocumentService(cache, OFFICE), session.directory, OFFICE, lambda: signer, session.blobs)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    view.open_document(submitted)
    qtbot.mouseClick(view.panel.action_buttons[0], Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, view.findChild(DocumentActionDialog))
    assert dialog.text.toPlainText() == "同意"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert queued(cache)[-1][1]["signature"]["opinion"] == "同意"
    model = view.panel.opinions_model
    signatures = {model.index(r, model.SIGNER).data(): model.index(r, model.SIGNATURE).data() for r in range(model.rowCount())}
    assert signatures == {"陈建国": "未验证", "王晓燕": "签名有效"}  # the drafter submitted without a key


def test_without_an_unlocked_key_a_countersign_is_refused_in_words(qtbot, cache, session):
    drafts = DocumentService(cache, HEAD)
    doc_id = drafts.draft(sample_meta(), [RouteStep("会签", "all", [(OFFICE.id, "u01")])], ["请认真贯彻执行。"], "通政办发")
    drafts.submit(doc_id)
    before = queued(cache)
    view = outgoing_view(qtbot, session, OFFICE)  # no key unlocked in this session
    view.open_document(doc_id)
    qtbot.mouseClick(view.panel.action_buttons[0], Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, view.findChild(DocumentActionDialog))
    dialog.text.setPlainText("同意，建议第三条再斟酌")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "the dialog stays open with the refusal"
    assert dialog.error.isVisible() and "请插入UKey并解锁后再签署" in dialog.error.text()
    assert dialog.text.toPlainText() == "同意，建议第三条再斟酌", "what she wrote is kept"
    assert queued(cache) == before, "nothing is queued"


def test_the_clerk_registers_with_a_deadline_and_the_list_shows_it(qtbot, cache, session):
    add_delivered(cache)
    clerk = IncomingView("收文", DocumentService(cache, OFFICE), session.directory, OFFICE, session.blobs)
    qtbot.addWidget(clerk)
    clerk.show()
    clerk.refresh()
    clerk.open_document("d1:u01")
    qtbot.mouseClick(clerk.panel.action_buttons[0], Qt.MouseButton.LeftButton)  # 签收
    qtbot.mouseClick(clerk.panel.action_buttons[0], Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, clerk.findChild(DocumentActionDialog))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请填写机关代字。"
    dialog.unit_code.setText("通政办")
    dialog.has_due.setChecked(True)
    dialog.due.setDate(QDate(2013, 1, 10))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    args = queued(cache)[-1][1]
    assert (args["action"], args["unit_code"], args["due"]) == ("register", "通政办", "2013-01-11T00:00:00+08:00")
    assert rows(clerk)[0][3] == "（待编号）" and rows(clerk)[0][5:7] == ["已登记", "2013-01-10（已超期）"]  # the server allocates the 收文编号
    assert clerk.panel.button_labels() == ["拟办…", "传阅…"]
    model = clerk.panel.incoming_model
    assert [model.index(r, model.ACTION).data() for r in range(model.rowCount())] == ["签收", "登记"]


def test_the_sender_sees_each_unit_s_receipt(qtbot, cache, session, submitted):
    with cache.sessions.begin() as s:
        apply_row(s, "document_receipt", f"{submitted}:u31", 1, False, {"document_id": submitted, "unit_id": "u31", "status": "returned", "reason": "非我单位职责", "at": 1357000000.0})
    view = outgoing_view(qtbot, session, HEAD)
    view.open_document(submitted)
    assert view.panel.tabs.isTabVisible(view.panel.tabs.indexOf(view.panel.receipts))
    model = view.panel.receipts_model
    assert [model.index(0, c).data() for c in range(model.columnCount())] == ["如皋市人民政府", "已退回", "2013-01-01 08:26", "非我单位职责"]


def test_the_clerk_registers_a_paper_document_with_its_scan(qtbot, tmp_path, cache, session):
    scan = tmp_path / "来文扫描.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned")
    clerk = IncomingView("收文", DocumentService(cache, OFFICE), session.directory, OFFICE, session.blobs)
    qtbot.addWidget(clerk)
    clerk.show()
    clerk.refresh()
    assert clerk.create_new()
    dialog = activated(qtbot, clerk.findChild(PaperDocumentDialog))
    dialog.form.kind.setCurrentText("函")
    dialog.form.title.setText("关于商请支持电子政务项目的函")
    dialog.form.doc_number.setText("皋政函〔2012〕8号")
    dialog.form.issuer_mark.setText("如皋市人民政府")
    dialog.form.issuer_name.setText("如皋市人民政府")
    dialog.unit_code.setText("通政办")
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请选择纸质公文的扫描件。"
    dialog.scan.setText(str(scan))
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    (paper, args), (register, _) = queued(cache)
    assert (paper, register) == ("document.paper", "document.incoming")
    assert args["meta"]["发文字号"] == "皋政函〔2012〕8号" and args["attachments"][0]["name"] == "来文扫描.pdf"
    assert session.blobs.has(args["attachments"][0]["sha256"])
    assert rows(clerk)[0][0] == "关于商请支持电子政务项目的函"
    assert clerk.panel.title.text() == "关于商请支持电子政务项目的函"
    leader = IncomingView("收文", session.documents, session.directory, HEAD, session.blobs)
    qtbot.addWidget(leader)
    assert not leader.create_new() and leader.paper_button.isHidden()  # only clerks register paper documents


def test_the_body_is_imported_from_docx_and_attachments_go_to_the_blob_store(qtbot, tmp_path, cache, session):
    source = tmp_path / "正文.docx"
    word = docx.Document()
    for paragraph in ("各县（市）、区人民政府：", "现将有关事项通知如下。"):
        word.add_paragraph(paragraph)
    word.save(str(source))
    plan = tmp_path / "南通市电子政务发展规划.pdf"
    plan.write_bytes(b"%PDF-1.4 plan")
    view = outgoing_view(qtbot, session, HEAD)
    view.create_new()
    dialog = activated(qtbot, view.findChild(DraftDocumentDialog))
    dialog.import_body(source)
    assert dialog.body.toPlainText() == "各县（市）、区人民政府：\n现将有关事项通知如下。"
    dialog.add_attachment(plan)
    dialog.form.title.setText(TITLE)
    dialog.number_prefix.setText("通政办发")
    dialog.route.add_spec(StepSpec("核稿", ALL, ((OFFICE.id, "u01"),)))
    dialog.submit()
    [(_, args)] = queued(cache)
    assert args["meta"]["附件说明"] == "南通市电子政务发展规划"
    [attachment] = args["attachments"]
    assert (attachment["name"], attachment["size"]) == ("南通市电子政务发展规划.pdf", 13)
    assert b"".join(session.blobs.read(attachment["sha256"])) == b"%PDF-1.4 plan"
    assert view.panel.attachments.item(0).text() == "南通市电子政务发展规划.pdf"


def test_an_added_signer_can_be_cancelled_before_they_act(qtbot, cache, session, submitted):
    view = outgoing_view(qtbot, session, OFFICE)
    view.open_document(submitted)
    qtbot.mouseClick(next(b for b in view.panel.action_buttons if b.text() == "加签…"), Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, view.findChild(DocumentActionDialog))
    dialog.people.unit.setCurrentIndex(dialog.people.unit.findData("u31"))
    dialog.people.picker("u31").check_department("办公室")
    assert dialog.before.isChecked()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert queued(cache)[-1][1].items() >= {"action": "add_signer", "user_id": RUGAO.id, "unit_id": "u31", "before": True}.items()
    assert view.panel.holder.text() == "现由周强办理。"
    assert view.panel.button_labels() == ["撤销加签…"]
    qtbot.waitUntil(lambda: view.findChild(DocumentActionDialog) is None)  # the 加签 dialog is gone
    qtbot.mouseClick(view.panel.action_buttons[0], Qt.MouseButton.LeftButton)
    dialog = activated(qtbot, view.findChild(DocumentActionDialog))
    assert dialog.step.currentText() == "核稿（周强）"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert queued(cache)[-1][1]["action"] == "remove_added_signer"
    assert view.panel.holder.text() == "现由王晓燕办理。"


def test_a_refused_action_is_said_in_words_above_the_list(qtbot, cache, session, submitted):
    view = outgoing_view(qtbot, session, HEAD)
    view.open_document(submitted)
    assert view.panel.button_labels()[0] == "取回"
    DocumentService(cache, OFFICE).sign(submitted, "同意")  # meanwhile the reviewer signed it off
    before = queued(cache)
    qtbot.mouseClick(view.panel.action_buttons[0], Qt.MouseButton.LeftButton)
    assert view.error.isVisibleTo(view)
    assert view.error.text() == "公文流程已经结束（已签发或已撤回）。"  # 核稿 was the last step
    assert queued(cache) == before


def search_for(qtbot, view, words: str) -> None:
    with qtbot.waitSignal(view._search.query_changed):
        view._search.setText(words)


def test_a_draft_is_found_by_a_two_character_word_of_its_body(qtbot, session, submitted):
    view = outgoing_view(qtbot, session, HEAD)
    search_for(qtbot, view, "贯彻")  # in the body only, not in the title or the metadata
    assert [row[0] for row in rows(view)] == [sample_meta()["标题"]]
    tooltip = view.table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>贯彻</b>" in tooltip
    view.open_document(submitted)
    assert view.panel.title.text() == sample_meta()["标题"]
    search_for(qtbot, view, "撤销")
    assert rows(view) == []
    view.kind.setCurrentIndex(view.kind.findData("请示"))
    search_for(qtbot, view, "贯彻")
    assert rows(view) == []  # the 文种 filter holds in a search too
    view.open_document(submitted)  # from 待办: shown though the list does not hold it
    assert view.panel.title.text() == sample_meta()["标题"]


def test_a_pulled_incoming_document_joins_the_open_list(qtbot, cache, session):
    view = IncomingView("收文", session.documents, session.directory, HEAD, session.blobs)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert rows(view) == []
    add_delivered(cache)
    view.refresh()  # as after a sync
    assert view.table.model().total() == 1
    assert [row[0] for row in rows(view)] == ["关于报送电子政务项目的请示"]
    view.status.setCurrentIndex(view.status.findData("delivered"))
    assert len(rows(view)) == 1
    view.classification.setCurrentIndex(view.classification.findData("机密"))
    assert rows(view) == []
