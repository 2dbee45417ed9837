"""会议室预订 on the server, on SQLite and PostgreSQL: arrival order decides, the loser is told who
holds the room and gets three alternatives that really are free; a series is confirmed where free;
bad requests are refused with a reason and change nothing; only the organiser cancels."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.domain.scopes import resource_scope, user_scope
from sync.server.database import open_database
from sync.server.demo import default_org_path, init_demo
from tests.support.bookings import answer, booking, day_at
from tests.server.helpers import log_in
from tests.support.postgres import fresh_database

SCOPE = resource_scope("u01")


def slots_of(person, booking_id: str) -> list[dict]:
    rows = person.pull_all(SCOPE)
    return sorted((r["data"] for r in rows if r["entity"] == "room_slot" and r["data"]["booking_id"] == booking_id), key=lambda d: d["start"])


def test_demo_rooms_reach_the_unit(client, tokens):
    clerk = log_in(client, tokens, "wangxy")
    rooms = {r["id"]: r["data"] for r in clerk.pull_all(SCOPE) if r["entity"] == "room"}
    assert {r["name"] for r in rooms.values()} == {"第一会议室", "第二会议室", "大会议室", "党组会议室"}
    assert [r["name"] for r in rooms.values() if r["needs_approval"]] == ["党组会议室"]
    assert all(r["unit_id"] == "u01" for r in rooms.values())


def test_arrival_order_wins_and_the_loser_gets_three_free_alternatives(client, tokens):
    first, second = log_in(client, tokens, "wangxy"), log_in(client, tokens, "liming")
    start, end = day_at(10, "09:00"), day_at(10, "10:00")
    won = answer(first.push(("booking.request", booking("u01-r1", "党组会", start, end))))
    lost = answer(second.push(("booking.request", booking("u01-r1", "科室例会", start, end))))
    assert won["status"] == lost["status"] == "applied"
    assert won["result"]["confirmed"] == 1 and won["result"]["declined"] == []
    assert lost["result"]["confirmed"] == 0
    [declined] = lost["result"]["declined"]
    assert "已被“党组会”（王晓燕）占用" in declined["reason"]
    offered = declined["alternatives"]
    assert len(offered) == 3
    assert {a["room_id"] for a in offered} >= {"u01-r1", "u01-r2"}  # the same room later, another room now
    for alt in offered:  # each really is free: booking it is confirmed
        taken = answer(second.push(("booking.request", booking(alt["room_id"], "改约", alt["start"], alt["end"]))))
        assert taken["result"]["confirmed"] == 1, (alt, taken)
    [shown] = slots_of(second, lost["result"]["booking_id"])
    assert shown["status"] == "declined" and shown["reason"] == declined["reason"] and shown["alternatives"] == offered


def test_a_series_is_confirmed_where_free_and_declined_on_the_listed_dates(client, tokens):
    head, clerk = log_in(client, tokens, "chenjg"), log_in(client, tokens, "wangxy")
    taken = answer(clerk.push(("booking.request", booking("u01-r3", "专题会", day_at(28, "14:00"), day_at(28, "15:00")))))
    assert taken["result"]["confirmed"] == 1
    series = booking("u01-r3", "周例会", day_at(21, "14:30"), day_at(21, "15:30"), rule="FREQ=WEEKLY;COUNT=4")
    result = answer(head.push(("booking.request", series)))["result"]
    assert result["confirmed"] == 3
    assert [d["start"] for d in result["declined"]] == [day_at(28, "14:30")]
    assert [s["status"] for s in slots_of(head, series["id"])] == ["confirmed", "declined", "confirmed", "confirmed"]


@pytest.mark.parametrize(
    ("login", "change", "code"),
    [
        ("wangxy", {"end": day_at(40, "08:00")}, "booking.end_before_start"),
        ("wangxy", {"end": day_at(40, "09:00") + 400 * 86400}, "booking.too_long"),
        ("wangxy", {"start": day_at(400, "09:00"), "end": day_at(400, "10:00")}, "booking.too_far"),
        ("zhaoli", {}, "booking.room_forbidden"),  # a room of another unit
        ("wangxy", {"attendees": 13}, "booking.over_capacity"),
        ("wangxy", {"room_id": "nowhere"}, "booking.room_unknown"),
        ("wangxy", {"rule": "FREQ=DAILY"}, "booking.too_many"),
    ],
)
def test_bad_requests_are_refused_with_a_reason_and_change_nothing(client, tokens, login, change, code):
    person = log_in(client, tokens, login)
    request = {**booking("u01-r1", "坏请求", day_at(40, "09:00"), day_at(40, "10:00")), **change}
    refused = answer(person.push(("booking.request", request)))
    assert (refused["status"], refused["code"]) == ("rejected", code)
    assert refused["message"]
    clerk = log_in(client, tokens, "wangxy")
    assert [r for r in clerk.pull_all(SCOPE) if r["entity"] == "room_booking" and r["id"] == request["id"]] == []


def test_only_the_organiser_cancels_and_a_cancelled_slot_is_free_again(client, tokens):
    organiser, other = log_in(client, tokens, "liming"), log_in(client, tokens, "wangxy")
    start, end = day_at(12, "15:00"), day_at(12, "16:00")
    request = booking("u01-r2", "项目评审", start, end)
    assert answer(organiser.push(("booking.request", request)))["result"]["confirmed"] == 1
    refused = answer(other.push(("booking.cancel", {"id": request["id"]})))
    assert (refused["status"], refused["code"]) == ("rejected", "booking.not_yours")
    assert answer(organiser.push(("booking.cancel", {"id": request["id"]})))["result"]["cancelled"] == 1
    assert [s["status"] for s in slots_of(other, request["id"])] == ["cancelled"]
    assert answer(other.push(("booking.request", booking("u01-r2", "接着用", start, end))))["result"]["confirmed"] == 1


def test_another_unit_cannot_read_the_unit_calendar(client, tokens):
    outsider = log_in(client, tokens, "zhaoli")
    assert outsider.pull({SCOPE: 0}).status_code == 403


@pytest.mark.postgres
def test_postgresql_itself_refuses_overlapping_confirmed_occurrences(tmp_path):
    with fresh_database() as url:
        db = open_database(url)
        try:
            init_demo(db, people=10, tokens_dir=tmp_path / "tokens", org_path=default_org_path(), reset=True, pki_dir=tmp_path / "pki")
            with db.engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO room_bookings (id, room_id, organiser_id, title, attendees, equipment, rule, requested_at, cancelled, version) "
                        "VALUES ('pg-a', 'u01-r1', 'p1', '甲', 2, '[]', '', 0, false, 1), ('pg-b', 'u01-r1', 'p2', '乙', 2, '[]', '', 0, false, 1)"
                    )
                )
                conn.execute(text("INSERT INTO room_slots VALUES ('pg-a:0', 'pg-a', 'u01-r1', 3000000000, 3000003600, 'confirmed', '', '[]')"))
                conn.execute(text("INSERT INTO room_slots VALUES ('pg-b:0', 'pg-b', 'u01-r1', 3000001800, 3000005400, 'declined', '', '[]')"))  # a declined one may overlap
            with pytest.raises(IntegrityError, match="room_slots_no_overlap"), db.engine.begin() as conn:
                conn.execute(text("UPDATE room_slots SET status = 'confirmed' WHERE id = 'pg-b:0'"))
        finally:
            db.close()


def test_invitees_get_an_invitation_answer_it_and_see_the_cancellation(client, tokens):
    organiser, guest = log_in(client, tokens, "chenjg"), log_in(client, tokens, "wangxy")
    request = booking("u01-r3", "年度工作会", day_at(70, "09:00"), day_at(70, "11:00"), invitees=[guest.user_id, "p3"])
    assert answer(organiser.push(("booking.request", request)))["result"]["confirmed"] == 1
    guest_scope = user_scope(guest.user_id)
    [invited] = [r["data"] for r in guest.pull_all(guest_scope) if r["entity"] == "invitation" and r["id"] == request["id"]]
    assert (invited["title"], invited["room_name"], invited["organiser_name"], invited["answer"], invited["cancelled"]) == ("年度工作会", "大会议室", "陈建国", "", False)
    assert invited["occurrences"] == [[request["start"], request["end"]]]
    assert answer(guest.push(("booking.answer", {"id": request["id"], "answer": "accepted"})))["status"] == "applied"
    replies = [r["data"] for r in organiser.pull_all(user_scope(organiser.user_id)) if r["entity"] == "booking_answer" and r["data"]["booking_id"] == request["id"]]
    assert [(r["person_name"], r["answer"]) for r in replies] == [("王晓燕", "accepted")]
    stranger = answer(log_in(client, tokens, "zhaoli").push(("booking.answer", {"id": request["id"], "answer": "accepted"})))
    assert (stranger["status"], stranger["code"]) == ("rejected", "booking.not_invited")
    organiser.push(("booking.cancel", {"id": request["id"]}))
    [invited] = [r["data"] for r in guest.pull_all(guest_scope) if r["entity"] == "invitation" and r["id"] == request["id"]]
    assert invited["cancelled"] and invited["answer"] == "accepted"


def test_an_unknown_invitee_refuses_the_request(client, tokens):
    organiser = log_in(client, tokens, "chenjg")
    refused = answer(organiser.push(("booking.request", booking("u01-r3", "外请", day_at(71, "09:00"), day_at(71, "10:00"), invitees=["nobody"]))))
    assert (refused["status"], refused["code"]) == ("rejected", "booking.invitee_unknown")


def test_a_room_that_needs_approval_is_held_until_the_room_manager_decides(client, tokens):
    staff, head = log_in(client, tokens, "liming"), log_in(client, tokens, "chenjg")
    start, end = day_at(72, "09:00"), day_at(72, "10:00")
    first = booking("u01-r4", "党组会", start, end, invitees=["p1"])
    held = answer(staff.push(("booking.request", first)))["result"]
    assert (held["confirmed"], held["awaiting"], held["declined"]) == (0, 1, [])
    second = answer(head.push(("booking.request", booking("u01-r4", "另一个会", start, end))))["result"]
    assert "已被“党组会”（李明）占用" in second["declined"][0]["reason"]  # awaiting holds the room
    refused = answer(staff.push(("booking.approve", {"id": first["id"], "approve": True})))
    assert (refused["status"], refused["code"]) == ("rejected", "booking.not_room_manager")
    assert answer(head.push(("booking.approve", {"id": first["id"], "approve": True})))["result"]["approved"] is True
    assert [s["status"] for s in slots_of(staff, first["id"])] == ["confirmed"]

    later = booking("u01-r4", "专题会", day_at(73, "09:00"), day_at(73, "10:00"))
    staff.push(("booking.request", later))
    no_reason = answer(head.push(("booking.approve", {"id": later["id"], "approve": False})))
    assert (no_reason["status"], no_reason["code"]) == ("rejected", "booking.reason_missing")
    head.push(("booking.approve", {"id": later["id"], "approve": False, "reason": "当天会议室检修"}))
    [declined] = slots_of(staff, later["id"])
    assert (declined["status"], declined["reason"]) == ("declined", "会议室管理员未同意：当天会议室检修")


def test_equipment_the_room_lacks_is_refused_and_alternatives_have_it(client, tokens):
    first, second = log_in(client, tokens, "wangxy"), log_in(client, tokens, "liming")
    lacking = answer(first.push(("booking.request", booking("u01-r1", "视频会", day_at(74, "09:00"), day_at(74, "10:00"), equipment=["视频会议"]))))
    assert (lacking["status"], lacking["code"]) == ("rejected", "booking.equipment_missing")
    start, end = day_at(74, "14:00"), day_at(74, "15:00")
    answer(first.push(("booking.request", booking("u01-r2", "视频会", start, end, equipment=["视频会议"]))))
    lost = answer(second.push(("booking.request", booking("u01-r2", "视频调度会", start, end, equipment=["视频会议"]))))["result"]
    offered = {a["room_id"] for a in lost["declined"][0]["alternatives"]}
    assert offered == {"u01-r2", "u01-r3"}  # 第一会议室 and 党组会议室 have no video link


@pytest.mark.parametrize("change", [{"start": -(10**15)}, {"end": 10**15}, {"exdates": [10**15]}, {"attendees": 0}])
def test_nonsense_numbers_are_refused_as_bad_arguments(client, tokens, change):
    clerk = log_in(client, tokens, "wangxy")
    refused = answer(clerk.push(("booking.request", {**booking("u01-r1", "乱填", day_at(40, "09:00"), day_at(40, "10:00")), **change})))
    assert (refused["status"], refused["code"]) == ("rejected", "sync.bad_args")


def test_the_organiser_moves_an_occurrence_and_a_taken_time_keeps_the_old_one(client, tokens):
    organiser, other = log_in(client, tokens, "liming"), log_in(client, tokens, "wangxy")
    start, end = day_at(75, "09:00"), day_at(75, "10:00")
    request = booking("u01-r1", "处务会", start, end, invitees=["p1"])
    answer(organiser.push(("booking.request", request)))
    answer(other.push(("booking.request", booking("u01-r1", "学习会", day_at(75, "14:00"), day_at(75, "15:00")))))
    not_mine = answer(other.push(("booking.move", {"id": request["id"], "from_start": start, "start": day_at(75, "11:00"), "end": day_at(75, "12:00")})))
    assert (not_mine["status"], not_mine["code"]) == ("rejected", "booking.not_yours")
    taken = answer(organiser.push(("booking.move", {"id": request["id"], "from_start": start, "start": day_at(75, "14:30"), "end": day_at(75, "15:30")})))
    assert (taken["status"], taken["code"]) == ("rejected", "booking.move_taken")
    assert "已被“学习会”（王晓燕）占用" in taken["message"] and "原时间保留" in taken["message"]
    assert [(s["start"], s["status"]) for s in slots_of(other, request["id"])] == [(start, "confirmed")]
    moved = answer(organiser.push(("booking.move", {"id": request["id"], "from_start": start, "start": day_at(75, "09:30"), "end": day_at(75, "10:30")})))
    assert moved["result"]["status"] == "confirmed"  # overlapping its own old time is fine
    assert [(s["start"], s["end"]) for s in slots_of(other, request["id"])] == [(day_at(75, "09:30"), day_at(75, "10:30"))]
    [invited] = [r["data"] for r in other.pull_all(user_scope(other.user_id)) if r["entity"] == "invitation" and r["id"] == request["id"]]
    assert invited["occurrences"] == [[day_at(75, "09:30"), day_at(75, "10:30")]]  # the invitee sees the change
