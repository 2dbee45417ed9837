"""Write entity changes into the change log and read a scope by cursor."""

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from sync.protocol import Row
from sync.protocol.checksum import Checksum
from sync.server.blobs import access as blob_access
from sync.server.changelog.models import COUNTER_ID, ChangeRow, ScopeStats, SeqCounter
from sync.server.database import dialect_insert

KEY_COLUMNS = ("scope", "entity", "entity_id")
STATE_COLUMNS = ("seq", "version", "deleted", "data", "changed_at")
STATS_COLUMNS = ("live_count", "xor_hash", "last_seq")
LOOKUP_CHUNK = 500
PENDING = "changelog.pending"  # key in Session.info while changes are collected


@dataclass(frozen=True)
class EntityChange:
    entity: str
    entity_id: str
    version: int
    data: dict[str, Any]
    deleted: bool = False


def record(session: Session, scope: str, entity: str, entity_id: str, version: int, data: dict[str, Any], deleted: bool = False) -> None:
    """Make `scope` show this state of the entity, under a fresh sequence number."""
    record_many(session, scope, [EntityChange(entity, entity_id, version, data, deleted)])


def record_many(session: Session, scope: str, changes: Sequence[EntityChange]) -> None:
    """Record several changes; inside `collected` they wait for the end of it, else they are
    written at once."""
    pending: list[tuple[str, EntityChange]] | None = session.info.get(PENDING)
    if pending is not None:
        pending += ((scope, c) for c in changes)
    elif changes:
        _write(session, [(scope, c) for c in changes])


@contextmanager
def collected(session: Session) -> Iterator[None]:
    """Collect the changes recorded inside and write them when it ends, just before the caller
    commits. Writing takes the counter lock, which every writer waits for until the holder
    commits; taken at the end, it is held for a few statements instead of the whole transaction.
    Nothing is written when the block raises."""
    pending: list[tuple[str, EntityChange]] = []
    session.info[PENDING] = pending
    try:
        yield
    finally:
        del session.info[PENDING]
    if pending:
        _write(session, pending)


class Savepoint:
    """A savepoint (session.begin_nested) whose rollback also forgets the changes collected
    inside it. A class, not a generator: domain refusals are frozen dataclasses, and contextlib
    would fail assigning their traceback."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._pending: list[tuple[str, EntityChange]] = session.info.get(PENDING, [])

    def __enter__(self) -> None:
        self._mark = len(self._pending)
        self._nested = self._session.begin_nested()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        rolled_back = kind is not None
        try:
            self._nested.__exit__(kind, exc, tb)
        except BaseException:
            rolled_back = True
            raise
        finally:
            if rolled_back:
                del self._pending[self._mark :]


def live(session: Session, scope: str, entities: Sequence[str]) -> list[EntityChange]:
    """What `scope` holds now of these entity kinds (its rows that are not tombstones)."""
    found = session.execute(
        select(ChangeRow.entity, ChangeRow.entity_id, ChangeRow.version, ChangeRow.data).where(ChangeRow.scope == scope, ChangeRow.entity.in_(entities), ChangeRow.deleted.is_(False))
    )
    return [EntityChange(e, i, v, data) for e, i, v, data in found]


def read(session: Session, scope: str, after_seq: int, limit: int) -> tuple[list[Row], bool]:
    """Rows of `scope` with seq > after_seq in seq order, at most `limit`, and whether more follow."""
    found = session.execute(
        select(ChangeRow.entity, ChangeRow.entity_id, ChangeRow.version, ChangeRow.seq, ChangeRow.deleted, ChangeRow.data)
        .where(ChangeRow.scope == scope, ChangeRow.seq > after_seq)
        .order_by(ChangeRow.seq)
        .limit(limit + 1)
    ).all()
    rows = [Row(entity=e, id=i, version=v, seq=s, deleted=d, data=data) for e, i, v, s, d, data in found[:limit]]
    return rows, len(found) > limit


def stats(session: Session, scope: str, lock: bool = False) -> ScopeStats:
    """The scope's checksum, last seq and horizon (all zero for a scope never written)."""
    found = session.get(ScopeStats, scope, with_for_update=lock)
    return found or ScopeStats(scope=scope, live_count=0, xor_hash=f"{0:016x}", last_seq=0, horizon_seq=0)


