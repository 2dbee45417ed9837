"""发件箱 (outbox): append a user's action as an op, hand ops to the sync engine, record answers."""

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
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


def pending_rows(session: Session) -> list[OutboxOp]:
    return list(session.scalars(select(OutboxOp).where(OutboxOp.status == "pending").order_by(OutboxOp.client_seq)))


def replay_rows(session: Session) -> list[OutboxOp]:
    """The ops whose local effects a rebase replays: those still waiting, and those the server
    applied whose rows the next pull has not brought yet (so a sent notice never vanishes)."""
    waiting = OutboxOp.status.in_(("pending", "applied"))
    return list(session.scalars(select(OutboxOp).where(waiting).order_by(OutboxOp.client_seq)))


def applied_args(session: Session, name: str) -> list[dict]:
    """The args of ops named `name` that the server applied and the next pull has not settled."""
    return list(session.scalars(select(OutboxOp.args).where(OutboxOp.status == "applied", OutboxOp.name == name)))


def forget_applied(session: Session) -> int:
    """After a complete pull the server's rows carry every applied op's effects."""
    return session.execute(delete(OutboxOp).where(OutboxOp.status == "applied")).rowcount


def renumber_from(session: Session, first_seq: int) -> None:
    """Give the waiting ops consecutive sequence numbers from `first_seq` (the server's expectation
    after a cache was rebuilt and lost some); the server has seen none of them."""
    ops = pending_rows(session)
    top = max([o.client_seq for o in ops] + [first_seq]) + len(ops) + 1
    for i, op in enumerate(ops):  # two passes: move out of the way first, the key is unique
        op.client_seq = top + i
    session.flush()
    for i, op in enumerate(ops):
        op.client_seq = first_seq + i
    meta.put(session, NEXT_SEQ_KEY, str(first_seq + len(ops)))


def first_pending_seq(session: Session) -> int | None:
    return session.scalar(select(func.min(OutboxOp.client_seq)).where(OutboxOp.status == "pending"))


def settle(session: Session, op_id: str, client_seq: int, applied: bool, code: str, message: str) -> bool:
    """Record an answer learnt from a pull; only for the very op still waiting under that number."""
    op = session.get(OutboxOp, client_seq)
    if op is None or op.status != "pending" or op.op_id != op_id:
        return False
    if applied:
        op.status = "applied"
    else:
        op.status, op.reject_code, op.reject_message = "rejected", code, message
    return True


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.status == "pending")) or 0


def mark_applied(session: Session, client_seqs: list[int]) -> None:
    """The server applied these ops (one statement for a whole push answer)."""
    if client_seqs:
        session.execute(update(OutboxOp).where(OutboxOp.client_seq.in_(client_seqs)).values(status="applied"))


def mark_rejected(session: Session, client_seq: int, code: str, message: str) -> None:
    op = session.get(OutboxOp, client_seq)
    if op is not None:
        op.status, op.reject_code, op.reject_message = "rejected", code, message


def reject_locally(session: Session, client_seq: int, code: str, message: str) -> None:
    """Refuse an op the server never recorded (its number was not used there): it moves to a
    negative number, so the waiting ops behind it can take its number when renumbered."""
    op = session.get(OutboxOp, client_seq)
    if op is not None:
        op.client_seq = -client_seq
        op.status, op.reject_code, op.reject_message = "rejected", code, message


def rejected(session: Session) -> list[OutboxOp]:
    return list(session.scalars(select(OutboxOp).where(OutboxOp.status == "rejected").order_by(OutboxOp.client_seq)))


def _queued(op: OutboxOp) -> QueuedOp:
    return QueuedOp(op.op_id, op.client_seq, op.name, dict(op.args), op.base_version)
