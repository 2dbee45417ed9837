"""Local files the cache no longer needs are removed (after sync, at start); a file a queued op
still names, an attachment of a 公文 held, or a file kept offline never is."""

import os
import time

import pytest

from app.domain.errors import RuleViolation
from app.services.blob_upkeep import GRACE_S, collect_garbage, start_session
from app.services.files import FilesService, local_blobs, opened_copies
from app.store import mirror, outbox
from app.store.cache import open_cache
from app.store.mirror import apply_row
from tests.support.cache_data import HEAD, sign_in
from tests.support.memory_keyring import kept_key


def later() -> float:
    """A time when every file made so far is older than the grace."""
    return time.time() + GRACE_S + 60


@pytest.fixture
def cache(tmp_path):
    c = open_cache(tmp_path / "c.sqlite", kept_key(tmp_path / "c.sqlite"))
    sign_in(c, HEAD)
    yield c
    c.close()


def stored(cache, tmp_path, text: str) -> dict:
    source = tmp_path / f"{text}.txt"
    source.write_text(text, encoding="utf-8")
    return {"name": source.name, "sha256": local_blobs(cache).add(source), "size": source.stat().st_size}


def test_an_upload_the_server_refused_goes_and_a_queued_one_stays(cache, tmp_path):
    refused, waiting, fresh = stored(cache, tmp_path, "超出配额"), stored(cache, tmp_path, "待上传"), stored(cache, tmp_path, "刚加入")
    with cache.sessions.begin() as s:
        op = outbox.append(s, "file.save", {"id": "f1", "attachments": [refused]})
        outbox.append(s, "file.save", {"id": "f2", "attachments": [waiting]})
        assert outbox.settle(s, op.op_id, op.client_seq, False, "files.quota_full", "单位文件柜空间已满")
    assert collect_garbage(cache) == 0  # all just added: their ops may not be queued yet
    assert collect_garbage(cache, later()) == 2
    blobs = local_blobs(cache)
    assert (blobs.has(refused["sha256"]), blobs.has(waiting["sha256"]), blobs.has(fresh["sha256"])) == (False, True, False)


def file_kept_offline(cache, content: dict) -> FilesService:
    """File f1 in the user's folder d1, kept offline."""
    cabinet = f"person:{HEAD.id}"
    with cache.sessions.begin() as s:
        apply_row(s, "file_folder", "d1", 1, False, {"cabinet": cabinet, "parent_id": None, "name": "纪要", "grants": [["person", HEAD.id, "write"]], "shares": []})
        data = {"container": "d1", "cabinet": cabinet, "name": content["name"], "level": "公开", "sha256": content["sha256"], "size": content["size"],
                "saved_at": 1.0, "author_name": HEAD.name, "grants": [], "versions": [{**content, "number": 1, "author_name": HEAD.name, "saved_at": 1.0}]}  # fmt: skip
        apply_row(s, "file", "f1", 1, False, data)
    files = FilesService(cache, HEAD)
    files.keep_offline("d1", True)
    return files


def test_a_file_kept_offline_opens_as_a_decrypted_copy_and_a_damaged_one_is_said_in_words(cache, tmp_path):
    files = file_kept_offline(cache, content := stored(cache, tmp_path, "会议纪要"))
    opened = files.open_path("f1")
    assert opened.name == "会议纪要.txt" and opened.read_text(encoding="utf-8") == "会议纪要"
    assert opened.parent.parent == opened_copies(cache).folder
    files.blobs.file(content["sha256"]).write_bytes(b"XTBLOB1\x00" + bytes(60))
    with pytest.raises(RuleViolation) as refused:
        files.open_path("f1")  # offline: no way to fetch it again now
    assert refused.value.code == "files.local_damaged" and "已损坏" in refused.value.message
    assert not files.blobs.has(content["sha256"]) and not files.file("f1").local


def test_the_files_of_a_folder_no_longer_kept_offline_go(cache, tmp_path):
    files = file_kept_offline(cache, content := stored(cache, tmp_path, "会议纪要"))
    assert collect_garbage(cache, later()) == 0
    files.keep_offline("d1", False)
    assert collect_garbage(cache, later()) == 1 and not files.blobs.has(content["sha256"])


def test_the_attachments_of_a_forgotten_document_go_at_the_next_start(cache, tmp_path):
    kept, forgotten = stored(cache, tmp_path, "附件甲"), stored(cache, tmp_path, "附件乙")
    route = {"doc_id": "x", "owner_unit": "u01", "drafter": "p3", "steps": [], "current": 0, "status": "signed", "body_version": 1, "history": []}
    base = {"unit_id": "u01", "drafter_id": "p3", "drafter_name": "李明", "title": "标题", "kind": "通知", "classification": "公开", "urgency": None,
            "number_prefix": "通政办发", "doc_number": None, "meta": {}, "route": route, "status": "signed", "body_version": 1, "created_at": 1.0,
            "updated_at": 1.0, "signatures": [], "distributed": [], "todo_users": []}  # fmt: skip
    with cache.sessions.begin() as s:
        apply_row(s, "document", "d-kept", 1, False, {**base, "attachments": [kept]})
        apply_row(s, "document", "d-gone", 1, False, {**base, "attachments": [forgotten]})
        mirror.forget(s, "document", ["d-gone"])  # its scope downloaded again without it
    left_open = opened_copies(cache).copy(local_blobs(cache), kept["sha256"], kept["name"])
    long_ago = time.time() - 2 * GRACE_S
    for path in local_blobs(cache).folder.glob("*/*"):
        os.utime(path, (long_ago, long_ago))
    start_session(cache)
    assert local_blobs(cache).has(kept["sha256"]) and not local_blobs(cache).has(forgotten["sha256"])
    assert not left_open.exists()  # a decrypted copy a crash left behind is gone too
