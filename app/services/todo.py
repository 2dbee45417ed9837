"""待办 (my work): everything waiting for this user, oldest deadline first.

Today that is unread notices and unanswered meeting invitations (会议通知); documents and
countersigning add their kinds here.
"""

from dataclasses import dataclass

from app.services.bookings import BookingService
from app.services.notices import NoticeService


@dataclass(frozen=True)
class TodoItem:
    kind: str  # "notice", "invitation"; "receipt", "countersign" later
    ref_id: str
    title: str
    source: str
    since: float
    deadline: float | None
    urgency: str  # "" | "加急" | "特急"
    classification: str  # 密级: "" means 公开


class TodoService:
    def __init__(self, notices: NoticeService, bookings: BookingService) -> None:
        self._notices = notices
        self._bookings = bookings

    def items(self) -> list[TodoItem]:
        items = [
            TodoItem("notice", n.id, n.title, n.publisher_name, n.published_at, None, "", "")
            for n in self._notices.notices(unread_only=True)
        ]
        items += [
            TodoItem("invitation", i.booking_id, i.title, i.organiser_name, i.occurrences[0][0], i.occurrences[0][0], "", "")
            for i in self._bookings.invitations(unanswered_only=True)
        ]
        # No deadline sorts after every deadline; among equals the oldest first.
        return sorted(items, key=lambda i: (i.deadline is None, i.deadline or 0.0, i.since))
