"""会议室预订: the unit's rooms, their calendars, booking a slot (offline too: 待确认 until the
server decides) and cancelling one's own bookings."""

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select

from app.domain.bookings import CANCELLED, DECLINED, Alternative, BookingDraft, Room, Slot, free_slots, validate_draft, working_day
from app.domain.errors import RuleViolation
from app.services import local_ops
from app.services.account import User
from app.store import outbox
from app.store.cache import Cache
from app.store.models import BookingRow, BookingSlotRow, RoomRow


@dataclass(frozen=True)
class RoomInfo:
    id: str
    name: str
    building: str
    location: str
    capacity: int
    equipment: tuple[str, ...]


@dataclass(frozen=True)
class Occurrence:
    """One occurrence as the calendar shows it; status is pending (待确认), confirmed, declined
    or cancelled."""

    id: str
    booking_id: str
    room_id: str
    start: int
    end: int
    title: str
    organiser_name: str
    status: str
    mine: bool
    reason: str
    alternatives: tuple[Alternative, ...]


class BookingService:
    def __init__(self, cache: Cache, user: User) -> None:
        self._cache = cache
        self._user = user

    def rooms(self) -> list[RoomInfo]:
        with self._cache.session() as s:
            rows = s.scalars(select(RoomRow).where(RoomRow.unit_id == self._user.unit_id).order_by(RoomRow.capacity, RoomRow.name))
            return [RoomInfo(r.id, r.name, r.building, r.location, r.capacity, tuple(r.equipment)) for r in rows]

    def calendar(self, room_ids: list[str], start: int, end: int) -> dict[str, list[Occurrence]]:
        """What holds each room in [start, end): confirmed and waiting occurrences, and one's own
        declined ones (with their reason); cancelled ones and others' declined ones are gone."""
        found: dict[str, list[Occurrence]] = {room_id: [] for room_id in room_ids}
        with self._cache.session() as s:
            rows = s.scalars(
                select(BookingSlotRow)
                .where(BookingSlotRow.room_id.in_(room_ids), BookingSlotRow.start < end, BookingSlotRow.end > start, BookingSlotRow.status != CANCELLED)
                .where(or_(BookingSlotRow.status != DECLINED, BookingSlotRow.organiser_id == self._user.id))
                .order_by(BookingSlotRow.start)
            )
            for r in rows:
                found[r.room_id].append(self._occurrence(r))
        return found

    def free_slots(self, room_id: str, day: int) -> list[Slot]:
        """The free office hours of one room on the day `day` falls on (waiting requests count
        as taken: they may well be confirmed)."""
        hours = working_day(day)
        held = [o for o in self.calendar([room_id], hours.start, hours.end)[room_id] if o.status != DECLINED]
        return free_slots(hours.start, hours.end, [Slot(o.start, o.end) for o in held])

    def mine(self) -> list[Occurrence]:
        """One's own occurrences, the latest first, whatever their state."""
        with self._cache.session() as s:
            rows = s.scalars(select(BookingSlotRow).where(BookingSlotRow.organiser_id == self._user.id).order_by(BookingSlotRow.start.desc()))
            return [self._occurrence(r) for r in rows]

    def request(self, room_id: str, title: str, start: int, end: int, attendees: int, rule: str = "", exdates: tuple[int, ...] = ()) -> str:
        """Ask for a room (offline too); shown as 待确认 until the server confirms or declines.
        Raises RuleViolation for what can be refused at once."""
        with self._cache.session() as s:
            found = s.get(RoomRow, room_id)
        room = Room(found.id, found.unit_id, found.name, found.capacity) if found else None
        draft = validate_draft(BookingDraft(room_id, title, start, end, attendees), room, self._user.unit_id, time.time())
        booking_id = uuid.uuid4().hex
        args = {"id": booking_id, "room_id": room_id, "title": draft.title, "start": start, "end": end, "attendees": draft.attendees}
        if rule:
            args |= {"rule": rule, "exdates": list(exdates)}
        self._act("booking.request", args)
        return booking_id

    def cancel(self, booking_id: str, starts: tuple[int, ...] = ()) -> None:
        """Cancel one's own booking, or only the occurrences starting at `starts`."""
        with self._cache.session() as s:
            booking = s.get(BookingRow, booking_id)
            if booking is None or booking.organiser_id != self._user.id:
                raise RuleViolation("booking.not_yours", "只有预订人可以修改或取消该预订。")
        self._act("booking.cancel", {"id": booking_id, "starts": list(starts)})

    def _act(self, name: str, args: dict) -> None:
        with self._cache.sessions.begin() as s:
            local_ops.apply(s, self._user, name, args, time.time())
            outbox.append(s, name, args)

    def _occurrence(self, r: BookingSlotRow) -> Occurrence:
        offered = tuple(Alternative(a["room_id"], a["room_name"], a["start"], a["end"]) for a in r.alternatives)
        return Occurrence(r.id, r.booking_id, r.room_id, r.start, r.end, r.title, r.organiser_name, r.status, r.organiser_id == self._user.id, r.reason, offered)
