"""通知公告: publish and edit a notice, read it (sending a read receipt), see who has read one's own,
see the conflict copies (冲突副本) of one's edits that lost against a change made meanwhile."""

import json
import time
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import RuleViolation
from app.domain.notices import AUDIENCE_ALL, NoticeDraft, check_may_publish, validate_draft
from app.services import local_ops
from app.services.account import User
from app.store import meta, outbox
from app.store.cache import Cache
from app.store.models import ConflictRow, NoticeReadRow, NoticeRow, UnitRow

DISMISSED_CONFLICTS_KEY = "dismissed_conflicts"  # meta: JSON list of conflict copy ids


@dataclass(frozen=True)
class NoticeSummary:
    id: str
    title: str
    publisher_name: str
    audience: str  # AUDIENCE_ALL or a unit id
    audience_name: str  # the unit's name; empty for AUDIENCE_ALL, which the UI names in its language
    published_at: float
    read: bool
    pending: bool
    mine: bool


@dataclass(frozen=True)
class NoticeDetail:
    summary: NoticeSummary
    body: str


@dataclass(frozen=True)
class ConflictField:
    """One field both sides changed: what the notice holds now (the server's value won) and what
    one's own edit had (for audience, AUDIENCE_ALL or a unit id)."""

    name: str  # title, body or audience
    current: str
    mine: str


@dataclass(frozen=True)
class ConflictCopy:
    """A conflict copy (冲突副本) of one's edit of a notice, beside the notice as it is now."""

    id: str
    notice_id: str
    title: str
    at: float
    fields: list[ConflictField]


@dataclass(frozen=True)
class Reader:
    name: str
    read_at: float
    pending: bool


