"""发文 routes: who may act, and what 签署, 退回, 取回, 加签, 转办, 撤回 do to the route."""

import json

import pytest

from app.domain.documents.route import SIGNED, SIGNED_OFF, SKIPPED, WITHDRAWN, route_from_json, route_to_json
from app.domain.documents.route_visibility import may_see, visible_history, visible_steps
from app.domain.documents.routing import (
    StepSpec,
    add_signer,
    delegate,
    new_route,
    opinions,
    pending_users,
    remove_added_signer,
    retrieve,
    revise_body,
    send_back,
    sign,
    withdraw,
)
from app.domain.errors import RuleViolation

T = "2026-03-02T09:00:00+08:00"


def route(*specs: StepSpec):
    return new_route("d1", "u-office", "drafter", list(specs), T)


REVIEW = StepSpec("核稿", "all", (("reviewer", "u-office"),))
COUNTERSIGN = StepSpec("会签", "all", (("fin", "u-fin"), ("law", "u-law")), visible_to=())
ISSUE = StepSpec("签发", "any", (("mayor", "u-gov"), ("deputy", "u-gov")))


def submitted(*specs: StepSpec):
    return sign(route(*specs), "drafter", "请审核", 1, T)


def refused(code: str, action, *args):
    with pytest.raises(RuleViolation) as caught:
        action(*args)
    assert caught.value.code == code
    assert caught.value.message  # words for the clerk, in Chinese
    return caught.value


def test_a_sequential_route_passes_every_step_and_ends_signed():
    r = submitted(REVIEW, COUNTERSIGN, ISSUE)
    assert pending_users(r) == {"reviewer"}
    r = sign(r, "reviewer", "同意", 1, T)
    assert pending_users(r) == {"fin", "law"}
    r = sign(r, "fin", "同意", 1, T)
    assert pending_users(r) == {"law"}, "a parallel step waits for every signer"
    r = sign(r, "law", "无意见", 1, T)
    r = sign(r, "deputy", "同意印发", 1, T)
    assert r.status == SIGNED_OFF and pending_users(r) == frozenset()
    assert [a.state for a in r.steps[-1].assignees] == [SKIPPED, SIGNED], "或签: the first signature closes the step"
    assert all(a.body_version == 1 for s in r.steps for a in s.assignees if a.state == SIGNED)


def test_only_the_current_steps_assignees_may_act():
    r = submitted(REVIEW, ISSUE)
    refused("route.not_your_turn", sign, r, "mayor", "同意", 1, T)
    refused("route.not_your_turn", send_back, r, "drafter", "s0", "不行", T)
    r = sign(r, "reviewer", "同意", 1, T)
    refused("route.not_your_turn", sign, r, "reviewer", "再签一次", 1, T)


def test_a_signature_must_be_over_the_latest_body():
    r = submitted(REVIEW, ISSUE)
    r = revise_body(r, "reviewer", 2, T)
    refused("route.stale_version", sign, r, "reviewer", "同意", 1, T)
    r = sign(r, "reviewer", "同意", 2, T)
    assert r.steps[1].assignees[0].body_version == 2


def test_revising_the_body_in_a_parallel_step_asks_its_signers_again():
    r = sign(submitted(COUNTERSIGN, ISSUE), "fin", "同意", 1, T)
    r = revise_body(r, "law", 2, T)
    assert pending_users(r) == {"fin", "law"}
    assert r.steps[1].round == 1


def test_revising_the_body_after_earlier_signatures_routes_back_to_the_first_of_them():
    r = sign(submitted(REVIEW, COUNTERSIGN, ISSUE), "reviewer", "同意", 1, T)
    r = sign(sign(r, "fin", "同意", 1, T), "law", "同意", 1, T)
    r = revise_body(r, "deputy", 2, T)
    assert pending_users(r) == {"reviewer"}, "核稿 signed version 1: it is signed again over version 2"
    assert r.history[-1].other == "s1" and r.body_version == 2
    assert [o.superseded for o in opinions(r)] == [False, True, True, True], "送审 stands; 核稿 and 会签 read as superseded"
    for signer in ("reviewer", "fin", "law"):
        r = sign(r, signer, "同意", 2, T)
    assert pending_users(r) == {"mayor", "deputy"}, "then every later step in turn"


def test_send_back_reopens_the_target_and_cancels_the_other_parallel_signers():
    r = sign(submitted(REVIEW, COUNTERSIGN, ISSUE), "reviewer", "同意", 1, T)
    r = sign(r, "fin", "同意", 1, T)
    refused("route.reason_required", send_back, r, "law", "s1", "  ", T)
    refused("route.bad_target", send_back, r, "law", "s2", "理由", T)
    r = send_back(r, "law", "s0", "法律依据不足", T)
    assert pending_users(r) == {"drafter"}, "exactly the drafter has the task; fin and law lose theirs"
    assert all(a.state == "pending" for s in r.steps for a in s.assignees)
    signed = [e for e in r.history if e.kind == "sign" and e.actor == "fin"]
    assert signed and signed[0].round < r.steps[2].round, "fin's opinion is kept and reads as superseded"
    assert r.history[-1].text == "法律依据不足"


