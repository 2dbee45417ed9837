"""会议室预订: the unit's rooms, their calendars, booking a slot (offline too: 待确认 until the
server decides) and cancelling one's own bookings."""

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select

from app.domain.bookings import (
    AWAITING,
    CANCELLED,
    CONFIRMED,
    DECLINED,
    PENDING,
    Alternative,
    BookingDraft,
    Busy,
    Room,
    Slot,
    first_collision,
    free_slots,
    occupied_reason,
    validate_draft,
    working_day,
)
from app.domain import authz
from app.domain.authz import ROOM_MANAGE
from app.domain.errors import RuleViolation
from app.services import local_ops
from app.services.calendar_export import CalendarEvent, calendar_file
from app.services.account import User
from app.services.authz import permissions_in
from app.store import outbox
from app.store.cache import Cache
from app.store.models import BookingAnswerRow, BookingRow, BookingSlotRow, InvitationRow, RoomRow


@dataclass(frozen=True)
class RoomInfo:
    id: str
    name: str
    building: str
    location: str
    capacity: int
    needs_approval: bool
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


@dataclass(frozen=True)
class Invitation:
    """会议通知 as the invitee sees it; `waiting` while their answer has not reached the server."""

    booking_id: str
    title: str
    room_name: str
    location: str
    organiser_name: str
    occurrences: tuple[tuple[int, int], ...]
    cancelled: bool
    answer: str  # "", ACCEPTED or REFUSED
    waiting: bool


ACCEPTED, REFUSED = "accepted", "declined"


