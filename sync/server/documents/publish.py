"""Send 公文 rows to the people who may see them, each in their own scope (user:{id}): a document
reaches only the people its route or 收文 handling names, so a 密级 ceiling holds per person."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.documents.clearance import CLERK_ROLE, within
from app.domain.documents.route import route_from_json, route_to_json
from app.domain.documents.route_visibility import redacted, visible_steps
from app.domain.scopes import user_scope
from sync.server.changelog import service as changelog
from sync.server.changelog.service import EntityChange, record_many
from sync.server.directory.models import PersonModel
from sync.server.documents.models import DocumentBodyModel, DocumentModel, IncomingModel, ReminderModel

BODY_VERSION = 1


def clerks(session: Session, unit_id: str) -> list[PersonModel]:
    """The unit's 收发员 (who 签收 and 登记)."""
    people = session.scalars(select(PersonModel).where(PersonModel.unit_id == unit_id))
    return [p for p in people if CLERK_ROLE in p.roles]


def document(session: Session, doc: DocumentModel, people: Iterable[str], todo: Iterable[str]) -> None:
    """The document to its people; those of other units (联合发文) get the route as it shows to them."""
    route = route_from_json(doc.route)
    by_unit: dict[str, list[str]] = {}
    for person_id, unit_id in session.execute(select(PersonModel.id, PersonModel.unit_id).where(PersonModel.id.in_(set(people)))).all():
        by_unit.setdefault(unit_id, []).append(person_id)
    waiting = set(todo)
    for unit_id, members in by_unit.items():
        shown = {s.step_id for s in visible_steps(route, unit_id)}
        signatures = [x for x in doc.signatures if x["step_id"] in shown]
        _document(session, doc, route_to_json(redacted(route, unit_id)), signatures, members, waiting & set(members))


def _document(session: Session, doc: DocumentModel, route: dict[str, Any], signatures: list[dict[str, Any]], people: list[str], todo: set[str]) -> None:
    drafter = session.get(PersonModel, doc.drafter_id)
    meta = doc.meta
    data = {
        "unit_id": doc.unit_id, "drafter_id": doc.drafter_id, "drafter_name": drafter.name if drafter else "", "title": meta["标题"], "kind": meta["文种"],
        "classification": doc.classification, "urgency": meta.get("紧急程度"), "number_prefix": doc.number_prefix, "doc_number": doc.doc_number,
        "meta": meta, "route": route, "status": doc.status, "body_version": doc.body_version, "created_at": doc.created_at, "updated_at": doc.updated_at,
        "attachments": doc.attachments, "signatures": signatures, "distributed": doc.distributed, "todo_users": sorted(todo),
    }  # fmt: skip
    _send(session, people, [EntityChange("document", doc.id, doc.version, data)])


def bodies(session: Session, document_id: str, people: Iterable[str], version: int | None = None) -> None:
    """Body versions to these people: one version, or every version (someone new on the route)."""
    query = select(DocumentBodyModel).where(DocumentBodyModel.document_id == document_id)
    if version is not None:
        query = query.where(DocumentBodyModel.body_version == version)
    changes = [
        EntityChange("document_body", f"{b.document_id}:{b.body_version}", BODY_VERSION, {"document_id": b.document_id, "body_version": b.body_version, "paragraphs": b.paragraphs, "sha256": b.sha256})
        for b in session.scalars(query)
    ]
    _send(session, people, changes)


def incoming(session: Session, inc: IncomingModel, people: Iterable[str], todo: Iterable[str]) -> None:
    meta, state = inc.meta, inc.state
    data = {
        "document_id": inc.document_id, "unit_id": inc.unit_id, "sender_unit_id": inc.sender_unit_id, "sender_name": meta["发文机关署名"],
        "title": meta["标题"], "kind": meta["文种"], "classification": inc.classification, "doc_number": meta.get("发文字号"), "meta": meta,
        "state": state, "status": inc.status, "register_no": inc.register_no, "due": state.get("due"), "body_version": inc.body_version,
        "attachments": inc.attachments, "delivered_at": inc.delivered_at, "updated_at": inc.updated_at, "todo_users": sorted(todo),
    }  # fmt: skip
    _send(session, people, [EntityChange("incoming", inc.id, inc.version, data)])


def receipt(session: Session, inc: IncomingModel, people: Iterable[str], reason: str = "") -> None:
    """What the sender sees of one receiving unit: 已送达, 已签收 or 已退回 with the reason."""
    status = {"delivered": "delivered", "returned": "returned"}.get(inc.status, "received")
    data = {"document_id": inc.document_id, "unit_id": inc.unit_id, "status": status, "reason": reason, "at": inc.updated_at}
    _send(session, people, [EntityChange("document_receipt", inc.id, inc.version, data)])


def reminder(session: Session, r: ReminderModel, from_name: str) -> None:
    data = {"incoming_id": r.incoming_id, "from_id": r.from_id, "from_name": from_name, "to_id": r.to_id, "text": r.text, "at": r.at}
    _send(session, {r.from_id, r.to_id}, [EntityChange("document_reminder", r.id, BODY_VERSION, data)])


def withdraw_above(session: Session, person_id: str, clearance: str) -> None:
    """A lowered 密级 clearance: the person's 发文 and 收文 above it, with their bodies, leave their
    scope, so the next sync removes them from their computer."""
    scope = user_scope(person_id)
    above = [c for c in changelog.live(session, scope, ("document", "incoming")) if not within(c.data["classification"], clearance)]
    documents = {c.data["document_id"] if c.entity == "incoming" else c.entity_id for c in above}
    bodies = [c for c in changelog.live(session, scope, ("document_body",)) if c.data["document_id"] in documents]
    gone = [EntityChange(c.entity, c.entity_id, c.version, {}, deleted=True) for c in [*above, *bodies]]
    if gone:
        record_many(session, scope, gone)


def _send(session: Session, people: Iterable[str], changes: list[EntityChange]) -> None:
    for person_id in sorted(set(people)):
        record_many(session, user_scope(person_id), changes)
