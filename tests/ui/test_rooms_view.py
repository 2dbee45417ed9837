"""会议室 view: the rooms of a building side by side for a day or a week with free cells blank,
held ones named in words and the free hours in each header; dragging over free cells (or
selecting them and booking) shows the request as 待确认 at once (offline) and queues it; dragging
one's own meeting moves it through the booking service; one's own declined request shows the
reason and alternatives that book in one step."""

import pytest
from icalendar import Calendar
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTime

from app.domain.recurrence import WEEKLY
from app.store import outbox
from app.store.mirror import apply_row
from tests.support.bookings import day_at
from tests.support.cache_data import HEAD, OFFICE
from tests.ui.conftest import activated
from ui.dialogs.booking_dialog import BookingDialog
from ui.dialogs.move_booking_dialog import MoveBookingDialog
from ui.time_format import local
from ui.views.rooms_view import RoomsView

DAY = 9


def room(cache, room_id: str, name: str, seats: int, needs_approval: bool = False, equipment: tuple[str, ...] = ("投影仪",), building: str = "市政府办公楼") -> None:
    data = {"unit_id": "u01", "name": name, "building": building, "location": "三楼", "capacity": seats, "needs_approval": needs_approval, "equipment": list(equipment)}
    with cache.sessions.begin() as s:
        apply_row(s, "room", room_id, 1, False, data)


def held(cache, slot_id: str, room_id: str, title: str, organiser, start: str, end: str, status: str = "confirmed", reason: str = "", alternatives=()) -> None:
    data = {
        "booking_id": slot_id.split(":")[0], "room_id": room_id, "start": day_at(DAY, start), "end": day_at(DAY, end), "status": status, "reason": reason,
        "alternatives": list(alternatives), "title": title, "organiser_id": organiser.id, "organiser_name": organiser.name,
    }  # fmt: skip
    with cache.sessions.begin() as s:
        apply_row(s, "room_slot", slot_id, 1, False, data)


