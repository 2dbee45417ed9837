"""公文 (发文 and 收文) for the screens: every action writes the local mirror and queues its op in
one transaction, so it works offline; the server re-checks each op and allocates the numbers.

API (stable; all methods raise app.domain.errors.RuleViolation with a Chinese message on refusal):

    svc = DocumentService(cache, user, signer=None)   # signer: the unlocked key sign() uses by default
    # 发文
    doc_id = svc.draft(meta, steps, paragraphs, number_prefix, attachments=None)
        meta: GB/T 33480 dict keyed as shared/samples/*.meta.json (标题, 文种, 密级和保密期限…)
        steps: [RouteStep("会签", "all", [("p2", "u01")]), RouteStep("签发", "any", [("p6", "u01")])]
        paragraphs: list[str] (see import_body(path) for .docx/.txt); number_prefix: 机关代字 e.g. 通政办发
        attachments: [{name, sha256, size}] of files put in the local blob store
    svc.submit(doc_id) / svc.sign(doc_id, opinion, signer=None)   # 送审 is signing step 0 (拟稿)
        signer: the user's unlocked key; the opinion is then signed (app.documents.opinion_signature)
        over the body version shown, the step and the op's own time, and the server checks it;
        a 会签 or 签发 opinion without a key is refused before it is queued (doc.signature_missing)
    svc.revise(doc_id, paragraphs) -> new body version
    svc.send_back(doc_id, target_step_id, reason); svc.retrieve(doc_id); svc.withdraw(doc_id, reason)
    svc.add_signer(doc_id, user_id, unit_id, before); svc.remove_added_signer(doc_id, step_id)
    svc.delegate(doc_id, to_user, to_unit)
    svc.distribute(doc_id, main_units, copy_units)          # 分发 after 签发 (文号 comes from the server)
    # 收文 (incoming_id = f"{document_id}:{unit_id}")
    svc.receive(i) / svc.refuse(i, reason) / svc.register(i, unit_code, due: date | None)
    svc.propose(i, opinion, leader_id) / svc.instruct(i, instruction, handler_ids)
    svc.finish(i, note) / svc.conclude(i) / svc.archive(i) / svc.circulate(i, reader_ids) / svc.mark_read(i)
    svc.remind(i, to_id, text)                                # 催办
    incoming_id = svc.register_paper(meta, unit_code, scan, due=None)   # 纸质来文 with a scanned attachment
    svc.opened(doc_or_incoming_id)                            # call when a document is shown (秘密+ is audited)
    # reading
    svc.todo() -> list[TodoItem]; svc.outgoing(status=None, limit, offset) -> list[DocumentRow]
    svc.incoming_list(status=None, limit, offset) -> list[IncomingRow]; svc.document(id) / svc.incoming(id)
    svc.outgoing_pages(filters, text="", waiting=False) / svc.incoming_pages(filters, text="") -> RowPages
        the long lists and full-text search (app/services/document_pages.py), paged and sorted in SQL
    svc.body(doc_id, version=None) -> list[str]; svc.receipts(doc_id) -> list[ReceiptRow]
    svc.reminders(incoming_id=None) -> list[ReminderRow]; svc.lost_actions() -> list[LostAction]
Rows are the cache rows of app/store/models.py (plain attributes; `pending` = not yet confirmed).
"""

import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.import_docx import import_docx
from app.documents.import_text import import_text
from app.documents.opinion_signature import sign_opinion
from app.domain.documents.bodies import body_sha256, check_body
from app.domain.documents.clearance import SIGN_OFF_STAGE, check_ceiling, check_may_sign_off
from app.services.authz import permissions_of_roles
from app.domain.documents.deadlines import due_at_end_of
from app.domain.documents.metadata import SECRET_LEVELS, meta_from_gb_json
from app.domain.documents.numbering import DocNumber
from app.domain.documents.route import SIGNED_STAGES, route_from_json
from app.domain.errors import RuleViolation
from app.identity.signer import Signer
from app.services import document_ops, local_ops
from app.services.account import User
from app.services.document_pages import RowPages, row_pages
from app.store import document_index_sync, outbox
from app.store.document_index_sync import INCOMING, OUTGOING
from app.store.document_search import DocumentFilters
from app.store.cache import Cache
from app.store.models import DocumentBodyRow, DocumentRow, IncomingRow, OutboxOp, PersonRow, ReceiptRow, ReminderRow

