"""The op handlers "booking.request" and "booking.cancel". Requests are decided one at a time in
arrival order: each occurrence is confirmed where the room is free (or held for the room
manager's 审批 where the room needs it), else declined with the
booking that holds it (被…占用) and three alternatives free at that moment."""

import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.bookings import (
    AWAITING,
    CANCELLED,
    CONFIRMED,
    DECLINED,
    HOLDING,
    SEARCH_DAYS,
    Alternative,
    BookingDraft,
    Busy,
    Room,
    Slot,
    alternatives,
    first_collision,
    occupied_reason,
    validate_draft,
    working_day,
)
from app.domain.authz import ROOM_MANAGE
from app.domain.errors import RuleViolation
from app.domain.recurrence import expand, local
from app.domain.scopes import resource_scope, user_scope
from sync.server.auth.service import CurrentUser
from sync.server.authz import service as authz
from sync.server.bookings.models import InvitationModel, RoomBookingModel, RoomModel, RoomSlotModel
from sync.server.bookings.schemas import AnswerArgs, ApproveArgs, CancelArgs, MoveArgs, RequestArgs
from sync.server.changelog import service as changelog
from sync.server.changelog.service import EntityChange
from sync.server.directory.models import PersonModel


def request(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """Decide every occurrence of a booking request; the op is applied even when some or all
    occurrences are declined, so the organiser sees each answer with its reason."""
    a = RequestArgs.model_validate(args)
    found = session.get(RoomModel, a.room_id)
    room = _room(found) if found else None
    draft = validate_draft(BookingDraft(a.room_id, a.title, a.start, a.end, a.attendees, tuple(a.equipment)), room, user.unit_id, time.time())
    wanted = expand(draft.start, draft.end, a.rule, tuple(a.exdates))
    invitees = _known_people(session, a.invitees)
    if session.get(RoomBookingModel, a.id) is not None:
        raise RuleViolation("booking.duplicate_id", "已有相同编号的预订，本次预订未执行。")
    changelog.lock_writers(session)  # one decision at a time, in arrival order, on every database
    booking = RoomBookingModel(
        id=a.id, room_id=room.id, organiser_id=user.id, title=draft.title, attendees=draft.attendees, equipment=list(draft.equipment), rule=a.rule, requested_at=time.time(), version=1
    )
    session.add(booking)
    slots = _decide(session, room, booking, draft, wanted, user.name)
    _record(session, room, booking, slots, user.name)
    declined = [{"start": s.start_ts, "reason": s.reason, "alternatives": s.alternatives} for s in slots if s.status == DECLINED]
    if len(declined) < len(slots):
        _invite(session, booking, found, user.name, invitees)
    awaiting = sum(s.status == AWAITING for s in slots)
    return {"booking_id": booking.id, "confirmed": len(slots) - len(declined) - awaiting, "awaiting": awaiting, "declined": declined}


def _decide(session: Session, room: Room, booking: RoomBookingModel, draft: BookingDraft, wanted: list[tuple[int, int]], organiser_name: str) -> list[RoomSlotModel]:
    """Each occurrence in order: held where the room is free (confirmed, or awaiting 审批),
    else declined with what holds it and three alternatives free at this moment."""
    held = _holding(session, [room.id], wanted[0][0], wanted[-1][1]).get(room.id, [])
    slots = []
    for n, (start, end) in enumerate(wanted):
        free = AWAITING if room.needs_approval else CONFIRMED
        slot = RoomSlotModel(id=f"{booking.id}:{n}", booking_id=booking.id, room_id=room.id, start_ts=start, end_ts=end, status=free, reason="", alternatives=[])
        taken_by = first_collision(Slot(start, end), held)
        if taken_by is None:
            held.append(Busy(start, end, draft.title, organiser_name))
        else:
            slot.status, slot.reason = DECLINED, occupied_reason(room.name, Slot(start, end), taken_by)
            slot.alternatives = [_alternative_data(x) for x in _alternatives(session, room, Slot(start, end), draft)]
        session.add(slot)
        session.flush()  # the next occurrence's alternatives must see this one's room taken
        slots.append(slot)
    return slots


def cancel(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """The organiser cancels the whole booking or some of its occurrences; the room is free again."""
    a = CancelArgs.model_validate(args)
    booking = session.get(RoomBookingModel, a.id)
    if booking is None or booking.organiser_id != user.id:
        raise RuleViolation("booking.not_yours", "只有预订人可以修改或取消该预订。")
    slots = list(session.scalars(select(RoomSlotModel).where(RoomSlotModel.booking_id == booking.id).order_by(RoomSlotModel.start_ts)))
    chosen = [s for s in slots if s.status != CANCELLED and (not a.starts or s.start_ts in a.starts)]
    for slot in chosen:
        slot.status = CANCELLED
    booking.cancelled = all(s.status not in HOLDING for s in slots)
    booking.version += 1
    room = session.get(RoomModel, booking.room_id)
    _record(session, room, booking, chosen, user.name)
    for invitation in session.scalars(select(InvitationModel).where(InvitationModel.booking_id == booking.id)):
        _send_invitation(session, booking, room, user.name, invitation)
    return {"booking_id": booking.id, "cancelled": len(chosen)}


def move(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """The organiser moves one held occurrence to another time in the same room. Where the new
    time is taken the move is refused, naming what holds it and what is free, and the old time
    stays booked."""
    a = MoveArgs.model_validate(args)
    booking = session.get(RoomBookingModel, a.id)
    if booking is None or booking.organiser_id != user.id:
        raise RuleViolation("booking.not_yours", "只有预订人可以修改或取消该预订。")
    slot = session.scalar(select(RoomSlotModel).where(RoomSlotModel.booking_id == booking.id, RoomSlotModel.start_ts == a.from_start, RoomSlotModel.status.in_(HOLDING)))
    if slot is None:
        raise RuleViolation("booking.occurrence_unknown", "要调整的这次会议不存在，或已取消。")
    found = session.get(RoomModel, booking.room_id)
    room = _room(found)
    draft = validate_draft(BookingDraft(room.id, booking.title, a.start, a.end, booking.attendees, tuple(booking.equipment)), room, user.unit_id, time.time())
    changelog.lock_writers(session)  # decided in arrival order, like a request
    wanted = Slot(draft.start, draft.end)
    taken_by = first_collision(wanted, _holding(session, [room.id], wanted.start, wanted.end, except_slot=slot.id).get(room.id, []))
    if taken_by is not None:
        offered = "、".join(f"{x.room_name} {local(x.start):%m-%d %H:%M}" for x in _alternatives(session, room, wanted, draft))
        raise RuleViolation("booking.move_taken", f"{occupied_reason(room.name, wanted, taken_by)}原时间保留。空闲可选：{offered or '无'}。")
    slot.start_ts, slot.end_ts = wanted.start, wanted.end
    slot.status = AWAITING if room.needs_approval else CONFIRMED  # a new time needs 审批 again
    booking.version += 1
    _record(session, found, booking, [slot], user.name)
    for invitation in session.scalars(select(InvitationModel).where(InvitationModel.booking_id == booking.id)):
        _send_invitation(session, booking, found, user.name, invitation)
    return {"booking_id": booking.id, "start": slot.start_ts, "end": slot.end_ts, "status": slot.status}


def approve(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """审批: the room manager of the room's unit confirms the awaiting occurrences or declines
    them with the reason; the invitees see the outcome."""
    a = ApproveArgs.model_validate(args)
    booking = session.get(RoomBookingModel, a.id)
    room = session.get(RoomModel, booking.room_id) if booking else None
    if room is None or room.unit_id != user.unit_id:
        authz.require(session, user, ROOM_MANAGE)  # no room to name: only a manager learns it is unknown
        raise RuleViolation("booking.unknown", "该预订不存在，或不是本单位的会议室。")
    authz.require(session, user, ROOM_MANAGE, (room.id, room.building))
    if not a.approve and not a.reason.strip():
        raise RuleViolation("booking.reason_missing", "不同意预订时，请写明原因。")
    awaiting = list(session.scalars(select(RoomSlotModel).where(RoomSlotModel.booking_id == booking.id, RoomSlotModel.status == AWAITING)))
    if not awaiting:
        raise RuleViolation("booking.nothing_awaiting", "该预订没有等待审批的场次。")
    for slot in awaiting:
        slot.status, slot.reason = (CONFIRMED, "") if a.approve else (DECLINED, f"会议室管理员未同意：{a.reason.strip()}")
    booking.version += 1
    organiser = session.get(PersonModel, booking.organiser_id)
    _record(session, room, booking, awaiting, organiser.name)
    for invitation in session.scalars(select(InvitationModel).where(InvitationModel.booking_id == booking.id)):
        _send_invitation(session, booking, room, organiser.name, invitation)
    return {"booking_id": booking.id, "approved": a.approve, "occurrences": len(awaiting)}


def answer(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """An invitee accepts or declines; the organiser sees the answer."""
    a = AnswerArgs.model_validate(args)
    invitation = session.get(InvitationModel, (a.id, user.id))
    if invitation is None:
        raise RuleViolation("booking.not_invited", "您不在该会议的参会人员中。")
    booking = session.get(RoomBookingModel, a.id)
    invitation.answer = a.answer
    organiser = session.get(PersonModel, booking.organiser_id)
    _send_invitation(session, booking, session.get(RoomModel, booking.room_id), organiser.name, invitation)
    reply = {"booking_id": booking.id, "person_id": user.id, "person_name": user.name, "answer": a.answer}
    changelog.record(session, user_scope(booking.organiser_id), "booking_answer", f"{booking.id}:{user.id}", booking.version, reply)
    return {"booking_id": booking.id, "answer": a.answer}


def add_rooms(session: Session, rooms: list[RoomModel]) -> None:
    """Create rooms (set-up and demo data) and send each to its unit's resource scope."""
    session.add_all(rooms)
    by_unit: dict[str, list[EntityChange]] = {}
    for r in rooms:
        by_unit.setdefault(r.unit_id, []).append(EntityChange("room", r.id, 1, _room_data(r)))
    for unit_id, changes in by_unit.items():
        changelog.record_many(session, resource_scope(unit_id), changes)


def _invite(session: Session, booking: RoomBookingModel, room: RoomModel, organiser_name: str, invitees: list[str]) -> None:
    """会议通知 to each invitee (in their 待办) for a booking holding its room at least once."""
    for person_id in invitees:
        invitation = InvitationModel(booking_id=booking.id, person_id=person_id, answer="")
        session.add(invitation)
        _send_invitation(session, booking, room, organiser_name, invitation)


def _known_people(session: Session, invitees: list[str]) -> list[str]:
    found = set(session.scalars(select(PersonModel.id).where(PersonModel.id.in_(invitees))))
    unknown = [p for p in invitees if p not in found]
    if unknown:
        raise RuleViolation("booking.invitee_unknown", f"参会人员中有 {len(unknown)} 人不在通讯录中，本次预订未执行。")
    return list(dict.fromkeys(invitees))


def _send_invitation(session: Session, booking: RoomBookingModel, room: RoomModel, organiser_name: str, invitation: InvitationModel) -> None:
    held = session.execute(
        select(RoomSlotModel.start_ts, RoomSlotModel.end_ts).where(RoomSlotModel.booking_id == booking.id, RoomSlotModel.status.in_(HOLDING)).order_by(RoomSlotModel.start_ts)
    ).all()
    data = {
        "booking_id": booking.id,
        "title": booking.title,
        "room_name": room.name,
        "location": f"{room.building}{room.location}",
        "organiser_name": organiser_name,
        "occurrences": [[s, e] for s, e in held],
        "cancelled": not held,
        "answer": invitation.answer,
    }
    changelog.record(session, user_scope(invitation.person_id), "invitation", booking.id, booking.version, data)


def _room_data(r: RoomModel) -> dict[str, Any]:
    return {"unit_id": r.unit_id, "name": r.name, "building": r.building, "location": r.location, "capacity": r.capacity, "needs_approval": r.needs_approval, "equipment": list(r.equipment)}


def _room(r: RoomModel) -> Room:
    return Room(r.id, r.unit_id, r.name, r.capacity, r.needs_approval, tuple(r.equipment))


def _alternatives(session: Session, room: Room, want: Slot, draft: BookingDraft) -> list[Alternative]:
    rooms = [_room(r) for r in session.scalars(select(RoomModel).where(RoomModel.unit_id == room.unit_id))]
    window = working_day(want.start)
    busy = _holding(session, [r.id for r in rooms], window.start, window.end + SEARCH_DAYS * 86400)
    return alternatives(want, room, rooms, busy, draft.attendees, after=int(time.time()), needs=draft.equipment)


def _holding(session: Session, room_ids: list[str], start: int, end: int, except_slot: str = "") -> dict[str, list[Busy]]:
    """Occurrences holding these rooms (confirmed or awaiting approval) that overlap [start, end),
    with what holds them; `except_slot` is an occurrence being moved, which does not count."""
    rows = session.execute(
        select(RoomSlotModel.room_id, RoomSlotModel.start_ts, RoomSlotModel.end_ts, RoomBookingModel.title, PersonModel.name)
        .join(RoomBookingModel, RoomBookingModel.id == RoomSlotModel.booking_id)
        .join(PersonModel, PersonModel.id == RoomBookingModel.organiser_id)
        .where(RoomSlotModel.room_id.in_(room_ids), RoomSlotModel.status.in_(HOLDING), RoomSlotModel.start_ts < end, RoomSlotModel.end_ts > start, RoomSlotModel.id != except_slot)
    )
    found: dict[str, list[Busy]] = {}
    for room_id, s, e, title, organiser in rows:
        found.setdefault(room_id, []).append(Busy(s, e, title, organiser))
    return found


def _alternative_data(x: Alternative) -> dict[str, Any]:
    return {"room_id": x.room_id, "room_name": x.room_name, "start": x.start, "end": x.end}


def _record(session: Session, room: RoomModel, booking: RoomBookingModel, slots: list[RoomSlotModel], organiser_name: str) -> None:
    head = {
        "room_id": booking.room_id,
        "title": booking.title,
        "organiser_id": booking.organiser_id,
        "organiser_name": organiser_name,
        "attendees": booking.attendees,
        "equipment": list(booking.equipment),
        "rule": booking.rule,
        "requested_at": booking.requested_at,
        "cancelled": booking.cancelled,
    }
    changes = [EntityChange("room_booking", booking.id, booking.version, head)]
    changes += [EntityChange("room_slot", s.id, booking.version, _slot_data(s, booking, organiser_name)) for s in slots]
    changelog.record_many(session, resource_scope(room.unit_id), changes)


def _slot_data(s: RoomSlotModel, booking: RoomBookingModel, organiser_name: str) -> dict[str, Any]:
    return {
        "booking_id": s.booking_id,
        "room_id": s.room_id,
        "start": s.start_ts,
        "end": s.end_ts,
        "status": s.status,
        "reason": s.reason,
        "alternatives": list(s.alternatives),
        "title": booking.title,
        "organiser_id": booking.organiser_id,
        "organiser_name": organiser_name,
    }


OPS = {"booking.request": request, "booking.cancel": cancel, "booking.move": move, "booking.approve": approve, "booking.answer": answer}