@pytest.fixture
def view(qtbot, cache, session):
    room(cache, "u01-r1", "第一会议室", 12)
    room(cache, "u01-r3", "大会议室", 60, equipment=("投影仪", "视频会议"))
    held(cache, "b1:0", "u01-r1", "党组会", OFFICE, "09:00", "10:00")
    page = RoomsView(session.bookings, session.directory, HEAD.unit_id, lambda: False, day_at(DAY, "12:00"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def cell(view: RoomsView, clock: str, column: int) -> str | None:
    hours, minutes = (int(x) for x in clock.split(":"))
    return view.model.index((hours - 8) * 2 + minutes // 30, column).data()


def select(view: RoomsView, column: int, first: str, last: str) -> None:
    rows = [(int(c[:2]) - 8) * 2 + int(c[3:]) // 30 for c in (first, last)]
    model = view.model
    view.table.setCurrentIndex(model.index(rows[0], column))
    view.table.selectionModel().select(QItemSelection(model.index(rows[0], column), model.index(rows[1], column)), QItemSelectionModel.SelectionFlag.ClearAndSelect)


def test_the_day_shows_every_room_with_held_times_in_words_and_free_times_blank(view):
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["第一会议室（12 座）\n空闲 11 小时", "大会议室（60 座）\n空闲 12 小时"]
    assert cell(view, "09:00", 0) == "党组会（已确认）"
    assert cell(view, "09:30", 0) == ""  # the same meeting, named once
    assert cell(view, "10:00", 0) is None and cell(view, "09:00", 1) is None
    select(view, 0, "10:00", "10:00")
    assert view.free_label.text().endswith("08:00–09:00、10:00–20:00")


def row(clock: str) -> int:
    return (int(clock[:2]) - 8) * 2 + int(clock[3:]) // 30


def drag(qtbot, view: RoomsView, column: int, first: str, last: str, to_column: int | None = None) -> None:
    """Press on one cell, move and let go on another, as a user drags with the mouse."""
    view.resize(1400, 1200)
    table = view.table
    grab = table.visualRect(view.model.index(row(first), column)).center()
    drop = table.visualRect(view.model.index(row(last), column if to_column is None else to_column)).center()
    qtbot.mousePress(table.viewport(), Qt.MouseButton.LeftButton, pos=grab)
    qtbot.mouseMove(table.viewport(), drop)
    qtbot.mouseRelease(table.viewport(), Qt.MouseButton.LeftButton, pos=drop)


def own_booking(cache, booking_id: str, room_id: str, title: str, start: str, end: str) -> None:
    held(cache, f"{booking_id}:0", room_id, title, HEAD, start, end)
    with cache.sessions.begin() as s:
        apply_row(s, "room_booking", booking_id, 1, False, {"room_id": room_id, "title": title, "organiser_id": HEAD.id, "organiser_name": HEAD.name, "attendees": 5, "rule": "", "requested_at": 0.0, "cancelled": False})


def test_dragging_over_free_time_opens_the_booking_dialog_filled_in(qtbot, cache, view):
    drag(qtbot, view, 1, "10:00", "11:00")
    dialog = activated(qtbot, view.findChild(BookingDialog))
    assert (dialog.room.currentData(), dialog.starts.time().toString("HH:mm"), dialog.ends.time().toString("HH:mm")) == ("u01-r3", "10:00", "11:30")
    dialog.title.setText("专题会")
    dialog.book_button.click()
    assert cell(view, "10:00", 1) == "专题会（待确认）"
    with cache.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.name, op.args["room_id"], op.args["start"], op.args["end"]) == ("booking.request", "u01-r3", day_at(DAY, "10:00"), day_at(DAY, "11:30"))


def test_dragging_over_a_held_time_books_nothing(qtbot, view):
    drag(qtbot, view, 0, "08:00", "10:00")  # 党组会 holds 09:00-10:00
    assert view.findChild(BookingDialog) is None


def test_dragging_one_s_own_meeting_moves_it_and_a_taken_time_or_another_room_is_refused(qtbot, cache, view):
    own_booking(cache, "b4", "u01-r1", "预算会", "11:00", "12:00")
    view.refresh()
    drag(qtbot, view, 0, "11:30", "09:30")  # grabbed by its second half hour: would start at 09:00, where 党组会 is
    assert "已被“党组会”（王晓燕）占用" in view.error.text() and cell(view, "11:00", 0) == "预算会（已确认）"
    drag(qtbot, view, 0, "11:00", "14:00", to_column=1)
    assert "只能在本会议室内" in view.error.text()
    with cache.session() as s:
        assert outbox.pending_rows(s) == []
    drag(qtbot, view, 0, "11:30", "15:00")
    assert view.error.isHidden() and cell(view, "11:00", 0) is None and cell(view, "14:30", 0) == "预算会（已确认）"
    with cache.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.name, op.args) == ("booking.move", {"id": "b4", "from_start": day_at(DAY, "11:00"), "start": day_at(DAY, "14:30"), "end": day_at(DAY, "15:30")})


def test_dragging_another_s_meeting_moves_nothing(qtbot, cache, view):
    drag(qtbot, view, 0, "09:00", "15:00")
    assert cell(view, "09:00", 0) == "党组会（已确认）"
    with cache.session() as s:
        assert outbox.pending_rows(s) == []


def test_a_building_shows_its_rooms_for_a_day_and_for_a_week_with_the_free_hours(cache, view):
    room(cache, "u01-r9", "档案馆会议室", 20, building="档案馆")
    view.refresh()
    assert [view.building.itemText(i) for i in range(view.building.count())] == ["市政府办公楼", "档案馆"]
    view.building.setCurrentIndex(view.building.findData("档案馆"))
    assert [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())] == ["档案馆会议室（20 座）\n空闲 12 小时"]
    view.building.setCurrentIndex(view.building.findData("市政府办公楼"))
    view.mode.setCurrentIndex(2)  # the week of the building: each day, its rooms side by side
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert len(headers) == 14 and headers[0].split("\n")[0].endswith("周一") and headers[0].split("\n")[1] == "第一会议室（12 座）"
    meeting_day = next(c for c in range(0, 14, 2) if view.model.index(row("09:00"), c).data() == "党组会（已确认）")
    assert headers[meeting_day].endswith("空闲 11 小时") and headers[meeting_day + 1].endswith("空闲 12 小时")
    assert sum(h.endswith("空闲 12 小时") for h in headers) == 13


def test_booking_selected_free_cells_shows_the_request_waiting_and_queues_it(qtbot, cache, view):
    select(view, 0, "10:00", "11:00")  # 10:00-11:30, dragged over three half hours
    assert view.create_new()
    dialog = activated(qtbot, view.findChild(BookingDialog))
    assert (dialog.room.currentData(), dialog.starts.time().toString("HH:mm"), dialog.ends.time().toString("HH:mm")) == ("u01-r1", "10:00", "11:30")
    dialog.title.setText("处务会")
    dialog.attendees.setValue(8)
    dialog.invitees.check_department("办公室")  # the whole office: 王晓燕 (and oneself, who is not invited)
    changes = []
    view.changed.connect(lambda: changes.append(1))
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert cell(view, "10:00", 0) == "处务会（待确认）"
    assert changes == [1]
    with cache.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.name, op.args["room_id"], op.args["start"], op.args["end"], op.args["attendees"]) == ("booking.request", "u01-r1", day_at(DAY, "10:00"), day_at(DAY, "11:30"), 8)
    assert op.args["invitees"] == [OFFICE.id]


