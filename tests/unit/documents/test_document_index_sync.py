"""The 公文 lists and search follow the cache: a draft, an action, a pulled or forgotten 收文 and a
rebase each leave document_index as the rows are, in the same transaction."""

import pytest
from alembic import command
from sqlalchemy import create_engine, insert, select

from app.services import local_ops
from app.services.documents import DocumentService, RouteStep
from app.store import cache as cache_mod
from app.store import outbox
from app.store.cache import open_cache
from app.store.document_search import DocumentFilters, remove_document, search
from app.store.mirror import apply_row, forget
from app.store.models import DocumentIndexRow, IncomingRow
from tests.support.cache_data import HEAD, OFFICE, fill_directory, sign_in
from tests.support.documents import sample_meta
from tests.support.memory_keyring import kept_key

INCOMING = {"document_id": "d", "unit_id": "u01", "sender_unit_id": "u02", "sender_name": "市发展和改革委员会", "title": "关于开展节能检查的通知",
            "kind": "通知", "classification": "公开", "doc_number": "通发改发〔2026〕3号", "meta": sample_meta(), "status": "handling",
            "state": {"history": [{"kind": "propose", "actor": "p3", "at": "2026-11-01T09:00:00+08:00", "text": "建议财务科办理"}]},
            "register_no": None, "due": None, "body_version": None, "attachments": [], "delivered_at": 1.8e9, "updated_at": 1.8e9, "todo_users": []}


@pytest.fixture
def cache(tmp_path):
    c = open_cache(tmp_path / "c.sqlite", kept_key(tmp_path / "c.sqlite"))
    fill_directory(c)
    sign_in(c, OFFICE)
    yield c
    c.close()


def found(cache, query: str, **filters) -> list[str]:
    with cache.session() as s:
        return [hit.document.doc_id for hit in search(s, query, DocumentFilters(**filters))]


def test_a_draft_is_found_by_its_body_and_follows_its_route(cache):
    docs = DocumentService(cache, OFFICE)
    doc_id = docs.draft(sample_meta(), [RouteStep("会签", "all", [(HEAD.id, "u01")])], ["　　推进河道清淤工作。"], "通政办发")
    assert found(cache, "河道", kind="发文") == [doc_id] and found(cache, "河道", kind="收文") == []
    docs.revise(doc_id, ["　　改为疏浚航道。"])
    assert found(cache, "河道") == [] and found(cache, "疏浚") == [doc_id]
    docs.submit(doc_id, "请审核节能条款")
    assert found(cache, "节能") == [doc_id]


def test_pulled_and_forgotten_incoming_enter_and_leave_the_index(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "incoming", "d:u01", 1, False, INCOMING)
        apply_row(s, "document_body", "d:1", 1, False, {"document_id": "d", "body_version": 1, "paragraphs": ["各单位开展能耗统计。"], "sha256": "x"})
    assert found(cache, "能耗", kind="收文", status="handling") == ["d:u01"]
    assert found(cache, "财务") == ["d:u01"]  # its handling opinion
    with cache.sessions.begin() as s:
        apply_row(s, "incoming", "d:u01", 2, False, {**INCOMING, "status": "concluded"})
    assert found(cache, "能耗", status="concluded") == ["d:u01"] and found(cache, "能耗", status="handling") == []
    with cache.sessions.begin() as s:
        forget(s, "incoming", ["d:u01"])
    assert found(cache, "能耗") == []


def test_rebase_removes_an_unconfirmed_draft_from_the_index(cache):
    docs = DocumentService(cache, OFFICE)
    docs.draft(sample_meta(), [RouteStep("会签", "all", [(HEAD.id, "u01")])], ["　　推进河道清淤工作。"], "通政办发")
    with cache.sessions.begin() as s:
        for op in outbox.pending_rows(s):
            s.delete(op)
        local_ops.rebase(s, OFFICE)
    assert found(cache, "河道") == []


def test_a_cache_filled_before_the_index_is_indexed_when_the_service_starts(cache):
    with cache.sessions.begin() as s:
        apply_row(s, "incoming", "d:u01", 1, False, INCOMING)
        remove_document(s, "d:u01")  # as in a cache filled before migration 0010
    assert found(cache, "节能") == []
    DocumentService(cache, OFFICE)
    assert found(cache, "节能") == ["d:u01"]


def test_a_cache_indexed_before_0014_is_indexed_again_with_its_sort_columns(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    cfg = cache_mod._alembic_config()
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={cache_mod.APPLICATION_ID}")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011")
        row = {**INCOMING, "meta": {**INCOMING["meta"], "紧急程度": "特急"}, "due": "2026-11-20T00:00:00+08:00"}
        conn.execute(insert(IncomingRow.__table__), {"id": "d:u01", **{k: v for k, v in row.items() if k != "todo_users"}, "todo": False, "pending": False})
        conn.exec_driver_sql("INSERT INTO document_index VALUES (1, 'd:u01', '收文', '', '旧的标题', '通知', '公开', '', '2026-01-01', 'handling')")
        conn.exec_driver_sql("INSERT INTO document_text(rowid, title, number, metadata, opinions, body) VALUES (1, '旧的标题', '', '', '', '')")
    engine.dispose()
    cache = open_cache(path, kept_key(path))
    DocumentService(cache, OFFICE)  # the emptied index is filled again from the cache rows
    assert found(cache, "旧的标题") == [] and found(cache, "节能检查") == ["d:u01"] and found(cache, "jnjc") == ["d:u01"]
    with cache.session() as s:
        assert s.execute(select(DocumentIndexRow.urgency, DocumentIndexRow.due_ascending)).one() == (2, "2026-11-20T00:00:00+08:00")
    cache.close()
