"""Real clients against the server in-process. Two book the same room while offline; they sync one after the other: the first to
arrive is confirmed, the other sees its request declined with the reason and three alternatives
that are really free. Until the server answers, the local calendar shows the request as waiting.
Invitations reach the invitees' 待办, are answered, and export to .ics."""

from datetime import UTC, datetime

from icalendar import Calendar

from app.domain.bookings import CONFIRMED, DECLINED, PENDING
from app.services.todo import TodoService
from tests.support.bookings import day_at
from tests.server.inprocess_clients import inprocess_client


def test_two_offline_clients_book_the_same_room_and_the_first_to_arrive_wins(deployment, tmp_path):
    first, _ = inprocess_client(deployment, "wangxy", tmp_path / "a")
    second, _ = inprocess_client(deployment, "liming", tmp_path / "b")
    first.sync()
    second.sync()
    start, end = day_at(60, "09:00"), day_at(60, "10:30")
    assert second.bookings.free_slots("u01-r1", start)[0].start <= start  # the room looks free to both
    later = second.bookings.request("u01-r1", "科室例会", start, end, attendees=8)
    earlier = first.bookings.request("u01-r1", "党组会", start, end, attendees=10)
    [waiting] = second.bookings.calendar(["u01-r1"], start, end)["u01-r1"]
    assert (waiting.booking_id, waiting.status, waiting.mine) == (later, PENDING, True)

    first.sync()  # arrives first, although requested second
    second.sync()
    [mine] = [o for o in second.bookings.mine() if o.booking_id == later]
    assert mine.status == DECLINED and "已被“党组会”（王晓燕）占用" in mine.reason
    assert len(mine.alternatives) == 3
    [held] = [o for o in second.bookings.calendar(["u01-r1"], start, end)["u01-r1"] if o.status == CONFIRMED]
    assert (held.booking_id, held.mine) == (earlier, False)

    for alt in mine.alternatives:  # taking each alternative works
        second.bookings.request(alt.room_id, "科室例会（改）", alt.start, alt.end, attendees=8)
    second.sync()
    statuses = [o.status for o in second.bookings.mine() if o.title == "科室例会（改）"]
    assert statuses == [CONFIRMED] * 3


def test_a_cancel_frees_the_room_at_once_offline_and_after_sync(deployment, tmp_path):
    organiser, _ = inprocess_client(deployment, "chenjg", tmp_path / "c")
    start, end = day_at(61, "14:00"), day_at(61, "15:00")
    organiser.sync()
    booking_id = organiser.bookings.request("u01-r2", "预算会", start, end, attendees=6)
    organiser.sync()
    assert [o.status for o in organiser.bookings.mine() if o.booking_id == booking_id] == [CONFIRMED]
    organiser.bookings.cancel(booking_id)
    assert organiser.bookings.calendar(["u01-r2"], start, end)["u01-r2"] == []  # gone at once, offline
    organiser.sync()
    assert organiser.bookings.calendar(["u01-r2"], start, end)["u01-r2"] == []
    assert [o.status for o in organiser.bookings.mine() if o.booking_id == booking_id] == ["cancelled"]


def test_an_invitation_reaches_the_invitees_todo_is_answered_and_exports_to_ics(deployment, tmp_path):
    organiser, _ = inprocess_client(deployment, "chenjg", tmp_path / "d")
    guest, _ = inprocess_client(deployment, "wangxy", tmp_path / "e")
    start, end = day_at(62, "09:00"), day_at(62, "11:00")
    organiser.sync()
    booking_id = organiser.bookings.request("u01-r3", "季度工作会", start, end, attendees=20, invitees=(guest.user.id, organiser.user.id))
    organiser.sync()
    guest.sync()
    [item] = [i for i in TodoService(guest.cache, guest.user).items() if i.kind == "invitation" and i.ref_id == booking_id]
    assert (item.title, item.source, item.deadline) == ("季度工作会", "陈建国", start)

    guest.bookings.answer(booking_id, accept=True)
    assert [i for i in TodoService(guest.cache, guest.user).items() if i.ref_id == booking_id] == []  # answered at once
    guest.sync()
    organiser.sync()
    assert organiser.bookings.answers(booking_id) == [("王晓燕", "accepted")]

    [event] = Calendar.from_ical(guest.bookings.ics(booking_id)).walk("VEVENT")
    assert str(event["summary"]) == "季度工作会" and "大会议室" in str(event["location"])
    assert event.decoded("dtstart") == datetime.fromtimestamp(start, UTC)
    [own] = Calendar.from_ical(organiser.bookings.ics(booking_id)).walk("VEVENT")
    assert str(own["status"]) == "CONFIRMED"


def test_a_move_shows_at_once_and_a_refused_move_puts_the_old_time_back(deployment, tmp_path):
    organiser, _ = inprocess_client(deployment, "liming", tmp_path / "f")
    other, _ = inprocess_client(deployment, "wangxy", tmp_path / "g")
    organiser.sync()
    other.sync()
    start, end = day_at(63, "09:00"), day_at(63, "10:00")
    booking_id = organiser.bookings.request("u01-r2", "调度会", start, end, attendees=5)
    other.bookings.request("u01-r2", "培训", day_at(63, "15:00"), day_at(63, "16:00"), attendees=5)
    organiser.sync()
    other.sync()
    organiser.bookings.move(booking_id, start, day_at(63, "15:00"), day_at(63, "16:00"))
    assert [(o.start, o.end) for o in organiser.bookings.mine() if o.booking_id == booking_id] == [(day_at(63, "15:00"), day_at(63, "16:00"))]
    report = organiser.sync()
    assert [r.code for r in report.rejected] == ["booking.move_taken"]
    assert [(o.start, o.status) for o in organiser.bookings.mine() if o.booking_id == booking_id] == [(start, CONFIRMED)]
    organiser.bookings.move(booking_id, start, day_at(63, "11:00"), day_at(63, "12:00"))
    organiser.sync()
    assert [(o.start, o.status) for o in organiser.bookings.mine() if o.booking_id == booking_id] == [(day_at(63, "11:00"), CONFIRMED)]