def test_a_request_the_room_cannot_take_is_refused_in_the_dialog(qtbot, cache, view):
    select(view, 0, "14:00", "14:30")
    view.create_new()
    dialog = activated(qtbot, view.findChild(BookingDialog))
    dialog.title.setText("全体会议")
    dialog.attendees.setValue(40)
    dialog.book_button.click()
    assert dialog.isVisible() and "超过第一会议室的容量" in dialog.error.text()
    dialog.attendees.setValue(10)
    [video] = [box for box in dialog.equipment if box.text() == "视频会议"]
    video.setChecked(True)
    dialog.book_button.click()
    assert dialog.isVisible() and dialog.error.text() == "第一会议室没有视频会议，请换一间会议室。"
    with cache.session() as s:
        assert outbox.pending_rows(s) == []


def test_a_declined_request_shows_why_and_books_an_alternative_in_one_step(qtbot, cache, view):
    offered = [{"room_id": "u01-r3", "room_name": "大会议室", "start": day_at(DAY, "09:00"), "end": day_at(DAY, "10:00")}]
    held(cache, "b2:0", "u01-r1", "处务会", HEAD, "09:30", "10:00", status="declined", reason="第一会议室 09:30-10:00 已被“党组会”（王晓燕）占用。", alternatives=offered)
    view.refresh()
    select(view, 0, "09:00", "09:00")
    assert view.panel.title.text() == "党组会" and not view.panel.cancel_button.isVisibleTo(view)
    assert view.mine.item(0).text().endswith("09:30–10:00，处务会：未预订成功：已被占用")  # one's own requests, in words
    view.mine.setCurrentRow(0)
    assert "已被“党组会”（王晓燕）占用" in view.panel.reason.text()
    item = view.panel.alternatives.item(0)
    assert item.text().startswith("大会议室，") and item.text().endswith("09:00–10:00")
    view.panel.alternatives.itemActivated.emit(item)
    dialog = activated(qtbot, view.findChild(BookingDialog))
    assert (dialog.room.currentData(), dialog.starts.time().toString("HH:mm")) == ("u01-r3", "09:00")


def test_the_week_view_shows_one_room_day_by_day(view):
    view.mode.setCurrentIndex(1)
    assert view.model.columnCount() == 7
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers[0].split("\n")[0].endswith("周一")
    assert "党组会（已确认）" in [view.model.index(2, c).data() for c in range(7)]


def test_the_room_manager_approves_a_waiting_booking_from_the_calendar(qtbot, cache, view):
    room(cache, "u01-r4", "党组会议室", 30, needs_approval=True)
    held(cache, "b3:0", "u01-r4", "党组会", OFFICE, "15:00", "16:00", status="awaiting")
    view.refresh()
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "党组会议室（30 座，需审批）\n空闲 11 小时"
    assert cell(view, "15:00", 1) == "党组会（待管理员审批）"
    select(view, 1, "15:00", "15:00")  # rooms in order of size
    assert view.panel.approve_button.isVisibleTo(view)  # HEAD is 办公室主任
    view.decide("b3", False, "")
    assert "请写明原因" in view.error.text() and cell(view, "15:00", 1) == "党组会（待管理员审批）"
    view.panel.approve_button.click()
    assert cell(view, "15:00", 1) == "党组会（已确认）"
    with cache.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.name, op.args) == ("booking.approve", {"id": "b3", "approve": True, "reason": ""})


def test_a_weekly_series_with_a_date_left_out_is_queued_with_that_exception(qtbot, cache, view):
    select(view, 0, "16:00", "16:30")
    view.create_new()
    dialog = activated(qtbot, view.findChild(BookingDialog))
    dialog.title.setText("周例会")
    dialog.repeat.setCurrentIndex(dialog.repeat.findData(WEEKLY))
    dialog.times.setValue(3)
    skipped = local(day_at(DAY + 7, "16:00")).toString("yyyy-MM-dd")
    dialog.skip.setText("12-31")
    dialog.book_button.click()
    assert "逗号" in dialog.error.text()
    dialog.skip.setText(skipped)
    dialog.book_button.click()
    with cache.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.args["rule"], op.args["exdates"]) == ("FREQ=WEEKLY;COUNT=3", [day_at(DAY + 7, "16:00")])
    assert [cell(view, "16:00", 0)] == ["周例会（待确认）"]


