"""会议室预订 (room bookings): what a request must hold, when two bookings collide, which slots are
free, and the three free alternatives offered to a request that lost (DESIGN: booking rule).

Times are UTC epoch seconds; a slot is half-open [start, end), so 9:00-10:00 and 10:00-11:00 do
not collide."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from app.domain.errors import RuleViolation
from app.domain.recurrence import ZONE, local

TITLE_MAX_CHARS = 200
MAX_LENGTH_S = 24 * 3600  # one meeting; longer needs are several bookings or a recurrence
MAX_AHEAD_S = 366 * 24 * 3600
DAY_OPENS = time(8, 0)
DAY_CLOSES = time(20, 0)
ALTERNATIVES = 3
STEP_S = 30 * 60
SEARCH_DAYS = 14

# Occurrence states, as the server decides them; PENDING is the client's own until the answer.
PENDING = "pending"
CONFIRMED = "confirmed"
AWAITING = "awaiting"  # 待审批: free, held for the room manager's approval
DECLINED = "declined"
CANCELLED = "cancelled"
HOLDING = (CONFIRMED, AWAITING)  # states in which an occurrence holds the room


@dataclass(frozen=True)
class Room:
    id: str
    unit_id: str
    name: str
    capacity: int
    needs_approval: bool = False  # booking it waits for the room manager (会议室管理员)
    equipment: tuple[str, ...] = ()  # 投影仪, 视频会议…


@dataclass(frozen=True)
class Slot:
    start: int
    end: int


@dataclass(frozen=True)
class Busy:
    """A confirmed occurrence that holds a room: what a loser is told it was taken by."""

    start: int
    end: int
    title: str
    organiser_name: str


@dataclass(frozen=True)
class Alternative:
    room_id: str
    room_name: str
    start: int
    end: int


@dataclass(frozen=True)
class BookingDraft:
    room_id: str
    title: str
    start: int
    end: int
    attendees: int  # head count, the organiser included
    equipment: tuple[str, ...] = ()  # what the meeting needs from the room


def validate_draft(draft: BookingDraft, room: Room | None, unit_id: str, now: float) -> BookingDraft:
    """Return the draft with its title trimmed, or raise RuleViolation with the reason."""
    title = draft.title.strip()
    if not title:
        raise RuleViolation("booking.title_empty", "会议名称不能为空。")
    if len(title) > TITLE_MAX_CHARS:
        raise RuleViolation("booking.title_too_long", f"会议名称不能超过 {TITLE_MAX_CHARS} 个字。")
    if draft.end <= draft.start:
        raise RuleViolation("booking.end_before_start", "结束时间必须晚于开始时间。")
    if draft.end - draft.start > MAX_LENGTH_S:
        raise RuleViolation("booking.too_long", "一次会议不能超过 24 小时；多日会议请按天预订或设置重复。")
    if draft.start > now + MAX_AHEAD_S:
        raise RuleViolation("booking.too_far", "只能预订一年以内的会议室。")
    if draft.end <= now:  # e.g. asked for offline, reaching the server after the meeting
        raise RuleViolation("booking.in_the_past", "会议时间已过，不能再预订。")
    if room is None:
        raise RuleViolation("booking.room_unknown", "该会议室不存在。")
    if room.unit_id != unit_id:
        raise RuleViolation("booking.room_forbidden", "只能预订本单位的会议室。")
    if draft.attendees > room.capacity:
        raise RuleViolation("booking.over_capacity", f"参会人数 {draft.attendees} 人超过{room.name}的容量（{room.capacity} 人）。")
    missing = [e for e in draft.equipment if e not in room.equipment]
    if missing:
        raise RuleViolation("booking.equipment_missing", f"{room.name}没有{'、'.join(missing)}，请换一间会议室。")
    return BookingDraft(draft.room_id, title, draft.start, draft.end, max(draft.attendees, 1), tuple(dict.fromkeys(draft.equipment)))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def first_collision(slot: Slot, busy: Iterable[Busy]) -> Busy | None:
    return next((b for b in busy if overlaps(slot.start, slot.end, b.start, b.end)), None)


def occupied_reason(room_name: str, slot: Slot, taken_by: Busy) -> str:
    """被…占用: which meeting holds the room, so the loser knows whom to talk to."""
    when = f"{local(slot.start):%Y-%m-%d %H:%M}-{local(slot.end):%H:%M}"
    return f"{room_name} {when} 已被“{taken_by.title}”（{taken_by.organiser_name}）占用。"


def free_slots(day_start: int, day_end: int, busy: Iterable[Slot | Busy]) -> list[Slot]:
    """The gaps between busy slots within [day_start, day_end), in order."""
    gaps, cursor = [], day_start
    for b in sorted(busy, key=lambda b: b.start):
        if b.start > cursor:
            gaps.append(Slot(cursor, min(b.start, day_end)))
        cursor = max(cursor, b.end)
        if cursor >= day_end:
            break
    if cursor < day_end:
        gaps.append(Slot(cursor, day_end))
    return [g for g in gaps if g.end > g.start]


def working_day(ts: int) -> Slot:
    """Office hours (08:00-20:00 Shanghai) of the day `ts` falls on."""
    day = local(ts).date()
    return Slot(_at(day, DAY_OPENS), _at(day, DAY_CLOSES))


def alternatives(want: Slot, room: Room, rooms: Iterable[Room], busy: Mapping[str, list[Slot | Busy]], attendees: int, after: int, needs: tuple[str, ...] = ()) -> list[Alternative]:
    """Three free choices for a request that lost `want` in `room`: the nearest free time of the
    same length in the same room (within office hours, from `after` on, up to two weeks ahead),
    and other rooms of the same unit with enough seats and the `needs` equipment at the same
    time, alternating so the user sees both kinds. `busy` holds each room's held slots."""
    same_room = _same_room_times(want, room, busy.get(room.id, []), after)
    fitting = sorted((r for r in rooms if r.id != room.id and r.unit_id == room.unit_id and r.capacity >= attendees and set(needs) <= set(r.equipment)), key=lambda r: (r.capacity, r.name))
    other_rooms = (Alternative(r.id, r.name, want.start, want.end) for r in fitting if not any(overlaps(want.start, want.end, b.start, b.end) for b in busy.get(r.id, [])))
    found: list[Alternative] = []
    sources = [iter(same_room), other_rooms]
    while len(found) < ALTERNATIVES and sources:
        for source in list(sources):
            choice = next(source, None)
            if choice is None:
                sources.remove(source)
            elif len(found) < ALTERNATIVES:
                found.append(choice)
    return found


def _same_room_times(want: Slot, room: Room, busy: list[Slot | Busy], after: int) -> Iterator[Alternative]:
    length = want.end - want.start
    ordered = sorted(busy, key=lambda b: b.start)
    day = working_day(want.start)
    for _ in range(SEARCH_DAYS):
        start = max(day.start, _round_up(after))
        while start + length <= day.end:
            if not any(overlaps(start, start + length, b.start, b.end) for b in ordered) and not overlaps(start, start + length, want.start, want.end):
                yield Alternative(room.id, room.name, start, start + length)
                start += length  # the next choice after this one, not a half-hour shift of it
            else:
                start += STEP_S
        day = Slot(day.start + 86400, day.end + 86400)


def _round_up(ts: int) -> int:
    return -(-ts // STEP_S) * STEP_S


def _at(day: date, moment: time) -> int:
    return int(datetime.combine(day, moment, ZONE).timestamp())

