"""文件共享 on both databases (in-process server, real client caches): shares across units and
their withdrawal, the 密级 ceiling, a conflict copy of two edits, the unit quota. The shared
deployment is used by other tests too: each test makes its own folders."""

import pytest

from app.domain.errors import RuleViolation
from app.services import sync_state
from sync.client.transport import ServerRefused
from sync.protocol import PullRequest
from sync.server.database import open_database
from sync.server.files import service as files_service
from tests.server.inprocess_clients import inprocess_client


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _rejections(client) -> list[str]:
    return [r.code for r in sync_state.read(client.cache).rejections]


def test_a_share_across_units_gives_exactly_its_right_until_withdrawn(deployment, tmp_path):
    wang, _ = inprocess_client(deployment, "wangxy", tmp_path)
    zhao, _ = inprocess_client(deployment, "zhaoli", tmp_path)
    folder = wang.files.create_folder(wang.files.unit_cabinet, "对口支援")
    wang.files.share(folder, "unit", "u02", "read")
    plan = wang.files.upload(folder, _write(tmp_path / "方案.txt", "支援方案"))
    wang.sync()
    zhao.sync()
    assert zhao.files.open_path(plan).read_text(encoding="utf-8") == "支援方案"
    with pytest.raises(RuleViolation):
        zhao.files.rename(plan, "改名.txt")
    sha = wang.files.versions(plan)[0].sha256
    wang.files.share(folder, "unit", "u02", "none")
    wang.sync()
    zhao.sync()
    assert zhao.files.file(plan) is None and folder not in {f.id for f in zhao.files.shared_with_me()}
    with pytest.raises(ServerRefused):
        zhao.transport.blob_get(sha, 0, 8)


def test_above_the_ceiling_no_row_no_content_no_scope(deployment, tmp_path):
    chen, _ = inprocess_client(deployment, "chenjg", tmp_path)
    li, _ = inprocess_client(deployment, "liming", tmp_path)
    folder = chen.files.create_folder(chen.files.unit_cabinet, "保密室")
    secret = chen.files.upload(folder, _write(tmp_path / "s.txt", "机密"), level="机密")
    chen.sync()
    li.sync()
    assert li.files.file(secret) is None and li.files.files(folder) == []
    with pytest.raises(ServerRefused):
        li.transport.blob_get(chen.files.versions(secret)[0].sha256, 0, 8)
    above = li.transport.pull(PullRequest(device_id=li.login.device_id, cursors={"files:unit:u01:机密": 0}, limit=10))
    assert above.scopes == {} and "files:unit:u01:机密" not in above.held  # one's own shape, above the ceiling: withheld, not someone else's
    with pytest.raises(ServerRefused) as refused:
        li.transport.pull(PullRequest(device_id=li.login.device_id, cursors={"files:unit:u02:公开": 0}, limit=10))
    assert refused.value.code == "sync.scope_forbidden"


def test_two_edits_of_one_version_keep_both(deployment, tmp_path):
    wang, _ = inprocess_client(deployment, "wangxy", tmp_path)
    li, _ = inprocess_client(deployment, "liming", tmp_path)
    folder = wang.files.create_folder(wang.files.unit_cabinet, "周报")
    report = wang.files.upload(folder, _write(tmp_path / "周报.docx", "v1"))
    wang.sync()
    li.sync()
    wang.files.save_version(report, _write(tmp_path / "w", "王"))
    li.files.save_version(report, _write(tmp_path / "l", "李"))
    wang.sync()
    li.sync()
    wang.sync()
    texts = {f.name: wang.files.open_path(f.id).read_text(encoding="utf-8") for f in wang.files.files(folder)}
    assert texts["周报.docx"] == "王" and [t for n, t in texts.items() if n.startswith("周报（冲突副本 李明 ")] == ["李"]
    assert len(li.files.conflicts()) == 1


def test_a_full_quota_refuses_and_keeps_nothing(deployment, tmp_path):
    zhou, _ = inprocess_client(deployment, "zhouqiang", tmp_path)
    db = open_database(deployment.database_url)
    try:
        with db.sessions.begin() as s:
            files_service.set_quota(s, "u31", 10)
        big = zhou.files.upload(zhou.files.unit_cabinet, _write(tmp_path / "大.txt", "超过十个字节的内容"))
        zhou.sync()
        assert "files.quota_full" in _rejections(zhou) and zhou.files.file(big) is None
        with db.sessions() as s:
            assert files_service.usage(s, "u31") == (0, 10)
    finally:
        with db.sessions.begin() as s:
            files_service.set_quota(s, "u31", files_service.DEFAULT_QUOTA_BYTES)
        db.close()
