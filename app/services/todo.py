"""待办 (my work): everything waiting for this user, the nearest deadline first.

Unread notices, unanswered meeting invitations (会议通知), 发文 steps waiting for this user's
signature (会签, 签发), 收文 to handle and 催办 reminders: one SQL list (a UNION of the five) that a
view reads a page at a time, sorted and searched by SQL, so 100,000 waiting 收文 open as fast as ten.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Row, String, case, cast, func, literal, literal_column, null, or_, select, union_all
from sqlalchemy.orm import Session

from app.domain.documents.metadata import URGENCIES
from app.services.account import User
from app.store.cache import Cache
from app.store.document_index_sync import INCOMING, OUTGOING
from app.store.document_search import NO_DEADLINE
from app.store.models import DocumentIndexRow, IncomingRow, InvitationRow, NoticeRow, ReminderRow
from app.store.paged_query import PagedQuery

CLASSIFICATION_ORDER = ("", "公开", "内部", "秘密", "机密")


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
        todo = _waiting(self._user.id, text.lower().split())
        sort_columns = {name: literal_column(name) for name in ("deadline_order", "title", "source", "since", "urgency_rank", "classification_rank")}
        return PagedQuery(self._cache.sessions, todo, sort_columns, literal_column("key"), _items, "deadline_order")

    def items(self) -> list[TodoItem]:
        """All of them at once (the 门户 shows them beside other systems')."""
        query = self.pages()
        return query.page(0, query.count())


def _waiting(user_id: str, words: list[str]) -> Any:
    """One row shape for the five kinds: kind, ref_id, key (unique), title, source, since, deadline, urgency, classification.
    The list is the UNION itself, each part filtered by the words: ordered by the compound's own
    columns, SQLite merges the parts in order, and 发文 and 收文 come in 待办's default order
    (todo_order, then seq as key) straight from their index on the narrow list rows."""
    no_time, no_text = cast(null(), Float), literal("")
    by_initials = any(w.isascii() and w.isalpha() for w in words)
    doc = DocumentIndexRow
    deadline = case((doc.todo_order < NO_DEADLINE, doc.todo_order))
    urgency = case({rank: word for rank, word in enumerate(("", *reversed(URGENCIES)))}, value=doc.urgency, else_="")
    first_meeting = cast(func.json_extract(InvitationRow.occurrences, "$[0][0]"), Float)

    def initials(title: Any) -> Any:
        # worked out by Python for each row: only when a search word could be some
        return cast(func.initials(title), String) if by_initials else no_text

    def documents(kind: str, stored: str, source: Any) -> Any:
        part = _arm(kind, doc.doc_id, doc.seq, doc.title, source, doc.updated, deadline, urgency, doc.secrecy, doc.initials, words, doc.todo_order)
        return part.where(doc.todo.is_(True), doc.kind == stored)

    notice = _arm("notice", NoticeRow.id, _key("notice", NoticeRow.id), NoticeRow.title, NoticeRow.publisher_name, NoticeRow.published_at, no_time,
                  no_text, no_text, initials(NoticeRow.title), words)
    meeting = _arm("invitation", InvitationRow.id, _key("invitation", InvitationRow.id), InvitationRow.title, InvitationRow.organiser_name,
                   first_meeting, first_meeting, no_text, no_text, initials(InvitationRow.title), words)
    reminded = func.coalesce(IncomingRow.title, "")
    reminder = _arm("reminder", ReminderRow.incoming_id, _key("reminder", ReminderRow.id), reminded, ReminderRow.text, ReminderRow.at, no_time, no_text,
                    no_text, initials(IncomingRow.title), words)
    return union_all(
        notice.where(NoticeRow.read_at.is_(None)),
        meeting.where(InvitationRow.answer == "", InvitationRow.cancelled.is_(False)),
        documents("outgoing", OUTGOING, doc.drafter),
        documents("incoming", INCOMING, doc.unit),
        reminder.join(IncomingRow, IncomingRow.id == ReminderRow.incoming_id, isouter=True).where(ReminderRow.to_id == user_id),
    )


def _key(kind: str, row_id: Any) -> Any:
    """Unique across the parts: text here, the 公文's integer seq there (SQLite puts numbers before text)."""
    return literal(kind + ":") + row_id


def _arm(kind: str, ref_id: Any, key: Any, title: Any, source: Any, since: Any, deadline: Any, urgency: Any, classification: Any, initials: Any,
         words: list[str], order: Any = None) -> Any:
    part = select(
        literal(kind).label("kind"), ref_id.label("ref_id"), key.label("key"), title.label("title"), source.label("source"),
        since.label("since"), deadline.label("deadline"), urgency.label("urgency"), classification.label("classification"),
        (func.coalesce(deadline, NO_DEADLINE + since) if order is None else order).label("deadline_order"),
        _rank(urgency, ("", *reversed(URGENCIES))).label("urgency_rank"), _rank(classification, CLASSIFICATION_ORDER).label("classification_rank"),
    )
    for word in words:
        part = part.where(or_(*(value.contains(word, autoescape=True) for value in (title, source, initials))))
    return part


def _rank(value: Any, order: tuple[str, ...]) -> Any:
    return case({word: rank for rank, word in enumerate(order)}, value=value, else_=0)


def _items(_db: Session | Any, rows: Sequence[Row[Any]]) -> list[TodoItem]:
    return [TodoItem(r.kind, r.ref_id, r.title, r.source, r.since, r.deadline, r.urgency, r.classification) for r in rows]
