"""发件箱 (outbox): append a user's action as an op, hand ops to the sync engine, record answers."""

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import meta
from app.store.models import OutboxOp

NEXT_SEQ_KEY = "next_client_seq"


@dataclass(frozen=True)
class QueuedOp:
    op_id: str
    client_seq: int
    name: str
    args: dict
    base_version: int


def append(session: Session, name: str, args: dict, base_version: int = 0) -> QueuedOp:
    """Queue an op in the caller's transaction, so it commits together with the local change."""
    seq = int(meta.get(session, NEXT_SEQ_KEY, "1"))
    meta.put(session, NEXT_SEQ_KEY, str(seq + 1))
    op = OutboxOp(
        client_seq=seq,
        op_id=uuid.uuid4().hex,
        name=name,
        args=args,
        base_version=base_version,
        created_at=time.time(),
        status="pending",
        reject_code="",
        reject_message="",
    )
    session.add(op)
    return _queued(op)


def pending(session: Session, limit: int) -> list[QueuedOp]:
    rows = session.scalars(
        select(OutboxOp).where(OutboxOp.status == "pending").order_by(OutboxOp.client_seq).limit(limit)
    )
    return [_queued(r) for r in rows]


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.status == "pending")) or 0


def mark_applied(session: Session, client_seq: int) -> None:
    op = session.get(OutboxOp, client_seq)
    if op is not None:
        session.delete(op)


def mark_rejected(session: Session, client_seq: int, code: str, message: str) -> None:
    op = session.get(OutboxOp, client_seq)
    if op is not None:
        op.status, op.reject_code, op.reject_message = "rejected", code, message


def rejected(session: Session) -> list[OutboxOp]:
    return list(session.scalars(select(OutboxOp).where(OutboxOp.status == "rejected").order_by(OutboxOp.client_seq)))


def _queued(op: OutboxOp) -> QueuedOp:
    return QueuedOp(op.op_id, op.client_seq, op.name, dict(op.args), op.base_version)
