"""Push of notice ops exactly once per device, scoped pull, read receipts."""

import uuid

import pytest

from app.domain.scopes import notice_scope, user_scope
from tests.server.helpers import log_in, op

BODY = "各处室：\n　　请于本周五前报送2012年度工作总结。"


def notice(audience: str, title: str = "关于报送年度工作总结的通知") -> dict:
    return {"id": uuid.uuid4().hex, "title": title, "body": BODY, "audience": audience}


def results(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]


def rows_of(me, scope: str, entity: str) -> dict[str, dict]:
    return {r["id"]: r for r in me.pull_all(scope) if r["entity"] == entity}


@pytest.fixture
def clerk(client, tokens):
    return log_in(client, tokens, "wangxy")  # 收发员 of 市人民政府办公室 (u01)


@pytest.fixture
def head(client, tokens):
    return log_in(client, tokens, "chenjg")  # 办公室主任 of u01


def test_clerk_publishes_to_own_unit_and_colleagues_pull_it(client, tokens, clerk):
    draft = notice("u01")
    [result] = results(clerk.push(("notice.publish", draft)))
    assert (result["status"], result["client_seq"], result["result"]["notice_id"]) == ("applied", 1, draft["id"])
    colleague = log_in(client, tokens, "liming")
    row = rows_of(colleague, notice_scope("u01"), "notice")[draft["id"]]
    assert row["data"]["title"] == draft["title"]
    assert row["data"]["publisher_name"] == "王晓燕"
    assert row["data"]["publisher_unit_id"] == "u01"
    assert row["version"] == 1


def test_office_head_publishes_to_everyone(client, tokens, head):
    draft = notice("all", "关于元旦放假安排的通知")
    assert results(head.push(("notice.publish", draft)))[0]["status"] == "applied"
    county = log_in(client, tokens, "zhouqiang")
    assert draft["id"] in rows_of(county, notice_scope("all"), "notice")


def test_forbidden_audience_is_rejected_with_reason_and_the_queue_moves_on(clerk):
    wide, own = notice("all"), notice("u01")
    first, second = results(clerk.push(("notice.publish", wide), ("notice.publish", own)))
    assert (first["status"], first["code"]) == ("rejected", "notice.audience_forbidden")
    assert "办公室主任" in first["message"]
    assert second["status"] == "applied"
    assert wide["id"] not in rows_of(clerk, notice_scope("all"), "notice")


def test_rule_rejections_are_recorded(head):
    cases = [
        ("notice.publish", notice("u99")),
        ("notice.publish", {**notice("u01"), "title": "   "}),
        ("notice.publish", {"id": "x1", "title": "缺少正文"}),
        ("notice.unpublish", {"id": "x1"}),
        ("notice.read", {"notice_id": "no-such-notice"}),
    ]
    codes = [(r["status"], r["code"]) for r in results(head.push(*cases))]
    assert codes == [
        ("rejected", "notice.audience_unknown"),
        ("rejected", "notice.title_empty"),
        ("rejected", "sync.bad_args"),
        ("rejected", "sync.unknown_op"),
        ("rejected", "notice.not_found"),
    ]
    assert all(r["message"] for r in results(head.push(("notice.read", {"notice_id": "no-such-notice"}))))


def test_a_notice_id_is_published_once(head):
    draft = notice("u01")
    assert results(head.push(("notice.publish", draft)))[0]["status"] == "applied"
    again = results(head.push(("notice.publish", draft)))[0]
    assert (again["status"], again["code"]) == ("rejected", "notice.duplicate_id")


def test_a_repeated_push_returns_the_stored_results(head):
    ops = [op("notice.publish", notice("u01"), 1), op("notice.publish", notice("all"), 2)]
    first = results(head.push_raw(ops))
    before = len(head.pull_all(notice_scope("u01")))
    assert results(head.push_raw(ops)) == first
    assert results(head.push_raw(ops[1:])) == first[1:]
    assert len(head.pull_all(notice_scope("u01"))) == before


def test_an_op_id_already_applied_under_another_seq_returns_its_result(head):
    publish = op("notice.publish", notice("u01"), 1)
    [first] = results(head.push_raw([publish]))
    [again] = results(head.push_raw([{**publish, "client_seq": 2}]))  # renumbered by the client
    assert {**again, "client_seq": 1} == first
    assert results(head.push_raw([op("notice.publish", notice("u01"), 3)]))[0]["status"] == "applied"


