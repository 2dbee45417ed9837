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
from app.store.document_index_sync import INCOMING, OUTGOING
from app.store.models import DocumentIndexRow, IncomingRow, InvitationRow, NoticeRow, ReminderRow
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
        words = text.lower().split()
        by_initials = any(w.isascii() and w.isalpha() for w in words)
        todo = _waiting(self._user.id, by_initials).subquery("todo")
        statement = select(*(c for c in todo.c if c.name != "initials"))
        for word in words:
            found = [todo.c[name].contains(word, autoescape=True) for name in ("title", "source", "initials")]
            statement = statement.where(or_(*found))
        sort_columns = {name: todo.c[name] for name in ("deadline_order", "title", "source", "since", "urgency_rank", "classification_rank")}
        return PagedQuery(self._cache.sessions, statement, sort_columns, todo.c.key, _items, "deadline_order")

    def items(self) -> list[TodoItem]:
        """All of them at once (the 门户 shows them beside other systems')."""
        query = self.pages()
        return query.page(0, query.count())


def _waiting(user_id: str, by_initials: bool) -> Any:
    """One row shape for the five kinds: kind, ref_id, key (unique), title, source, since, deadline, urgency, classification.
    发文 and 收文 come from their narrow list rows (document_index), read in file order, not from
    the cache rows with their JSON."""
    no_time, no_text = cast(null(), Float), literal("")
    doc = DocumentIndexRow
    due = cast(func.strftime("%s", func.nullif(doc.due_descending, "")), Float)
    urgency = case({rank: word for rank, word in enumerate(("", *reversed(URGENCIES)))}, value=doc.urgency, else_="")
    first_meeting = cast(func.json_extract(InvitationRow.occurrences, "$[0][0]"), Float)

    def initials(title: Any) -> Any:
        # worked out by Python for each row: only when a search word could be some
        return cast(func.initials(title), String) if by_initials else no_text

    arms = [
        _arm("notice", NoticeRow.id, NoticeRow.id, NoticeRow.title, NoticeRow.publisher_name, NoticeRow.published_at, no_time, no_text, no_text,
             initials(NoticeRow.title)).where(NoticeRow.read_at.is_(None)),
        _arm("invitation", InvitationRow.id, InvitationRow.id, InvitationRow.title, InvitationRow.organiser_name, first_meeting, first_meeting, no_text,
             no_text, initials(InvitationRow.title)).where(InvitationRow.answer == "", InvitationRow.cancelled.is_(False)),
        _arm("outgoing", doc.doc_id, doc.doc_id, doc.title, doc.drafter, doc.updated, no_time, urgency, doc.secrecy, doc.initials)
        .where(doc.todo.is_(True), doc.kind == OUTGOING),
        _arm("incoming", doc.doc_id, doc.doc_id, doc.title, doc.unit, doc.updated, due, urgency, doc.secrecy, doc.initials)
        .where(doc.todo.is_(True), doc.kind == INCOMING),
        _arm("reminder", ReminderRow.incoming_id, ReminderRow.id, func.coalesce(IncomingRow.title, ""), ReminderRow.text, ReminderRow.at, no_time, no_text,
             no_text, initials(IncomingRow.title)).join(IncomingRow, IncomingRow.id == ReminderRow.incoming_id, isouter=True).where(ReminderRow.to_id == user_id),
    ]
    return union_all(*arms)


def _arm(kind: str, ref_id: Any, row_id: Any, title: Any, source: Any, since: Any, deadline: Any, urgency: Any, classification: Any, initials: Any) -> Any:
    return select(
        literal(kind).label("kind"), ref_id.label("ref_id"), (literal(kind + ":") + row_id).label("key"), title.label("title"), source.label("source"),
        since.label("since"), deadline.label("deadline"), urgency.label("urgency"), classification.label("classification"),
        func.coalesce(deadline, NO_DEADLINE + since).label("deadline_order"), _rank(urgency, ("", *reversed(URGENCIES))).label("urgency_rank"),
        _rank(classification, CLASSIFICATION_ORDER).label("classification_rank"), initials.label("initials"),
    )


def _rank(value: Any, order: tuple[str, ...]) -> Any:
    return case({word: rank for rank, word in enumerate(order)}, value=value, else_=0)


def _items(_db: Session | Any, rows: list[Row[Any]]) -> list[TodoItem]:
    return [TodoItem(r.kind, r.ref_id, r.title, r.source, r.since, r.deadline, r.urgency, r.classification) for r in rows]
