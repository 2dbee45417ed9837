"""文号 under load: twenty 签发 of twenty documents at the same instant, from twenty devices,
against the real server process on PostgreSQL, get the serials 1 to 20 exactly once each."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.server.helpers import log_in
from tests.support.document_ops import DRAFTER, LEADER, draft, sign, signed, step
from tests.support.http_client import Http
from tests.support.pki import demo_signer
from tests.support.postgres import fresh_database
from tests.support.server_process import start_server

SIGN_OFFS = 20


@pytest.mark.postgres
def test_twenty_concurrent_sign_offs_number_one_to_twenty(tmp_path):
    with fresh_database() as url:
        server = start_server(tmp_path / "srv", url, people=20)
        try:
            drafter = log_in(Http(server.url, server.ca_file, timeout_s=60), server.tokens_dir, "liming")
            documents = [draft(steps=[step("签发", LEADER)]) for _ in range(SIGN_OFFS)]
            ops = [op for d in documents for op in (("document.draft", d), ("document.route", sign(d["id"], DRAFTER, "请签发")))]
            assert {r["status"] for r in drafter.push(*ops).json()["results"]} == {"applied"}
            with ThreadPoolExecutor(4) as pool:
                leaders = list(pool.map(lambda _: log_in(Http(server.url, server.ca_file, timeout_s=60), server.tokens_dir, "sunwh"), range(SIGN_OFFS)))
            answers: list = [None] * SIGN_OFFS
            key = demo_signer(server.tokens_dir, "sunwh")
            opinions = [signed(key, d["id"], LEADER, "s1") for d in documents]
            go = threading.Barrier(SIGN_OFFS)

            def sign_off(i: int) -> None:
                go.wait()
                answers[i] = leaders[i].push(("document.route", opinions[i])).json()["results"][0]

            threads = [threading.Thread(target=sign_off, args=(i,)) for i in range(SIGN_OFFS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            server.stop()
    numbers = sorted(int(a["result"]["doc_number"].split("〕")[1].removesuffix("号")) for a in answers)
    assert numbers == list(range(1, SIGN_OFFS + 1))
