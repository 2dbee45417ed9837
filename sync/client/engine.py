"""The sync engine: push the outbox in order, pull every scope by cursor, rebase what still waits.

One `sync_once` is one round; the caller (a worker thread in the UI, or a test) decides when.
"""

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from app.services import local_ops, sync_state
from app.services.account import User
from app.store import outbox
from app.store.cache import Cache
from app.store.mirror import apply_rows
from app.store.models import SyncCursor
from sync.client.transport import LoginExpired, ServerRefused, Transport
from sync.protocol import Op, OpResult, PullRequest, PushRequest, PushResponse
from sync.protocol.messages import MAX_OPS_PER_PUSH, MAX_PUSH_BYTES

log = logging.getLogger(__name__)
PULL_PAGE = 1000
Progress = Callable[[str, int, int], None]  # (stage, done, total-or-0)


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: list[OpResult] = field(default_factory=list)
    pulled_rows: int = 0
    server_time: float = 0.0


class SyncEngine:
    def __init__(
        self,
        cache: Cache,
        user: User,
        transport: Transport,
        device_id: str,
        scopes: list[str],
        relogin: Callable[[], None] | None = None,
    ) -> None:
        self._cache, self._user, self._transport = cache, user, transport
        self._device_id, self._scopes, self._relogin = device_id, scopes, relogin

    def sync_once(self, progress: Progress | None = None) -> SyncReport:
        """Push then pull. Raises ServerUnreachable when offline (nothing is lost: ops stay queued)."""
        report = SyncReport()
        self._with_relogin(lambda: self._push(report, progress))
        self._with_relogin(lambda: self._pull(report, progress))
        sync_state.record_success(self._cache, report.server_time)
        return report

    def _with_relogin(self, step: Callable[[], None]) -> None:
        try:
            step()
        except LoginExpired:
            if self._relogin is None:
                raise
            self._relogin()
            step()

    def _push(self, report: SyncReport, progress: Progress | None) -> None:
        total = self._pending_count()
        while batch := self._next_batch():
            try:
                answer = self._transport.push(PushRequest(device_id=self._device_id, ops=batch))
            except ServerRefused as exc:
                if exc.status == 409 and isinstance(exc.detail, dict) and "expected_seq" in exc.detail:
                    self._renumber(int(exc.detail["expected_seq"]))
                    continue
                raise
            self._record(answer, report)
            if progress:
                progress("push", report.pushed + len(report.rejected), total)

    def _pending_count(self) -> int:
        with self._cache.session() as s:
            return outbox.pending_count(s)

    def _next_batch(self) -> list[Op]:
        with self._cache.session() as s:
            queued = outbox.pending(s, MAX_OPS_PER_PUSH)
        batch: list[Op] = []
        size = 1024
        for q in queued:
            op = Op(op_id=q.op_id, client_seq=q.client_seq, name=q.name, args=q.args, base_version=q.base_version)
            size += len(json.dumps(q.args, ensure_ascii=False).encode()) + 256
            if batch and size > MAX_PUSH_BYTES:
                break
            batch.append(op)
        return batch

    def _renumber(self, expected: int) -> None:
        log.warning("server expects client_seq %s; renumbering waiting ops", expected)
        with self._cache.sessions.begin() as s:
            outbox.renumber_from(s, expected)

    def _record(self, answer: PushResponse, report: SyncReport) -> None:
        with self._cache.sessions.begin() as s:
            for result in answer.results:
                if result.status == "applied":
                    outbox.mark_applied(s, result.client_seq)
                    report.pushed += 1
                else:
                    outbox.mark_rejected(s, result.client_seq, result.code, result.message)
                    report.rejected.append(result)
            local_ops.rebase(s, self._user)
        report.server_time = answer.server_time

    def _pull(self, report: SyncReport, progress: Progress | None) -> None:
        cursors = self._cursors()
        while cursors:
            answer = self._transport.pull(PullRequest(device_id=self._device_id, cursors=cursors, limit=PULL_PAGE))
            with self._cache.sessions.begin() as s:
                for scope, changes in answer.scopes.items():
                    apply_rows(s, changes.rows)
                    s.merge(SyncCursor(scope=scope, cursor=changes.next_cursor))
                    report.pulled_rows += len(changes.rows)
                local_ops.rebase(s, self._user)
            report.server_time = answer.server_time
            cursors = {scope: c.next_cursor for scope, c in answer.scopes.items() if c.has_more}
            if progress:
                progress("pull", report.pulled_rows, 0)

    def _cursors(self) -> dict[str, int]:
        with self._cache.session() as s:
            known = dict(s.execute(select(SyncCursor.scope, SyncCursor.cursor)).all())
        return {scope: known.get(scope, 0) for scope in self._scopes}
