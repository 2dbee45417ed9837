"""Stateful simulation of the sync protocol: several real clients and the real server code, random
ops and random faults, checked against the invariants the issue names:

- every op a client queued is applied or rejected exactly once by the server;
- after quiet, every client's cache equals the server's view of its scopes (checksums, cursors and
  the notices themselves);
- nothing is rejected without the user being told (a rejected outbox row with the reason).

Faults: a request lost before the server sees it; a reply lost after the server committed (a
crash after commit before the reply); a client crashing half-way through applying a pulled page;
old pushes sent again late (duplicated and reordered); a client clock a day ahead; time passing
beyond the retention horizon while clients are away.
"""

import time

import hypothesis.strategies as st
import pytest
from hypothesis import settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import select

from app.domain.notices import AUDIENCE_ALL, NoticeDraft
from app.domain.scopes import notice_scope
from app.store import outbox, scope_index
from app.store.models import NoticeRow, OutboxOp, SyncCursor
from sync.client.transport import ServerUnreachable
from sync.protocol.checksum import fold
from sync.server.changelog import service as changelog
from sync.server.changelog.retention import TOMBSTONE_DAYS, purge_tombstones
from sync.server.notices.models import NoticeModel
from sync.server.sync.models import AppliedOpModel
from tests.simulation.conftest import PROFILE
from tests.simulation.world import CRASHES, DAY_S, CrashMidPage, Server, SimClient, install_crash_hook, new_client, remove_crash_hook, start_server

LOGINS = ("chenjg", "chenjg", "zhaoli")  # two devices of one publisher (u01), a clerk of u02
MAX_QUIET_ROUNDS = 5
who = st.integers(0, len(LOGINS) - 1)
titles = st.text(alphabet="通知会议甲乙丙丁", min_size=1, max_size=6)


