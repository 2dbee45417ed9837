"""The sync engine: push the outbox in order, pull every scope by cursor, rebase what still waits.

One `sync_once` is one round; the caller (ui/sync_runner.py on its worker thread, or a test)
decides when. A pull page is applied in one transaction (rows, scope index, cursor, settled ops,
rebase), so a crash mid-page leaves the cache as it was before the page.
"""

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from app.domain.scopes import file_slice
from app.services import local_ops, sync_state
from app.services.account import User, remember_scopes
from app.store import mirror, outbox, scope_index
from app.store.blobs import BlobDamaged
from app.store.cache import Cache
from app.store.models import SyncCursor
from sync.client.blobs import BlobTransfer
from sync.client.transport import LoginExpired, ServerRefused, Transport
from sync.protocol import Op, OpResult, PullRequest, PullResponse, PushRequest, PushResponse, Row
from sync.protocol.checksum import fold
from sync.protocol.messages import MAX_OPS_PER_PUSH, MAX_PULL_LIMIT, MAX_PUSH_BYTES

log = logging.getLogger(__name__)
PULL_PAGE = MAX_PULL_LIMIT  # the largest page the server serves: each page costs a commit and a rebase
Progress = Callable[[str, int, int], None]  # (stage, done, total-or-0)


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: list[OpResult] = field(default_factory=list)
    pulled_rows: int = 0
    server_time: float = 0.0
    clock_offset_s: float = 0.0  # this machine's clock minus the server's
    redownloaded: list[str] = field(default_factory=list)  # scopes pulled again from 0, and why
    checksum_failures: list[str] = field(default_factory=list)  # still wrong after a re-download


