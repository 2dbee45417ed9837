"""收文: 签收 (or 退回) → 登记 → 拟办 → 批办 → 承办 → 办结 → 归档, with 传阅 beside the main line.

Each action returns a new `Incoming` or raises RuleViolation. 承办 may have several handlers; the
document can be 办结 once every handler has finished. 传阅 read marks may be asked for and given
at any point between 登记 and 归档 without moving the main line.
"""

from dataclasses import asdict, dataclass, replace
from datetime import datetime

from app.domain.documents.deadlines import DueState, due_state
from app.domain.errors import RuleViolation

DELIVERED, RETURNED, RECEIVED, REGISTERED = "delivered", "returned", "received", "registered"
PROPOSED, HANDLING, CONCLUDED, ARCHIVED = "proposed", "handling", "concluded", "archived"
STATUS_WORDS = {
    DELIVERED: "待签收", RETURNED: "已退回", RECEIVED: "已签收", REGISTERED: "已登记",
    PROPOSED: "待批办", HANDLING: "承办中", CONCLUDED: "已办结", ARCHIVED: "已归档",
}


@dataclass(frozen=True)
class Handler:
    user_id: str
    done_at: str | None = None
    note: str = ""


@dataclass(frozen=True)
class ReadMark:
    user_id: str
    read_at: str | None = None


@dataclass(frozen=True)
class Step:
    kind: str
    actor: str
    at: str
    text: str = ""


@dataclass(frozen=True)
class Incoming:
    """A document as the receiving unit handles it. `due` is the 时限 (aware ISO datetime)."""

    doc_id: str
    unit_id: str
    status: str = DELIVERED
    register_no: str | None = None
    due: str | None = None
    leader: str | None = None
    handlers: tuple[Handler, ...] = ()
    readers: tuple[ReadMark, ...] = ()
    history: tuple[Step, ...] = ()


def delivered(doc_id: str, unit_id: str) -> Incoming:
    """A document the exchange delivered, waiting for the unit's clerk to 签收."""
    return Incoming(doc_id, unit_id)


def paper(doc_id: str, unit_id: str, clerk: str, at: str) -> Incoming:
    """A paper document the clerk registers by hand (it arrives already 签收)."""
    return Incoming(doc_id, unit_id, RECEIVED, history=(Step("paper", clerk, at),))


def receive(doc: Incoming, clerk: str, at: str) -> Incoming:
    _expect(doc, DELIVERED, "签收")
    return _move(doc, RECEIVED, Step("receive", clerk, at))


def refuse(doc: Incoming, clerk: str, reason: str, at: str) -> Incoming:
    """退回 to the sender instead of 签收; the reason travels back with the receipt."""
    _expect(doc, DELIVERED, "退回")
    if not reason.strip():
        raise RuleViolation("incoming.reason_required", "退回公文必须说明理由。")
    return _move(doc, RETURNED, Step("refuse", clerk, at, reason.strip()))


def register(doc: Incoming, clerk: str, register_no: str, due: str | None, at: str) -> Incoming:
    """登记 with the unit's 收文编号 and, if the document sets one, the 时限."""
    _expect(doc, RECEIVED, "登记")
    if not register_no.strip():
        raise RuleViolation("incoming.number_missing", "登记收文必须有收文编号。")
    return replace(_move(doc, REGISTERED, Step("register", clerk, at, register_no)), register_no=register_no, due=due)


def propose(doc: Incoming, clerk: str, opinion: str, leader: str, at: str) -> Incoming:
    """拟办: the office proposes how to handle it and names the leader who will 批办."""
    _expect(doc, REGISTERED, "拟办")
    return replace(_move(doc, PROPOSED, Step("propose", clerk, at, opinion)), leader=leader)


def instruct(doc: Incoming, leader: str, instruction: str, handlers: list[str], at: str) -> Incoming:
    """批办: the named leader instructs and names one or several 承办 handlers."""
    _expect(doc, PROPOSED, "批办")
    if leader != doc.leader:
        raise RuleViolation("incoming.not_your_turn", "这份收文不由您批办。")
    if not handlers or len(set(handlers)) != len(handlers):
        raise RuleViolation("incoming.handlers", "请指定承办人，且每人只能出现一次。")
    moved = _move(doc, HANDLING, Step("instruct", leader, at, instruction))
    return replace(moved, handlers=tuple(Handler(h) for h in handlers))


