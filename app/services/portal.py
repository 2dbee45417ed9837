"""门户 (the portal page): the user's 待办 across systems — ours and what other intranet systems
put in — recent notices, today's meetings and cars, the launcher of the unit's systems the
user's roles may see, and one search over 公文 and shared files."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select

from app.domain import authz
from app.domain.authz import SYSTEM_SEE
from app.domain.bookings import CANCELLED, DECLINED
from app.domain.recurrence import ZONE, local
from app.domain.vehicles import REFUSED
from app.services.account import User
from app.services.authz import permissions_in
from app.services.bookings import REFUSED as ANSWER_DECLINED, BookingService
from app.services.notices import NoticeService, NoticeSummary
from app.services.todo import TodoService
from app.services.todos import URGENCY_ORDER, TodoService as OtherSystemsTodos
from app.services.vehicles import TripRequest, VehicleService
from app.store import document_search
from app.store.cache import Cache
from app.store.document_index_sync import INCOMING, OUTGOING
from app.store.document_search import Highlighted, ListedDocument
from app.store.file_index_sync import FILE, file_id_of
from app.store.models import SystemRow

RECENT_NOTICES = 5
SYSTEM_KIND = "system"  # a 待办 of another system: it opens at its link, in the browser
URGENCY_OF_OURS = {"特急": "very_urgent", "加急": "urgent"}
SEARCH_LIMIT = 50
FILE_KIND = "file"  # a shared file: it opens in the 文件共享 page


@dataclass(frozen=True)
class WaitingItem:
    kind: str  # our kinds ("notice", "invitation", …) or SYSTEM_KIND
    ref_id: str
    title: str
    source: str  # the system's name, or who sent ours
    deadline: float | None
    urgency: str  # "normal" | "urgent" (急) | "very_urgent" (特急)
    link: str  # SYSTEM_KIND only


@dataclass(frozen=True)
class Meeting:
    title: str
    start: int
    end: int
    place: str


@dataclass(frozen=True)
class Found:
    """A 公文 or a shared file the search found: what opens it (kind: outgoing, incoming or
    file, and its id), its kind in words (发文, 收文, 文件), and the marked title and snippet."""

    kind: str
    ref_id: str
    label: str
    title: Highlighted
    snippet: Highlighted


@dataclass(frozen=True)
class LaunchTile:
    id: str
    name: str
    icon: str
    address: str


class PortalService:
    def __init__(self, cache: Cache, user: User, ours: TodoService) -> None:
        self._cache = cache
        self._user = user
        self._ours = ours

    def todos(self) -> list[WaitingItem]:
        """Ours and the other systems', the most urgent first, then the nearest deadline."""
        items = [WaitingItem(t.kind, t.ref_id, t.title, t.source, t.deadline, URGENCY_OF_OURS.get(t.urgency, "normal"), "") for t in self._ours.items()]
        items += [WaitingItem(SYSTEM_KIND, t.id, t.title, t.system, t.deadline, t.urgency, t.link) for t in OtherSystemsTodos(self._cache).from_other_systems()]
        return sorted(items, key=lambda t: (URGENCY_ORDER.get(t.urgency, 2), t.deadline is None, t.deadline or 0.0))

    def recent_notices(self) -> list[NoticeSummary]:
        return NoticeService(self._cache, self._user).notices(limit=RECENT_NOTICES)

    def meetings_today(self, now: float) -> list[Meeting]:
        """One's own bookings and the meetings one is invited to (not declined) that fall today."""
        start, end = _day(now)
        bookings = BookingService(self._cache, self._user)
        rooms = {r.id: r.name for r in bookings.rooms()}
        found = [Meeting(o.title, o.start, o.end, rooms.get(o.room_id, "")) for o in bookings.mine() if start <= o.start < end and o.status not in (CANCELLED, DECLINED)]
        for i in bookings.invitations():
            if i.cancelled or i.answer == ANSWER_DECLINED:
                continue
            found += [Meeting(i.title, s, e, i.room_name or i.location) for s, e in i.occurrences if start <= s < end]
        return sorted(found, key=lambda m: m.start)

    def trips_today(self, now: float) -> list[TripRequest]:
        """One's own trips today; a dispatcher sees the unit's."""
        start, end = _day(now)
        vehicles = VehicleService(self._cache, self._user)
        everyone = vehicles.may_dispatch
        trips = [t for t in vehicles.requests() if start <= t.start < end and t.status != REFUSED and (everyone or t.mine)]
        return sorted(trips, key=lambda t: t.start)

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[Found]:
        """公文 and shared files holding every word of `query`, newest first: only what this
        cache holds, which is what the user's rights and 密级 let reach it."""
        if not query.split():
            return []
        with self._cache.session() as s:
            hits = document_search.search(s, query, limit=limit)
        return [Found(*_opens(h.document), h.document.kind, h.title, h.snippet) for h in hits]

    def systems(self) -> list[LaunchTile]:
        """The unit's intranet systems this user's roles may see, by name."""
        with self._cache.session() as s:
            granted = permissions_in(s, self._user)
            rows = s.scalars(select(SystemRow).order_by(SystemRow.name)).all()
            return [LaunchTile(r.id, r.name, r.icon, r.launch_url) for r in rows if authz.holds(granted, SYSTEM_SEE, (r.id,))]


def _day(now: float) -> tuple[int, int]:
    """Today in Shanghai, as [start, end) epoch seconds."""
    midnight = datetime.combine(local(int(now)).date(), time(0), tzinfo=ZONE)
    return int(midnight.timestamp()), int((midnight + timedelta(days=1)).timestamp())


def _opens(entry: ListedDocument) -> tuple[str, str]:
    kinds = {OUTGOING: "outgoing", INCOMING: "incoming", FILE: FILE_KIND}
    return kinds[entry.kind], file_id_of(entry.doc_id) if entry.kind == FILE else entry.doc_id
