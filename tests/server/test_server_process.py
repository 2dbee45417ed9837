"""The real server process on loopback: start, log in over HTTP, pull, survive a restart and a kill."""

import uuid

import pytest

from tests.server.helpers import log_in
from tests.support.http_client import Http
from tests.support.server_process import start_server

PEOPLE = 200


@pytest.fixture
def server(tmp_path):
    with start_server(tmp_path, f"sqlite:///{tmp_path / 'server.db'}", people=PEOPLE, tokens_dir=tmp_path / "tokens") as running:
        yield running


def test_real_server_logs_in_pulls_and_survives_restarts(server):
    http = Http(server.url, server.ca_file)
    assert http.get("/health").json()["database"] == "sqlite"
    me = log_in(http, server.tokens_dir, "chenjg")
    people = [r for r in me.pull_all("directory", limit=1000) if r["entity"] == "person"]
    assert len(people) == PEOPLE
    notice_id = uuid.uuid4().hex
    [published] = me.push(("notice.publish", {"id": notice_id, "title": "停电通知", "body": "本周六机房停电检修。", "audience": "all"})).json()["results"]
    assert published["status"] == "applied"

    server.restart()
    assert notice_id in {r["id"] for r in me.pull_all("notices:all")}  # the token outlived the restart

    server.kill()
    assert not server.running
    server.start()
    assert me.push(("notice.read", {"notice_id": notice_id})).json()["results"][0]["status"] == "applied"
    assert (server.workdir / "server.log").read_text(encoding="utf-8").count("Uvicorn running") == 3
