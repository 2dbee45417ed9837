"""Write entity changes into the change log and read a scope by cursor."""

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.protocol import Row
from sync.protocol.checksum import Checksum
from sync.server.blobs import access as blob_access
from sync.server.changelog.models import COUNTER_ID, ChangeRow, ScopeStats, SeqCounter

KEY_COLUMNS = ("scope", "entity", "entity_id")
STATE_COLUMNS = ("seq", "version", "deleted", "data", "changed_at")
LOOKUP_CHUNK = 500


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
    """Record several changes in one statement (bulk loads); each entity at most once."""
    if not changes:
        return
    first = _take_seqs(session, len(changes))  # from here on this transaction holds the counter lock
    now = time.time()
    rows = [
        {"scope": scope, "entity": c.entity, "entity_id": c.entity_id, "seq": first + i, "version": c.version, "deleted": c.deleted, "data": c.data, "changed_at": now}
        for i, c in enumerate(changes)
    ]
    _update_stats(session, scope, rows)
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = insert(ChangeRow)
    stmt = stmt.on_conflict_do_update(index_elements=list(KEY_COLUMNS), set_={c: stmt.excluded[c] for c in STATE_COLUMNS})
    session.execute(stmt, rows)
    blob_access.record_refs(session, scope, (c.data for c in changes if not c.deleted))


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


def _update_stats(session: Session, scope: str, rows: list[dict[str, Any]]) -> None:
    """XOR the replaced rows' hashes out of the scope checksum and the new ones in. Runs under
    the counter lock, so two writers never interleave here."""
    current = stats(session, scope, lock=True)
    checksum = Checksum(current.live_count, int(current.xor_hash, 16))
    for entity, entity_id, seq in _live_before(session, scope, rows):
        checksum = checksum.remove(entity, entity_id, seq)
    for r in rows:
        if not r["deleted"]:
            checksum = checksum.add(r["entity"], r["entity_id"], r["seq"])
    current.live_count, current.xor_hash = checksum.count, f"{checksum.xor:016x}"
    current.last_seq = max(r["seq"] for r in rows)
    session.merge(current)


def _live_before(session: Session, scope: str, rows: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    keys = [(r["entity"], r["entity_id"]) for r in rows]
    found: list[tuple[str, str, int]] = []
    for i in range(0, len(keys), LOOKUP_CHUNK):
        found += session.execute(
            select(ChangeRow.entity, ChangeRow.entity_id, ChangeRow.seq).where(
                ChangeRow.scope == scope, ChangeRow.deleted.is_(False), tuple_(ChangeRow.entity, ChangeRow.entity_id).in_(keys[i : i + LOOKUP_CHUNK])
            )
        ).all()
    return found


def lock_writers(session: Session) -> None:
    """Hold the counter lock for the rest of the transaction: no change can be recorded meanwhile."""
    _take_seqs(session, 0)


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