class SyncEngine:
    def __init__(
        self,
        cache: Cache,
        user: User,
        transport: Transport,
        device_id: str,
        scopes: list[str],
        relogin: Callable[[], None] | None = None,
        clock: Callable[[], float] = time.time,
        blobs: BlobTransfer | None = None,
    ) -> None:
        self._cache, self._user, self._transport = cache, user, transport
        self._device_id, self._scopes, self._relogin = device_id, scopes, relogin
        self._clock = clock  # for the skew warning only: ordering uses server sequence numbers
        self._verified: set[str] = set()  # scopes whose checksum was compared since start
        self.blobs = blobs  # uploads files an op names when the server says it lacks them

    def sync_once(self, progress: Progress | None = None) -> SyncReport:
        """Push then pull. Raises ServerUnreachable when offline (nothing is lost: ops stay queued)."""
        report = SyncReport()
        self._with_relogin(lambda: self._push(report, progress))
        self._with_relogin(lambda: self._pull(report, progress))
        self._finish(report)
        return report

    def push_once(self, progress: Progress | None = None) -> SyncReport:
        """Push only: send what waits without pulling (bench, or a quick send before closing)."""
        report = SyncReport()
        self._with_relogin(lambda: self._push(report, progress))
        return report

    def pull_once(self, progress: Progress | None = None) -> SyncReport:
        """Pull only (a quick refresh); it also settles ops whose push reply was lost."""
        report = SyncReport()
        self._with_relogin(lambda: self._pull(report, progress))
        self._finish(report)
        return report

    def _finish(self, report: SyncReport) -> None:
        now = self._clock()
        report.clock_offset_s = now - report.server_time
        sync_state.record_success(self._cache, report.server_time, now)

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
        try:
            while batch := self._next_batch():
                try:
                    answer = self._transport.push(PushRequest(device_id=self._device_id, ops=batch))
                except ServerRefused as exc:
                    if exc.status == 409 and isinstance(exc.detail, dict) and "expected_seq" in exc.detail:
                        self._renumber(int(exc.detail["expected_seq"]))
                        continue
                    raise
                self._record(answer, report)
                self._upload_missing(answer, progress)
                if progress:
                    progress("push", report.pushed + len(report.rejected), total)
        finally:
            # Only a refusal changes what the mirror should show: an applied op's local effect is
            # already there and stays until a pull brings its row. Once per push, not per batch:
            # a rebase replays every waiting op.
            if report.rejected:
                with self._cache.sessions.begin() as s:
                    local_ops.rebase(s, self._user)

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

    def _upload_missing(self, answer: PushResponse, progress: Progress | None) -> None:
        """The server stopped at an op naming files it lacks: upload them, and the next batch
        starts again at that op. Without the files (or a transfer) the op is refused here, with
        the reason, so the queue does not stall; the server then asks to renumber."""
        blocked = [r for r in answer.results if r.status == "missing_blobs"]
        if not blocked:
            return
        missing = list(blocked[0].result.get("missing", []))
        if self.blobs is None or not all(self.blobs.has_local(sha) for sha in missing):
            self._refuse_here(blocked[0].client_seq, "client.blob_lost", "本操作引用的文件在本机已找不到，无法发送，请重新添加附件。")
            return
        try:
            for sha in missing:
                self.blobs.upload(sha, (lambda done, total: progress("upload", done, total)) if progress else None)
        except BlobDamaged:
            self._refuse_here(blocked[0].client_seq, "client.blob_damaged", "本操作引用的文件在本机已损坏或被改动，无法发送，请重新添加附件。")

    def _refuse_here(self, client_seq: int, code: str, message: str) -> None:
        with self._cache.sessions.begin() as s:
            outbox.reject_locally(s, client_seq, code, message)
            local_ops.rebase(s, self._user)

    def _record(self, answer: PushResponse, report: SyncReport) -> None:
        applied = [r.client_seq for r in answer.results if r.status == "applied"]
        with self._cache.sessions.begin() as s:
            outbox.mark_applied(s, applied)
            for result in answer.results:
                if result.status not in ("applied", "missing_blobs"):
                    outbox.mark_rejected(s, result.client_seq, result.code, result.message)
                    report.rejected.append(result)
        report.pushed += len(applied)
        report.server_time = answer.server_time

    def _pull(self, report: SyncReport, progress: Progress | None) -> None:
        cursors = self._cursors()
        redone: set[str] = set()
        while cursors:
            answer = self._transport.pull(self._pull_request(cursors))
            if answer.held is not None and self._changed_scopes(answer.held) != ([], []):
                cursors = self._follow_held(answer.held)
                continue
            self._apply_page(answer, report)
            report.server_time = answer.server_time
            cursors = {scope: c.next_cursor for scope, c in answer.scopes.items() if c.has_more}
            for scope, changes in answer.scopes.items():
                if not changes.has_more and self._needs_redownload(scope, changes.checksum, bool(changes.rows) or changes.reset, redone, report):
                    cursors[scope] = 0
            if progress:
                progress("pull", report.pulled_rows, 0)
        with self._cache.sessions.begin() as s:  # every scope is current: applied ops are in its rows
            if outbox.forget_applied(s):
                local_ops.rebase(s, self._user)

    def _changed_scopes(self, held: list[str]) -> tuple[list[str], list[str]]:
        """Scopes this engine pulls that the user no longer holds, and the new levels of the file
        slices it pulls (a 密级 clearance lowered or raised); scopes it was not asked to pull stay out."""
        gone = [scope for scope in self._scopes if scope not in held]
        slices = {file_slice(scope) for scope in self._scopes} - {""}
        return gone, [scope for scope in held if scope not in self._scopes and file_slice(scope) in slices]

    def _follow_held(self, held: list[str]) -> dict[str, int]:
        """Forget what only the scopes no longer the user's held; pull the new ones from 0 and
        every other scope again where it was."""
        gone, new = self._changed_scopes(held)
        with self._cache.sessions.begin() as s:
            for scope in gone:
                self._forget(s, scope)
            self._scopes = [scope for scope in self._scopes if scope not in gone] + new
            remember_scopes(s, held)
            local_ops.rebase(s, self._user)
        return self._cursors()

    def _pull_request(self, cursors: dict[str, int]) -> PullRequest:
        with self._cache.session() as s:
            first = outbox.first_pending_seq(s)
        after = None if first is None else first - 1
        return PullRequest(device_id=self._device_id, cursors=cursors, limit=PULL_PAGE, results_after=after)

    def _apply_page(self, answer: PullResponse, report: SyncReport) -> None:
        if not answer.results and not any(c.rows or c.reset for c in answer.scopes.values()):
            self._advance_cursors(answer)  # nothing new: no rebase, which costs a scan of the mirror
            return
        with self._cache.sessions.begin() as s:
            self._settle(s, answer.results, report)
            for scope, changes in answer.scopes.items():
                if changes.reset:
                    self._forget(s, scope)
                    report.redownloaded.append(f"{scope}: retention")
                apply_scope(s, scope, changes.rows)
                s.merge(SyncCursor(scope=scope, cursor=changes.next_cursor))
                report.pulled_rows += len(changes.rows)
            local_ops.rebase(s, self._user)

    def _advance_cursors(self, answer: PullResponse) -> None:
        with self._cache.session() as s:
            known = dict(s.execute(select(SyncCursor.scope, SyncCursor.cursor)).all())
        moved = {scope: c.next_cursor for scope, c in answer.scopes.items() if known.get(scope) != c.next_cursor}
        if moved:  # e.g. the server purged tombstones past the last row this client holds
            with self._cache.sessions.begin() as s:
                for scope, cursor in moved.items():
                    s.merge(SyncCursor(scope=scope, cursor=cursor))

    def _settle(self, s, results: list[OpResult], report: SyncReport) -> None:
        """Answers of ops whose push reply never arrived: settle them without pushing again."""
        for r in results:
            if outbox.settle(s, r.op_id, r.client_seq, r.status == "applied", r.code, r.message):
                if r.status == "applied":
                    report.pushed += 1
                else:
                    report.rejected.append(r)

    def _needs_redownload(self, scope: str, checksum: str | None, changed: bool, redone: set[str], report: SyncReport) -> bool:
        """Compare the scope checksum when rows arrived (and once per start); on a mismatch forget
        the scope and pull it again from 0, once per round (the outbox is kept)."""
        if checksum is None or (not changed and scope in self._verified):
            return False
        self._verified.add(scope)
        with self._cache.session() as s:
            mine = fold(scope_index.live(s, scope)).text()
        if mine == checksum:
            return False
        if scope in redone:
            log.error("scope %s still differs after a re-download (%s != %s)", scope, mine, checksum)
            report.checksum_failures.append(scope)
            return False
        log.warning("scope %s checksum %s != server %s: downloading it again", scope, mine, checksum)
        redone.add(scope)
        with self._cache.sessions.begin() as s:
            self._forget(s, scope)
            local_ops.rebase(s, self._user)
        report.redownloaded.append(f"{scope}: checksum")
        return True

    def _forget(self, s, scope: str) -> None:
        for entity, ids in scope_index.forget(s, scope).items():
            mirror.forget(s, entity, ids)

    def _cursors(self) -> dict[str, int]:
        with self._cache.session() as s:
            known = dict(s.execute(select(SyncCursor.scope, SyncCursor.cursor)).all())
        return {scope: known.get(scope, 0) for scope in self._scopes}


def apply_scope(s, scope: str, rows: list[Row]) -> None:
    """Index the rows under the scope, then mirror them; a tombstone removes the mirror row only
    when no other scope of this user still holds the entity."""
    scope_index.record(s, scope, rows)
    dead = [(r.entity, r.id) for r in rows if r.deleted]
    kept = scope_index.held(s, dead) if dead else set()
    mirror.apply_rows(s, [r for r in rows if not (r.deleted and (r.entity, r.id) in kept)])