USER_ACTIONS = tuple(name for name in document_ops.EFFECTS if name != "document.open")
_WRITTEN = ("opinion", "reason", "note", "instruction", "text")  # what a user wrote into an op


@dataclass(frozen=True)
class RouteStep:
    """A step of a new route: stage 核稿/会签/签发, mode "all" (会签) or "any" (或签)."""

    stage: str
    mode: str
    assignees: list[tuple[str, str]]  # (user_id, unit_id)
    visible_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class TodoItem:
    """One line of 待办: a 发文 step, a 收文 to handle, or a 催办 reminder."""

    kind: str  # "outgoing", "incoming" or "reminder"
    id: str  # document id, incoming id, or the reminded incoming id
    title: str
    at: float
    due: str | None = None
    text: str = ""
    source: str = ""  # the drafter of a 发文, the sending unit of a 收文
    classification: str = ""
    urgency: str = ""


@dataclass(frozen=True)
class LostAction:
    """An action the server refused (another person acted first, or a rule): the reason in
    words and what the user had written, so nothing they wrote is lost."""

    op_name: str
    target_id: str
    action: str
    message: str
    written: str


def import_body(path: Path) -> list[str]:
    """正文 paragraphs from a .docx or a .txt file."""
    body = import_docx(path) if path.suffix.lower() == ".docx" else import_text(path)
    return list(body.paragraphs)


