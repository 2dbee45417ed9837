"""文件共享 with the real exchange server process and real client caches: a folder shared across
units, offline edits on both sides, rights and 密级 ceilings, bad names, sizes and a full quota.
One server for the module (SQLite); each test works in folders of its own."""

import datetime as dt
import hashlib
import time
from zoneinfo import ZoneInfo

import pytest

from app.domain.errors import RuleViolation
from app.domain.files import MAX_FILE_BYTES, check_size
from app.services import sync_state
from app.services.blob_upkeep import GRACE_S, collect_garbage
from app.store import outbox
from app.store.models import PersonRow
from sync.client.transport import ServerRefused, ServerUnreachable
from tests.support.headless_client import sign_in
from tests.support.server_process import run_cli, start_server

LOGINS = ("wangxy", "zhaoli", "liming", "chenjg")  # 密级 ceilings: u01 d1 机密, u02 机密, u01 d2 秘密, u01 机密


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("files-server")
    running = start_server(workdir, f"sqlite:///{workdir / 'server.db'}", people=60)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def people(server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("files-clients")
    clients = {login: sign_in(server.url, server.ca_file, server.tokens_dir, login, folder / f"{login}.sqlite") for login in LOGINS}
    yield clients
    for c in clients.values():
        c.transport.close_connections()
        c.close()


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _content(client, file_id, number=None):
    return client.files.open_path(file_id, number).read_text(encoding="utf-8")


def _sync_all(people, *logins):
    for login in logins:
        people[login].sync()


def test_two_units_edit_one_file_offline_and_no_version_is_lost(server, people, tmp_path):
    wang, zhao = people["wangxy"], people["zhaoli"]
    folder = wang.files.create_folder(wang.files.unit_cabinet, "联合调研")
    wang.files.share(folder, "unit", "u02", "write")
    report = wang.files.upload(folder, _write(tmp_path / "调研报告.txt", "第一稿：电子政务规划调研"))
    _sync_all(people, "wangxy", "zhaoli")
    [shared] = [f for f in zhao.files.shared_with_me() if f.id == folder]
    assert shared.right == "write"
    zhao.files.keep_offline(folder, True)
    assert zhao.files.fetch_offline() == 1

    for c in people.values():
        c.transport.close_connections()
    server.stop()
    try:
        assert _content(zhao, report) == "第一稿：电子政务规划调研"  # kept offline: opens without the server
        wang.files.save_version(report, _write(tmp_path / "w.txt", "第二稿（王）"))
        zhao.files.save_version(report, _write(tmp_path / "z.txt", "第二稿（赵）"))
        with pytest.raises(ServerUnreachable):
            zhao.sync()
    finally:
        server.start()
    _sync_all(people, "wangxy", "zhaoli", "wangxy")

    for viewer in (wang, zhao):
        names = {f.name: f for f in viewer.files.files(folder)}
        day = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
        copy = names[f"调研报告（冲突副本 赵丽 {day}）.txt"]
        assert _content(viewer, report) == "第二稿（王）" and _content(viewer, copy.id) == "第二稿（赵）"
        assert [v.number for v in viewer.files.versions(report)] == [2, 1]
        assert _content(viewer, report, 1) == "第一稿：电子政务规划调研"
    [told] = zhao.files.conflicts()
    assert "调研报告.txt" in told.message and "冲突副本" in told.copy_name
    assert not wang.files.conflicts()


def test_same_name_made_twice_and_an_edit_of_a_deleted_file_are_kept_as_copies(people, tmp_path):
    wang, zhao = people["wangxy"], people["zhaoli"]
    folder = wang.files.create_folder(wang.files.unit_cabinet, "通讯录更新")
    wang.files.share(folder, "unit", "u02", "write")
    kept = wang.files.upload(folder, _write(tmp_path / "a.txt", "旧表"))
    _sync_all(people, "wangxy", "zhaoli")
    wang.files.upload(folder, _write(tmp_path / "名单.txt", "王的名单"))  # neither has synced yet
    zhao.files.upload(folder, _write(tmp_path / "名单.txt", "赵的名单"))
    wang.files.delete(kept)
    zhao.files.save_version(kept, _write(tmp_path / "b.txt", "赵改的表"))
    _sync_all(people, "wangxy", "zhaoli", "wangxy")
    contents = sorted(_content(wang, f.id) for f in wang.files.files(folder))
    assert contents == ["王的名单", "赵改的表", "赵的名单"]
    assert len(zhao.files.conflicts()) >= 2


def test_restore_rename_move_and_search_by_content(people, tmp_path):
    wang = people["wangxy"]
    folder = wang.files.create_folder(wang.files.personal_cabinet, "草稿")
    archive = wang.files.create_folder(wang.files.personal_cabinet, "归档")
    file_id = wang.files.upload(folder, _write(tmp_path / "纪要.txt", "会议研究了协同办公平台建设"))
    wang.sync()
    wang.files.save_version(file_id, _write(tmp_path / "v2.txt", "改过的纪要"))
    wang.sync()
    wang.files.restore(file_id, 1)
    wang.files.rename(file_id, "办公会纪要.txt")
    wang.files.move(file_id, archive)
    wang.sync()
    [moved] = wang.files.files(archive)
    assert (moved.name, moved.version) == ("办公会纪要.txt", 3) and not wang.files.files(folder)
    assert _content(wang, file_id) == "会议研究了协同办公平台建设"
    [hit] = wang.files.search("协同办公")  # by content, Chinese
    assert hit.file.id == file_id and hit.snippet.marked("[", "]").count("[协同办公]") == 1
    assert [h.file.id for h in wang.files.search("办公会")] == [file_id]  # by name
    assert [h.file.id for h in wang.files.search("纪要 平台")] == [file_id]  # a word of the name, a word of the text
    assert wang.files.search("不存在的词") == []


def test_no_list_download_or_replace_without_the_right(people, tmp_path):
    wang, li = people["wangxy"], people["liming"]
    folder = wang.files.create_folder(wang.files.personal_cabinet, "人事材料")
    secret = wang.files.upload(folder, _write(tmp_path / "名单.txt", "内部名单"))
    wang.sync()
    sha = wang.files.versions(secret)[0].sha256
    li.sync()
    assert li.files.file(secret) is None and folder not in {f.id for f in li.files.shared_with_me()}
    with pytest.raises(ServerRefused) as refused:
        li.transport.blob_get(sha, 0, 16)
    assert refused.value.code == "blob.missing"

    wang.files.share(folder, "person", li.user.id, "read")
    wang.sync()
    li.sync()
    assert _content(li, secret) == "内部名单"
    with pytest.raises(RuleViolation) as read_only:
        li.files.save_version(secret, _write(tmp_path / "改.txt", "篡改"))
    assert read_only.value.code == "files.read_only"
    _push_raw(li, "file.save", {"id": secret, "container": folder, "name": "名单.txt", "level": "内部", "base_version": 1, "copy_id": "c1", "attachments": [{"name": "x", "sha256": sha, "size": 12}]})
    assert _last_rejection(li) == "files.read_only"

    wang.files.share(folder, "person", li.user.id, "none")
    wang.sync()
    li.sync()
    assert li.files.file(secret) is None
    with pytest.raises(ServerRefused):
        li.transport.blob_get(sha, 0, 16)


def test_a_file_above_the_ceiling_never_reaches_the_client(people, tmp_path):
    chen, li = people["chenjg"], people["liming"]
    assert (chen.files.clearance, li.files.clearance) == ("机密", "秘密")
    folder = chen.files.create_folder(chen.files.unit_cabinet, "涉密件")
    classified = chen.files.upload(folder, _write(tmp_path / "机密件.txt", "机密内容"), level="机密")
    open_one = chen.files.upload(folder, _write(tmp_path / "通知.txt", "公开内容"), level="公开")
    chen.sync()
    li.sync()
    assert [f.id for f in li.files.files(folder)] == [open_one]
    assert li.files.search("机密") == []
    sha = chen.files.versions(classified)[0].sha256
    with pytest.raises(ServerRefused):
        li.transport.blob_get(sha, 0, 16)
    with pytest.raises(RuleViolation) as above:
        li.files.upload(folder, _write(tmp_path / "x.txt", "x"), level="机密")
    assert above.value.code == "files.level_above_clearance"


@pytest.mark.parametrize(
    ("name", "code"),
    [("../../etc/passwd", "files.name_traversal"), ("..", "files.name_traversal"), ("a/b.txt", "files.name_reserved_char"), ('报告*?".txt', "files.name_reserved_char"), ("CON.txt", "files.name_reserved"), ("a\x07b", "files.name_control_char"), ("", "files.name_empty")],
)
def test_bad_names_are_refused_by_client_and_server(people, tmp_path, name, code):
    wang = people["wangxy"]
    with pytest.raises(RuleViolation) as refused:
        wang.files.create_folder(wang.files.personal_cabinet, name)
    assert refused.value.code == code and refused.value.message
    before = len(wang.files.folders(wang.files.personal_cabinet))
    _push_raw(wang, "folder.create", {"id": f"bad{abs(hash(name))}", "container": wang.files.personal_cabinet, "name": name})
    assert _last_rejection(wang) == code
    assert len(wang.files.folders(wang.files.personal_cabinet)) == before


def test_zero_byte_file_round_trips(people, tmp_path):
    wang, li = people["wangxy"], people["liming"]
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    file_id = wang.files.upload(wang.files.unit_cabinet, empty)
    wang.sync()
    li.sync()
    assert li.files.file(file_id).size == 0 and li.files.open_path(file_id).read_bytes() == b""


def test_over_two_gb_is_refused_before_anything_is_written(people, tmp_path):
    wang = people["wangxy"]
    check_size(MAX_FILE_BYTES)  # exactly 2 GB is allowed (the full upload runs in `make soak`)
    huge = tmp_path / "huge.iso"
    with huge.open("wb") as f:  # sparse: no disk space used
        f.truncate(MAX_FILE_BYTES + 1)
    kept = set(wang.files.blobs.folder.rglob("*"))
    with pytest.raises(RuleViolation) as refused:
        wang.files.upload(wang.files.personal_cabinet, huge)
    assert refused.value.code == "files.too_large" and "2 GB" in refused.value.message
    assert sync_state.read(wang.cache).pending == 0
    assert set(wang.files.blobs.folder.rglob("*")) == kept


def test_a_full_quota_is_a_clear_refusal_and_nothing_is_kept(server, people, tmp_path):
    zhao = people["zhaoli"]
    assert run_cli(server, "files", "quota", "u02", "--mb", "1").returncode == 0
    big = tmp_path / "大文件.bin"
    big.write_bytes(b"\x01" * (2 * 1024 * 1024))
    file_id = zhao.files.upload(zhao.files.unit_cabinet, big)
    zhao.sync()
    [rejection] = [r for r in sync_state.read(zhao.cache).rejections if r.code == "files.quota_full"]
    assert "空间已满" in rejection.message
    assert zhao.files.file(file_id) is None
    shown = run_cli(server, "files", "quota", "u02")
    assert "已用 0.0 MB" in shown.stdout
    assert zhao.files.usage() == (0, 1024 * 1024)  # the sync brought the unit's figures
    collect_garbage(zhao.cache, time.time() + GRACE_S)  # the refused upload's local copy goes
    assert not zhao.files.blobs.has(hashlib.sha256(big.read_bytes()).hexdigest())
    kept = set(zhao.files.blobs.folder.rglob("*"))
    with pytest.raises(RuleViolation) as full:  # now refused here, before a byte is copied or sent
        zhao.files.upload(zhao.files.unit_cabinet, big, name="再传一次.bin")
    assert full.value.code == "files.quota_full" and "空间已满" in full.value.message
    assert sync_state.read(zhao.cache).pending == 0 and set(zhao.files.blobs.folder.rglob("*")) == kept


def _push_raw(client, name, args):
    """An op as a modified client would send it, past the client's own checks."""
    with client.cache.sessions.begin() as s:
        outbox.append(s, name, args)
    client.sync()


def _last_rejection(client) -> str:
    return sync_state.read(client.cache).rejections[-1].code


def test_a_folder_is_renamed_moved_and_deleted_with_the_rights_the_server_checks(people, tmp_path):
    wang, li = people["wangxy"], people["liming"]
    projects = wang.files.create_folder(wang.files.personal_cabinet, "项目")
    plan = wang.files.create_folder(wang.files.personal_cabinet, "规划")
    note = wang.files.upload(plan, _write(tmp_path / "规划要点.txt", "要点"))
    wang.files.share(projects, "person", li.user.id, "read")
    wang.sync()
    wang.files.rename_folder(plan, "五年规划")
    wang.files.move_folder(plan, projects)
    with pytest.raises(RuleViolation) as into_itself:
        wang.files.move_folder(projects, plan)
    assert into_itself.value.code == "files.move_into_itself"
    with pytest.raises(RuleViolation) as elsewhere:
        wang.files.move_folder(projects, wang.files.unit_cabinet)
    assert elsewhere.value.code == "files.move_other_cabinet"
    wang.sync()
    li.sync()
    assert [(f.id, f.name) for f in li.files.folders(projects)] == [(plan, "五年规划")]  # now under the shared folder
    assert [f.id for f in li.files.files(plan)] == [note]
    _push_raw(li, "folder.move", {"id": plan, "container": li.files.personal_cabinet})
    assert _last_rejection(li) == "files.read_only"
    _push_raw(wang, "folder.move", {"id": projects, "container": plan})
    assert _last_rejection(wang) == "files.move_into_itself"
    _push_raw(wang, "folder.rename", {"id": plan, "name": "../上级"})
    assert _last_rejection(wang) == "files.name_traversal"
    wang.files.delete(note)
    wang.files.delete_folder(plan)
    wang.sync()
    li.sync()
    assert wang.files.folders(projects) == [] and li.files.folders(projects) == []


def test_a_lowered_clearance_takes_files_above_it_off_the_computer_at_next_sync(server, people, tmp_path):
    chen, li = people["chenjg"], people["liming"]
    folder = chen.files.create_folder(chen.files.unit_cabinet, "分级材料")
    secret = chen.files.upload(folder, _write(tmp_path / "分级秘密.txt", "秘密的调研提纲"), level="秘密")
    internal = chen.files.upload(folder, _write(tmp_path / "分级内部.txt", "内部的调研提纲"), level="内部")
    chen.sync()
    li.sync()
    assert len(li.files.search("分级")) == 2  # by name: their content has not been on li's computer
    lowered = run_cli(server, "admin", "person", "clearance", "liming", "内部")
    assert lowered.returncode == 0 and "内部" in lowered.stdout
    try:
        li.sync()
        with li.cache.session() as s:
            assert li.files.clearance == "内部" and s.get(PersonRow, li.user.id).clearance == "内部"  # the directory says so too
        assert li.files.file(secret) is None and [f.id for f in li.files.files(folder)] == [internal]
        assert [h.file.id for h in li.files.search("分级")] == [internal]
    finally:
        assert run_cli(server, "admin", "person", "clearance", "liming", "秘密").returncode == 0
    li.sync()
    assert li.files.clearance == "秘密" and li.files.file(secret) is not None  # raised again: pulled back
    unknown = run_cli(server, "admin", "person", "clearance", "nobody", "秘密")
    assert unknown.returncode == 1 and "没有编号或登录名为 nobody 的人员" in unknown.stdout
    bad_level = run_cli(server, "admin", "person", "clearance", "liming", "绝密")
    assert bad_level.returncode == 1 and "密级只能是" in bad_level.stdout
