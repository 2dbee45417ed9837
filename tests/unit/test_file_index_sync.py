"""Shared files go through the 公文 search: a file's name at once, its text once its content has
been here, a local rename or delete (and its undo on rebase), a row the server withdraws (a share
ended, a 密级 above the user's clearance), and a cache from before migration 0014."""

import time

import pytest
from app.services import local_ops
from app.store import file_index_sync
from app.store.cache import open_cache
from app.store.document_search import DocumentFilters, remove_document, search
from app.store.file_index_sync import FILE, entry_id, file_id_of
from app.store.mirror import apply_row
from tests.support.cache_data import HEAD, fill_directory, sign_in
from tests.support.memory_keyring import kept_key

SHA = "cd" * 32
UNIT = f"unit:{HEAD.unit_id}"
FILE_ROW = {"container": UNIT, "cabinet": UNIT, "name": "调研报告.docx", "level": "内部", "sha256": SHA, "size": 9, "saved_at": 1.8e9, "author_name": "王晓燕", "grants": [["unit", HEAD.unit_id, "write"]], "versions": []}


@pytest.fixture
def cache(tmp_path):
    c = open_cache(tmp_path / "c.sqlite", kept_key(tmp_path / "c.sqlite"))
    fill_directory(c)
    sign_in(c, HEAD)
    yield c
    c.close()


def found(cache, query: str) -> list[str]:
    with cache.session() as s:
        return [file_id_of(hit.document.doc_id) for hit in search(s, query, DocumentFilters(kind=FILE))]


def test_a_file_is_found_by_name_then_by_text_and_leaves_when_withdrawn(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "file", "f1", 1, False, FILE_ROW)
    assert found(cache, "调研") == ["f1"] and found(cache, "节能") == []
    with cache.sessions.begin() as s:
        file_index_sync.add_text(s, SHA, "关于节能检查的调研")
    assert found(cache, "节能") == ["f1"] and found(cache, "能") == ["f1"]  # two characters and one
    with cache.sessions.begin() as s:
        apply_row(s, "file", "f1", 2, True, {})  # e.g. its 密级 is now above the user's clearance
    assert found(cache, "调研") == []


def test_a_local_rename_and_delete_follow_and_a_rebase_undoes_them(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "file", "f1", 1, False, FILE_ROW)
        local_ops.apply(s, HEAD, "file.rename", {"id": "f1", "name": "会议纪要.docx"}, time.time())
    assert found(cache, "纪要") == ["f1"] and found(cache, "调研") == []
    with cache.sessions.begin() as s:
        local_ops.apply(s, HEAD, "file.delete", {"id": "f1"}, time.time())
    assert found(cache, "纪要") == []
    with cache.sessions.begin() as s:
        local_ops.rebase(s, HEAD)  # nothing waits in the outbox: the server's row is back
    assert found(cache, "调研") == ["f1"]


def test_files_of_an_older_cache_are_indexed_when_opened(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "file", "f1", 1, False, FILE_ROW)
        remove_document(s, entry_id("f1"))  # as a cache migrated from file_text finds itself
    with cache.sessions.begin() as s:
        file_index_sync.backfill(s)
    assert found(cache, "调研") == ["f1"]
