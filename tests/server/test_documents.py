"""公文 ops against the server: the route and 收文 re-checked, numbers allocated by the server, and
every bad op refused in words with nothing changed (out of turn, for another user, above the 密级
ceiling, without the 签发 role, a forged receipt, an oversized body, a 会签 opinion without its signature)."""

import hashlib
import uuid

import pytest
from sqlalchemy import create_engine, select, text

from app.domain.documents.bodies import body_sha256
from sync.server.audit.models import AuditEventModel
from tests.server.helpers import log_in
from tests.support.documents import sample_meta
from tests.support.document_ops import CLERK, COUNTERSIGNER, DRAFTER, LEADER, OTHER_CLERK, draft, incoming, secret_meta, sign, signed, step
from tests.support.pki import demo_signer

COUNTY_CLERK = "p5"  # 周强, 如皋市 (u31)
LOGINS = {DRAFTER: "liming", COUNTERSIGNER: "chenjg", LEADER: "sunwh", CLERK: "wangxy", OTHER_CLERK: "zhaoli", COUNTY_CLERK: "zhouqiang"}


@pytest.fixture
def people(client, tokens):
    return {pid: log_in(client, tokens, login) for pid, login in LOGINS.items()}


@pytest.fixture
def keys(tokens):
    """The demo people's unlocked keys, for 会签 and 签发 opinions."""
    return {pid: demo_signer(tokens, login) for pid, login in LOGINS.items()}


def push(person, name: str, args: dict) -> dict:
    response = person.push((name, args))
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


def applied(person, name: str, args: dict) -> dict:
    answer = push(person, name, args)
    assert answer["status"] == "applied", answer
    return answer["result"]


def refused(person, name: str, args: dict, code: str) -> str:
    answer = push(person, name, args)
    assert (answer["status"], answer["code"]) == ("rejected", code), answer
    return answer["message"]


def signed_off(people, keys) -> tuple[str, str]:
    args = draft()
    applied(people[DRAFTER], "document.draft", args)
    applied(people[DRAFTER], "document.route", sign(args["id"], DRAFTER, "请审核"))
    applied(people[COUNTERSIGNER], "document.route", signed(keys[COUNTERSIGNER], args["id"], COUNTERSIGNER, "s1"))
    number = applied(people[LEADER], "document.route", signed(keys[LEADER], args["id"], LEADER, "s2", "同意印发"))["doc_number"]
    return args["id"], number


def snapshot(deployment) -> tuple:
    """Everything 公文 ops write: their tables and the change log."""
    engine = create_engine(deployment.database_url)
    try:
        with engine.connect() as c:
            tables = ("documents", "document_bodies", "incoming_documents", "document_counters", "document_reminders")
            rows = tuple(tuple(map(tuple, c.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all())) for t in tables)
            return rows, c.execute(text("SELECT max(seq) FROM changes")).scalar()
    finally:
        engine.dispose()


def test_signing_off_allocates_the_next_number_and_the_route_reaches_everyone(people, keys):
    first_id, first = signed_off(people, keys)
    second_id, second = signed_off(people, keys)
    assert first.startswith("通政办发〔") and int(second.split("〕")[1].removesuffix("号")) == int(first.split("〕")[1].removesuffix("号")) + 1
    rows = {r["id"]: r for r in people[COUNTERSIGNER].pull_all(f"user:{COUNTERSIGNER}") if r["entity"] == "document"}
    assert rows[second_id]["data"]["doc_number"] == second and rows[second_id]["data"]["status"] == "signed"


