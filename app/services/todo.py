"""待办 (my work): everything waiting for this user, oldest deadline first.

Unread notices, unanswered meeting invitations (会议通知), 发文 steps waiting for this user's
signature (会签, 签发), 收文 to handle and 催办 reminders.
"""

from dataclasses import dataclass
from datetime import datetime

from app.services import documents
from app.services.bookings import BookingService
from app.services.documents import DocumentService
from app.services.notices import NoticeService


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
    def __init__(self, notices: NoticeService, bookings: BookingService, documents: DocumentService) -> None:
        self._notices = notices
        self._bookings = bookings
        self._documents = documents

    def items(self) -> list[TodoItem]:
        items = [
            TodoItem("notice", n.id, n.title, n.publisher_name, n.published_at, None, "", "")
            for n in self._notices.notices(unread_only=True)
        ]
        items += [
            TodoItem("invitation", i.booking_id, i.title, i.organiser_name, i.occurrences[0][0], i.occurrences[0][0], "", "")
            for i in self._bookings.invitations(unanswered_only=True)
        ]
        items += [_document_item(d) for d in self._documents.todo()]
        # No deadline sorts after every deadline; among equals the oldest first.
        return sorted(items, key=lambda i: (i.deadline is None, i.deadline or 0.0, i.since))


def _document_item(item: documents.TodoItem) -> TodoItem:
    """A 公文 line; a 催办 names the reminded 收文 and says the reminder as its source."""
    deadline = datetime.fromisoformat(item.due).timestamp() if item.due else None
    source = item.text if item.kind == "reminder" else item.source
    return TodoItem(item.kind, item.id, item.title, source, item.at, deadline, item.urgency, item.classification)