def finish_handling(doc: Incoming, handler: str, note: str, at: str) -> Incoming:
    """One handler reports their part done."""
    _expect(doc, HANDLING, "承办")
    mine = [i for i, h in enumerate(doc.handlers) if h.user_id == handler and h.done_at is None]
    if not mine:
        raise RuleViolation("incoming.not_your_turn", "您不是这份收文的承办人，或已经办理完毕。")
    handlers = tuple(replace(h, done_at=at, note=note) if i == mine[0] else h for i, h in enumerate(doc.handlers))
    return replace(doc, handlers=handlers, history=doc.history + (Step("handled", handler, at, note),))


def conclude(doc: Incoming, actor: str, at: str) -> Incoming:
    """办结, once every handler has finished."""
    _expect(doc, HANDLING, "办结")
    if any(h.done_at is None for h in doc.handlers):
        raise RuleViolation("incoming.handlers_pending", "还有承办人没有办理完毕，不能办结。")
    return _move(doc, CONCLUDED, Step("conclude", actor, at))


def archive(doc: Incoming, clerk: str, at: str) -> Incoming:
    _expect(doc, CONCLUDED, "归档")
    return _move(doc, ARCHIVED, Step("archive", clerk, at))


def circulate(doc: Incoming, actor: str, readers: list[str], at: str) -> Incoming:
    """传阅: ask more people to read it; someone already asked is not asked twice."""
    if doc.status in (DELIVERED, RETURNED, RECEIVED, ARCHIVED):
        raise RuleViolation("incoming.not_circulable", "只有已登记、未归档的收文可以传阅。")
    known = {r.user_id for r in doc.readers}
    added = tuple(ReadMark(u) for u in dict.fromkeys(readers) if u not in known)
    step = Step("circulate", actor, at, ",".join(readers))
    return replace(doc, readers=doc.readers + added, history=doc.history + (step,))


def mark_read(doc: Incoming, reader: str, at: str) -> Incoming:
    """A reader's read mark; reading twice keeps the first time."""
    if not any(r.user_id == reader for r in doc.readers):
        raise RuleViolation("incoming.not_a_reader", "这份收文没有传阅给您。")
    readers = tuple(replace(r, read_at=at) if r.user_id == reader and r.read_at is None else r for r in doc.readers)
    return replace(doc, readers=readers)


def todo_users(doc: Incoming) -> frozenset[str]:
    """The people who have this document in 待办 (签收, 登记 and 拟办 wait on the unit's clerks)."""
    if doc.status == PROPOSED and doc.leader:
        return frozenset({doc.leader})
    if doc.status == HANDLING:
        return frozenset(h.user_id for h in doc.handlers if h.done_at is None)
    return frozenset()


def due_state_of(doc: Incoming, now: datetime) -> DueState:
    """待办's 时限 mark: a document 办结, 归档 or 退回 is never overdue."""
    due = datetime.fromisoformat(doc.due) if doc.due else None
    return due_state(due, now, finished=doc.status in (CONCLUDED, ARCHIVED, RETURNED))


def unread_readers(doc: Incoming) -> frozenset[str]:
    return frozenset(r.user_id for r in doc.readers if r.read_at is None)


def incoming_to_json(doc: Incoming) -> dict:
    return asdict(doc)


def incoming_from_json(data: dict) -> Incoming:
    return Incoming(**{
        **data,
        "handlers": tuple(Handler(**h) for h in data["handlers"]),
        "readers": tuple(ReadMark(**r) for r in data["readers"]),
        "history": tuple(Step(**s) for s in data["history"]),
    })


def _expect(doc: Incoming, status: str, action: str) -> None:
    if doc.status != status:
        raise RuleViolation("incoming.wrong_state", f"收文当前为“{STATUS_WORDS[doc.status]}”，不能{action}。")


def _move(doc: Incoming, status: str, step: Step) -> Incoming:
    return replace(doc, status=status, history=doc.history + (step,))
