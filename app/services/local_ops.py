"""What each op does to the local mirror. Used when the user acts and again after every pull,
so pending changes stay visible on top of the server's rows (rebase)."""

from collections.abc import Callable

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from app.domain.bookings import AWAITING, CANCELLED, CONFIRMED, DECLINED, PENDING
from app.domain.recurrence import expand
from app.domain.errors import RuleViolation
from app.domain.vehicles import APPROVED, DISPATCHED, OUT, REFUSED, REQUESTED, RETURNED
from app.services import document_ops
from app.services import file_local_ops
from app.services.account import User
from app.services.pending_change import show_change
from app.store import outbox
from app.store.models import BookingRow, BookingSlotRow, InvitationRow, NoticeReadRow, NoticeRow, VehicleRequestRow

LocalEffect = Callable[[Session, User, dict, float], None]


def _publish_notice(s: Session, user: User, args: dict, at: float) -> None:
    if s.get(NoticeRow, args["id"]) is not None:
        return
    s.add(
        NoticeRow(
            id=args["id"],
            title=args["title"],
            body=args["body"],
            audience=args["audience"],
            publisher_id=user.id,
            publisher_name=user.name,
            publisher_unit_id=user.unit_id,
            published_at=at,
            read_at=at,
            pending=True,
            version=0,
            attachments=list(args.get("attachments", [])),
        )
    )


def _read_notice(s: Session, user: User, args: dict, at: float) -> None:
    receipt_id = f"{args['notice_id']}:{user.id}"
    if s.get(NoticeReadRow, receipt_id) is None:
        s.add(NoticeReadRow(id=receipt_id, notice_id=args["notice_id"], reader_id=user.id, reader_name=user.name, read_at=at, pending=True, version=0))
    s.execute(update(NoticeRow).where(NoticeRow.id == args["notice_id"], NoticeRow.read_at.is_(None)).values(read_at=at))


def _edit_notice(s: Session, _user: User, args: dict, _at: float) -> None:
    notice = s.get(NoticeRow, args["id"])
    if notice is None:
        return
    if notice.server_values is None and not notice.pending:
        notice.server_values = {k: getattr(notice, k) for k in EDITABLE}
    for name, value in args["changes"].items():
        setattr(notice, name, value)


def _request_booking(s: Session, user: User, args: dict, at: float) -> None:
    if s.get(BookingRow, args["id"]) is not None:
        return
    fields = {"room_id": args["room_id"], "title": args["title"], "organiser_id": user.id, "organiser_name": user.name}
    s.add(BookingRow(id=args["id"], attendees=args["attendees"], rule=args.get("rule", ""), requested_at=at, cancelled=False, pending=True, version=0, **fields))
    occurrences = expand(args["start"], args["end"], args.get("rule", ""), tuple(args.get("exdates", ())))
    for n, (start, end) in enumerate(occurrences):
        s.add(BookingSlotRow(id=f"{args['id']}:{n}", booking_id=args["id"], start=start, end=end, status=PENDING, reason="", alternatives=[], pending=True, version=0, **fields))


def _cancel_booking(s: Session, _user: User, args: dict, _at: float) -> None:
    starts = set(args.get("starts", ()))
    for slot in s.scalars(select(BookingSlotRow).where(BookingSlotRow.booking_id == args["id"], BookingSlotRow.status != CANCELLED)):
        if not starts or slot.start in starts:
            show_change(slot, status=CANCELLED)


def _move_booking(s: Session, _user: User, args: dict, _at: float) -> None:
    slot = s.scalar(select(BookingSlotRow).where(BookingSlotRow.booking_id == args["id"], BookingSlotRow.start == args["from_start"]))
    if slot is not None:
        show_change(slot, start=args["start"], end=args["end"])


def _approve_booking(s: Session, _user: User, args: dict, _at: float) -> None:
    for slot in s.scalars(select(BookingSlotRow).where(BookingSlotRow.booking_id == args["id"], BookingSlotRow.status == AWAITING)):
        show_change(slot, status=CONFIRMED if args["approve"] else DECLINED)


def _answer_invitation(s: Session, _user: User, args: dict, _at: float) -> None:
    invitation = s.get(InvitationRow, args["id"])
    if invitation is None:
        return
    if invitation.server_answer is None:
        invitation.server_answer = invitation.answer
    invitation.answer = args["answer"]