def test_receipts_and_register_numbers_travel_back(people, keys):
    doc_id, _ = signed_off(people, keys)
    applied(people[CLERK], "document.distribute", {"id": doc_id, "main": ["u02"], "copy": ["u31"]})
    incoming_id = f"{doc_id}:u02"
    applied(people[COUNTY_CLERK], "document.incoming", incoming(f"{doc_id}:u31", "refuse", COUNTY_CLERK, reason="非本单位职责范围"))
    applied(people[OTHER_CLERK], "document.incoming", incoming(incoming_id, "receive", OTHER_CLERK))
    registered = applied(people[OTHER_CLERK], "document.incoming", incoming(incoming_id, "register", OTHER_CLERK, register_no="", unit_code="通发改", due=None))
    assert registered["register_no"].startswith("通发改收〔")
    receipts = [r["data"] for r in people[DRAFTER].pull_all(f"user:{DRAFTER}") if r["entity"] == "document_receipt" and r["data"]["document_id"] == doc_id]
    assert sorted((r["unit_id"], r["status"], r["reason"]) for r in receipts) == [("u02", "received", ""), ("u31", "returned", "非本单位职责范围")]


def test_opening_a_secret_document_is_audited(people, deployment):
    args = draft(meta=secret_meta(), steps=[step("签发", LEADER)])
    applied(people[COUNTERSIGNER], "document.draft", args)
    applied(people[LEADER], "document.open", {"id": args["id"]})
    engine = create_engine(deployment.database_url)
    with engine.connect() as c:
        details = c.execute(select(AuditEventModel.detail).where(AuditEventModel.event == "document.open", AuditEventModel.person_id == LEADER)).scalars().all()
    engine.dispose()
    assert f"{args['id']} 机密" in details


@pytest.mark.parametrize(
    "case",
    ["out_of_turn", "for_another_user", "above_ceiling", "without_sign_off_role", "forged_receipt", "receipt_never_delivered", "oversized_body", "unsigned_countersign"],
)
def test_bad_ops_are_refused_in_words_and_change_nothing(people, keys, deployment, case):
    args = draft()
    applied(people[DRAFTER], "document.draft", args)
    doc_id = args["id"]
    if case == "forged_receipt":
        signed_id, _ = signed_off(people, keys)
        applied(people[CLERK], "document.distribute", {"id": signed_id, "main": ["u02"], "copy": []})
    if case == "unsigned_countersign":
        applied(people[DRAFTER], "document.route", sign(doc_id, DRAFTER, "请审核"))
    before = snapshot(deployment)
    if case == "out_of_turn":  # the drafter has not submitted: 会签 is not yet due
        message = refused(people[COUNTERSIGNER], "document.route", sign(doc_id, COUNTERSIGNER), "route.not_your_turn")
    elif case == "for_another_user":
        message = refused(people[COUNTERSIGNER], "document.route", sign(doc_id, DRAFTER), "doc.not_you")
    elif case == "above_ceiling":  # 李明 (科员) may see up to 秘密
        secret = draft(meta=secret_meta(), steps=[step("会签", DRAFTER), step("签发", LEADER)])
        message = refused(people[COUNTERSIGNER], "document.draft", secret, "doc.above_ceiling")
    elif case == "without_sign_off_role":
        message = refused(people[DRAFTER], "document.draft", draft(steps=[step("签发", COUNTERSIGNER)]), "doc.not_sign_off_role")
    elif case == "forged_receipt":  # 王晓燕 is a clerk, but of the sending unit
        message = refused(people[CLERK], "document.incoming", incoming(f"{signed_id}:u02", "receive", CLERK), "doc.forged_receipt")
    elif case == "receipt_never_delivered":
        message = refused(people[OTHER_CLERK], "document.incoming", incoming(f"{doc_id}:u02", "receive", OTHER_CLERK), "doc.forged_receipt")
    elif case == "unsigned_countersign":  # a 会签 opinion must carry her key's signature
        message = refused(people[COUNTERSIGNER], "document.route", sign(doc_id, COUNTERSIGNER), "doc.signature_missing")
    else:
        message = refused(people[DRAFTER], "document.draft", draft(paragraphs=["字" * 200_001]), "doc.body_too_large")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert snapshot(deployment) == before