def test_retrieve_only_by_the_sole_sender_and_only_before_the_next_acts():
    r = submitted(REVIEW, COUNTERSIGN, ISSUE)
    refused("route.cannot_retrieve", retrieve, r, "reviewer", T)
    r = retrieve(r, "drafter", T)
    assert pending_users(r) == {"drafter"}
    r = sign(sign(r, "drafter", "请审核", 1, T), "reviewer", "同意", 1, T)
    r2 = delegate(r, "fin", "fin2", "u-fin", T)
    refused("route.cannot_retrieve", retrieve, r2, "reviewer", T)
    r = sign(sign(r, "fin", "同意", 1, T), "law", "同意", 1, T)
    refused("route.not_sole_sender", retrieve, r, "law", T)


def test_add_signer_before_and_after_oneself_and_remove_an_untouched_one():
    r = submitted(REVIEW, ISSUE)
    before = add_signer(r, "reviewer", "expert", "u-office", True, T)
    assert pending_users(before) == {"expert"}
    added = before.steps[1].step_id
    assert remove_added_signer(before, "reviewer", added, T).steps == r.steps
    refused("route.not_added_by_you", remove_added_signer, before, "expert", added, T)
    after_expert = sign(before, "expert", "同意", 1, T)
    assert pending_users(after_expert) == {"reviewer"}
    refused("route.step_started", remove_added_signer, after_expert, "reviewer", added, T)
    after = add_signer(r, "reviewer", "secretary", "u-office", False, T)
    after = sign(after, "reviewer", "同意", 1, T)
    assert pending_users(after) == {"secretary"}
    refused("route.add_self", add_signer, r, "reviewer", "reviewer", "u-office", True, T)


def test_delegate_hands_the_task_to_a_colleague():
    r = delegate(submitted(COUNTERSIGN, ISSUE), "fin", "fin-deputy", "u-fin", T)
    assert pending_users(r) == {"fin-deputy", "law"}
    assert r.steps[1].assignees[0].delegated_from == "fin"
    refused("route.duplicate_assignee", delegate, r, "law", "fin-deputy", "u-fin", T)
    refused("route.not_your_turn", sign, r, "fin", "同意", 1, T)


def test_withdraw_is_the_drafters_and_closes_the_route():
    r = submitted(REVIEW, ISSUE)
    refused("route.not_drafter", withdraw, r, "reviewer", "不发了", T)
    r = withdraw(r, "drafter", "情况有变", T)
    assert r.status == WITHDRAWN and pending_users(r) == frozenset()
    refused("route.closed", sign, r, "reviewer", "同意", 1, T)
    refused("route.closed", retrieve, r, "drafter", T)


def test_a_bad_route_shape_is_refused():
    refused("route.empty", new_route, "d", "u", "drafter", [], T)
    refused("route.bad_stage", route, StepSpec("拟稿", "all", (("a", "u"),)))
    refused("route.bad_mode", route, StepSpec("会签", "some", (("a", "u"),)))
    refused("route.no_assignee", route, StepSpec("会签", "all", ()))
    refused("route.duplicate_assignee", route, StepSpec("会签", "all", (("a", "u"), ("a", "u"))))


def test_other_units_see_only_what_the_route_shows_them():
    joint = StepSpec("会签", "all", (("other-head", "u-other"),), visible_to=())
    shown = StepSpec("签发", "all", (("mayor", "u-office"),), visible_to=("u-other",))
    r = submitted(REVIEW, joint, shown)
    assert visible_steps(r, "u-office") == r.steps
    assert [s.stage for s in visible_steps(r, "u-other")] == ["会签", "签发"]
    assert not may_see(r, "u-stranger")
    assert {e.step_id for e in visible_history(r, "u-other")} <= {"s2", "s3"}
    assert not visible_history(r, "u-other"), "the drafter's 拟稿 and the 核稿 are not shown to u-other"


def test_a_route_travels_as_json():
    r = add_signer(sign(submitted(REVIEW, COUNTERSIGN, ISSUE), "reviewer", "同意", 1, T), "fin", "x", "u-fin", False, T)
    assert route_from_json(json.loads(json.dumps(route_to_json(r)))) == r


def test_removing_the_signer_added_after_the_last_step_finishes_the_route():
    # Found by the state machine: the route must not point past its last step.
    r = submitted(REVIEW)
    r = add_signer(r, "reviewer", "secretary", "u-office", False, T)
    r = sign(r, "reviewer", "同意", 1, T)
    assert pending_users(r) == {"secretary"}
    r = remove_added_signer(r, "reviewer", r.steps[-1].step_id, T)
    assert r.status == SIGNED_OFF and all(s.complete for s in r.steps)


def test_the_opinion_panel_marks_opinions_a_return_superseded():
    r = sign(submitted(REVIEW, COUNTERSIGN, ISSUE), "reviewer", "同意", 1, T)
    r = sign(r, "fin", "同意", 1, T)
    r = send_back(r, "law", "s1", "请补充依据", T)
    r = sign(r, "reviewer", "已补充，同意", 1, T)
    panel = [(o.event.actor, o.event.text, o.superseded) for o in opinions(r)]
    assert panel == [("drafter", "请审核", False), ("reviewer", "同意", True), ("fin", "同意", True),
                     ("reviewer", "已补充，同意", False)]
