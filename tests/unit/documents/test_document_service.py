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
