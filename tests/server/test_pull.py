"""Pull: results of lost pushes, scope checksums kept by the server, re-download after a checksum
mismatch or past the retention horizon (the outbox survives), and a client clock a day off."""

import time
import uuid

import pytest
from sqlalchemy import delete, select

from app.domain.notices import NoticeDraft
from app.domain.scopes import notice_scope
from app.services import sync_state
from app.store import outbox
from app.store.models import NoticeRow, ScopeRow
from sync.client.transport import ServerUnreachable
from sync.protocol.checksum import fold
from sync.server.changelog.models import ChangeRow
from sync.server.changelog.retention import DAY_S, TOMBSTONE_DAYS, purge_tombstones
from sync.server.changelog.service import EntityChange, record, record_many, stats
from sync.server.database import open_database
from sync.server.sync.service import scope_changes
from tests.server.helpers import log_in
from tests.server.inprocess_clients import inprocess_client

U02 = notice_scope("u02")


@pytest.fixture
def server_db(deployment):
    db = open_database(deployment.database_url)
    yield db
    db.close()


def publish_to_u02(client, tokens, title: str) -> str:
    head = log_in(client, tokens, "chenjg")
    notice_id = uuid.uuid4().hex
    answer = head.push(("notice.publish", {"id": notice_id, "title": title, "body": "正文", "audience": "u02"}))
    assert answer.json()["results"][0]["status"] == "applied"
    return notice_id


def local_notices(me) -> set[str]:
    with me.cache.session() as s:
        return set(s.scalars(select(NoticeRow.id)))


def test_server_checksum_follows_writes_overwrites_and_tombstones(server_db):
    scope = f"test:{uuid.uuid4().hex}"
    with server_db.sessions.begin() as s:
        record_many(s, scope, [EntityChange("thing", f"t{i}", 1, {"n": i}) for i in range(5)])
        record(s, scope, "thing", "t1", 2, {"n": 10})  # overwrite
        record(s, scope, "thing", "t2", 2, {}, deleted=True)  # tombstone
        record(s, scope, "thing", "t2", 3, {"n": 2})  # back again
        record(s, scope, "thing", "t3", 2, {}, deleted=True)
    with server_db.sessions() as s:
        rows = s.execute(select(ChangeRow.entity, ChangeRow.entity_id, ChangeRow.seq).where(ChangeRow.scope == scope, ChangeRow.deleted.is_(False))).all()
        current = stats(s, scope)
    assert len(rows) == 4
    assert f"{current.live_count}:{current.xor_hash}" == fold(rows).text()


def test_a_push_whose_reply_was_lost_is_settled_by_a_pull(deployment, tmp_path):
    me, session = inprocess_client(deployment, "zhaoli", tmp_path)
    me.notices.publish(NoticeDraft("回复丢失的通知", "正文", "u02"))
    session.drop_reply = lambda path, _body: path == "/sync/v1/push"
    with pytest.raises(ServerUnreachable):
        me.sync()
    session.drop_reply = lambda _path, _body: False
    report = me.engine.pull_once()
    assert report.pushed == 1
    with me.cache.session() as s:
        assert outbox.pending_count(s) == 0
    assert [n.pending for n in me.notices.notices() if n.title == "回复丢失的通知"] == [False]
    assert sum(path == "/sync/v1/push" for path, _ in session.sent) == 1  # settled without pushing again


def test_a_notice_the_server_applied_is_no_longer_pending_when_the_pull_after_fails(deployment, tmp_path):
    me, session = inprocess_client(deployment, "zhaoli", tmp_path)
    notice_id = me.notices.publish(NoticeDraft("推送成功拉取失败", "正文", "u02"))
    assert me.notices.detail(notice_id).summary.pending
    session.drop_request = lambda path, _body: path == "/sync/v1/pull"
    with pytest.raises(ServerUnreachable):
        me.sync()
    shown = me.notices.detail(notice_id)
    assert shown is not None and not shown.summary.pending  # sent: the server answered applied
    assert [n.pending for n in me.notices.notices() if n.id == notice_id] == [False]


