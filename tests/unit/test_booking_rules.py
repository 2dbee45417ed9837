"""会议室预订 rules: overlap, free slots, validation and the three alternatives offered to a loser."""

from datetime import datetime

import pytest

from app.domain.bookings import (
    Alternative,
    BookingDraft,
    Busy,
    Room,
    Slot,
    alternatives,
    first_collision,
    free_slots,
    occupied_reason,
    overlaps,
    validate_draft,
)
from app.domain.errors import RuleViolation
from app.domain.recurrence import ZONE


def at(text: str) -> int:
    """'2026-12-01 09:00' on the Shanghai clock, as UTC epoch seconds."""
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZONE).timestamp())


SMALL = Room("r1", "u01", "第一会议室", 12, equipment=("投影仪",))
MIDDLE = Room("r2", "u01", "第二会议室", 20, equipment=("投影仪",))
BIG = Room("r3", "u01", "大会议室", 60, equipment=("投影仪", "视频会议"))
ELSEWHERE = Room("x1", "u02", "外单位会议室", 100)
NOW = at("2026-11-30 08:00")


def test_touching_slots_do_not_overlap_but_one_minute_more_does():
    assert not overlaps(at("2026-12-01 09:00"), at("2026-12-01 10:00"), at("2026-12-01 10:00"), at("2026-12-01 11:00"))
    assert overlaps(at("2026-12-01 09:00"), at("2026-12-01 10:01"), at("2026-12-01 10:00"), at("2026-12-01 11:00"))
    assert overlaps(at("2026-12-01 09:00"), at("2026-12-01 12:00"), at("2026-12-01 10:00"), at("2026-12-01 11:00"))


def test_the_collision_names_the_meeting_and_its_organiser():
    held = [Busy(at("2026-12-01 09:00"), at("2026-12-01 10:00"), "党组会", "陈建国")]
    want = Slot(at("2026-12-01 09:30"), at("2026-12-01 10:30"))
    taken = first_collision(want, held)
    assert occupied_reason("第一会议室", want, taken) == "第一会议室 2026-12-01 09:30-10:30 已被“党组会”（陈建国）占用。"


def test_free_slots_are_the_gaps_of_the_day():
    busy = [Slot(at("2026-12-01 10:00"), at("2026-12-01 11:00")), Slot(at("2026-12-01 09:00"), at("2026-12-01 10:00"))]
    gaps = free_slots(at("2026-12-01 08:00"), at("2026-12-01 20:00"), busy)
    assert gaps == [Slot(at("2026-12-01 08:00"), at("2026-12-01 09:00")), Slot(at("2026-12-01 11:00"), at("2026-12-01 20:00"))]


@pytest.mark.parametrize(
    ("draft", "room", "code"),
    [
        (BookingDraft("r1", "例会", at("2026-12-01 10:00"), at("2026-12-01 09:00"), 5), SMALL, "booking.end_before_start"),
        (BookingDraft("r1", "例会", at("2026-12-01 10:00"), at("2026-12-01 10:00"), 5), SMALL, "booking.end_before_start"),
        (BookingDraft("r1", "例会", at("2026-12-01 09:00"), at("2027-12-02 09:00"), 5), SMALL, "booking.too_long"),
        (BookingDraft("r1", "例会", at("2028-01-01 09:00"), at("2028-01-01 10:00"), 5), SMALL, "booking.too_far"),
        (BookingDraft("r1", "例会", at("2026-11-29 09:00"), at("2026-11-29 10:00"), 5), SMALL, "booking.in_the_past"),
        (BookingDraft("r1", "  ", at("2026-12-01 09:00"), at("2026-12-01 10:00"), 5), SMALL, "booking.title_empty"),
        (BookingDraft("x1", "例会", at("2026-12-01 09:00"), at("2026-12-01 10:00"), 5), ELSEWHERE, "booking.room_forbidden"),
        (BookingDraft("r1", "例会", at("2026-12-01 09:00"), at("2026-12-01 10:00"), 13), SMALL, "booking.over_capacity"),
        (BookingDraft("zz", "例会", at("2026-12-01 09:00"), at("2026-12-01 10:00"), 5), None, "booking.room_unknown"),
        (BookingDraft("r1", "视频会", at("2026-12-01 09:00"), at("2026-12-01 10:00"), 5, ("视频会议",)), SMALL, "booking.equipment_missing"),
    ],
)
def test_bad_requests_are_refused_with_a_reason(draft, room, code):
    with pytest.raises(RuleViolation) as refused:
        validate_draft(draft, room, "u01", NOW)
    assert refused.value.code == code and refused.value.message


def test_three_alternatives_mix_the_same_room_later_and_other_rooms_now_and_are_all_free():
    want = Slot(at("2026-12-01 09:00"), at("2026-12-01 10:00"))
    busy = {
        "r1": [Slot(at("2026-12-01 08:00"), at("2026-12-01 10:30"))],
        "r2": [Slot(at("2026-12-01 09:30"), at("2026-12-01 11:00"))],  # the middle room is taken too
    }
    found = alternatives(want, SMALL, [SMALL, MIDDLE, BIG, ELSEWHERE], busy, attendees=10, after=NOW)
    assert found == [
        Alternative("r1", "第一会议室", at("2026-12-01 10:30"), at("2026-12-01 11:30")),
        Alternative("r3", "大会议室", want.start, want.end),
        Alternative("r1", "第一会议室", at("2026-12-01 11:30"), at("2026-12-01 12:30")),
    ]
    for alt in found:
        assert not any(overlaps(alt.start, alt.end, b.start, b.end) for b in busy.get(alt.room_id, []))


def test_other_rooms_need_enough_seats_and_a_full_day_moves_to_the_next():
    want = Slot(at("2026-12-01 09:00"), at("2026-12-01 10:00"))
    busy = {"r1": [Slot(at("2026-12-01 08:00"), at("2026-12-01 20:00"))]}
    found = alternatives(want, SMALL, [SMALL, MIDDLE, BIG], busy, attendees=30, after=NOW)
    assert found == [
        Alternative("r1", "第一会议室", at("2026-12-02 08:00"), at("2026-12-02 09:00")),
        Alternative("r3", "大会议室", want.start, want.end),
        Alternative("r1", "第一会议室", at("2026-12-02 09:00"), at("2026-12-02 10:00")),
    ]


def test_no_alternative_lies_in_the_past():
    want = Slot(at("2026-12-01 09:00"), at("2026-12-01 10:00"))
    found = alternatives(want, SMALL, [SMALL], {"r1": [Slot(want.start, want.end)]}, attendees=5, after=at("2026-12-01 15:10"))
    assert [a.start for a in found] == [at("2026-12-01 15:30"), at("2026-12-01 16:30"), at("2026-12-01 17:30")]


def test_other_rooms_offered_have_the_equipment_the_meeting_needs():
    want = Slot(at("2026-12-01 09:00"), at("2026-12-01 10:00"))
    found = alternatives(want, SMALL, [SMALL, MIDDLE, BIG], {"r1": [want]}, attendees=5, after=NOW, needs=("视频会议",))
    assert {a.room_id for a in found} == {"r1", "r3"}  # the middle room has no video link
