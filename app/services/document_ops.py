"""What each 公文 op does to the local mirror (local_ops registers these). Each runs the same
domain rule the server re-checks, so a refused action raises before anything is queued."""

import time
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.documents.audience import incoming_todo
from app.domain.documents.clearance import CLERK_ROLE
from app.domain.documents.deadlines import BEIJING
from app.domain.documents.incoming import incoming_from_json, incoming_to_json, paper
from app.domain.documents.ops import apply_incoming_op, apply_route_op
from app.domain.documents.route import route_from_json, route_to_json
from app.domain.documents.routing import StepSpec, new_route, pending_users
from app.domain.errors import RuleViolation
from app.services.account import User
from app.store.document_index_sync import reindex, reindex_document
from app.store.models import DocumentBodyRow, DocumentRow, IncomingRow, ReminderRow

PENDING_NUMBER = ""  # 收文编号 until the server allocates it at 登记
_DOCUMENT_STATE = ("route", "status", "body_version", "todo", "distributed", "signatures", "updated_at")
_INCOMING_STATE = ("state", "status", "register_no", "due", "todo", "updated_at")


def classification_of(meta: dict) -> str:
    """The 密级 of a GB/T 33480 form (its 密级和保密期限 reads 机密★10年; empty means 公开)."""
    return (meta.get("密级和保密期限") or "公开").partition("★")[0]


def step_specs(steps: list[dict[str, Any]]) -> list[StepSpec]:
    """Route steps as op args carry them: {stage, mode, assignees: [[user_id, unit_id]], visible_to}."""
    return [StepSpec(s["stage"], s["mode"], tuple((u, unit) for u, unit in s["assignees"]), tuple(s.get("visible_to", ()))) for s in steps]


def draft(s: Session, user: User, args: dict, at: float) -> None:
    if s.get(DocumentRow, args["id"]) is not None:
        return
    meta = args["meta"]
    route = new_route(args["id"], user.unit_id, user.id, step_specs(args["steps"]), args["at"])
    s.add(
        DocumentRow(
            id=args["id"], unit_id=user.unit_id, drafter_id=user.id, drafter_name=user.name, title=meta["标题"], kind=meta["文种"],
            classification=classification_of(meta), urgency=meta.get("紧急程度"), number_prefix=args["number_prefix"],
            doc_number=None, meta=meta, route=route_to_json(route), status=route.status, body_version=1,
            attachments=list(args.get("attachments", [])), signatures=[], distributed=[], todo=True,
            created_at=at, updated_at=at, pending=True, server_values=None, version=0,
        )
    )
    _add_body(s, args["id"], 1, args["paragraphs"], args["sha256"])
    reindex(s, [args["id"]])


def revise(s: Session, user: User, args: dict, at: float) -> None:
    row = _document(s, args["id"])
    route = apply_route_op(route_from_json(row.route), {**args, "action": "revise_body"})
    _show_route(row, route, user, at, body_version=route.body_version)
    _add_body(s, args["id"], args["new_version"], args["paragraphs"], args["sha256"])
    reindex_document(s, [args["id"]])


def route_action(s: Session, user: User, args: dict, at: float) -> None:
    row = _document(s, args["id"])
    route = apply_route_op(route_from_json(row.route), args)
    extra = {}
    if args.get("signature") is not None:
        extra["signatures"] = [*row.signatures, signature_entry(route, args)]
    _show_route(row, route, user, at, **extra)
    reindex(s, [row.id])


def signature_entry(route: Any, args: dict) -> dict:
    """How a signed opinion is kept beside the route: the step it closed, the round, the version."""
    event = route.history[-1]
    return {"step_id": event.step_id, "round": event.round, "actor": args["actor"], "body_version": args["body_version"], "signature": args["signature"]}


def distribute(s: Session, _user: User, args: dict, at: float) -> None:
    row = _document(s, args["id"])
    units = list(dict.fromkeys([*row.distributed, *args["main"], *args["copy"]]))
    _keep(row, _DOCUMENT_STATE, {"distributed": units, "updated_at": at})


def incoming_action(s: Session, user: User, args: dict, at: float) -> None:
    row = s.get(IncomingRow, args["id"])
    if row is None:
        raise RuleViolation("doc.not_found", "这份收文不存在，或不在您的办理范围内。")
    doc = apply_incoming_op(incoming_from_json(row.state), args)
    clerks = frozenset({user.id}) if CLERK_ROLE in user.roles and user.unit_id == row.unit_id else frozenset()
    _keep(row, _INCOMING_STATE, {"state": incoming_to_json(doc), "status": doc.status, "register_no": doc.register_no, "due": doc.due, "todo": user.id in incoming_todo(doc, clerks), "updated_at": at})
    reindex(s, [row.id])


