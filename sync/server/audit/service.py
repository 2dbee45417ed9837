"""Write and read the audit log. Events: login.ok, login.failed, token.refresh, token.reuse, token.refused,
session.lock, session.unlock, logout, cert.revoked, single sign-on's oidc.authorize, oidc.refused,
oidc.code_reuse, 交换包's bundle.import, bundle.refused, bundle.export (detail names the file
hash), document.open (a 秘密 or 机密 公文 shown; detail names it and its 密级), and person.clearance
(a person's 密级 clearance set; detail names them, the old and the new level). Never a PIN, a nonce or a token."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.audit.models import AuditEventModel

EVENTS = (
    "login.ok", "login.failed", "token.refresh", "token.reuse", "token.refused", "session.lock", "session.unlock", "logout", "cert.revoked",
    "oidc.authorize", "oidc.refused", "oidc.code_reuse", "bundle.import", "bundle.refused", "bundle.export", "bundle.relay", "document.open",
    "person.clearance",
)  # fmt: skip


@dataclass(frozen=True)
class Actor:
    """Who an event is about, as far as it is known."""

    address: str
    person_id: str | None = None
    device_id: str | None = None
    cert_sha256: str | None = None


def record(session: Session, at: float, event: str, actor: Actor, detail: str = "") -> None:
    assert event in EVENTS, event
    session.add(AuditEventModel(at=at, event=event, person_id=actor.person_id, device_id=actor.device_id, cert_sha256=actor.cert_sha256, address=actor.address, detail=detail))


def recent(session: Session, limit: int, prefix: str = "") -> list[AuditEventModel]:
    query = select(AuditEventModel).order_by(AuditEventModel.id.desc()).limit(limit)
    if prefix:
        query = query.where(AuditEventModel.event.startswith(prefix))
    return list(session.scalars(query))