def test_a_gap_in_client_seq_is_a_conflict_naming_the_expected_seq(head):
    answer = head.push_raw([op("notice.publish", notice("u01"), 5)])
    assert answer.status_code == 409
    assert answer.json()["detail"]["code"] == "sync.seq_gap"
    assert answer.json()["detail"]["expected_seq"] == 1
    assert results(head.push_raw([op("notice.publish", notice("u01"), 1)]))[0]["status"] == "applied"


def test_a_used_seq_with_another_op_is_a_conflict(head):
    results(head.push(("notice.publish", notice("u01"))))
    answer = head.push_raw([op("notice.publish", notice("u01"), 1)])
    assert answer.status_code == 409
    assert answer.json()["detail"] == {"code": "sync.seq_reused", "message": answer.json()["detail"]["message"], "expected_seq": 2}


def test_ops_of_one_push_must_be_consecutive(head):
    answer = head.push_raw([op("notice.publish", notice("u01"), 1), op("notice.publish", notice("u01"), 3)])
    assert answer.status_code == 422
    assert answer.json()["detail"]["code"] == "sync.seq_not_consecutive"


def test_push_and_pull_on_another_persons_device_are_forbidden(clerk, head):
    push = head.push(("notice.publish", notice("u01")), device_id=clerk.device_id)
    assert push.status_code == 403
    assert push.json()["detail"]["code"] == "sync.device_not_yours"
    pull = head.pull({"directory": 0}, device_id=clerk.device_id)
    assert pull.status_code == 403
    unknown = head.push(("notice.publish", notice("u01")), device_id="dev-never-registered")
    assert unknown.status_code == 403


def test_pulling_a_scope_outside_ones_own_is_forbidden(client, tokens):
    other_unit = log_in(client, tokens, "zhaoli")  # u02
    for scope in (notice_scope("u01"), user_scope("p1"), "documents:secret"):
        answer = other_unit.pull({"directory": 0, scope: 0})
        assert answer.status_code == 403
        assert answer.json()["detail"]["code"] == "sync.scope_forbidden"
        assert answer.json()["detail"]["scope"] == scope
        assert scope in answer.json()["detail"]["message"]


def test_read_receipts_reach_reader_and_publisher_once(client, tokens, clerk):
    draft = notice("u01")
    results(clerk.push(("notice.publish", draft)))
    reader = log_in(client, tokens, "liming")
    [read] = results(reader.push(("notice.read", {"notice_id": draft["id"]})))
    assert read["status"] == "applied"
    receipt_id = f"{draft['id']}:{reader.user_id}"
    for me, scope in ((clerk, user_scope(clerk.user_id)), (reader, user_scope(reader.user_id))):
        receipt = rows_of(me, scope, "notice_read")[receipt_id]
        assert receipt["data"] == {"notice_id": draft["id"], "reader_id": "p3", "reader_name": "李明", "read_at": read["result"]["read_at"]}
    seq_before = rows_of(clerk, user_scope(clerk.user_id), "notice_read")[receipt_id]["seq"]
    [again] = results(reader.push(("notice.read", {"notice_id": draft["id"]})))
    assert again["status"] == "applied"
    assert again["result"]["read_at"] == read["result"]["read_at"]
    assert rows_of(clerk, user_scope(clerk.user_id), "notice_read")[receipt_id]["seq"] == seq_before


def test_a_notice_not_addressed_to_the_reader_cannot_be_read(client, tokens, clerk):
    draft = notice("u01")
    results(clerk.push(("notice.publish", draft)))
    outsider = log_in(client, tokens, "zhaoli")
    [read] = results(outsider.push(("notice.read", {"notice_id": draft["id"]})))
    assert (read["status"], read["code"]) == ("rejected", "notice.not_found")


def test_the_demo_notice_is_published_to_everyone(clerk):
    rows = rows_of(clerk, notice_scope("all"), "notice")
    demo = rows["demo-egov-plan-2012"]["data"]
    assert demo["title"] == "市政府办公室关于印发《南通市电子政务“十二五”发展规划》的通知"
    assert demo["publisher_name"] == "陈建国"
    assert "通政办发〔2012〕216号" in demo["body"]
