"""会议通知 in 待办: the invitation is listed with its organiser, opens in one double-click,
is accepted (queued for the next sync) and leaves 待办; it saves as an .ics file; a cancelled
meeting says so and cannot be answered."""

from icalendar import Calendar
from PySide6.QtCore import Qt

from app.store import outbox
from app.store.mirror import apply_row
from tests.support.bookings import day_at
from tests.ui.conftest import activated
from ui.dialogs.invitation_dialog import InvitationDialog


def invite(cache, booking_id: str, title: str, cancelled: bool = False) -> None:
    start = day_at(3, "09:00")
    data = {"booking_id": booking_id, "title": title, "room_name": "大会议室", "location": "市政府办公楼一楼", "organiser_name": "王晓燕", "occurrences": [] if cancelled else [[start, start + 7200]], "cancelled": cancelled, "answer": ""}
    with cache.sessions.begin() as s:
        apply_row(s, "invitation", booking_id, 1, False, data)


def test_an_invitation_in_todo_opens_is_accepted_and_leaves_todo(qtbot, cache, window, tmp_path):
    invite(cache, "m1", "季度工作会")
    window.refresh_pages()
    window.show_page("todo")
    model = window.todo.table.model()
    [row] = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "季度工作会"]
    assert model.index(row, 1).data() == "会议 · 王晓燕"
    table = window.todo.table
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = activated(qtbot, window.findChild(InvitationDialog))
    assert "大会议室" in dialog.details.text() and dialog.state.text() == "请确认是否参加。"
    dialog.save_ics(tmp_path / "m1.ics")
    [event] = Calendar.from_ical((tmp_path / "m1.ics").read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "季度工作会"
    dialog.accept_button.click()
    with cache.session() as s:
        [op] = outbox.pending_rows(s)
    assert (op.name, op.args) == ("booking.answer", {"id": "m1", "answer": "accepted"})
    assert "季度工作会" not in [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_cancelled_meeting_says_so_and_cannot_be_answered(qtbot, cache, window):
    invite(cache, "m2", "取消的会", cancelled=True)
    dialog = activated(qtbot, window.open_invitation("m2"))
    assert dialog.state.text() == "该会议已取消。"
    assert not dialog.accept_button.isEnabled() and not dialog.decline_button.isEnabled()
    dialog.close()


def test_the_rooms_page_lists_the_meetings_one_is_invited_to(qtbot, cache, window):
    invite(cache, "m3", "专题研讨会")
    window.show_page("rooms")
    window.refresh_pages()
    [item] = [window.rooms.invited.item(r) for r in range(window.rooms.invited.count())]
    assert item.text().endswith("专题研讨会：未答复")
    window.rooms.invited.itemActivated.emit(item)
    dialog = activated(qtbot, window.rooms.findChild(InvitationDialog))
    dialog.decline_button.click()
    assert window.rooms.invited.item(0).text().endswith("专题研讨会：不参加")
