"""What each op does to the local mirror. Used when the user acts and again after every pull,
so pending changes stay visible on top of the server's rows (rebase)."""

from collections.abc import Callable

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from app.services.account import User
from app.store import outbox
from app.store.models import NoticeReadRow, NoticeRow

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


EDITABLE = ("title", "body", "audience")
EFFECTS: dict[str, LocalEffect] = {
    "notice.publish": _publish_notice,
    "notice.read": _read_notice,
    "notice.edit": _edit_notice,
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
        apply(session, user, op.name, dict(op.args), op.created_at)