def test_a_paper_document_is_registered_handled_and_a_reminder_reaches_the_handler(people, client):
    scan = b"%PDF-1.4 scanned paper document"
    sha = hashlib.sha256(scan).hexdigest()
    clerk = people[CLERK]
    client.put(f"/sync/v1/blobs/{sha}?offset=0&total={len(scan)}", content=scan, headers={**clerk.headers, "Chunk-Sha256": sha})
    paper = {"id": uuid.uuid4().hex, "meta": sample_meta(), "attachments": [{"name": "扫描件.pdf", "sha256": sha, "size": len(scan)}], "at": "2026-11-26T09:00:00+08:00"}
    incoming_id = applied(clerk, "document.paper", paper)["incoming_id"]
    first = applied(clerk, "document.incoming", incoming(incoming_id, "register", CLERK, register_no="", unit_code="通政办", due=None))["register_no"]
    applied(clerk, "document.incoming", incoming(incoming_id, "propose", CLERK, opinion="请孙主任批示", leader=LEADER))
    applied(people[LEADER], "document.incoming", incoming(incoming_id, "instruct", LEADER, instruction="请李明办理", handlers=[DRAFTER]))
    refused(clerk, "document.remind", {"id": uuid.uuid4().hex, "incoming_id": incoming_id, "to_id": COUNTERSIGNER, "text": "请抓紧"}, "doc.remind_not_pending")
    applied(clerk, "document.remind", {"id": uuid.uuid4().hex, "incoming_id": incoming_id, "to_id": DRAFTER, "text": "请于周五前办结"})
    rows = people[DRAFTER].pull_all(f"user:{DRAFTER}")
    [handled] = [r["data"] for r in rows if r["entity"] == "incoming" and r["id"] == incoming_id]
    assert DRAFTER in handled["todo_users"] and handled["register_no"] == first and first.startswith("通政办收〔")
    assert [r["data"]["text"] for r in rows if r["entity"] == "document_reminder" and r["data"]["incoming_id"] == incoming_id] == ["请于周五前办结"]


def test_a_revised_body_reaches_the_route_and_old_versions_cannot_be_signed(people, keys):
    args = draft()
    applied(people[DRAFTER], "document.draft", args)
    applied(people[DRAFTER], "document.route", sign(args["id"], DRAFTER, "请审核"))
    revised = ["各县（市）、区人民政府：", "　　现将修订后的规划印发给你们。"]
    revise = {"id": args["id"], "action": "revise_body", "actor": COUNTERSIGNER, "new_version": 2, "paragraphs": revised, "sha256": body_sha256(revised), "at": "2026-11-26T10:00:00+08:00"}
    assert applied(people[COUNTERSIGNER], "document.revise", revise)["body_version"] == 2
    refused(people[COUNTERSIGNER], "document.route", signed(keys[COUNTERSIGNER], args["id"], COUNTERSIGNER, "s1"), "doc.version_superseded")
    applied(people[COUNTERSIGNER], "document.route", signed(keys[COUNTERSIGNER], args["id"], COUNTERSIGNER, "s1", body_version=2, paragraphs=revised))
    bodies = {r["id"]: r["data"]["paragraphs"] for r in people[DRAFTER].pull_all(f"user:{DRAFTER}") if r["entity"] == "document_body"}
    assert bodies[f"{args['id']}:2"] == revised


def test_malformed_document_ops_are_refused_in_words(people):
    wrong_type = {**draft(), "meta": {**draft()["meta"], "标题": ["不是文字"]}}
    refused(people[DRAFTER], "document.draft", wrong_type, "meta.bad_type")
    refused(people[DRAFTER], "document.draft", {**draft(), "sha256": "0" * 64}, "doc.body_hash")
    refused(people[DRAFTER], "document.route", {"id": "nothing-here", "action": "sign", "actor": DRAFTER}, "doc.not_found")
    args = draft()
    applied(people[DRAFTER], "document.draft", args)
    refused(people[DRAFTER], "document.route", {"id": args["id"], "action": "fly", "actor": DRAFTER}, "docop.unknown_action")
    refused(people[DRAFTER], "document.route", {"id": args["id"], "action": "sign", "actor": DRAFTER, "opinion": 5, "body_version": 1, "at": "x"}, "docop.bad_args")
