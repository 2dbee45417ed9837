"""Signed 会签 opinions against the real server: 赵丽 signs with her USB key (SoftHSM2, the
certificate issued onto it by `xietong-server admin issue`). A good signature is kept and holds;
a tampered body, a tampered opinion or another person's key is refused in words with nothing
changed on the server and the opinion kept at the client; a signature over a version revised
meanwhile is refused as superseded, and a revision after 会签 routes back for signing again."""

import subprocess
import sys

import pytest
from sqlalchemy import select

from app.documents.opinion_signature import OpinionStatus, verify_opinion
from app.domain.documents.bodies import body_sha256
from app.domain.documents.route import PENDING, route_from_json
from app.domain.documents.routing import opinions, pending_users
from app.domain.errors import RuleViolation
from app.identity.pkcs11_key import find_pkcs11_keys
from app.services.documents import DocumentService, RouteStep
from app.store.models import DocumentBodyRow, OutboxOp
from tests.support.documents import sample_meta
from tests.support.headless_client import sign_in
from tests.support.pki import demo_signer
from tests.support.server_process import start_server
from tests.support.softhsm import MODULE, restart_module

PIN = "135790"
TOKEN = "赵丽的Key"
PARAGRAPHS = ["各县（市）、区人民政府，市各委、办、局：", "　　现将《南通市电子政务“十二五”发展规划》印发给你们，请认真贯彻执行。"]
REVISED = [PARAGRAPHS[0], "　　现将修订后的发展规划印发给你们，请认真贯彻执行。"]
ROUTE = [RouteStep("会签", "all", [("p4", "u02"), ("p2", "u01")]), RouteStep("签发", "any", [("p6", "u01")])]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("signed-opinions")
    running = start_server(work / "server", f"sqlite:///{work / 'server.db'}", people=40)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def usb_key(server, softhsm, tmp_path_factory):
    """赵丽's USB key, its certificate issued by the deployment's CA and bound to her."""
    softhsm.new_token(TOKEN, PIN)
    pin_file = tmp_path_factory.mktemp("pin") / "pin"
    pin_file.write_text(PIN)
    issued = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "admin", "issue", "--ca", str(server.pki_dir / "user-ca"), "--login", "zhaoli",
         "--pkcs11-module", MODULE, "--token-label", TOKEN, "--pin-file", str(pin_file), "--database-url", server.database_url],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert issued.returncode == 0, issued.stdout + issued.stderr
    restart_module()  # the objects were written by another process
    [key] = [k for k in find_pkcs11_keys(MODULE) if k.token_label == TOKEN]
    signer = key.unlock(PIN)
    yield signer
    signer.close()


@pytest.fixture(scope="module")
def people(server, tmp_path_factory):
    folder = tmp_path_factory.mktemp("clients")
    clients = {login: sign_in(server.url, server.ca_file, server.tokens_dir, login, folder / f"{login}.sqlite") for login in ("liming", "zhaoli", "chenjg", "sunwh")}
    for client in clients.values():
        client.sync()
    yield clients
    for client in clients.values():
        client.close()


def submitted(people) -> str:
    """A 发文 by 李明 waiting for 会签 by 赵丽 and 陈建国, then 签发 by 孙文华; all have synced."""
    doc_id = people["liming"].documents.draft(sample_meta(), ROUTE, PARAGRAPHS, "通政办发")
    people["liming"].documents.submit(doc_id, "请会签")
    for client in people.values():
        assert not client.sync().rejected
    return doc_id


def on_server(people, doc_id: str) -> tuple:
    """The document as the server holds it, seen by its drafter."""
    people["liming"].sync()
    doc = people["liming"].documents.document(doc_id)
    return doc.version, doc.route, doc.signatures, doc.body_version


def test_a_signed_opinion_is_kept_and_holds(people, usb_key):
    doc_id = submitted(people)
    people["zhaoli"].documents.sign(doc_id, "同意", usb_key)
    assert not people["zhaoli"].sync().rejected
    *_, signatures, _version = on_server(people, doc_id)
    [kept] = signatures
    check = verify_opinion(kept["signature"], body_sha256=body_sha256(PARAGRAPHS))
    assert (check.status, check.signer, kept["actor"], kept["body_version"]) == (OpinionStatus.VALID, "赵丽", "p4", 1)


def _tamper_body(client, doc_id: str) -> None:
    """The text her client showed is not the version the server keeps."""
    with client.cache.sessions.begin() as s:
        s.get(DocumentBodyRow, f"{doc_id}:1").paragraphs = [PARAGRAPHS[0], "　　（被改动的正文）"]


