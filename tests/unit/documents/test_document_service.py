"""公文 offline on one client: each action shows at once and queues one op; refusals queue nothing;
a rebase drops what the server has not confirmed."""

import pytest

from app.domain.errors import RuleViolation
from app.services import local_ops
from app.services.documents import DocumentService, RouteStep
from app.store import outbox
from app.store.cache import open_cache
from app.store.mirror import apply_row
from tests.support.cache_data import HEAD, OFFICE, fill_directory, sign_in
from tests.support.documents import sample_meta
from tests.support.memory_keyring import kept_key

LEADER = ("p6", "孙文华", ("主要领导",), "机密")
STAFF = ("p3", "李明", ("科员",), "秘密")


@pytest.fixture
def cache(tmp_path):
    c = open_cache(tmp_path / "c.sqlite", kept_key(tmp_path / "c.sqlite"))
    fill_directory(c)
    with c.sessions.begin() as s:
        for pid, name, roles, clearance in (LEADER, STAFF):
            data = {"login": pid, "name": name, "unit_id": "u01", "department_id": "u01-d1", "title": "主任", "phone": "", "roles": list(roles), "clearance": clearance}
            apply_row(s, "person", pid, 1, False, data)
    sign_in(c, OFFICE)
    yield c
    c.close()


def route() -> list[RouteStep]:
    return [RouteStep("会签", "all", [(HEAD.id, "u01")]), RouteStep("签发", "any", [("p6", "u01")])]


def queued(cache):
    with cache.session() as s:
        return [op.name for op in outbox.pending(s, 100)]


def test_draft_and_submit_show_at_once_and_queue_ops(cache):
    drafts = DocumentService(cache, OFFICE)
    doc_id = drafts.draft(sample_meta(), route(), ["　　第一段。", "第二段。"], "通政办发")
    [row] = drafts.outgoing()
    assert (row.id, row.pending, row.todo, row.body_version) == (doc_id, True, True, 1)
    drafts.submit(doc_id, "请审核")
    assert drafts.document(doc_id).todo is False and drafts.todo() == []
    assert drafts.body(doc_id) == ["　　第一段。", "第二段。"]
    assert queued(cache) == ["document.draft", "document.route"]


def test_refusals_queue_nothing(cache):
    drafts = DocumentService(cache, OFFICE)
    with pytest.raises(RuleViolation) as not_leader:
        drafts.draft(sample_meta(), [RouteStep("签发", "any", [(HEAD.id, "u01")])], ["正文"], "通政办发")
    assert not_leader.value.code == "doc.not_sign_off_role"
    secret = {**sample_meta(), "密级和保密期限": "机密★10年", "份号": "000001"}
    with pytest.raises(RuleViolation) as above:
        drafts.draft(secret, [RouteStep("会签", "all", [("p3", "u01")]), RouteStep("签发", "any", [("p6", "u01")])], ["正文"], "通政办发")
    assert above.value.code == "doc.above_ceiling"
    with pytest.raises(RuleViolation) as huge:
        drafts.draft(sample_meta(), route(), ["字" * 200_001], "通政办发")
    assert huge.value.code == "doc.body_too_large"
    assert queued(cache) == [] and drafts.outgoing() == []


def test_rebase_drops_unconfirmed_rows(cache):
    drafts = DocumentService(cache, OFFICE)
    drafts.draft(sample_meta(), route(), ["正文"], "通政办发")
    with cache.sessions.begin() as s:
        for op in outbox.pending_rows(s):
            s.delete(op)
        local_ops.rebase(s, OFFICE)
    assert drafts.outgoing() == [] and drafts.body("x") == []


def test_pulled_incoming_and_reminder_show_in_todo_earliest_due_first(cache):
    base = {"document_id": "d", "unit_id": "u01", "sender_unit_id": "u02", "sender_name": "市发展和改革委员会", "kind": "通知", "classification": "公开",
            "doc_number": "通发改发〔2026〕3号", "meta": sample_meta(), "state": {}, "status": "handling", "register_no": "通政办收〔2026〕1号",
            "body_version": 1, "attachments": [], "delivered_at": 1.0, "updated_at": 1.0, "todo_users": [OFFICE.id]}  # fmt: skip
    with cache.sessions.begin() as s:
        apply_row(s, "incoming", "late:u01", 1, False, {**base, "title": "晚", "due": "2026-12-31T23:59:59+08:00"})
        apply_row(s, "incoming", "soon:u01", 1, False, {**base, "title": "早", "due": "2026-12-01T23:59:59+08:00"})
        apply_row(s, "incoming", "other:u01", 1, False, {**base, "title": "别人的", "due": None, "todo_users": [HEAD.id]})
        apply_row(s, "document_reminder", "r1", 1, False, {"incoming_id": "late:u01", "from_id": HEAD.id, "from_name": HEAD.name, "to_id": OFFICE.id, "text": "请抓紧", "at": 2.0})
    todo = DocumentService(cache, OFFICE).todo()
    assert [(t.kind, t.title) for t in todo] == [("incoming", "早"), ("incoming", "晚"), ("reminder", "晚")]
    assert todo[-1].text == "请抓紧"
