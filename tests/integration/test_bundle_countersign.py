"""A 公文 with 会签 between two isolated clients and a connected unit, through 交换包 only: 李明
drafts on an isolated machine, 赵丽 of the connected 发改委 countersigns online, 孙文华 签发 on
another isolated machine, and the 分发 reaches the 发改委. Each isolated client ends with what an
online client of the same person sees."""

import pytest

from app.services.documents import RouteStep
from sync.client.bundles import export_bundle, import_answer
from tests.support.bundle_exchange import exchange_args, party_of
from tests.support.documents import sample_meta
from tests.support.headless_client import sign_in
from tests.support.pki import demo_signer
from tests.support.server_process import run_cli

PARAGRAPHS = ["各县（市）、区人民政府，市各委、办、局：", "　　现将《南通市电子政务“十二五”发展规划》印发给你们，请认真贯彻执行。"]


@pytest.fixture
def people(exchange_server, tmp_path):
    """Each enrolled once online (first state pulled); the two isolated ones never again."""
    clients = {login: sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, login, tmp_path / f"{login}.sqlite") for login in ("liming", "sunwh", "zhaoli")}
    for client in clients.values():
        client.sync()
    yield clients
    for client in clients.values():
        client.close()


def carry(server, party, folder, name: str) -> None:
    """One trip of the stick: export at the isolated client, import at the exchange point, answer back."""
    out, answer = folder / f"{name}.xtb", folder / f"{name}-answer.xtb"
    export_bundle(party, out)
    done = run_cli(server, "bundle", "import", str(out), "--out", str(answer), *exchange_args(server, folder))
    assert done.returncode == 0, done.stderr
    report = import_answer(party, answer)
    assert not report.rejected, report.rejected


def seen_online(server, login: str, folder, doc_id: str) -> tuple:
    online = sign_in(server.url, server.ca_file, server.tokens_dir, login, folder / f"{login}-online.sqlite")
    try:
        online.sync()
        return _state(online, doc_id)
    finally:
        online.close()


def _state(client, doc_id: str) -> tuple:
    doc = client.documents.document(doc_id)
    return doc.status, doc.doc_number, doc.body_version, doc.route


@pytest.mark.parametrize("exchange_server", ["sqlite"], indirect=True)
def test_countersign_and_sign_off_travel_by_bundles_both_ways(exchange_server, people, tmp_path):
    drafter, leader, countersigner = people["liming"], people["sunwh"], people["zhaoli"]
    sticks = {login: tmp_path / f"stick-{login}" for login in ("liming", "sunwh")}
    for stick in sticks.values():
        stick.mkdir()
    drafter_party = party_of(drafter, exchange_server, sticks["liming"])
    leader_party = party_of(leader, exchange_server, sticks["sunwh"])

    route = [RouteStep("会签", "all", [("p4", "u02")]), RouteStep("签发", "any", [("p6", "u01")])]
    doc_id = drafter.documents.draft(sample_meta(), route, PARAGRAPHS, "通政办发")
    drafter.documents.submit(doc_id, "请会签")
    carry(exchange_server, drafter_party, sticks["liming"], "draft")

    countersigner.sync()
    assert [t.id for t in countersigner.documents.todo()] == [doc_id]
    countersigner.documents.sign(doc_id, "发改委同意")
    countersigner.sync()

    carry(exchange_server, leader_party, sticks["sunwh"], "fetch")  # no ops out; the document comes in
    assert [t.id for t in leader.documents.todo()] == [doc_id]
    leader.documents.sign(doc_id, "同意印发", demo_signer(exchange_server.tokens_dir, "sunwh"))
    carry(exchange_server, leader_party, sticks["sunwh"], "sign-off")  # the exchange point checks the signed 签发 opinion
    issued = leader.documents.document(doc_id)
    assert issued.status == "signed" and issued.doc_number.startswith("通政办发〔")
    assert [s["actor"] for s in issued.signatures] == ["p4", "p6"], "会签 and 签发 are both signed"

    carry(exchange_server, drafter_party, sticks["liming"], "issued")
    drafter.documents.distribute(doc_id, ["u02"], [])
    carry(exchange_server, drafter_party, sticks["liming"], "distribute")
    countersigner.sync()
    [delivered] = countersigner.documents.incoming_list()
    assert (delivered.id, delivered.doc_number) == (f"{doc_id}:u02", issued.doc_number)
    countersigner.documents.receive(delivered.id)
    countersigner.sync()
    carry(exchange_server, drafter_party, sticks["liming"], "receipt")
    assert [r.status for r in drafter.documents.receipts(doc_id)] == ["received"]

    assert _state(drafter, doc_id) == seen_online(exchange_server, "liming", tmp_path, doc_id)
    assert _state(leader, doc_id) == seen_online(exchange_server, "sunwh", tmp_path, doc_id)
