"""公文 in 待办: a 发文 step waiting for the user is listed beside notices and meetings, and opens
on the 发文 page with the document shown."""

from PySide6.QtCore import Qt

from app.services.documents import DocumentService, RouteStep
from tests.support.cache_data import HEAD
from tests.support.documents import sample_meta

TITLE = "关于做好元旦春节期间有关工作的通知"


def test_a_step_waiting_for_me_is_in_todo_and_opens_the_document(qtbot, cache, window):
    drafts = DocumentService(cache, HEAD)
    meta = sample_meta()
    meta["标题"] = TITLE
    doc_id = drafts.draft(meta, [RouteStep("核稿", "all", [(HEAD.id, HEAD.unit_id)])], ["请认真贯彻执行。"], "通政办发")
    drafts.submit(doc_id)
    window.refresh_pages()
    model = window.todo.table.model()
    [row] = [r for r in range(model.rowCount()) if model.index(r, 0).data() == TITLE]
    assert model.index(row, 1).data() == "待签 · 陈建国"
    table = window.todo.table
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page() is window.outgoing
    assert window.outgoing.panel.title.text() == TITLE
