"""收文 life: 签收/退回 → 登记 → 拟办 → 批办 → 承办 → 办结 → 归档, 传阅 beside it, and 时限."""

import json
from datetime import date, datetime, timezone

import pytest

from app.domain.documents.deadlines import BEIJING, DueState, days_overdue, due_at_end_of, due_state
from app.domain.documents.incoming import (
    ARCHIVED,
    CONCLUDED,
    RETURNED,
    archive,
    circulate,
    conclude,
    delivered,
    due_state_of,
    finish_handling,
    incoming_from_json,
    incoming_to_json,
    instruct,
    mark_read,
    paper,
    propose,
    receive,
    refuse,
    register,
    todo_users,
    unread_readers,
)
from app.domain.errors import RuleViolation

T = "2026-03-02T09:00:00+08:00"
DUE = due_at_end_of(date(2026, 3, 5)).isoformat()


def refused(code, action, *args):
    with pytest.raises(RuleViolation) as caught:
        action(*args)
    assert caught.value.code == code and caught.value.message


def handling():
    doc = register(receive(delivered("d1", "u-fin"), "clerk", T), "clerk", "财收〔2026〕12号", DUE, T)
    doc = propose(doc, "clerk", "请王局长阅示", "wang", T)
    return instruct(doc, "wang", "请预算处、法规处办理", ["budget", "law"], T)


def test_the_whole_life_with_two_handlers():
    doc = handling()
    assert todo_users(doc) == {"budget", "law"}
    refused("incoming.handlers_pending", conclude, doc, "budget", T)
    doc = finish_handling(doc, "budget", "已拨付", T)
    refused("incoming.not_your_turn", finish_handling, doc, "budget", "again", T)
    doc = finish_handling(doc, "law", "无意见", T)
    assert todo_users(doc) == frozenset()
    doc = archive(conclude(doc, "law", T), "clerk", T)
    assert doc.status == ARCHIVED and doc.register_no == "财收〔2026〕12号"
    assert [s.kind for s in doc.history] == [
        "receive", "register", "propose", "instruct", "handled", "handled", "conclude", "archive"]


def test_steps_out_of_order_are_refused_and_change_nothing():
    doc = delivered("d1", "u-fin")
    refused("incoming.wrong_state", register, doc, "clerk", "1", None, T)
    refused("incoming.reason_required", refuse, doc, "clerk", " ", T)
    returned = refuse(doc, "clerk", "不属于本单位职责", T)
    assert returned.status == RETURNED and returned.history[-1].text == "不属于本单位职责"
    refused("incoming.wrong_state", receive, returned, "clerk", T)
    registered = register(receive(doc, "clerk", T), "clerk", "1", None, T)
    refused("incoming.wrong_state", archive, registered, "clerk", T)
    proposed = propose(registered, "clerk", "拟请李主任阅", "li", T)
    refused("incoming.not_your_turn", instruct, proposed, "zhang", "办", ["a"], T)
    refused("incoming.handlers", instruct, proposed, "li", "办", [], T)
    refused("incoming.handlers", instruct, proposed, "li", "办", ["a", "a"], T)


def test_a_paper_document_starts_received():
    doc = paper("scan-1", "u-fin", "clerk", T)
    assert register(doc, "clerk", "财收〔2026〕13号", None, T).register_no == "财收〔2026〕13号"


def test_circulation_runs_beside_the_main_line():
    doc = handling()
    refused("incoming.not_circulable", circulate, delivered("d2", "u"), "clerk", ["a"], T)
    doc = circulate(doc, "clerk", ["zhao", "qian", "zhao"], T)
    doc = circulate(doc, "clerk", ["qian", "sun"], T)
    assert unread_readers(doc) == {"zhao", "qian", "sun"}
    doc = mark_read(doc, "qian", "2026-03-02T10:00:00+08:00")
    doc = mark_read(doc, "qian", "2026-03-03T10:00:00+08:00")
    assert [r.read_at for r in doc.readers if r.user_id == "qian"] == ["2026-03-02T10:00:00+08:00"]
    refused("incoming.not_a_reader", mark_read, doc, "stranger", T)
    assert todo_users(doc) == {"budget", "law"}, "传阅 does not move the main line"


def test_a_date_limit_runs_to_the_end_of_that_day_in_beijing():
    due = due_at_end_of(date(2026, 3, 5))
    assert due == datetime(2026, 3, 6, 0, 0, tzinfo=BEIJING)
    # 2026-03-05 15:59 UTC is 23:59 in Beijing: still due today, not overdue.
    assert due_state(due, datetime(2026, 3, 5, 15, 59, tzinfo=timezone.utc)) == DueState.DUE_TODAY
    assert due_state(due, datetime(2026, 3, 5, 16, 0, tzinfo=timezone.utc)) == DueState.OVERDUE
    assert due_state(due, datetime(2026, 3, 4, 12, 0, tzinfo=BEIJING)) == DueState.ON_TIME
    assert due_state(due, datetime(2026, 3, 9, tzinfo=BEIJING), finished=True) == DueState.NONE
    assert days_overdue(due, datetime(2026, 3, 8, 9, 0, tzinfo=BEIJING)) == 3
    assert days_overdue(due, datetime(2026, 3, 5, 9, 0, tzinfo=BEIJING)) == 0
    with pytest.raises(ValueError):
        due_state(due, datetime(2026, 3, 5, 9, 0))


def test_a_concluded_document_is_not_overdue():
    doc = handling()
    late = datetime(2026, 3, 10, tzinfo=BEIJING)
    assert due_state_of(doc, late) == DueState.OVERDUE
    doc = conclude(finish_handling(finish_handling(doc, "budget", "", T), "law", "", T), "law", T)
    assert doc.status == CONCLUDED and due_state_of(doc, late) == DueState.NONE


def test_an_incoming_document_travels_as_json():
    doc = mark_read(circulate(handling(), "clerk", ["zhao"], T), "zhao", T)
    assert incoming_from_json(json.loads(json.dumps(incoming_to_json(doc)))) == doc
