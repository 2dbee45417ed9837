"""The op handlers "notice.publish" and "notice.read": re-check the rules, store, log the change."""

import time
from typing import Any

from sqlalchemy.orm import Session

from app.domain.errors import RuleViolation
from app.domain.merge import merge_fields
from app.domain.notices import AUDIENCE_ALL, NoticeDraft, check_may_publish, is_addressed_to, validate_draft
from app.domain.scopes import notice_scope, user_scope
from sync.server.auth.service import CurrentUser
from sync.server.changelog.service import record
from sync.server.database import dialect_insert
from sync.server.directory import service as directory
from sync.server.notices.models import NoticeModel, NoticeReadModel
from sync.server.notices.schemas import EditArgs, PublishArgs, ReadArgs

VERSION = 1


def publish(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """Publish a notice to one unit or to everyone (AUDIENCE_ALL)."""
    a = PublishArgs.model_validate(args)
    draft = validate_draft(NoticeDraft(title=a.title, body=a.body, audience=a.audience))
    check_may_publish(user.unit_id, set(user.roles), draft.audience)
    if draft.audience != AUDIENCE_ALL and not directory.unit_exists(session, draft.audience):
        raise RuleViolation("notice.audience_unknown", "发布范围中的单位不存在。")
    now = time.time()
    attachments = [x.model_dump() for x in a.attachments]
    row = {"id": a.id, "title": draft.title, "body": draft.body, "audience": draft.audience, "publisher_id": user.id, "publisher_unit_id": user.unit_id, "published_at": now, "version": VERSION, "attachments": attachments}
    notices = NoticeModel.__table__  # Core, not the ORM's bulk path: this runs once per op of a push
    if session.connection().execute(dialect_insert(session)(notices).on_conflict_do_nothing().returning(notices.c.id), row).first() is None:
        raise RuleViolation("notice.duplicate_id", "已有相同编号的通知，本次发布未执行。")
    data = {
        "title": draft.title,
        "body": draft.body,
        "audience": draft.audience,
        "publisher_id": user.id,
        "publisher_name": user.name,
        "publisher_unit_id": user.unit_id,
        "published_at": now,
        "attachments": attachments,
    }
    record(session, notice_scope(draft.audience), "notice", a.id, VERSION, data)
    return {"notice_id": a.id, "published_at": now}


def read(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """Mark a notice read and send the receipt to the reader and the publisher. Reading twice
    keeps the first receipt."""
    a = ReadArgs.model_validate(args)
    notice = session.get(NoticeModel, a.notice_id)
    if notice is None or not (is_addressed_to(notice.audience, user.unit_id) or notice.publisher_id == user.id):
        raise RuleViolation("notice.not_found", "该通知不存在，或不在您的接收范围内。")
    receipt = session.get(NoticeReadModel, (notice.id, user.id))
    if receipt is not None:
        return {"notice_id": notice.id, "read_at": receipt.read_at}
    now = time.time()
    session.add(NoticeReadModel(notice_id=notice.id, reader_id=user.id, read_at=now))
    data = {"notice_id": notice.id, "reader_id": user.id, "reader_name": user.name, "read_at": now}
    for scope in dict.fromkeys((user_scope(user.id), user_scope(notice.publisher_id))):
        record(session, scope, "notice_read", f"{notice.id}:{user.id}", VERSION, data)
    return {"notice_id": notice.id, "read_at": now}


def edit(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """The publisher edits title, body or audience, merged per field against what they saw;
    a field changed meanwhile on the server keeps the server's value and the edit is kept as a
    conflict copy in the publisher's own scope (they see it with both values)."""
    a = EditArgs.model_validate(args)
    notice = session.get(NoticeModel, a.id)
    if notice is None or notice.publisher_id != user.id:
        raise RuleViolation("notice.not_yours", "只有通知的发布人可以修改该通知。")
    current = {"title": notice.title, "body": notice.body, "audience": notice.audience}
    result = merge_fields(a.base, current, a.changes)
    draft = validate_draft(NoticeDraft(**result.merged))
    if draft.audience != notice.audience:
        check_may_publish(user.unit_id, set(user.roles), draft.audience)
        if draft.audience != AUDIENCE_ALL and not directory.unit_exists(session, draft.audience):
            raise RuleViolation("notice.audience_unknown", "发布范围中的单位不存在。")
        record(session, notice_scope(notice.audience), "notice", notice.id, notice.version + 1, {}, deleted=True)
    notice.title, notice.body, notice.audience, notice.version = draft.title, draft.body, draft.audience, notice.version + 1
    record(session, notice_scope(notice.audience), "notice", notice.id, notice.version, _data(notice, user.name))
    if result.conflicts:
        copy = {"entity": "notice", "entity_id": notice.id, "title": notice.title, "fields": {k: {"server": c.server, "mine": c.mine} for k, c in result.conflicts.items()}, "at": time.time()}
        record(session, user_scope(user.id), "conflict", f"notice:{notice.id}:{notice.version}", 1, copy)
    return {"notice_id": notice.id, "version": notice.version, "conflicts": sorted(result.conflicts)}


def _data(notice: NoticeModel, publisher_name: str) -> dict[str, Any]:
    return {
        "title": notice.title,
        "body": notice.body,
        "audience": notice.audience,
        "publisher_id": notice.publisher_id,
        "publisher_name": publisher_name,
        "publisher_unit_id": notice.publisher_unit_id,
        "published_at": notice.published_at,
        "attachments": list(notice.attachments or []),
    }


OPS = {"notice.publish": publish, "notice.read": read, "notice.edit": edit}