def test_one_s_own_meeting_moves_to_a_free_time_at_once(qtbot, cache, view):
    held(cache, "b4:0", "u01-r3", "预算会", HEAD, "11:00", "12:00")
    with cache.sessions.begin() as s:
        apply_row(s, "room_booking", "b4", 1, False, {"room_id": "u01-r3", "title": "预算会", "organiser_id": HEAD.id, "organiser_name": HEAD.name, "attendees": 5, "rule": "", "requested_at": 0.0, "cancelled": False})
    view.refresh()
    select(view, 1, "11:00", "11:00")
    assert view.panel.move_button.isVisibleTo(view)
    view.panel.move_button.click()
    dialog = activated(qtbot, view.findChild(MoveBookingDialog))
    dialog.starts.setTime(QTime(16, 0))
    dialog.ends.setTime(QTime(17, 0))
    dialog.move_button.click()
    assert cell(view, "11:00", 1) is None and cell(view, "16:00", 1) == "预算会（已确认）"
    with cache.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.name, op.args) == ("booking.move", {"id": "b4", "from_start": day_at(DAY, "11:00"), "start": day_at(DAY, "16:00"), "end": day_at(DAY, "17:00")})


def invitation(cache, booking_id: str, title: str, start: str, end: str, answer: str = "") -> None:
    data = {
        "booking_id": booking_id, "title": title, "room_name": "大会议室", "location": "市政府办公楼一楼", "organiser_name": OFFICE.name,
        "occurrences": [[day_at(DAY, start), day_at(DAY, end)]], "cancelled": False, "answer": answer,
    }  # fmt: skip
    with cache.sessions.begin() as s:
        apply_row(s, "invitation", booking_id, 1, False, data)


def test_my_schedule_shows_my_meetings_and_invitations_by_day_and_exports_to_ics(cache, view, tmp_path):
    own_booking(cache, "b4", "u01-r3", "预算会", "11:00", "12:00")
    invitation(cache, "m1", "全市工作会", "14:00", "15:30")
    invitation(cache, "m2", "不去的会", "16:00", "17:00", answer="declined")
    view.mode.setCurrentIndex(3)
    assert view.model.columnCount() == 7 and not view.building.isEnabled()
    day = next(c for c in range(7) if view.model.index(row("11:00"), c).data())
    assert [view.model.index(row(t), day).data() for t in ("11:00", "14:00", "16:00")] == ["预算会（已确认）", "全市工作会（已确认）", None]
    assert view.model.headerData(day, Qt.Orientation.Horizontal).endswith("空闲 9.5 小时")
    select(view, day, "12:00", "12:00")
    assert view.free_label.text().endswith("08:00–11:00、12:00–14:00、15:30–20:00")
    view.save_schedule_ics(tmp_path / "日程.ics")
    events = Calendar.from_ical((tmp_path / "日程.ics").read_bytes()).walk("VEVENT")
    assert [(str(e["summary"]), str(e["location"])) for e in events] == [("预算会", "大会议室，市政府办公楼三楼"), ("全市工作会", "大会议室，市政府办公楼一楼")]


def test_in_the_week_view_a_drag_books_that_day_and_moves_a_meeting_to_another_day(qtbot, cache, view):
    own_booking(cache, "b4", "u01-r1", "预算会", "11:00", "12:00")
    view.mode.setCurrentIndex(1)  # 第一会议室, Monday to Sunday
    day = next(c for c in range(7) if view.model.index(row("11:00"), c).data() == "预算会（已确认）")
    other = (day + 1) % 7
    drag(qtbot, view, other, "15:00", "15:30")
    dialog = activated(qtbot, view.findChild(BookingDialog))
    assert (dialog.room.currentData(), dialog.day.date(), dialog.starts.time().toString("HH:mm"), dialog.ends.time().toString("HH:mm")) == (
        "u01-r1", local(day_at(DAY + other - day, "15:00")).date(), "15:00", "16:00"
    )
    dialog.title.setText("周会")
    dialog.book_button.click()
    drag(qtbot, view, day, "11:00", "09:00", to_column=other)
    assert view.model.index(row("09:00"), other).data() == "预算会（已确认）" and view.model.index(row("11:00"), day).data() is None
    with cache.session() as s:
        ops = [(op.name, op.args.get("start")) for op in outbox.pending_rows(s)]
    assert ops == [("booking.request", day_at(DAY + other - day, "15:00")), ("booking.move", day_at(DAY + other - day, "09:00"))]