class DocumentService:
    def __init__(self, cache: Cache, user: User, signer: Signer | None = None) -> None:
        self._cache = cache
        self._user = user
        self._signer = signer  # the unlocked key sign() uses when given none
        with cache.sessions.begin() as s:
            document_index_sync.backfill(s)  # a cache filled before the index existed

    # 发文

    def draft(self, meta: dict, steps: list[RouteStep], paragraphs: list[str], number_prefix: str, attachments: list[dict] | None = None) -> str:
        parsed = meta_from_gb_json(meta)
        check_body(paragraphs)
        DocNumber(number_prefix, 2000, 1)  # the 机关代字 must make a valid 文号
        with self._cache.session() as s:
            for step in steps:
                for user_id, _unit in step.assignees:
                    self._check_person(s, user_id, parsed.classification, step.stage)
        doc_id = uuid.uuid4().hex
        args = {
            "id": doc_id, "meta": meta, "number_prefix": number_prefix, "paragraphs": list(paragraphs), "sha256": body_sha256(list(paragraphs)),
            "steps": [{"stage": st.stage, "mode": st.mode, "assignees": [list(a) for a in st.assignees], "visible_to": list(st.visible_to)} for st in steps],
            "attachments": [dict(a) for a in attachments or []], "at": document_ops.now_iso(),
        }
        self._act("document.draft", args)
        return doc_id

    def revise(self, doc_id: str, paragraphs: list[str]) -> int:
        check_body(paragraphs)
        version = self.document(doc_id).body_version + 1
        self._route(doc_id, "revise", {"new_version": version, "paragraphs": list(paragraphs), "sha256": body_sha256(list(paragraphs))}, op="document.revise")
        return version

    def submit(self, doc_id: str, opinion: str = "") -> None:
        self._sign(doc_id, opinion, None)

    def sign(self, doc_id: str, opinion: str, signer: Signer | None = None) -> None:
        self._sign(doc_id, opinion, signer or self._signer)

    def _sign(self, doc_id: str, opinion: str, signer: Signer | None) -> None:
        if signer is None and self._stage(doc_id) in SIGNED_STAGES:
            raise RuleViolation("doc.signature_missing", "会签、签发意见须用本人UKey签名：请插入UKey并解锁后再签署。")
        version = self.document(doc_id).body_version
        args: dict = {"opinion": opinion, "body_version": version}
        if signer is not None:
            args["at"] = document_ops.now_iso()
            args["signature"] = self._signed(signer, doc_id, opinion, version, args["at"])
        self._route(doc_id, "sign", args)

    def send_back(self, doc_id: str, target_step_id: str, reason: str) -> None:
        self._route(doc_id, "send_back", {"target_step_id": target_step_id, "reason": reason})

    def retrieve(self, doc_id: str) -> None:
        self._route(doc_id, "retrieve", {})

    def add_signer(self, doc_id: str, user_id: str, unit_id: str, before: bool) -> None:
        self._check_target(doc_id, user_id)
        self._route(doc_id, "add_signer", {"user_id": user_id, "unit_id": unit_id, "before": before})

    def remove_added_signer(self, doc_id: str, step_id: str) -> None:
        self._route(doc_id, "remove_added_signer", {"step_id": step_id})

    def delegate(self, doc_id: str, to_user: str, to_unit: str) -> None:
        self._check_target(doc_id, to_user)
        self._route(doc_id, "delegate", {"to_user": to_user, "to_unit": to_unit})

    def withdraw(self, doc_id: str, reason: str) -> None:
        self._route(doc_id, "withdraw", {"reason": reason})

    def distribute(self, doc_id: str, main_units: list[str], copy_units: list[str]) -> None:
        doc = self.document(doc_id)
        if doc.status != "signed":
            raise RuleViolation("doc.not_signed", "公文签发后才能分发。")
        if not main_units:
            raise RuleViolation("doc.no_recipients", "请选择主送单位。")
        self._act("document.distribute", {"id": doc_id, "main": list(main_units), "copy": list(copy_units)})

    # 收文

    def receive(self, incoming_id: str) -> None:
        self._incoming(incoming_id, "receive", {})

    def refuse(self, incoming_id: str, reason: str) -> None:
        self._incoming(incoming_id, "refuse", {"reason": reason})

    def register(self, incoming_id: str, unit_code: str, due: date | None = None) -> None:
        DocNumber(unit_code + "收", 2000, 1)
        due_iso = due_at_end_of(due).isoformat() if due else None
        self._incoming(incoming_id, "register", {"register_no": "（待编号）", "unit_code": unit_code, "due": due_iso})

    def propose(self, incoming_id: str, opinion: str, leader_id: str) -> None:
        self._check_incoming_people(incoming_id, [leader_id])
        self._incoming(incoming_id, "propose", {"opinion": opinion, "leader": leader_id})

    def instruct(self, incoming_id: str, instruction: str, handler_ids: list[str]) -> None:
        self._check_incoming_people(incoming_id, handler_ids)
        self._incoming(incoming_id, "instruct", {"instruction": instruction, "handlers": list(handler_ids)})

    def finish(self, incoming_id: str, note: str) -> None:
        self._incoming(incoming_id, "finish_handling", {"note": note})

    def conclude(self, incoming_id: str) -> None:
        self._incoming(incoming_id, "conclude", {})

    def archive(self, incoming_id: str) -> None:
        self._incoming(incoming_id, "archive", {})

    def circulate(self, incoming_id: str, reader_ids: list[str]) -> None:
        self._check_incoming_people(incoming_id, reader_ids)
        self._incoming(incoming_id, "circulate", {"readers": list(reader_ids)})

    def mark_read(self, incoming_id: str) -> None:
        self._incoming(incoming_id, "mark_read", {})

    def remind(self, incoming_id: str, to_id: str, text: str) -> str:
        if not text.strip():
            raise RuleViolation("doc.remind_empty", "请填写催办内容。")
        reminder_id = uuid.uuid4().hex
        self._act("document.remind", {"id": reminder_id, "incoming_id": incoming_id, "to_id": to_id, "text": text.strip()})
        return reminder_id

    def register_paper(self, meta: dict, unit_code: str, scan: dict, due: date | None = None) -> str:
        """纸质来文: the clerk enters its metadata and attaches the scan; it arrives 已签收, then is
        registered like any other (the 收文编号 comes from the server)."""
        meta_from_gb_json(meta)
        doc_id = uuid.uuid4().hex
        self._act("document.paper", {"id": doc_id, "meta": meta, "attachments": [dict(scan)], "at": document_ops.now_iso()})
        incoming_id = f"{doc_id}:{self._user.unit_id}"
        self.register(incoming_id, unit_code, due)
        return incoming_id

    def opened(self, target_id: str) -> None:
        """A document was shown to the user: opening a 秘密 or 机密 one is audited by the server."""
        with self._cache.session() as s:
            row = s.get(DocumentRow, target_id) or s.get(IncomingRow, target_id)
            # one's own unsent draft is not on the server yet: nothing to audit there
            secret = row is not None and not row.pending and row.classification in SECRET_LEVELS
        if secret:
            self._act("document.open", {"id": target_id})

    # reading

    def document(self, doc_id: str) -> DocumentRow:
        with self._cache.session() as s:
            row = s.get(DocumentRow, doc_id)
            if row is None:
                raise RuleViolation("doc.not_found", "这份公文不存在，或不在您的办理范围内。")
            s.expunge(row)
            return row

    def incoming(self, incoming_id: str) -> IncomingRow:
        with self._cache.session() as s:
            row = s.get(IncomingRow, incoming_id)
            if row is None:
                raise RuleViolation("doc.not_found", "这份收文不存在，或不在您的办理范围内。")
            s.expunge(row)
            return row

    def body(self, doc_id: str, version: int | None = None) -> list[str]:
        with self._cache.session() as s:
            query = select(DocumentBodyRow.paragraphs).where(DocumentBodyRow.document_id == doc_id)
            query = query.where(DocumentBodyRow.body_version == version) if version else query.order_by(DocumentBodyRow.body_version.desc())
            found = s.scalars(query.limit(1)).first()
            return list(found) if found is not None else []

    def outgoing(self, status: str | None = None, limit: int = 200, offset: int = 0) -> list[DocumentRow]:
        """发文 list, newest first (status: in_progress, signed, withdrawn)."""
        query = select(DocumentRow).order_by(DocumentRow.updated_at.desc())
        return self._rows(query.where(DocumentRow.status == status) if status else query, limit, offset)

    def incoming_list(self, status: str | None = None, limit: int = 200, offset: int = 0) -> list[IncomingRow]:
        """收文 list, newest delivery first (status as app.domain.documents.incoming)."""
        query = select(IncomingRow).order_by(IncomingRow.delivered_at.desc())
        return self._rows(query.where(IncomingRow.status == status) if status else query, limit, offset)

    def outgoing_pages(self, filters: DocumentFilters = DocumentFilters(), text: str = "", waiting: bool = False) -> RowPages[DocumentRow]:
        """发文 as pages for a long list: filtered, searched (`text`) and sorted in SQL, newest first;
        `waiting`: only those waiting for this user (会签)."""
        return row_pages(self._cache.sessions, DocumentRow, OUTGOING, filters, text, waiting)

    def incoming_pages(self, filters: DocumentFilters = DocumentFilters(), text: str = "") -> RowPages[IncomingRow]:
        """收文 as pages for a long list, newest delivery first."""
        return row_pages(self._cache.sessions, IncomingRow, INCOMING, filters, text)

    def todo(self) -> list[TodoItem]:
        """待办: 发文 steps and 收文 waiting on this user, then 催办 sent to them; the 收文 with the
        earliest 时限 first."""
        with self._cache.session() as s:
            docs = s.execute(
                select(DocumentRow.id, DocumentRow.title, DocumentRow.updated_at, DocumentRow.drafter_name, DocumentRow.classification, DocumentRow.urgency)
                .where(DocumentRow.todo.is_(True))
                .order_by(DocumentRow.updated_at.desc())
            ).all()
            incoming = s.execute(
                select(IncomingRow.id, IncomingRow.title, IncomingRow.updated_at, IncomingRow.due, IncomingRow.sender_name, IncomingRow.classification, IncomingRow.meta)
                .where(IncomingRow.todo.is_(True))
                .order_by(IncomingRow.due.is_(None), IncomingRow.due)
            ).all()
            reminders = s.execute(
                select(ReminderRow.incoming_id, IncomingRow.title, ReminderRow.at, ReminderRow.text)
                .join(IncomingRow, IncomingRow.id == ReminderRow.incoming_id, isouter=True)
                .where(ReminderRow.to_id == self._user.id)
                .order_by(ReminderRow.at.desc())
            ).all()
        items = [
            TodoItem("incoming", i, t or "", at, due, source=sender, classification=secrecy, urgency=meta.get("紧急程度") or "")
            for i, t, at, due, sender, secrecy, meta in incoming
        ]
        items += [TodoItem("outgoing", i, t, at, source=drafter, classification=secrecy, urgency=urgency or "") for i, t, at, drafter, secrecy, urgency in docs]
        return items + [TodoItem("reminder", i, t or "", at, text=text) for i, t, at, text in reminders]

    def receipts(self, doc_id: str) -> list[ReceiptRow]:
        with self._cache.session() as s:
            rows = list(s.scalars(select(ReceiptRow).where(ReceiptRow.document_id == doc_id).order_by(ReceiptRow.unit_id)))
            s.expunge_all()
            return rows

    def reminders(self, incoming_id: str | None = None) -> list[ReminderRow]:
        with self._cache.session() as s:
            query = select(ReminderRow).order_by(ReminderRow.at.desc())
            rows = list(s.scalars(query.where(ReminderRow.incoming_id == incoming_id) if incoming_id else query))
            s.expunge_all()
            return rows

    def lost_actions(self) -> list[LostAction]:
        """公文 actions the server refused, each with its reason and what the user wrote."""
        with self._cache.session() as s:
            refused = [op for op in outbox.rejected(s) if op.name in USER_ACTIONS]
        return [_lost(op) for op in refused]

    # helpers

    def _route(self, doc_id: str, action: str, args: dict, op: str = "document.route") -> None:
        """`step_id` names the step the user saw, so an action overtaken by others is refused."""
        where = {"step_id": step_id} if (step_id := self._step_id(doc_id)) else {}
        self._act(op, {"id": doc_id, "action": action, "actor": self._user.id, **where, "at": document_ops.now_iso(), **args})

    def _step_id(self, doc_id: str) -> str:
        step = route_from_json(self.document(doc_id).route).current_step
        return step.step_id if step is not None else ""

    def _stage(self, doc_id: str) -> str:
        step = route_from_json(self.document(doc_id).route).current_step
        return step.stage if step is not None else ""

    def _signed(self, signer: Signer, doc_id: str, opinion: str, version: int, at: str) -> dict:
        """The signed opinion record: over what the op carries (step, time) and the body shown."""
        return sign_opinion(signer, document_id=doc_id, body_sha256=body_sha256(self.body(doc_id, version)), opinion=opinion,
                            step_id=self._step_id(doc_id), actor=self._user.id, at=at)

    def _incoming(self, incoming_id: str, action: str, args: dict) -> None:
        self._act("document.incoming", {"id": incoming_id, "action": action, "actor": self._user.id, **args, "at": document_ops.now_iso()})

    def _act(self, name: str, args: dict) -> None:
        with self._cache.sessions.begin() as s:
            local_ops.apply(s, self._user, name, args, time.time())
            outbox.append(s, name, args)

    def _rows(self, query, limit: int, offset: int) -> list:
        with self._cache.session() as s:
            rows = list(s.scalars(query.limit(limit).offset(offset)))
            s.expunge_all()
            return rows

    def _check_person(self, s: Session, user_id: str, classification: str, stage: str) -> None:
        person = s.get(PersonRow, user_id)
        if person is None:
            raise RuleViolation("doc.unknown_person", "通讯录中没有这个人。")
        check_ceiling(classification, person.name, person.clearance)
        if stage == SIGN_OFF_STAGE:
            check_may_sign_off(person.name, permissions_of_roles(s, person.roles))

    def _check_target(self, doc_id: str, user_id: str) -> None:
        doc = self.document(doc_id)
        route = route_from_json(doc.route)
        stage = route.current_step.stage if route.current_step else ""
        with self._cache.session() as s:
            self._check_person(s, user_id, doc.classification, stage)

    def _check_incoming_people(self, incoming_id: str, people: list[str]) -> None:
        row = self.incoming(incoming_id)
        with self._cache.session() as s:
            for user_id in people:
                self._check_person(s, user_id, row.classification, "")


def _lost(op: OutboxOp) -> LostAction:
    args = dict(op.args)
    written = next((args[k] for k in _WRITTEN if isinstance(args.get(k), str) and args[k]), "")
    return LostAction(op.name, args.get("id", ""), args.get("action", ""), op.reject_message or "", written)