def test_a_damaged_scope_is_downloaded_again_keeping_the_outbox(deployment, client, tokens, tmp_path):
    publish_to_u02(client, tokens, "校验和测试")
    me, _ = inprocess_client(deployment, "zhaoli", tmp_path)
    me.sync()
    with me.cache.sessions.begin() as s:  # damage: one row lost, one stranger added
        lost = s.scalars(select(ScopeRow).where(ScopeRow.scope == U02)).first()
        s.execute(delete(NoticeRow).where(NoticeRow.id == lost.id))
        s.delete(lost)
        s.add(ScopeRow(scope=U02, entity="notice", id="stranger", seq=1))
    me.notices.publish(NoticeDraft("离线草拟", "正文", "u02"))
    restarted, _ = inprocess_client(deployment, "zhaoli", tmp_path)  # a new start compares every scope once
    with restarted.cache.session() as s:
        assert outbox.pending_count(s) == 1
    me.close()
    report = restarted.engine.pull_once()
    assert f"{U02}: checksum" in report.redownloaded and not report.checksum_failures
    assert lost.id in local_notices(restarted)
    with restarted.cache.session() as s:
        assert outbox.pending_count(s) == 1  # the queued notice waits on, still shown
        assert s.get(ScopeRow, (U02, "notice", "stranger")) is None
    assert "离线草拟" in {n.title for n in restarted.notices.notices()}
    assert restarted.sync().pushed == 1


def test_a_client_offline_past_the_horizon_downloads_the_scope_again(deployment, client, tokens, server_db, tmp_path):
    doomed = publish_to_u02(client, tokens, "将被撤回的通知")
    me, _ = inprocess_client(deployment, "zhaoli", tmp_path)
    me.sync()
    assert doomed in local_notices(me)
    with server_db.sessions.begin() as s:  # withdrawn while the client is away...
        record(s, U02, "notice", doomed, 2, {}, deleted=True)
    publish_to_u02(client, tokens, "之后的通知")
    with server_db.sessions.begin() as s:  # ...and more than 400 days pass: the tombstone goes
        assert purge_tombstones(s, now=time.time() + (TOMBSTONE_DAYS + 1) * DAY_S) >= 1
    me.notices.publish(NoticeDraft("离线期间写的", "正文", "u02"))
    report = me.sync()
    assert f"{U02}: retention" in report.redownloaded
    assert doomed not in local_notices(me)
    assert report.pushed == 1 and "离线期间写的" in {n.title for n in me.notices.notices()}


def test_tombstones_younger_than_the_horizon_stay(server_db):
    scope = f"test:{uuid.uuid4().hex}"
    with server_db.sessions.begin() as s:
        record(s, scope, "thing", "gone", 1, {}, deleted=True)
    with server_db.sessions.begin() as s:
        purge_tombstones(s, now=time.time() + (TOMBSTONE_DAYS - 1) * DAY_S)
    with server_db.sessions() as s:
        assert s.get(ChangeRow, (scope, "thing", "gone")) is not None
    with pytest.raises(ValueError):
        purge_tombstones(server_db.sessions(), keep_days=TOMBSTONE_DAYS - 1)


def test_a_client_clock_a_day_off_is_flagged_and_orders_nothing(deployment, tmp_path):
    ahead, _ = inprocess_client(deployment, "zhaoli", tmp_path / "a", clock=lambda: time.time() + DAY_S)
    right, _ = inprocess_client(deployment, "chenjg", tmp_path / "b")
    ahead.notices.publish(NoticeDraft("先发（时钟快一天）", "正文", "u02"))
    first = ahead.sync()
    right.notices.publish(NoticeDraft("后发", "正文", "u02"))
    right.sync()
    assert first.clock_offset_s == pytest.approx(DAY_S, abs=60)
    assert sync_state.read(ahead.cache).clock_skewed and not sync_state.read(right.cache).clock_skewed
    ahead.sync()
    titles = [n.title for n in ahead.notices.notices() if n.title in ("先发（时钟快一天）", "后发")]
    assert titles[:2] == ["后发", "先发（时钟快一天）"]  # newest first by server time, though the other client's clock is a day ahead


def test_a_scope_whose_last_change_was_a_purged_tombstone_still_settles(server_db):
    scope = f"test:{uuid.uuid4().hex}"
    with server_db.sessions.begin() as s:
        record(s, scope, "thing", "kept", 1, {"n": 1})
        record(s, scope, "thing", "gone", 1, {}, deleted=True)
    with server_db.sessions.begin() as s:
        purge_tombstones(s, now=time.time() + (TOMBSTONE_DAYS + 1) * DAY_S)
    with server_db.sessions() as s:
        page = scope_changes(s, scope, 0, 100)
        last = stats(s, scope).last_seq
    assert [r.id for r in page.rows] == ["kept"]
    assert page.next_cursor == last and page.checksum == fold([("thing", "kept", page.rows[0].seq)]).text()
