"""The 门户 page as the user meets it: 待办 from our notices and two other systems in one table,
most urgent first; another system's item and a launcher tile open in the system browser (offline:
the plain address, the system asks for its own login); the launcher shows only the systems the
user's roles may see; one search finds 公文 and shared files and opens them; an administrator
also gets the roles page, where a member's 密级 clearance is shown and changed."""

import time

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from app.domain.notices import AUDIENCE_ALL
from app.store import file_index_sync, outbox
from app.store.document_search import DocumentFields, index_document
from app.store.mirror import apply_row
from tests.support.cache_data import HEAD, OFFICE
from tests.ui.store_rows import add_notice
from ui.main_window.main_window import MainWindow
from ui.sync_runner import SyncRunner


class Browser(QObject):
    """Stands in for the system browser through Qt's own URL handler hook: nothing is launched here."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    found = Browser()
    QDesktopServices.setUrlHandler("https", found, "open")
    yield found
    QDesktopServices.unsetUrlHandler("https")


def put(cache, entity: str, row_id: str, data: dict) -> None:
    with cache.sessions.begin() as s:
        apply_row(s, entity, row_id, 1, False, data)


def fill_portal(cache) -> None:
    add_notice(cache, "n1", OFFICE, AUDIENCE_ALL, "关于做好元旦春节期间有关工作的通知")
    todo = {"deadline": None, "urgency": "normal", "updated_at": 0.0}
    put(cache, "portal_todo", "docs:gw-17", {**todo, "system": "公文交换系统", "title": "关于报送年度工作总结的通知", "link": "https://docs.example.test/gw/17", "urgency": "very_urgent"})
    put(cache, "portal_todo", "dc:9", {**todo, "system": "督查督办系统", "title": "重点工作季度督办", "link": "https://dc.example.test/9", "deadline": 1_800_000_000.0})
    system = {"icon": "", "unit_id": "u01"}
    put(cache, "system", "docs", {**system, "name": "公文交换系统", "icon": "incoming", "launch_url": "https://docs.example.test/", "roles": []})
    put(cache, "system", "cars", {**system, "name": "车辆管理系统", "launch_url": "https://cars.example.test/", "roles": ["办公室主任"]})
    put(cache, "system", "hr", {**system, "name": "人事管理系统", "launch_url": "https://hr.example.test/", "roles": ["人事专员"]})
    start = int(time.time())
    invitation = {"title": "今日碰头会", "room_name": "第一会议室", "location": "", "organiser_name": "王晓燕", "occurrences": [[start, start + 1800]], "cancelled": False, "answer": ""}
    put(cache, "invitation", "m1", invitation)


def test_todo_of_three_systems_and_the_launcher_open_in_the_browser(qtbot, cache, window, browser):
    fill_portal(cache)
    window.refresh_pages()
    page = window.portal
    assert window.current_page() is page
    model = page.table.model()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 3).data()) for r in range(model.rowCount())]
    assert rows[0] == ("关于报送年度工作总结的通知", "公文交换系统", "特急")
    assert {source for _title, source, _urgency in rows} >= {"公文交换系统", "督查督办系统", "通知公告 · 王晓燕"}
    assert [page.launcher.item(i).text() for i in range(page.launcher.count())] == ["公文交换系统", "车辆管理系统"]  # not 人事管理系统
    assert "今日碰头会" in page.today.item(0).text()
    assert page.notices.item(0).text().endswith("关于做好元旦春节期间有关工作的通知")

    page.table.activated.emit(model.index(0, 0))
    page.launcher.itemActivated.emit(page.launcher.item(1))
    qtbot.waitUntil(lambda: len(browser.opened) == 2)
    assert sorted(browser.opened) == ["https://cars.example.test/", "https://docs.example.test/gw/17"]  # each asked off the UI thread
    assert "未经单点登录" in window.status.currentMessage()

    page.table.activated.emit(model.index([r for r, row in enumerate(rows) if row[1] == "通知公告 · 王晓燕"][0], 0))
    assert window.current_page() is window.notices


def test_one_search_finds_documents_and_files_and_opens_them(qtbot, cache, window):
    index_with = {"kind": "发文", "title": "关于协同办公平台建设的请示", "body": "拟建设协同办公平台"}
    unit = f"unit:{HEAD.unit_id}"
    sha = "ab" * 32
    with cache.sessions.begin() as s:
        index_document(s, "d1", DocumentFields(**index_with))
        file_index_sync.add_text(s, sha, "平台建设方案：分三期实施")
        apply_row(s, "file", "f1", 1, False, {"container": unit, "cabinet": unit, "name": "方案.txt", "level": "内部", "sha256": sha, "size": 9, "saved_at": time.time(), "author_name": "王晓燕", "grants": [["unit", HEAD.unit_id, "write"]], "versions": []})
    page = window.portal
    page.finder.setText("平台建设")
    found = [page.found.item(i) for i in range(page.found.count())]
    assert sorted(item.text().split(" — ")[0] for item in found) == ["[发文] 关于协同办公平台建设的请示", "[文件] 方案.txt"]
    assert "<b>平台建设</b>" in found[0].toolTip()
    page.finder.setText("分三期")
    assert [page.found.item(i).text() for i in range(page.found.count())] == ["[文件] 方案.txt — 平台建设方案：分三期实施"]
    page.found.itemActivated.emit(page.found.item(0))
    assert window.current_page() is window.files and window.files.selected().id == "f1"
    page.finder.setText("没有这个词")
    assert page.found.item(0).text() == "没有找到"


def test_an_administrator_gets_the_roles_page_and_changes_go_out_as_ops(qtbot, cache, session, monkeypatch):
    put(cache, "role_grant", "办公室主任|authz.manage", {"role": "办公室主任", "permission": "authz.manage"})
    put(cache, "role_grant", "车辆调度员|vehicle.dispatch", {"role": "车辆调度员", "permission": "vehicle.dispatch"})
    for role in ("办公室主任", "车辆调度员"):
        put(cache, "role", role, {"description": ""})
    win = MainWindow(session, SyncRunner(session))
    qtbot.addWidget(win)
    assert win.nav.labels()[-1] == "角色权限"
    roles = win.pages["admin"]
    win.show_page("admin")
    roles.roles.setCurrentItem(roles.roles.findItems("车辆调度员", Qt.MatchFlag.MatchExactly)[0])
    assert roles.permissions.item(0).text() == "派车"
    roles.permissions.setCurrentRow(0)
    roles.revoke_button.click()
    roles.roles.setCurrentItem(roles.roles.findItems("办公室主任", Qt.MatchFlag.MatchExactly)[0])
    assert roles.members.item(0).text() == "陈建国（密级：秘密）"
    roles.members.setCurrentRow(0)
    monkeypatch.setattr("ui.views.admin_view.QInputDialog.getItem", lambda *a: ("内部", True))  # the modal box cannot be answered offscreen
    roles.clearance_button.click()
    with cache.session() as s:
        assert [(op.name, op.args) for op in outbox.pending_rows(s)] == [
            ("authz.revoke", {"role": "车辆调度员", "permission": "vehicle.dispatch"}),
            ("authz.set_clearance", {"person_id": HEAD.id, "clearance": "内部"}),
        ]
    win.close()
