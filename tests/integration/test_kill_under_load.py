"""The real server process is killed with SIGKILL while several clients push, then restarted:
no op the server acknowledged is lost, none is applied twice, and every client's queue drains."""

import threading
import time

from sqlalchemy import func, select

from app.domain.notices import NoticeDraft
from app.store import outbox
from sync.client.transport import LoginExpired, ServerRefused, ServerUnreachable
from sync.server.database import open_database
from sync.server.notices.models import NoticeModel
from sync.server.sync.models import AppliedOpModel
from tests.support.headless_client import HeadlessClient, sign_in

WRITERS = ("chenjg", "wangxy", "liming", "zhaoli")
LOAD_S = 1.5


def write_and_sync(client: HeadlessClient, stop: threading.Event, queued: set[str], acknowledged: set[str]) -> None:
    """Publish one notice after another, syncing after each; a sync that returned means the
    server answered every op queued before it."""
    while not stop.is_set():
        client.notices.publish(NoticeDraft(f"压力测试{time.monotonic_ns()}", "正文", client.user.unit_id))
        with client.cache.session() as s:
            before = {o.op_id for o in outbox.pending_rows(s)}
        queued |= before
        try:
            client.sync()
        except (ServerUnreachable, LoginExpired, ServerRefused):
            time.sleep(0.05)
            continue
        acknowledged.update(before)


def test_no_acknowledged_op_is_lost_when_the_server_is_killed(exchange_server, tmp_path):
    clients = [sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, login, tmp_path / f"{login}.sqlite") for login in WRITERS]
    stop = threading.Event()
    acknowledged: list[set[str]] = [set() for _ in clients]
    queued_by: list[set[str]] = [set() for _ in clients]
    threads = [threading.Thread(target=write_and_sync, args=(c, stop, q, a)) for c, q, a in zip(clients, queued_by, acknowledged, strict=True)]
    for t in threads:
        t.start()
    time.sleep(LOAD_S)
    exchange_server.kill()  # SIGKILL: no shutdown, no flush beyond what was committed
    time.sleep(0.3)
    exchange_server.start()
    time.sleep(LOAD_S)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    for c in clients:
        c.sync()  # drain what is still queued
    queued = set().union(*queued_by)
    db = open_database(exchange_server.database_url)
    try:
        with db.sessions() as s:
            stored = dict(s.execute(select(AppliedOpModel.op_id, AppliedOpModel.status)).all())
            per_op = s.execute(select(func.count()).select_from(AppliedOpModel).where(AppliedOpModel.op_id.in_(queued))).scalar_one()
            notices = s.scalar(select(func.count()).select_from(NoticeModel).where(NoticeModel.title.like("压力测试%")))
    finally:
        db.close()
    assert all(acknowledged), "every writer got answers before and after the kill"
    assert set().union(*acknowledged) <= set(stored), "an acknowledged op was lost"
    assert queued <= set(stored) and per_op == len(queued), "every op applied exactly once"
    assert {stored[o] for o in queued} == {"applied"} and notices == len(queued)
    for c in clients:
        with c.cache.session() as s:
            assert outbox.pending_count(s) == 0
        c.close()

