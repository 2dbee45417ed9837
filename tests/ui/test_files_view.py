"""The 文件共享 page: cabinets as trees, a file dropped in is queued with its 密级, search by
content, versions with restore, a folder's menu, a bad name said in words. Offline (no server): what the user
does waits in the outbox, as on a train."""

import hashlib
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from app.services.account import remember_login
from app.services.files import FilesService
from app.store.mirror import apply_row
from app.store import outbox
from app.store.outbox import pending_count
from app.domain.scopes import file_scopes_for, scopes_for
from tests.support.cache_data import HEAD
from ui.dialogs.file_versions_dialog import FileVersionsDialog
from ui.views.files_view import FilesView


@pytest.fixture
def files(cache):
    remember_login(cache, HEAD, scopes_for(HEAD.id, HEAD.unit_id) + file_scopes_for(HEAD.id, HEAD.department_id, HEAD.unit_id, "秘密"))
    return FilesService(cache, HEAD)


@pytest.fixture
def view(qtbot, session, files):
    opened = []
    page = FilesView(lambda: files, session.directory, HEAD.unit_id, opened.append)
    page.opened = opened
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def _select(view, container):
    view.tree.setCurrentIndex(view.tree_model.index_of(container))


def _drop(view, *paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    view.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def test_cabinets_are_trees_and_a_dropped_file_waits_with_its_classification(qtbot, view, files, cache, tmp_path):
    tops = [view.tree_model.item(row).text() for row in range(view.tree_model.rowCount())]
    assert tops == ["单位文件柜", "个人文件柜", "共享给我的"]
    folder = files.create_folder(files.personal_cabinet, "调研材料")
    view.refresh()
    _select(view, folder)
    assert view.level.currentText() == "密级：内部" and view.level.count() == 3  # up to the user's 秘密
    report = tmp_path / "调研报告.txt"
    report.write_text("关于协同办公平台建设的调研报告", encoding="utf-8")
    reserved = tmp_path / "CON.txt"
    reserved.write_text("x", encoding="utf-8")
    _drop(view, report, reserved)
    qtbot.waitUntil(lambda: not view.progress.isVisible())
    assert view.model.rowCount() == 1 and "CON.txt：“CON.txt”是系统保留的名称" in view.error.text()
    assert view.model.index(0, 0).data() == "调研报告.txt（待上传）"
    assert view.model.index(0, 1).data() == "内部"
    assert pending_count_of(cache) == 2  # the folder and the file
    view.search.setText("平台建设")
    assert [view.model.row_item(r).name for r in range(view.model.rowCount())] == ["调研报告.txt"]
    assert "<b>平台建设</b>" in view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)  # where in the text, marked


def test_versions_restore_and_open(qtbot, view, files, tmp_path):
    content = tmp_path / "v1.txt"
    content.write_text("第一稿", encoding="utf-8")
    sha = files.blobs.add(content)
    now = time.time()
    versions = [{"number": 1, "sha256": sha, "size": 9, "author_name": "王晓燕", "saved_at": now - 60}, {"number": 2, "sha256": hashlib.sha256(b"x").hexdigest(), "size": 1, "author_name": "陈建国", "saved_at": now}]
    data = {"container": files.unit_cabinet, "cabinet": files.unit_cabinet, "name": "纪要.txt", "level": "公开", "sha256": versions[1]["sha256"], "size": 1, "saved_at": now, "author_name": "陈建国", "grants": [["unit", "u01", "write"]], "versions": versions}
    with files._cache.sessions.begin() as s:
        apply_row(s, "file", "f1", 2, False, data)
    view.refresh()
    _select(view, files.unit_cabinet)
    view.table.selectRow(0)
    dialog = FileVersionsDialog(files, "f1", view)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and dialog.list.item(0).text().startswith("第 2 版 — 陈建国")
    dialog.list.setCurrentRow(1)
    dialog.restore_button.click()
    assert files.file("f1").version == 3 and files.file("f1").local  # version 1's content is here
    view.refresh()
    view.table.selectRow(0)
    view.open_button.click()
    [opened] = view.opened  # a decrypted copy under the file's name
    assert Path(opened.toLocalFile()).name == "纪要.txt" and Path(opened.toLocalFile()).read_text(encoding="utf-8") == "第一稿"