class BookingService:
    def __init__(self, cache: Cache, user: User) -> None:
        self._cache = cache
        self._user = user

    def rooms(self) -> list[RoomInfo]:
        with self._cache.session() as s:
            rows = s.scalars(select(RoomRow).where(RoomRow.unit_id == self._user.unit_id).order_by(RoomRow.capacity, RoomRow.name))
            return [RoomInfo(r.id, r.name, r.building, r.location, r.capacity, r.needs_approval, tuple(r.equipment)) for r in rows]

    def buildings(self) -> list[str]:
        """The buildings (楼) the unit's rooms are in, by name."""
        return sorted({r.building for r in self.rooms()})

    @property
    def may_approve_rooms(self) -> bool:
        """Whether this user is a room manager (会议室管理员) who approves bookings."""
        with self._cache.session() as s:
            granted = permissions_in(s, self._user)
        return any(p == ROOM_MANAGE or p.startswith(f"{ROOM_MANAGE}:") for p in granted)

    def approve(self, booking_id: str, approve: bool, reason: str = "") -> None:
        """审批 of a booking of a room that needs it. Raises RuleViolation."""
        self._check_manages(booking_id)
        if not approve and not reason.strip():
            raise RuleViolation("booking.reason_missing", "不同意预订时，请写明原因。")
        self._act("booking.approve", {"id": booking_id, "approve": approve, "reason": reason.strip()})

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

    def request(
        self, room_id: str, title: str, start: int, end: int, attendees: int, rule: str = "", exdates: tuple[int, ...] = (), invitees: tuple[str, ...] = (), equipment: tuple[str, ...] = ()
    ) -> str:
        """Ask for a room (offline too); shown as 待确认 until the server confirms or declines.
        `invitees` (person ids) get a 会议通知 once it holds the room; `equipment` is what the
        room must have. Raises RuleViolation for what can be refused at once."""
        with self._cache.session() as s:
            found = s.get(RoomRow, room_id)
        room = Room(found.id, found.unit_id, found.name, found.capacity, found.needs_approval, tuple(found.equipment)) if found else None
        draft = validate_draft(BookingDraft(room_id, title, start, end, attendees, equipment), room, self._user.unit_id, time.time())
        booking_id = uuid.uuid4().hex
        args = {"id": booking_id, "room_id": room_id, "title": draft.title, "start": start, "end": end, "attendees": draft.attendees}
        if rule:
            args |= {"rule": rule, "exdates": list(exdates)}
        if draft.equipment:
            args["equipment"] = list(draft.equipment)
        invited = [p for p in dict.fromkeys(invitees) if p != self._user.id]
        if invited:
            args["invitees"] = invited
        self._act("booking.request", args)
        return booking_id

    def cancel(self, booking_id: str, starts: tuple[int, ...] = ()) -> None:
        """Cancel one's own booking, or only the occurrences starting at `starts`."""
        with self._cache.session() as s:
            booking = s.get(BookingRow, booking_id)
            if booking is None or booking.organiser_id != self._user.id:
                raise RuleViolation("booking.not_yours", "只有预订人可以修改或取消该预订。")
        self._act("booking.cancel", {"id": booking_id, "starts": list(starts)})

    def invitations(self, unanswered_only: bool = False) -> list[Invitation]:
        """会议通知 to this user, the soonest meeting first."""
        with self._cache.session() as s:
            rows = list(s.scalars(select(InvitationRow)))
        found = [Invitation(r.id, r.title, r.room_name, r.location, r.organiser_name, tuple(tuple(o) for o in r.occurrences), r.cancelled, r.answer, r.server_answer is not None) for r in rows]
        if unanswered_only:
            found = [i for i in found if not i.answer and not i.cancelled]
        return sorted(found, key=lambda i: i.occurrences[0][0] if i.occurrences else 0)

    def answer(self, booking_id: str, accept: bool) -> None:
        self._act("booking.answer", {"id": booking_id, "answer": ACCEPTED if accept else REFUSED})

    def answers(self, booking_id: str) -> list[tuple[str, str]]:
        """(name, answer) of the invitees who answered one's own booking."""
        with self._cache.session() as s:
            return [tuple(r) for r in s.execute(select(BookingAnswerRow.person_name, BookingAnswerRow.answer).where(BookingAnswerRow.booking_id == booking_id).order_by(BookingAnswerRow.person_name))]

    def schedule(self, start: int, end: int) -> list[Occurrence]:
        """日程: one's meetings in [start, end), in time order: those one organises (held, or
        waiting for the server or the room manager) and those one is invited to and has not
        declined (their room_id is empty: the room is the organiser's concern)."""
        return [o for o, _ in self._schedule(start, end)]

    def schedule_ics(self, start: int, end: int) -> bytes:
        """One's 日程 in [start, end) as one iCalendar file."""
        return calendar_file([CalendarEvent(o.id, o.title, o.start, o.end, where, o.organiser_name, tentative=o.status != CONFIRMED) for o, where in self._schedule(start, end)])

    def _schedule(self, start: int, end: int) -> list[tuple[Occurrence, str]]:
        with self._cache.session() as s:
            rooms = {r.id: f"{r.name}，{r.building}{r.location}" for r in s.scalars(select(RoomRow))}
            own = s.scalars(
                select(BookingSlotRow).where(
                    BookingSlotRow.organiser_id == self._user.id, BookingSlotRow.status.in_((PENDING, CONFIRMED, AWAITING)), BookingSlotRow.start < end, BookingSlotRow.end > start
                )
            )
            found = [(self._occurrence(r), rooms.get(r.room_id, "")) for r in own]
        for i in self.invitations():
            if i.cancelled or i.answer == REFUSED:
                continue
            found += [
                (Occurrence(f"{i.booking_id}:{a}", i.booking_id, "", a, b, i.title, i.organiser_name, CONFIRMED, False, "", ()), f"{i.room_name}，{i.location}")
                for a, b in i.occurrences
                if a < end and b > start
            ]
        return sorted(found, key=lambda pair: pair[0].start)

    def ics(self, booking_id: str) -> bytes:
        """One booking (one's own or an invitation) as an iCalendar file for other calendars."""
        with self._cache.session() as s:
            invitation = s.get(InvitationRow, booking_id)
            if invitation is not None:
                return calendar_file([CalendarEvent(f"{booking_id}:{n}", invitation.title, start, end, f"{invitation.room_name}，{invitation.location}", invitation.organiser_name) for n, (start, end) in enumerate(invitation.occurrences)])
            rooms = dict(s.execute(select(RoomRow.id, RoomRow.name)).all())
            slots = s.scalars(select(BookingSlotRow).where(BookingSlotRow.booking_id == booking_id, BookingSlotRow.status.in_((CONFIRMED, AWAITING, PENDING))).order_by(BookingSlotRow.start))
            return calendar_file([CalendarEvent(o.id, o.title, o.start, o.end, rooms.get(o.room_id, ""), o.organiser_name, tentative=o.status != CONFIRMED) for o in slots])

    def move(self, booking_id: str, from_start: int, start: int, end: int) -> None:
        """Move one's own occurrence starting at `from_start` to [start, end) in the same room;
        shown at once, the old time back if the server finds the new one taken. Raises RuleViolation."""
        with self._cache.session() as s:
            booking = s.get(BookingRow, booking_id)
            if booking is None or booking.organiser_id != self._user.id:
                raise RuleViolation("booking.not_yours", "只有预订人可以修改或取消该预订。")
            found = s.get(RoomRow, booking.room_id)
            room = Room(found.id, found.unit_id, found.name, found.capacity, found.needs_approval, tuple(found.equipment)) if found else None
            title, attendees = booking.title, booking.attendees
        validate_draft(BookingDraft(booking.room_id, title, start, end, attendees), room, self._user.unit_id, time.time())
        others = [o for o in self.calendar([booking.room_id], start, end)[booking.room_id] if o.status != DECLINED and (o.booking_id, o.start) != (booking_id, from_start)]
        taken_by = first_collision(Slot(start, end), [Busy(o.start, o.end, o.title, o.organiser_name) for o in others])
        if taken_by is not None:  # known taken here already: say so now rather than after the sync
            raise RuleViolation("booking.move_taken", f"{occupied_reason(room.name, Slot(start, end), taken_by)}原时间保留。")
        self._act("booking.move", {"id": booking_id, "from_start": from_start, "start": start, "end": end})

    def _check_manages(self, booking_id: str) -> None:
        """The room's own grant, or its building's, or all rooms."""
        with self._cache.session() as s:
            room = s.scalar(select(RoomRow).join(BookingRow, BookingRow.room_id == RoomRow.id).where(BookingRow.id == booking_id))
            granted = permissions_in(s, self._user)
        authz.check(granted, ROOM_MANAGE, (room.id, room.building) if room else ())

    def _act(self, name: str, args: dict) -> None:
        with self._cache.sessions.begin() as s:
            local_ops.apply(s, self._user, name, args, time.time())
            outbox.append(s, name, args)

    def _occurrence(self, r: BookingSlotRow) -> Occurrence:
        offered = tuple(Alternative(a["room_id"], a["room_name"], a["start"], a["end"]) for a in r.alternatives)
        return Occurrence(r.id, r.booking_id, r.room_id, r.start, r.end, r.title, r.organiser_name, r.status, r.organiser_id == self._user.id, r.reason, offered)
