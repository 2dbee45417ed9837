"""Two devices of one person act at the same instant against the real server process: both get
an answer (never a 500) and the server keeps exactly one receipt."""

import threading
import uuid

import pytest

from app.domain.scopes import user_scope
from tests.server.helpers import log_in
from tests.support.http_client import Http
from tests.support.postgres import BACKENDS, fresh_database
from tests.support.server_process import start_server

ROUNDS = 15


@pytest.fixture(params=BACKENDS)
def server(request, tmp_path):
    if request.param == "sqlite":
        srv = start_server(tmp_path / "srv", f"sqlite:///{tmp_path / 'server.db'}", people=50)
        yield srv
        srv.stop()
        return
    with fresh_database() as url:
        srv = start_server(tmp_path / "srv", url, people=50)
        yield srv
        srv.stop()


def test_two_devices_reading_one_notice_at_once(server):
    head = log_in(Http(server.url, server.ca_file), server.tokens_dir, "chenjg")
    phones = [log_in(Http(server.url, server.ca_file), server.tokens_dir, "wangxy") for _ in range(2)]
    for _ in range(ROUNDS):
        notice_id = uuid.uuid4().hex
        published = head.push(("notice.publish", {"id": notice_id, "title": "并发测试通知", "body": "正文", "audience": "u01"}))
        assert published.status_code == 200, published.text
        answers = [None, None]
        start = threading.Barrier(2)

        def read(i: int) -> None:
            start.wait()
            answers[i] = phones[i].push(("notice.read", {"notice_id": notice_id}))

        threads = [threading.Thread(target=read, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert [a.status_code for a in answers] == [200, 200], [a.text for a in answers]
        assert {a.json()["results"][0]["status"] for a in answers} == {"applied"}
        read_ats = {a.json()["results"][0]["result"]["read_at"] for a in answers}
        assert len(read_ats) == 1  # one receipt, the same for both devices
    receipts = [r for r in head.pull_all(user_scope(head.user_id)) if r["entity"] == "notice_read"]
    assert len(receipts) == ROUNDS
