"""公文 exchange figure:

docs.exchange_e2e_ms   分发 at the sending client (push) until the receiving unit's clerk sees it
                       已送达 (pull), real server process on SQLite, loopback; median of 10 documents
"""

import statistics
import tempfile
import time
from pathlib import Path

from app.domain.documents.incoming import DELIVERED
from app.services.documents import RouteStep
from tests.support.documents import sample_meta
from tests.support.headless_client import HeadlessClient, sign_in
from tests.support.server_process import ServerProcess, start_server

DOCUMENTS = 10
PARAGRAPHS = ["各县（市）、区人民政府：", "　　现将规划印发给你们，请认真贯彻执行。"]


def _signed_documents(drafter: HeadlessClient, leader: HeadlessClient) -> list[str]:
    ids = [drafter.documents.draft(sample_meta(), [RouteStep("签发", "any", [("p6", "u01")])], PARAGRAPHS, "通政办发") for _ in range(DOCUMENTS)]
    for doc_id in ids:
        drafter.documents.submit(doc_id)
    drafter.sync()
    leader.sync()
    for doc_id in ids:
        leader.documents.sign(doc_id, "同意")
    leader.sync()
    drafter.sync()
    return ids


def exchange_ms(server: ServerProcess, work: Path) -> float:
    drafter, leader, clerk = (sign_in(server.url, server.ca_file, server.tokens_dir, login, work / f"{login}.sqlite") for login in ("liming", "sunwh", "zhaoli"))
    try:
        for c in (drafter, leader, clerk):
            c.sync()
        timings = []
        for doc_id in _signed_documents(drafter, leader):
            began = time.perf_counter()
            drafter.documents.distribute(doc_id, ["u02"], [])
            drafter.sync()
            clerk.sync()
            timings.append((time.perf_counter() - began) * 1000)
            assert clerk.documents.incoming(f"{doc_id}:u02").status == DELIVERED
        return statistics.median(timings)
    finally:
        for c in (drafter, leader, clerk):
            c.close()


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server = start_server(work / "server", f"sqlite:///{work / 'server.db'}", people=100)
        try:
            return [("docs.exchange_e2e_ms", round(exchange_ms(server, work), 1), "ms")]
        finally:
            server.stop()


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value} {unit}")