def register_paper(s: Session, user: User, args: dict, at: float) -> None:
    incoming_id = f"{args['id']}:{user.unit_id}"
    if s.get(IncomingRow, incoming_id) is not None:
        return
    meta = args["meta"]
    doc = paper(args["id"], user.unit_id, user.id, args["at"])
    s.add(
        IncomingRow(
            id=incoming_id, document_id=args["id"], unit_id=user.unit_id, sender_unit_id=None, sender_name=meta["发文机关署名"], title=meta["标题"],
            kind=meta["文种"], classification=classification_of(meta), doc_number=meta.get("发文字号"), meta=meta,
            state=incoming_to_json(doc), status=doc.status, register_no=None, due=None, body_version=None,
            attachments=list(args["attachments"]), todo=True, delivered_at=at, updated_at=at, pending=True, server_values=None, version=0,
        )
    )
    reindex(s, [incoming_id])


def remind(s: Session, user: User, args: dict, at: float) -> None:
    if s.get(ReminderRow, args["id"]) is None:
        s.add(ReminderRow(id=args["id"], incoming_id=args["incoming_id"], from_id=user.id, from_name=user.name, to_id=args["to_id"], text=args["text"], at=at, pending=True, version=0))


def opened(_s: Session, _user: User, _args: dict, _at: float) -> None:
    """Opening is only audited on the server."""


def rebase(session: Session) -> None:
    """Drop local-only 公文 rows and put back the server's values of those changed locally."""
    touched = [*_local_changes(session, DocumentRow), *_local_changes(session, IncomingRow)]
    touched += session.scalars(select(DocumentBodyRow.document_id).where(DocumentBodyRow.pending.is_(True)))
    for model in (DocumentRow, DocumentBodyRow, IncomingRow, ReminderRow):
        session.execute(delete(model).where(model.pending.is_(True)))
    for model in (DocumentRow, IncomingRow):
        for changed in session.scalars(select(model).where(model.server_values.is_not(None))):
            for name, value in changed.server_values.items():
                setattr(changed, name, value)
            changed.server_values = None
    reindex_document(session, touched)


def _local_changes(session: Session, model: type[DocumentRow] | type[IncomingRow]) -> list[str]:
    return list(session.scalars(select(model.id).where(model.pending.is_(True) | model.server_values.is_not(None))))


def _document(s: Session, doc_id: str) -> DocumentRow:
    row = s.get(DocumentRow, doc_id)
    if row is None:
        raise RuleViolation("doc.not_found", "这份公文不存在，或不在您的办理范围内。")
    return row


def _show_route(row: DocumentRow, route: Any, user: User, at: float, **more: Any) -> None:
    changes = {"route": route_to_json(route), "status": route.status, "todo": user.id in pending_users(route), "updated_at": at, **more}
    _keep(row, _DOCUMENT_STATE, changes)


def _keep(row: DocumentRow | IncomingRow, names: tuple[str, ...], changes: dict[str, Any]) -> None:
    """Show a change at once, keeping the server's values for rebase (a waiting row has none)."""
    if not row.pending and row.server_values is None:
        row.server_values = {k: getattr(row, k) for k in names}
    for name, value in changes.items():
        setattr(row, name, value)


def _add_body(s: Session, doc_id: str, version: int, paragraphs: list[str], sha256: str) -> None:
    body_id = f"{doc_id}:{version}"
    if s.get(DocumentBodyRow, body_id) is None:
        s.add(DocumentBodyRow(id=body_id, document_id=doc_id, body_version=version, paragraphs=list(paragraphs), sha256=sha256, pending=True, version=0))


def now_iso() -> str:
    """The time an action carries (Beijing time, as the 时限 rules use)."""
    return datetime.fromtimestamp(time.time(), BEIJING).isoformat(timespec="seconds")


EFFECTS = {
    "document.draft": draft,
    "document.revise": revise,
    "document.route": route_action,
    "document.distribute": distribute,
    "document.incoming": incoming_action,
    "document.paper": register_paper,
    "document.remind": remind,
    "document.open": opened,
}
