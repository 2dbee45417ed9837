"""Retention: tombstones older than the horizon (400 days by default) are purged, and the scope
remembers the highest purged seq so a client whose cursor is below it re-downloads the scope."""

import time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sync.server.changelog.models import ChangeRow
from sync.server.changelog.service import lock_writers, stats

TOMBSTONE_DAYS = 400
DAY_S = 86_400.0


def purge_tombstones(session: Session, now: float | None = None, keep_days: int = TOMBSTONE_DAYS) -> int:
    """Delete tombstones written before now - keep_days; return how many went."""
    if keep_days < TOMBSTONE_DAYS:
        raise ValueError(f"tombstones are kept at least {TOMBSTONE_DAYS} days")
    before = (now if now is not None else time.time()) - keep_days * DAY_S
    old = (ChangeRow.deleted.is_(True), ChangeRow.changed_at < before)
    lock_writers(session)  # same lock order as a writer: counter, then the scope's stats
    purged = 0
    for scope, top, count in session.execute(select(ChangeRow.scope, func.max(ChangeRow.seq), func.count()).where(*old).group_by(ChangeRow.scope)).all():
        current = stats(session, scope, lock=True)
        current.horizon_seq = max(current.horizon_seq, top)
        session.merge(current)
        purged += count
    session.execute(delete(ChangeRow).where(*old))
    return purged