class NoticeService:
    def __init__(self, cache: Cache, user: User) -> None:
        self._cache = cache
        self._user = user

    def publish(self, draft: NoticeDraft, attachments: list[dict] | None = None) -> str:
        """Publish now (locally at once, to the server when online). Raises RuleViolation.
        `attachments`: [{name, sha256, size}] of files already added to the local blob store;
        the sync engine uploads them before the op."""
        draft = validate_draft(draft)
        check_may_publish(self._user.unit_id, set(self._user.roles), draft.audience)
        notice_id = uuid.uuid4().hex
        args = {"id": notice_id, "title": draft.title, "body": draft.body, "audience": draft.audience}
        if attachments:
            args["attachments"] = [dict(a) for a in attachments]
        self._act("notice.publish", args)
        return notice_id

    def edit(self, notice_id: str, changes: dict[str, str]) -> None:
        """The publisher changes title, body or audience (offline too); the server merges per
        field and keeps a conflict copy of what lost. Raises RuleViolation."""
        with self._cache.session() as s:
            notice = s.get(NoticeRow, notice_id)
            if notice is None or notice.publisher_id != self._user.id:
                raise RuleViolation("notice.not_yours", "只有通知的发布人可以修改该通知。")
            current = {"title": notice.title, "body": notice.body, "audience": notice.audience}
            version = notice.version
        merged = validate_draft(NoticeDraft(**{**current, **changes}))
        if merged.audience != current["audience"]:
            check_may_publish(self._user.unit_id, set(self._user.roles), merged.audience)
        changed = {k: v for k, v in {"title": merged.title, "body": merged.body, "audience": merged.audience}.items() if v != current[k]}
        if changed:
            self._act("notice.edit", {"id": notice_id, "base": {k: current[k] for k in changed}, "changes": changed}, version)

    def conflicts(self) -> list[ConflictRow]:
        """Conflict copies of one's own edits, newest first."""
        with self._cache.session() as s:
            return list(s.scalars(select(ConflictRow).order_by(ConflictRow.at.desc())))

    def conflicts_to_show(self) -> list[ConflictCopy]:
        """Conflict copies of notices not yet dismissed on this computer, newest first, each field
        beside the notice's current value (the notice may have changed again since)."""
        with self._cache.session() as s:
            dismissed = set(json.loads(meta.get(s, DISMISSED_CONFLICTS_KEY, "[]")))
            rows = s.scalars(select(ConflictRow).where(ConflictRow.entity == "notice").order_by(ConflictRow.at.desc()))
            return [_copy(s, c) for c in rows if c.id not in dismissed]

    def dismiss_conflict(self, copy_id: str) -> None:
        """Stop showing a conflict copy here (it stays in the copies of one's account)."""
        with self._cache.sessions.begin() as s:
            dismissed = json.loads(meta.get(s, DISMISSED_CONFLICTS_KEY, "[]"))
            known = set(s.scalars(select(ConflictRow.id)))
            meta.put(s, DISMISSED_CONFLICTS_KEY, json.dumps(sorted({copy_id, *dismissed} & known)))

    def mark_read(self, notice_id: str) -> None:
        with self._cache.session() as s:
            notice = s.get(NoticeRow, notice_id)
            if notice is None or notice.read_at is not None:
                return
        self._act("notice.read", {"notice_id": notice_id})

    def notices(self, unread_only: bool = False, limit: int | None = None) -> list[NoticeSummary]:
        """The latest first; `limit` of them (the 门户 shows a few), or all."""
        with self._cache.session() as s:
            query = select(NoticeRow).order_by(NoticeRow.published_at.desc()).limit(limit)
            if unread_only:
                query = query.where(NoticeRow.read_at.is_(None))
            units, sent = _unit_names(s), _sent(s)
            return [self._summary(n, units, sent) for n in s.scalars(query)]

    def unread_count(self) -> int:
        with self._cache.session() as s:
            return s.scalar(select(func.count()).select_from(NoticeRow).where(NoticeRow.read_at.is_(None))) or 0

    def detail(self, notice_id: str) -> NoticeDetail | None:
        with self._cache.session() as s:
            notice = s.get(NoticeRow, notice_id)
            return NoticeDetail(self._summary(notice, _unit_names(s), _sent(s)), notice.body) if notice else None

    def readers(self, notice_id: str) -> list[Reader]:
        """Who has read a notice (the publisher sees this for their own notices)."""
        with self._cache.session() as s:
            rows = s.scalars(select(NoticeReadRow).where(NoticeReadRow.notice_id == notice_id).order_by(NoticeReadRow.read_at))
            return [Reader(r.reader_name, r.read_at, r.pending) for r in rows]

    def unit_name(self, unit_id: str) -> str:
        with self._cache.session() as s:
            return _unit_names(s).get(unit_id, unit_id)

    def audiences(self) -> list[tuple[str, str]]:
        """(audience id, unit name) choices this user may publish to, own unit first; the
        AUDIENCE_ALL choice has an empty name for the UI to label."""
        with self._cache.session() as s:
            units = _unit_names(s)
        own = [(self._user.unit_id, units.get(self._user.unit_id, self._user.unit_name))]
        try:
            check_may_publish(self._user.unit_id, set(self._user.roles), AUDIENCE_ALL)
        except RuleViolation:
            return own
        others = [(uid, name) for uid, name in units.items() if uid != self._user.unit_id]
        return own + [(AUDIENCE_ALL, "")] + others

    def _act(self, name: str, args: dict, base_version: int = 0) -> None:
        with self._cache.sessions.begin() as s:
            local_ops.apply(s, self._user, name, args, time.time())
            outbox.append(s, name, args, base_version)

    def _summary(self, n: NoticeRow, units: dict[str, str], sent: set[str]) -> NoticeSummary:
        audience_name = "" if n.audience == AUDIENCE_ALL else units.get(n.audience, n.audience)
        waiting = n.pending and n.id not in sent
        return NoticeSummary(n.id, n.title, n.publisher_name, n.audience, audience_name, n.published_at, n.read_at is not None, waiting, n.publisher_id == self._user.id)


def _copy(s: Session, c: ConflictRow) -> ConflictCopy:
    notice = s.get(NoticeRow, c.entity_id)
    now = {k: getattr(notice, k) for k in c.fields} if notice is not None else {k: v["server"] for k, v in c.fields.items()}
    fields = [ConflictField(k, str(now[k]), str(c.fields[k]["mine"])) for k in local_ops.EDITABLE if k in c.fields]
    return ConflictCopy(c.id, c.entity_id, notice.title if notice is not None else c.title, c.at, fields)


def _sent(s: Session) -> set[str]:
    """Notices the server applied whose row no pull has brought yet (the pull after the push
    failed): still local rows, but no longer 待发送."""
    return {args["id"] for args in outbox.applied_args(s, "notice.publish")}


def _unit_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(UnitRow.id, UnitRow.name).order_by(UnitRow.sort_order)).all())
