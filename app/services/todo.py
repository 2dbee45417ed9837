"""待办 (my work): everything waiting for this user, the nearest deadline first.

Unread notices, unanswered meeting invitations (会议通知), 发文 steps waiting for this user's
signature (会签, 签发), 收文 to handle and 催办 reminders: one SQL list (a UNION of the five) that a
view reads a page at a time, sorted and searched by SQL, so 100,000 waiting 收文 open as fast as ten.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Row, String, case, cast, func, literal, null, or_, select, union_all
from sqlalchemy.orm import Session

from app.domain.documents.metadata import URGENCIES
from app.services.account import User
from app.store.cache import Cache
from app.store.models import DocumentRow, IncomingRow, InvitationRow, NoticeRow, ReminderRow
from app.store.paged_query import PagedQuery

CLASSIFICATION_ORDER = ("", "公开", "内部", "秘密", "机密")
NO_DEADLINE = 1e12  # after every deadline (seconds since 1970): those without one last, oldest first


@dataclass(frozen=True)
class TodoItem:
    kind: str  # "notice", "invitation", "outgoing" (发文 step), "incoming" (收文), "reminder" (催办)
    ref_id: str
    title: str
    source: str
    since: float
    deadline: float | None
    urgency: str  # "" | "加急" | "特急"
    classification: str  # 密级: "" means 公开


class TodoService:
    def __init__(self, cache: Cache, user: User) -> None:
        self._cache = cache
        self._user = user

    def pages(self, text: str = "") -> PagedQuery[TodoItem]:
        """What waits, as a list to page through and sort by title, source, since, urgency or
        classification; each word of `text` must be in the title or source, or the title's
        pinyin initials."""
        todo = _waiting(self._user.id).subquery("todo")
        statement = select(todo)
        for word in text.lower().split():
            found = [todo.c[name].contains(word, autoescape=True) for name in ("title", "source", "initials")]
            statement = statement.where(or_(*found))
        sort_columns = {name: todo.c[name] for name in ("deadline_order", "title", "source", "since", "urgency_rank", "classification_rank")}
        return PagedQuery(self._cache.sessions, statement, sort_columns, todo.c.key, _items, "deadline_order")

    def items(self) -> list[TodoItem]:
        """All of them at once (the 门户 shows them beside other systems')."""
        query = self.pages()
        return query.page(0, query.count())


def _waiting(user_id: str) -> Any:
    """One row shape for the five kinds: kind, ref_id, key (unique), title, source, since, deadline, urgency, classification."""
    no_time, no_text = cast(null(), Float), literal("")
    due = cast(func.strftime("%s", IncomingRow.due), Float)
    first_meeting = cast(func.json_extract(InvitationRow.occurrences, "$[0][0]"), Float)
    arms = [
        _arm("notice", NoticeRow.id, NoticeRow.id, NoticeRow.title, NoticeRow.publisher_name, NoticeRow.published_at, no_time, no_text, no_text)
        .where(NoticeRow.read_at.is_(None)),
        _arm("invitation", InvitationRow.id, InvitationRow.id, InvitationRow.title, InvitationRow.organiser_name, first_meeting, first_meeting, no_text, no_text)
        .where(InvitationRow.answer == "", InvitationRow.cancelled.is_(False)),
        _arm("outgoing", DocumentRow.id, DocumentRow.id, DocumentRow.title, DocumentRow.drafter_name, DocumentRow.updated_at, no_time,
             func.coalesce(DocumentRow.urgency, ""), DocumentRow.classification).where(DocumentRow.todo.is_(True)),
        _arm("incoming", IncomingRow.id, IncomingRow.id, IncomingRow.title, IncomingRow.sender_name, IncomingRow.updated_at, due,
             func.coalesce(func.json_extract(IncomingRow.meta, '$."紧急程度"'), ""), IncomingRow.classification).where(IncomingRow.todo.is_(True)),
        _arm("reminder", ReminderRow.incoming_id, ReminderRow.id, func.coalesce(IncomingRow.title, ""), ReminderRow.text, ReminderRow.at, no_time, no_text, no_text)
        .join(IncomingRow, IncomingRow.id == ReminderRow.incoming_id, isouter=True).where(ReminderRow.to_id == user_id),
    ]
    return union_all(*arms)


def _arm(kind: str, ref_id: Any, row_id: Any, title: Any, source: Any, since: Any, deadline: Any, urgency: Any, classification: Any) -> Any:
    return select(
        literal(kind).label("kind"), ref_id.label("ref_id"), (literal(kind + ":") + row_id).label("key"), title.label("title"), source.label("source"),
        since.label("since"), deadline.label("deadline"), urgency.label("urgency"), classification.label("classification"),
        func.coalesce(deadline, NO_DEADLINE + since).label("deadline_order"), _rank(urgency, ("", *reversed(URGENCIES))).label("urgency_rank"),
        _rank(classification, CLASSIFICATION_ORDER).label("classification_rank"), cast(func.initials(title), String).label("initials"),
    )


def _rank(value: Any, order: tuple[str, ...]) -> Any:
    return case({word: rank for rank, word in enumerate(order)}, value=value, else_=0)


def _items(_db: Session | Any, rows: list[Row[Any]]) -> list[TodoItem]:
    return [TodoItem(r.kind, r.ref_id, r.title, r.source, r.since, r.deadline, r.urgency, r.classification) for r in rows]
