"""公文 actions as op args: the same rules, and malformed ops refused in words."""

import json

import pytest

from app.domain.documents import incoming
from app.domain.documents.ops import apply_incoming_op, apply_route_op
from app.domain.documents.routing import StepSpec, new_route, pending_users
from app.domain.errors import RuleViolation

T = "2026-03-02T09:00:00+08:00"


def test_a_route_runs_on_json_ops():
    route = new_route("d1", "u", "drafter", [StepSpec("会签", "all", (("a", "u"), ("b", "u2")))], T)
    ops = [
        {"action": "sign", "actor": "drafter", "opinion": "请会签", "body_version": 1, "at": T},
        {"action": "delegate", "actor": "b", "to_user": "c", "to_unit": "u2", "at": T},
        {"action": "sign", "actor": "a", "opinion": "同意", "body_version": 1, "at": T},
        {"action": "sign", "actor": "c", "opinion": "同意", "body_version": 1, "at": T},
    ]
    for op in json.loads(json.dumps(ops)):
        route = apply_route_op(route, op)
    assert route.status == "signed" and pending_users(route) == frozenset()


def test_an_incoming_document_runs_on_json_ops():
    doc = incoming.delivered("d1", "u")
    for op in [
        {"action": "receive", "actor": "clerk", "at": T},
        {"action": "register", "actor": "clerk", "register_no": "收〔2026〕1号", "due": None, "at": T},
        {"action": "propose", "actor": "clerk", "opinion": "请阅", "leader": "li", "at": T},
        {"action": "instruct", "actor": "li", "instruction": "办", "handlers": ["wang"], "at": T},
        {"action": "circulate", "actor": "clerk", "readers": ["zhao"], "at": T},
        {"action": "mark_read", "actor": "zhao", "at": T},
        {"action": "finish_handling", "actor": "wang", "note": "完", "at": T},
        {"action": "conclude", "actor": "wang", "at": T},
        {"action": "archive", "actor": "clerk", "at": T},
    ]:
        doc = apply_incoming_op(doc, op)
    assert doc.status == incoming.ARCHIVED


@pytest.mark.parametrize("op,code", [
    ({"action": "explode"}, "docop.unknown_action"),
    ("sign", "docop.unknown_action"),
    ({"action": "sign", "actor": "drafter"}, "docop.bad_args"),
    ({"action": "sign", "actor": "drafter", "opinion": "x", "body_version": "1", "at": T}, "docop.bad_args"),
    ({"action": "sign", "actor": "drafter", "opinion": "x", "body_version": True, "at": T}, "docop.bad_args"),
    ({"action": "add_signer", "actor": "drafter", "user_id": "x", "unit_id": "u", "before": "yes", "at": T},
     "docop.bad_args"),
    ({"action": "sign", "actor": ["drafter"], "opinion": "x", "body_version": 1, "at": T}, "docop.bad_args"),
])
def test_malformed_ops_are_refused_in_words(op, code):
    route = new_route("d1", "u", "drafter", [StepSpec("核稿", "all", (("a", "u"),))], T)
    with pytest.raises(RuleViolation) as caught:
        apply_route_op(route, op)
    assert caught.value.code == code and caught.value.message

