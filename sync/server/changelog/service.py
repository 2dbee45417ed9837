"""Write entity changes into the change log and read a scope by cursor."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.protocol import Row
from sync.server.changelog.models import COUNTER_ID, ChangeRow, SeqCounter

KEY_COLUMNS = ("scope", "entity", "entity_id")
STATE_COLUMNS = ("seq", "version", "deleted", "data")


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
    first = _take_seqs(session, len(changes))
    rows = [
        {"scope": scope, "entity": c.entity, "entity_id": c.entity_id, "seq": first + i, "version": c.version, "deleted": c.deleted, "data": c.data}
        for i, c in enumerate(changes)
    ]
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = insert(ChangeRow)
    stmt = stmt.on_conflict_do_update(index_elements=list(KEY_COLUMNS), set_={c: stmt.excluded[c] for c in STATE_COLUMNS})
    session.execute(stmt, rows)


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
