"""The local index of which pulled row belongs to which scope (table scope_rows)."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Protocol

from sqlalchemy import delete, select, tuple_
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.store.models import ScopeRow, SyncCursor

CHUNK = 500


class IndexedRow(Protocol):
    entity: str
    id: str
    seq: int
    deleted: bool


def record(session: Session, scope: str, rows: Iterable[IndexedRow]) -> None:
    """Live rows join the scope at their seq; tombstones leave it."""
    live, gone = [], []
    for r in rows:
        (gone if r.deleted else live).append(r)
    if live:
        stmt = insert(ScopeRow)
        stmt = stmt.on_conflict_do_update(index_elements=["scope", "entity", "id"], set_={"seq": stmt.excluded.seq})
        session.execute(stmt, [{"scope": scope, "entity": r.entity, "id": r.id, "seq": r.seq} for r in live])
    for chunk in _chunks([(r.entity, r.id) for r in gone]):
        session.execute(delete(ScopeRow).where(ScopeRow.scope == scope, tuple_(ScopeRow.entity, ScopeRow.id).in_(chunk)))


def held(session: Session, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these (entity, id) some scope still holds."""
    found: set[tuple[str, str]] = set()
    for chunk in _chunks(keys):
        found.update(tuple(r) for r in session.execute(select(ScopeRow.entity, ScopeRow.id).where(tuple_(ScopeRow.entity, ScopeRow.id).in_(chunk))).all())
    return found


def live(session: Session, scope: str) -> list[tuple[str, str, int]]:
    """(entity, id, seq) of every row the scope holds."""
    return [tuple(r) for r in session.execute(select(ScopeRow.entity, ScopeRow.id, ScopeRow.seq).where(ScopeRow.scope == scope))]


def forget(session: Session, scope: str) -> dict[str, list[str]]:
    """Drop the scope's membership and cursor; return, per entity kind, the ids no other scope
    holds (the caller removes those from the mirror)."""
    members = [(e, i) for e, i, _ in live(session, scope)]
    session.execute(delete(ScopeRow).where(ScopeRow.scope == scope))
    session.execute(delete(SyncCursor).where(SyncCursor.scope == scope))
    still = held(session, members)
    orphans: dict[str, list[str]] = defaultdict(list)
    for entity, entity_id in members:
        if (entity, entity_id) not in still:
            orphans[entity].append(entity_id)
    return dict(orphans)


def _chunks(keys: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(keys), CHUNK):
        yield keys[i : i + CHUNK]