class SyncWorld(RuleBasedStateMachine):
    server: Server

    def __init__(self) -> None:
        super().__init__()
        self.clients: list[SimClient] = []
        self.queued: dict[str, set[str]] = {}  # device -> op ids it ever queued

    @initialize(skewed=st.booleans())
    def start(self, skewed: bool) -> None:
        self.clients = [new_client(self.server, login, DAY_S if skewed and i == 0 else 0.0) for i, login in enumerate(LOGINS)]
        self.queued = {c.device: set() for c in self.clients}

    @rule(i=who, where=st.sampled_from(["own", AUDIENCE_ALL, "u99"]), title=titles)
    def publish(self, i: int, where: str, title: str) -> None:
        c = self.clients[i]
        wide = c.name == "chenjg"
        audience = where if wide and where != "own" else c.client.user.unit_id
        c.client.notices.publish(NoticeDraft(title, "正文", audience))
        self._note_queued(c)

    @rule(i=who, pick=st.integers(0, 10_000))
    def read(self, i: int, pick: int) -> None:
        c = self.clients[i]
        unread = [n.id for n in c.client.notices.notices(unread_only=True)]
        if unread:
            c.client.notices.mark_read(unread[pick % len(unread)])
            self._note_queued(c)

    @rule(i=st.integers(0, 1), pick=st.integers(0, 10_000), text=titles, field=st.sampled_from(["title", "body", "audience"]), unit=st.sampled_from(["u01", "u02", AUDIENCE_ALL]))
    def edit(self, i: int, pick: int, text: str, field: str, unit: str) -> None:
        """The publisher edits on either device; moving the audience leaves tombstones behind."""
        c = self.clients[i]
        mine = [n.id for n in c.client.notices.notices() if n.mine]
        if mine:
            c.client.notices.edit(mine[pick % len(mine)], {field: unit if field == "audience" else text})
            self._note_queued(c)

    @rule(i=who, fault=st.sampled_from(["none", "drop_request", "drop_reply", "crash_pull"]), path=st.sampled_from(["/sync/v1/push", "/sync/v1/pull"]))
    def sync(self, i: int, fault: str, path: str) -> None:
        c = self.clients[i]
        if fault == "drop_request":
            c.session.drop_request = _once(path)
        elif fault == "drop_reply":
            c.session.drop_reply = _once(path)
        elif fault == "crash_pull":
            CRASHES.armed.add(c.device)
        try:
            c.client.sync()
        except (ServerUnreachable, CrashMidPage):
            pass
        finally:
            self._clear_faults(c)

    @rule(i=who, back=st.integers(1, 4))
    def replay_an_old_push(self, i: int, back: int) -> None:
        """A push sent again late (duplicated, out of order): stored answers, nothing new."""
        c = self.clients[i]
        pushes = [body for path, body in c.session.sent if path == "/sync/v1/push"]
        if len(pushes) < back:
            return
        answer = self.server.http.post("/sync/v1/push", content=pushes[-back], headers={"Authorization": f"Bearer {c.client.transport.token}", "Content-Type": "application/json"})
        assert answer.status_code in (200, 409), answer.text
        if answer.status_code == 200:
            with self.server.db.sessions() as s:
                for r in answer.json()["results"]:
                    stored = s.scalar(select(AppliedOpModel).where(AppliedOpModel.op_id == r["op_id"]))
                    assert stored is not None and stored.status == r["status"]

    @rule()
    def time_passes_beyond_the_horizon(self) -> None:
        with self.server.db.sessions.begin() as s:
            purge_tombstones(s, now=time.time() + (TOMBSTONE_DAYS + 1) * DAY_S)

    @rule()
    def quiet(self) -> None:
        self._settle_and_check()

    def teardown(self) -> None:
        if self.clients:
            self._settle_and_check()
            for c in self.clients:
                c.client.close()

    def _settle_and_check(self) -> None:
        for c in self.clients:
            self._clear_faults(c)
        for _ in range(MAX_QUIET_ROUNDS):  # until one whole round moves nothing
            reports = [c.client.sync() for c in self.clients]
            if not any(r.pushed or r.rejected or r.pulled_rows for r in reports):
                break
        for c in self.clients:
            self._check_exactly_once(c)
            self._check_same_as_server(c)

    def _check_exactly_once(self, c: SimClient) -> None:
        with c.client.cache.session() as s:
            assert outbox.pending_count(s) == 0
            told = {o.op_id for o in outbox.rejected(s)}
        with self.server.db.sessions() as s:
            stored = s.execute(select(AppliedOpModel.op_id, AppliedOpModel.status).where(AppliedOpModel.device_id == c.device)).all()
        by_id = dict(stored)
        assert len(by_id) == len(stored)
        assert set(by_id) == self.queued[c.device], "every queued op answered once, nothing else"
        assert {op_id for op_id, status in stored if status == "rejected"} == told, "every rejection shown to the user"

    def _check_same_as_server(self, c: SimClient) -> None:
        scopes = c.client.engine._scopes
        with c.client.cache.session() as mine, self.server.db.sessions() as theirs:
            cursors = dict(mine.execute(select(SyncCursor.scope, SyncCursor.cursor)).all())
            for scope in scopes:
                server = changelog.stats(theirs, scope)
                assert cursors.get(scope, 0) == server.last_seq, scope
                assert fold(scope_index.live(mine, scope)).text() == f"{server.live_count}:{server.xor_hash}", scope
            local = {n.id: (n.title, n.body, n.audience, n.pending, n.server_values) for n in mine.scalars(select(NoticeRow))}
            audiences = (AUDIENCE_ALL, c.client.user.unit_id)
            expected = {n.id: (n.title, n.body, n.audience, False, None) for n in theirs.scalars(select(NoticeModel).where(NoticeModel.audience.in_(audiences)))}
        assert local == expected
        assert {notice_scope(a) for a in audiences} <= set(scopes)

    def _note_queued(self, c: SimClient) -> None:
        with c.client.cache.session() as s:
            self.queued[c.device] |= set(s.scalars(select(OutboxOp.op_id)))

    def _clear_faults(self, c: SimClient) -> None:
        c.session.drop_request = _never
        c.session.drop_reply = _never
        CRASHES.armed.discard(c.device)


def _never(_path: str, _body: bytes | None) -> bool:
    return False


def _once(target: str):
    fired = [False]

    def fault(path: str, _body: bytes | None) -> bool:
        if path == target and not fired[0]:
            fired[0] = True
            return True
        return False

    return fault


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    world = start_server(tmp_path_factory.mktemp("simulation"))
    install_crash_hook()
    yield world
    remove_crash_hook()
    world.close()


def test_sync_keeps_its_promises_under_faults(server):
    SyncWorld.server = server
    run_state_machine_as_test(SyncWorld, settings=settings.get_profile(PROFILE))
