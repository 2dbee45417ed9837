"""Push under pressure: bounded batches, back-off while the server is away, rights re-checked for
every op, and forged or oversized ops refused with a reason while nothing changes."""

import json
import uuid

from sqlalchemy import select, update

from app.domain.errors import RuleViolation
from app.domain.scopes import notice_scope
from app.store import outbox
from sync.protocol.messages import MAX_OP_ARGS_BYTES, MAX_OPS_PER_PUSH, MAX_PUSH_BYTES
from sync.server.changelog.models import SeqCounter
from sync.server.database import open_database
from sync.server.directory.models import PersonModel
from sync.server.notices import service as notices
from sync.server.notices.models import NoticeModel
from sync.server.sync.handlers import HANDLERS
from tests.server.helpers import log_in
from tests.server.inprocess_clients import inprocess_client

BIG_BODY = "各处室：请认真学习贯彻会议精神。" * 11_000  # about 176,000 characters, 528 KB of UTF-8


def queue(client, ops: list[tuple[str, dict]]) -> None:
    with client.cache.sessions.begin() as s:
        for name, args in ops:
            outbox.append(s, name, args)


def pushes(session) -> list[dict]:
    return [json.loads(body) for path, body in session.sent if path == "/sync/v1/push"]


def counter(deployment) -> int:
    db = open_database(deployment.database_url)
    try:
        with db.sessions() as s:
            return s.scalar(select(SeqCounter.value))
    finally:
        db.close()


def test_batches_are_bounded_by_count(deployment, tmp_path):
    me, session = inprocess_client(deployment, "liming", tmp_path)
    queue(me, [("notice.read", {"notice_id": f"missing-{i}"}) for i in range(2 * MAX_OPS_PER_PUSH + 50)])
    report = me.sync()
    assert [len(p["ops"]) for p in pushes(session)] == [MAX_OPS_PER_PUSH, MAX_OPS_PER_PUSH, 50]
    assert len(report.rejected) == 2 * MAX_OPS_PER_PUSH + 50  # every one answered, in order


def test_batches_are_bounded_by_bytes(deployment, tmp_path):
    me, session = inprocess_client(deployment, "chenjg", tmp_path)
    # u99 does not exist: each op is refused after it was carried, so the server keeps nothing big.
    queue(me, [("notice.publish", {"id": uuid.uuid4().hex, "title": "大", "body": BIG_BODY, "audience": "u99"}) for _ in range(20)])
    report = me.sync()
    sizes = [len(body) for path, body in session.sent if path == "/sync/v1/push"]
    assert len(sizes) > 1 and max(sizes) <= MAX_PUSH_BYTES
    assert sum(len(p["ops"]) for p in pushes(session)) == 20
    assert {r.code for r in report.rejected} == {"notice.audience_unknown"}


def test_rights_are_read_again_for_every_op(deployment, client, tokens):
    """Promote a clerk, then revoke it while she stays logged in: the next op is refused."""
    clerk = log_in(client, tokens, "zhaoli")  # 收发员 of u02: may publish to her own unit only
    wide = lambda: {"id": uuid.uuid4().hex, "title": "全体通知", "body": "正文", "audience": "all"}  # noqa: E731
    db = open_database(deployment.database_url)
    try:
        with db.sessions.begin() as s:
            s.execute(update(PersonModel).where(PersonModel.id == clerk.user_id).values(roles=["收发员", "办公室主任"]))
        assert clerk.push(("notice.publish", wide())).json()["results"][0]["status"] == "applied"
        with db.sessions.begin() as s:
            s.execute(update(PersonModel).where(PersonModel.id == clerk.user_id).values(roles=["收发员"]))
        [refused] = clerk.push(("notice.publish", wide())).json()["results"]
        assert (refused["status"], refused["code"]) == ("rejected", "notice.audience_forbidden")
    finally:
        with db.sessions.begin() as s:
            s.execute(update(PersonModel).where(PersonModel.id == clerk.user_id).values(roles=["收发员"]))
        db.close()


def test_forged_and_out_of_scope_ops_change_nothing(deployment, client, tokens):
    clerk, other = log_in(client, tokens, "wangxy"), log_in(client, tokens, "zhaoli")
    before = counter(deployment)
    forged = clerk.push(("notice.publish", {"id": uuid.uuid4().hex, "title": "冒名", "body": "正文", "audience": "u01"}), device_id=other.device_id)
    assert forged.status_code == 403 and forged.json()["detail"]["code"] == "sync.device_not_yours"
    cases = [
        ("notice.publish", {"id": uuid.uuid4().hex, "title": "越权", "body": "正文", "audience": "u02"}),  # another unit
        ("notice.publish", {"id": "bad id with spaces", "title": "格式", "body": "正文", "audience": "u01"}),
        ("notice.read", {"notice_id": ["not", "a", "string"]}),
        ("notice.publish", {"id": uuid.uuid4().hex, "title": "过大", "body": "字" * (MAX_OP_ARGS_BYTES // 3 + 10), "audience": "u01"}),
    ]
    answers = clerk.push(*cases).json()["results"]
    assert [(a["status"], a["code"]) for a in answers] == [
        ("rejected", "notice.audience_forbidden"),
        ("rejected", "sync.bad_args"),
        ("rejected", "sync.bad_args"),
        ("rejected", "sync.op_too_large"),
    ]
    assert all(a["message"] for a in answers)
    assert counter(deployment) == before  # not one change-log row was written


def publish_then_refuse(session, user, args: dict) -> dict:
    """A test-only op (no real op writes before it refuses, but a future one may): it publishes,
    then refuses when asked, so the refusal must undo the notice and its change-log row."""
    result = notices.publish(session, user, args["notice"])
    if args["refuse"]:
        raise RuleViolation("test.refused", "测试：写入后拒绝。")
    return result


def test_an_op_refused_after_writing_leaves_nothing_and_the_group_goes_on(deployment, client, tokens, monkeypatch):
    monkeypatch.setitem(HANDLERS, "test.publish_then_refuse", publish_then_refuse)
    me = log_in(client, tokens, "chenjg")
    ids = [uuid.uuid4().hex for _ in range(3)]
    drafts = [{"id": i, "title": "先写后拒", "body": "正文", "audience": "u01"} for i in ids]
    answer = me.push(
        ("notice.publish", drafts[0]),
        ("test.publish_then_refuse", {"notice": drafts[1], "refuse": True}),
        ("test.publish_then_refuse", {"notice": drafts[2], "refuse": False}),
    )
    assert [(r["status"], r["code"]) for r in answer.json()["results"]] == [("applied", ""), ("rejected", "test.refused"), ("applied", "")]
    logged = {r["id"] for r in me.pull_all(notice_scope("u01"))}
    assert (ids[0] in logged, ids[1] in logged, ids[2] in logged) == (True, False, True)
    db = open_database(deployment.database_url)
    try:
        with db.sessions() as s:
            assert set(s.scalars(select(NoticeModel.id).where(NoticeModel.id.in_(ids)))) == {ids[0], ids[2]}
    finally:
        db.close()