def _tamper_opinion(client, doc_id: str) -> None:
    """The queued opinion is changed after it was signed, in the op and in the record alike."""
    with client.cache.sessions.begin() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.status == "pending")).one()
        op.args = {**op.args, "opinion": "不同意", "signature": {**op.args["signature"], "opinion": "不同意"}}


def _strip_signature(client, doc_id: str) -> None:
    """The op as a client that never signs (an older version, a hand-made request) would send it."""
    with client.cache.sessions.begin() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.status == "pending")).one()
        op.args = {k: v for k, v in op.args.items() if k != "signature"}


@pytest.mark.parametrize(
    ("case", "code"),
    [("tampered body", "doc.signature_body"), ("tampered opinion", "doc.signature_invalid"), ("wrong key", "doc.signature_wrong_key"),
     ("no signature", "doc.signature_missing")],
)
def test_a_bad_signature_is_refused_in_words_and_changes_nothing(people, usb_key, server, case, code):
    doc_id = submitted(people)
    before = on_server(people, doc_id)
    zhaoli = people["zhaoli"]
    if case == "tampered body":
        _tamper_body(zhaoli, doc_id)
    signer = demo_signer(server.tokens_dir, "sunwh") if case == "wrong key" else usb_key
    zhaoli.documents.sign(doc_id, "同意", signer)
    if case == "tampered opinion":
        _tamper_opinion(zhaoli, doc_id)
    if case == "no signature":
        _strip_signature(zhaoli, doc_id)
    [refusal] = zhaoli.sync().rejected
    assert refusal.code == code and "本次签署未执行" in refusal.message
    assert on_server(people, doc_id) == before, "the route, the signatures and the version are as they were"
    [lost] = [a for a in zhaoli.documents.lost_actions() if a.target_id == doc_id]
    assert lost.message == refusal.message and lost.written in ("同意", "不同意"), "what she wrote stays at her client"
    assert "p4" in pending_users(route_from_json(zhaoli.documents.document(doc_id).route))


def test_without_an_unlocked_key_a_countersign_is_refused_before_it_is_queued(people):
    doc_id = submitted(people)
    zhaoli = people["zhaoli"]
    keyless = DocumentService(zhaoli.cache, zhaoli.user)  # her USB key is not plugged in
    with pytest.raises(RuleViolation, match="请插入UKey并解锁后再签署") as refused:
        keyless.sign(doc_id, "同意")
    assert refused.value.code == "doc.signature_missing"
    with zhaoli.cache.session() as s:
        assert not s.scalars(select(OutboxOp).where(OutboxOp.status == "pending")).all(), "nothing is queued"
    assert doc_id in [t.id for t in keyless.todo()], "her 待办 is still there"


def test_a_signature_over_a_superseded_version_is_signed_again(people, usb_key, server):
    doc_id = submitted(people)
    zhaoli, chenjg, sunwh = people["zhaoli"], people["chenjg"], people["sunwh"]
    zhaoli.documents.sign(doc_id, "同意第一稿", usb_key)  # offline: her op waits while 陈建国 revises
    chenjg.documents.revise(doc_id, REVISED)
    assert not chenjg.sync().rejected

    [refusal] = zhaoli.sync().rejected
    assert refusal.code == "doc.version_superseded" and "第2版" in refusal.message
    assert [(a.message, a.written) for a in zhaoli.documents.lost_actions() if a.target_id == doc_id] == [(refusal.message, "同意第一稿")]
    doc = zhaoli.documents.document(doc_id)
    assert doc.body_version == 2 and doc.todo, "her step waits for a signature over the new version"

    zhaoli.documents.sign(doc_id, "同意", usb_key)
    chenjg.documents.sign(doc_id, "同意", demo_signer(server.tokens_dir, "chenjg"))
    for client in (zhaoli, chenjg, sunwh):
        assert not client.sync().rejected
    sunwh.documents.revise(doc_id, [*REVISED, "　　特此通知。"])
    assert not sunwh.sync().rejected

    _version, route_json, signatures, body_version = on_server(people, doc_id)
    route = route_from_json(route_json)
    assert body_version == 3 and route.current_step.stage == "会签", "签发 revised the text: 会签 signs again"
    assert {a.user_id for a in route.current_step.assignees if a.state == PENDING} == {"p4", "p2"}
    assert [o.superseded for o in opinions(route) if o.event.step_id == "s1"] == [True, True]
    assert [(s["actor"], s["body_version"]) for s in signatures] == [("p4", 2), ("p2", 2)], "signatures are kept, append-only"