def _request_vehicle(s: Session, user: User, args: dict, _at: float) -> None:
    if s.get(VehicleRequestRow, args["id"]) is not None:
        return
    keys = ("purpose", "passengers", "origin", "destination", "start", "end")
    s.add(VehicleRequestRow(id=args["id"], requester_id=user.id, requester_name=user.name, department_id=user.department_id, status=REQUESTED, reason="", pending=True, version=0, **{k: args[k] for k in keys}))


def _vehicle_step(fields: Callable[[dict], dict]) -> LocalEffect:
    """A step on a request (审批, 派车, 出车, 回车): shown at once, the server's values kept for rebase."""

    def effect(s: Session, _user: User, args: dict, _at: float) -> None:
        row = s.get(VehicleRequestRow, args["id"])
        if row is None:
            return
        show_change(row, **fields(args))

    return effect


def _shown_after_sync(_s: Session, _user: User, _args: dict, _at: float) -> None:
    """统一授权 changes show once the server applied them: a refused grant must never look given."""


EDITABLE = ("title", "body", "audience")
EFFECTS: dict[str, LocalEffect] = {
    "notice.publish": _publish_notice,
    "notice.read": _read_notice,
    "notice.edit": _edit_notice,
    "booking.request": _request_booking,
    "booking.cancel": _cancel_booking,
    "booking.answer": _answer_invitation,
    "booking.approve": _approve_booking,
    "booking.move": _move_booking,
    "vehicle.request": _request_vehicle,
    "vehicle.approve": _vehicle_step(lambda a: {"status": APPROVED}),
    "vehicle.refuse": _vehicle_step(lambda a: {"status": REFUSED, "reason": a["reason"]}),
    "vehicle.dispatch": _vehicle_step(lambda a: {"status": DISPATCHED, "vehicle_id": a["vehicle_id"], "driver_id": a["driver_id"]}),
    "vehicle.depart": _vehicle_step(lambda a: {"status": OUT, "depart_km": a["km"]}),
    "vehicle.return": _vehicle_step(lambda a: {"status": RETURNED, "return_km": a["km"]}),
    **document_ops.EFFECTS,
    **file_local_ops.EFFECTS,
    **{name: _shown_after_sync for name in ("authz.create_role", "authz.grant", "authz.revoke", "authz.assign", "authz.unassign", "authz.set_clearance")},
}


def apply(session: Session, user: User, name: str, args: dict, at: float) -> None:
    EFFECTS[name](session, user, args, at)


def rebase(session: Session, user: User) -> None:
    """Drop every local-only effect, then replay the ops not yet seen in a pull, over the server's rows."""
    session.execute(delete(NoticeRow).where(NoticeRow.pending.is_(True)))
    for edited in session.scalars(select(NoticeRow).where(NoticeRow.server_values.is_not(None))):
        for name, value in edited.server_values.items():
            setattr(edited, name, value)
        edited.server_values = None
    session.execute(delete(BookingRow).where(BookingRow.pending.is_(True)))
    session.execute(delete(BookingSlotRow).where(BookingSlotRow.pending.is_(True)))
    for changed in session.scalars(select(BookingSlotRow).where(BookingSlotRow.server_values.is_not(None))):
        for name, value in changed.server_values.items():
            setattr(changed, name, value)
        changed.server_values = None
    session.execute(
        update(InvitationRow).where(InvitationRow.server_answer.is_not(None)).values(answer=InvitationRow.server_answer, server_answer=None).execution_options(synchronize_session=False)
    )
    session.execute(delete(VehicleRequestRow).where(VehicleRequestRow.pending.is_(True)))
    for stepped in session.scalars(select(VehicleRequestRow).where(VehicleRequestRow.server_values.is_not(None))):
        for name, value in stepped.server_values.items():
            setattr(stepped, name, value)
        stepped.server_values = None
    document_ops.rebase(session)
    file_local_ops.undo(session)
    session.flush()
    session.execute(delete(NoticeReadRow).where(NoticeReadRow.pending.is_(True)))
    own_receipt = exists().where(NoticeReadRow.notice_id == NoticeRow.id, NoticeReadRow.reader_id == user.id)
    session.execute(
        update(NoticeRow)
        .where(NoticeRow.read_at.is_not(None), NoticeRow.publisher_id != user.id, ~own_receipt)
        .values(read_at=None)
        .execution_options(synchronize_session=False)
    )
    for op in outbox.replay_rows(session):
        try:
            apply(session, user, op.name, dict(op.args), op.created_at)
        except RuleViolation:
            pass  # a 公文 action the server has overtaken: its refusal is on the way and shows then