def test_the_classification_is_changed_within_the_ceiling(view, files, tmp_path, monkeypatch):
    source = tmp_path / "名单.txt"
    source.write_text("名单", encoding="utf-8")
    file_id = files.upload(files.unit_cabinet, source, level="内部")
    view.refresh()
    _select(view, files.unit_cabinet)
    view.table.selectRow(0)
    offered = []
    monkeypatch.setattr("ui.views.files_view.QInputDialog.getItem", lambda _p, _t, _l, items, *a: (offered.extend(items), ("秘密", True))[1])
    view.classify_button.click()
    assert offered == ["公开", "内部", "秘密"] and files.file(file_id).level == "秘密"


def test_a_bad_name_is_said_in_words(qtbot, view, files, monkeypatch):
    _select(view, files.personal_cabinet)
    monkeypatch.setattr("ui.views.files_view.QInputDialog.getText", lambda *a, **k: ("../机密", True))  # the modal input box cannot be typed into offscreen
    view.new_folder_button.click()
    assert view.error.isVisible() and "上级目录" in view.error.text()
    assert files.folders(files.personal_cabinet) == []


def test_the_unit_quota_is_shown(view, files):
    with files._cache.sessions.begin() as s:
        apply_row(s, "file_quota", HEAD.unit_id, 1, False, {"used": 3 * 1024**3, "limit": 50 * 1024**3})
    view.refresh()
    assert view.usage.text() == "单位文件柜：已用 3.0 GB，上限 50.0 GB"


def test_a_conflict_copy_is_told_until_dismissed(view, files):
    message = "“调研报告.txt”已被他人修改，您的修改已另存为“调研报告（冲突副本 陈建国 2026-11-26）.txt”，两个版本都已保留。"
    data = {"entity": "file", "entity_id": "f9", "title": "调研报告.txt", "fields": {"file": {"server": "调研报告.txt", "mine": "调研报告（冲突副本 陈建国 2026-11-26）.txt", "copy_id": "c9", "message": message}}, "at": time.time()}
    with files._cache.sessions.begin() as s:
        apply_row(s, "conflict", "file:f9:c9", 1, False, data)
    view.refresh()
    assert view.conflict.isVisible() and view.conflict_words.text() == message
    view.dismiss_button.click()
    assert not view.conflict.isVisible()


def pending_count_of(cache) -> int:
    with cache.session() as s:
        return pending_count(s)


def test_a_folder_is_renamed_moved_and_deleted_from_its_menu(view, files, cache, monkeypatch, tmp_path):
    reports = files.create_folder(files.personal_cabinet, "报告")
    drafts = files.create_folder(files.personal_cabinet, "草稿")
    inner = files.create_folder(drafts, "旧稿")
    view.refresh()
    _select(view, drafts)
    # the modal boxes cannot be answered offscreen: each is answered here as the user would
    monkeypatch.setattr("ui.views.files_view.QInputDialog.getText", lambda *a, **k: ("草稿 2026", True))
    view.rename_folder_action.trigger()
    assert [f.name for f in files.folders(files.personal_cabinet)] == ["报告", "草稿 2026"]
    offered = []
    monkeypatch.setattr("ui.views.files_view.QInputDialog.getItem", lambda _p, _t, _l, items, *a: (offered.extend(items), ("报告", True))[1])
    _select(view, drafts)
    view.move_folder_action.trigger()
    assert offered == ["个人文件柜", "报告"]  # not into itself nor below it
    assert [f.id for f in files.folders(reports)] == [drafts] and files.folders(drafts)[0].id == inner
    monkeypatch.setattr("ui.views.files_view.QMessageBox.question", lambda *a: QMessageBox.StandardButton.Yes)
    _select(view, drafts)
    view.delete_folder_action.trigger()
    assert "不是空的" in view.error.text() and files.folders(reports)
    _select(view, inner)
    view.delete_folder_action.trigger()
    assert files.folders(drafts) == []
    with cache.session() as s:
        assert [op.name for op in outbox.pending_rows(s)][-3:] == ["folder.rename", "folder.move", "folder.delete"]