def lock_writers(session: Session) -> None:
    """Hold the counter lock for the rest of the transaction: no change can be recorded meanwhile."""
    _take_seqs(session, 0)


def _write(session: Session, changes: list[tuple[str, EntityChange]]) -> None:
    """Write changes under fresh sequence numbers; an entity written twice keeps its last state."""
    latest = {(scope, c.entity, c.entity_id): (scope, c) for scope, c in changes}
    first = _take_seqs(session, len(latest))  # from here on this transaction holds the counter lock
    now = time.time()
    rows = [
        {"scope": scope, "entity": c.entity, "entity_id": c.entity_id, "seq": first + i, "version": c.version, "deleted": c.deleted, "data": c.data, "changed_at": now}
        for i, (scope, c) in enumerate(latest.values())
    ]
    _update_stats(session, rows)
    session.connection().execute(_upsert(session, ChangeRow, KEY_COLUMNS, STATE_COLUMNS), rows)
    for scope in dict.fromkeys(r["scope"] for r in rows):
        blob_access.record_refs(session, scope, (r["data"] for r in rows if r["scope"] == scope and not r["deleted"]))


def _update_stats(session: Session, rows: list[dict[str, Any]]) -> None:
    """XOR the replaced rows' hashes out of each scope's checksum and the new ones in. Runs under
    the counter lock, so two writers never interleave here."""
    scopes = sorted({r["scope"] for r in rows})
    found = session.execute(select(ScopeStats.scope, ScopeStats.live_count, ScopeStats.xor_hash).where(ScopeStats.scope.in_(scopes)).with_for_update()).all()
    sums = {scope: Checksum() for scope in scopes} | {scope: Checksum(count, int(xor, 16)) for scope, count, xor in found}
    for scope, entity, entity_id, seq in _live_before(session, rows):
        sums[scope] = sums[scope].remove(entity, entity_id, seq)
    last: dict[str, int] = {}
    for r in rows:
        if not r["deleted"]:
            sums[r["scope"]] = sums[r["scope"]].add(r["entity"], r["entity_id"], r["seq"])
        last[r["scope"]] = max(last.get(r["scope"], 0), r["seq"])
    new = [{"scope": s, "live_count": sums[s].count, "xor_hash": f"{sums[s].xor:016x}", "last_seq": last[s], "horizon_seq": 0} for s in scopes]
    session.connection().execute(_upsert(session, ScopeStats, ("scope",), STATS_COLUMNS), new)


def _live_before(session: Session, rows: list[dict[str, Any]]) -> list[tuple[str, str, str, int]]:
    keys = [(r["scope"], r["entity"], r["entity_id"]) for r in rows]
    found: list[tuple[str, str, str, int]] = []
    for i in range(0, len(keys), LOOKUP_CHUNK):
        found += session.execute(
            select(ChangeRow.scope, ChangeRow.entity, ChangeRow.entity_id, ChangeRow.seq).where(
                ChangeRow.deleted.is_(False), tuple_(ChangeRow.scope, ChangeRow.entity, ChangeRow.entity_id).in_(keys[i : i + LOOKUP_CHUNK])
            )
        ).all()
    return found


def _upsert(session: Session, model: Any, keys: Sequence[str], columns: Sequence[str]) -> Any:
    """INSERT ... ON CONFLICT (keys) DO UPDATE SET columns, in the session's dialect (Core, on
    the table: the ORM's bulk path costs more than the statement)."""
    stmt = dialect_insert(session)(model.__table__)
    return stmt.on_conflict_do_update(index_elements=list(keys), set_={c: stmt.excluded[c] for c in columns})


def _take_seqs(session: Session, count: int) -> int:
    """Reserve `count` sequence numbers and return the first.

    The UPDATE locks the counter row until the writer's transaction ends, so writers take their
    numbers one after another and commit in that same order (SQLite serialises writers anyway;
    on PostgreSQL the row lock does it). A reader therefore never sees seq N+1 committed while
    N is still to come, and a cursor never skips a change.
    """
    last = session.execute(
        update(SeqCounter)
        .where(SeqCounter.id == COUNTER_ID)
        .values(value=SeqCounter.value + count)
        .returning(SeqCounter.value)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    return last - count + 1
