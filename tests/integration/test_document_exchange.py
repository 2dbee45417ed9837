"""公文 between two units with three real clients and the real server process: 李明 drafts, 赵丽 of
the 发改委 countersigns (联合发文) while 孙文华 also signs the same 或签 step offline — the server's
order decides, and the loser is told in words and keeps the opinion he wrote — 孙文华 签发 (the
文号 comes from the server), 李明 分发 to the 发改委, whose clerk sees it 已送达, 签收 (李明 sees the
receipt), registers it (收文编号 from the server), and it is handled to 办结."""

from app.domain.documents.incoming import CONCLUDED
from app.services.documents import RouteStep
from tests.support.documents import sample_meta
from tests.support.headless_client import sign_in

PARAGRAPHS = ["各县（市）、区人民政府，市各委、办、局：", "　　现将《南通市电子政务“十二五”发展规划》印发给你们，请认真贯彻执行。"]


def test_draft_countersign_sign_off_distribute_receive_conclude(exchange_server, tmp_path):
    drafter, leader, clerk = (
        sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, login, tmp_path / f"{login}.sqlite") for login in ("liming", "sunwh", "zhaoli")
    )
    try:
        for c in (drafter, leader, clerk):
            c.sync()
        route = [RouteStep("会签", "any", [("p4", "u02"), ("p6", "u01")]), RouteStep("签发", "any", [("p6", "u01")])]
        doc_id = drafter.documents.draft(sample_meta(), route, PARAGRAPHS, "通政办发")
        drafter.documents.submit(doc_id, "请会签")
        drafter.sync()
        leader.sync()
        clerk.sync()
        assert [t.id for t in clerk.documents.todo()] == [doc_id] and clerk.documents.body(doc_id) == PARAGRAPHS
        hidden = clerk.documents.document(doc_id).route["steps"][2]  # 签发 is not 发改委's to see
        assert [a["user_id"] for a in hidden["assignees"]] == [""]

        # Both act on the same 或签 step before either syncs: 赵丽's reaches the server first.
        clerk.documents.sign(doc_id, "发改委同意")
        leader.documents.sign(doc_id, "我的会签意见：同意，建议加快进度")
        clerk.sync()
        leader.sync()
        [lost] = leader.documents.lost_actions()
        assert "赵丽" in lost.message and lost.written == "我的会签意见：同意，建议加快进度"
        assert [t.id for t in leader.documents.todo()] == [doc_id]

        leader.documents.sign(doc_id, "同意印发")
        leader.sync()
        drafter.sync()
        issued = drafter.documents.document(doc_id)
        assert issued.status == "signed" and issued.doc_number.startswith("通政办发〔")

        drafter.documents.distribute(doc_id, ["u02"], [])
        drafter.sync()
        clerk.sync()
        [delivered] = clerk.documents.incoming_list()
        assert (delivered.id, delivered.status, delivered.doc_number) == (f"{doc_id}:u02", "delivered", issued.doc_number)
        [found] = clerk.documents.incoming_pages(text="贯彻").page(0, 10)  # the pulled body is searchable offline
        assert (found.row.id, found.hit.snippet.marked("[", "]").count("[贯彻]")) == (delivered.id, 1)
        assert [r.status for r in (drafter.sync(), drafter.documents.receipts(doc_id))[1]] == ["delivered"]

        incoming_id = delivered.id
        clerk.documents.receive(incoming_id)
        clerk.documents.register(incoming_id, "通发改")
        clerk.sync()
        assert clerk.documents.incoming(incoming_id).register_no.startswith("通发改收〔")
        drafter.sync()
        assert [r.status for r in drafter.documents.receipts(doc_id)] == ["received"]

        clerk.documents.propose(incoming_id, "请主任批示", "p4")
        clerk.documents.instruct(incoming_id, "按规划抓好落实", ["p4"])
        clerk.documents.finish(incoming_id, "已部署")
        clerk.documents.conclude(incoming_id)
        clerk.sync()
        done = clerk.documents.incoming(incoming_id)
        assert (done.status, done.pending) == (CONCLUDED, False) and clerk.documents.lost_actions() == []
    finally:
        for c in (drafter, leader, clerk):
            c.close()
