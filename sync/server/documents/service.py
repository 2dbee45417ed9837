"""The 公文 op handlers: each re-checks the op with the same domain rules the client ran (route and
收文 state machines), that the actor is the signed-in user and may act at this step, the 密级
ceiling of everyone the document would reach, and the 签发 and 收发员 roles; then stores the
change, allocates 文号 / 收文编号 in the same transaction, and sends the rows to the people concerned."""

import time
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.domain.documents.audience import incoming_people, incoming_todo, route_people
from app.domain.documents.bodies import body_sha256, check_body
from app.domain.documents.clearance import CLERK_ROLE, SIGN_OFF_STAGE, check_ceiling, check_clerk, check_may_sign_off, within
from app.domain.documents.deadlines import BEIJING
from app.domain.documents.incoming import delivered, incoming_from_json, incoming_to_json, paper
from app.domain.documents.metadata import SECRET_LEVELS, DocumentMeta, meta_from_gb_json
from app.domain.documents.numbering import DocNumber, incoming_number
from app.domain.documents.ops import apply_incoming_op, apply_route_op
from app.domain.documents.route import SIGNED_OFF, Route, route_from_json, route_to_json
from app.domain.documents.routing import StepSpec, new_route, pending_users
from app.domain.errors import RuleViolation
from sync.server.audit import service as audit
from sync.server.auth.service import CurrentUser
from sync.server.authz import service as authz
from sync.server.directory import service as directory
from sync.server.directory.models import PersonModel
from sync.server.documents import publish
from sync.server.documents.models import DocumentBodyModel, DocumentModel, IncomingModel, ReminderModel
from sync.server.documents.numbers import next_serial
from sync.server.documents.opinion_check import check_current_version, check_signature_present, check_signed_opinion
from sync.server.documents.schemas import ActionArgs, DistributeArgs, DraftArgs, OpenArgs, PaperArgs, RemindArgs

CLERK_ACTIONS = ("receive", "refuse", "register", "propose", "archive")
RECEIPT_ACTIONS = ("receive", "refuse")
VERSION = 1


def draft(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """拟稿: a new document with its route (waiting on the drafter) and body version 1."""
    a = DraftArgs.model_validate(args)
    meta = _meta(a.meta)
    _check_new_body(a.paragraphs, a.sha256)
    DocNumber(a.number_prefix, 2000, 1)
    specs = [StepSpec(s.stage, s.mode, tuple(s.assignees), tuple(s.visible_to)) for s in a.steps]
    route = new_route(a.id, user.unit_id, user.id, specs, _now_iso())
    for step in route.steps[1:]:
        for assignment in step.assignees:
            _check_assignee(session, assignment.user_id, assignment.unit_id, meta.classification, step.stage)
    if session.get(DocumentModel, a.id) is not None:
        raise RuleViolation("doc.duplicate_id", "已有相同编号的公文，本次拟稿未执行。")
    now = time.time()
    doc = DocumentModel(
        id=a.id, unit_id=user.unit_id, drafter_id=user.id, number_prefix=a.number_prefix, classification=meta.classification, meta=a.meta,
        route=route_to_json(route), status=route.status, body_version=1, doc_number=None, attachments=[x.model_dump() for x in a.attachments],
        signatures=[], distributed=[], created_at=now, updated_at=now, version=VERSION,
    )  # fmt: skip
    session.add(doc)
    session.flush()  # the body's foreign key needs the document first
    session.add(DocumentBodyModel(document_id=a.id, body_version=1, paragraphs=a.paragraphs, sha256=a.sha256, author_id=user.id, created_at=now))
    session.flush()
    _publish_document(session, doc, frozenset())
    return {"document_id": a.id}


def route_action(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """签署, 退回, 取回, 加签, 转办, 撤回 on the route, by the signed-in user at their own step."""
    a = ActionArgs.model_validate(args)
    if a.action == "revise_body":
        raise RuleViolation("docop.unknown_action", "修改正文请使用正文修订操作。")
    doc, route = _own_route(session, user, a)
    before = route_people(route)
    _check_route_rights(session, user, doc, route, a, args)
    if a.action == "sign":
        _check_signature(session, user, route, a, args)
    step = route.current_step
    if isinstance(args.get("step_id"), str) and (step is None or step.step_id != args["step_id"]):
        raise _overtaken(session, route, user.id) or RuleViolation("doc.step_moved", "流程已不在您办理的环节，您的操作未执行；您填写的内容已保留在本机。")
    try:
        new = apply_route_op(route, {**args, "at": _now_iso()})
    except RuleViolation as refusal:
        raise _overtaken(session, route, user.id) or refusal from None
    if a.signature is not None and a.action == "sign":
        event = new.history[-1]
        entry = {"step_id": event.step_id, "round": event.round, "actor": user.id, "body_version": args.get("body_version"), "signature": a.signature}
        doc.signatures = [*doc.signatures, entry]
    result: dict[str, Any] = {"document_id": doc.id, "status": new.status}
    if new.status == SIGNED_OFF and doc.doc_number is None:
        result["doc_number"] = _allocate_doc_number(session, doc)
    _save_route(session, doc, new, before)
    return result


def revise(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """A current assignee saves a new body version; the step's signatures are asked for again."""
    a = ActionArgs.model_validate(args)
    doc, route = _own_route(session, user, a)
    paragraphs = args.get("paragraphs")
    _check_new_body(paragraphs, args.get("sha256"))
    before = route_people(route)
    new = apply_route_op(route, {**args, "action": "revise_body", "at": _now_iso()})
    session.add(DocumentBodyModel(document_id=doc.id, body_version=new.body_version, paragraphs=paragraphs, sha256=args["sha256"], author_id=user.id, created_at=time.time()))
    doc.body_version = new.body_version
    session.flush()
    _save_route(session, doc, new, before, new_body=True)
    return {"document_id": doc.id, "body_version": new.body_version}


def distribute(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """分发 a signed document to 主送 and 抄送 units: each gets a 收文 (已送达) for its clerks who
    may see its 密级; the sender's people get a receipt per unit."""
    a = DistributeArgs.model_validate(args)
    doc = _locked_document(session, a.id)
    if user.unit_id != doc.unit_id or (user.id != doc.drafter_id and CLERK_ROLE not in user.roles):
        raise RuleViolation("doc.not_distributor", "只有本单位的拟稿人或收发员可以分发这份公文。")
    if doc.status != SIGNED_OFF:
        raise RuleViolation("doc.not_signed", "公文签发后才能分发。")
    units = [u for u in dict.fromkeys([*a.main, *a.copy_]) if u not in doc.distributed]
    senders = _sender_people(session, doc)
    now = time.time()
    for unit_id in units:
        if not directory.unit_exists(session, unit_id) or unit_id == doc.unit_id:
            raise RuleViolation("doc.bad_recipient", "分发对象须为其他已登记单位。")
        receivers = [c.id for c in publish.clerks(session, unit_id) if within(doc.classification, c.clearance)]
        if not receivers:
            name = directory.unit_name(session, unit_id)
            raise RuleViolation("doc.no_cleared_clerk", f"“{name}”没有可接收{doc.classification}公文的收发员，未分发。")
        state = incoming_to_json(delivered(doc.id, unit_id))
        inc = IncomingModel(
            id=f"{doc.id}:{unit_id}", document_id=doc.id, unit_id=unit_id, sender_unit_id=doc.unit_id, classification=doc.classification, meta=doc.meta,
            state=state, status=state["status"], register_no=None, body_version=doc.body_version, attachments=doc.attachments,
            delivered_at=now, updated_at=now, version=VERSION,
        )  # fmt: skip
        session.add(inc)
        session.flush()
        publish.incoming(session, inc, receivers, receivers)
        publish.bodies(session, doc.id, receivers, doc.body_version)
        publish.receipt(session, inc, senders)
    doc.distributed = [*doc.distributed, *units]
    doc.updated_at, doc.version = now, doc.version + 1
    route = route_from_json(doc.route)
    publish.document(session, doc, route_people(route), pending_users(route))
    return {"document_id": doc.id, "delivered": units}


def incoming_action(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """收文: 签收/退回 (a receipt back to the sender), 登记 (收文编号 allocated here), 拟办, 批办, 承办,
    办结, 归档, 传阅 and read marks, each by whom the step belongs to."""
    a = ActionArgs.model_validate(args)
    if a.actor != user.id:
        raise RuleViolation("doc.not_you", "不能以他人名义办理公文。")
    receipt = a.action in RECEIPT_ACTIONS
    inc = session.get(IncomingModel, a.id, with_for_update=True)
    if inc is None:
        code, words = ("doc.forged_receipt", "没有送达本单位的这份公文，回执无效。") if receipt else ("doc.not_found", "这份收文不存在。")
        raise RuleViolation(code, words)
    if a.action in CLERK_ACTIONS:
        try:
            check_clerk(inc.unit_id, user.unit_id, user.roles)
        except RuleViolation:
            if receipt:
                raise RuleViolation("doc.forged_receipt", "只有收文单位的收发员可以签收或退回，回执无效。") from None
            raise
    elif user.unit_id != inc.unit_id:
        raise RuleViolation("doc.not_your_unit", "这份收文不属于您的单位。")
    op = {**args, "at": _now_iso()}
    if a.action == "register":
        _check_due(args.get("due"))
        op["register_no"] = _allocate_register_no(session, inc, args.get("unit_code"))
    for person_id in _named_people(op):
        _check_member(session, person_id, inc.unit_id, inc.classification)
    clerk_ids = frozenset(c.id for c in publish.clerks(session, inc.unit_id) if within(inc.classification, c.clearance))
    before = incoming_people(incoming_from_json(inc.state), clerk_ids)
    new = apply_incoming_op(incoming_from_json(inc.state), op)
    inc.state, inc.status, inc.register_no = incoming_to_json(new), new.status, new.register_no
    inc.updated_at, inc.version = time.time(), inc.version + 1
    session.flush()
    people = incoming_people(new, clerk_ids)
    publish.incoming(session, inc, people, incoming_todo(new, clerk_ids))
    if inc.body_version is not None and people - before:
        publish.bodies(session, inc.document_id, people - before, inc.body_version)
    if receipt and inc.sender_unit_id is not None:
        doc = session.get(DocumentModel, inc.document_id)
        publish.receipt(session, inc, _sender_people(session, doc), new.history[-1].text)
    return {"incoming_id": inc.id, "status": new.status, "register_no": new.register_no}


def remind(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """催办: a reminder to someone who has the 收文 in 待办 now."""
    a = RemindArgs.model_validate(args)
    inc = session.get(IncomingModel, a.incoming_id)
    if inc is None or inc.unit_id != user.unit_id:
        raise RuleViolation("doc.not_found", "这份收文不存在，或不属于您的单位。")
    clerk_ids = frozenset(c.id for c in publish.clerks(session, inc.unit_id))
    if a.to_id not in incoming_todo(incoming_from_json(inc.state), clerk_ids):
        raise RuleViolation("doc.remind_not_pending", "被催办人当前没有这份收文的待办事项。")
    if session.get(ReminderModel, a.id) is not None:
        raise RuleViolation("doc.duplicate_id", "已有相同编号的催办。")
    reminder = ReminderModel(id=a.id, incoming_id=inc.id, from_id=user.id, to_id=a.to_id, text=a.text, at=time.time())
    session.add(reminder)
    session.flush()
    publish.reminder(session, reminder, user.name)
    return {"reminder_id": a.id}


def register_paper(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """纸质来文: a clerk enters a paper document (已签收) with its scan as the attachment."""
    a = PaperArgs.model_validate(args)
    meta = _meta(a.meta)
    check_clerk(user.unit_id, user.unit_id, user.roles)
    person = session.get(PersonModel, user.id)
    check_ceiling(meta.classification, user.name, person.clearance)
    incoming_id = f"{a.id}:{user.unit_id}"
    if session.get(IncomingModel, incoming_id) is not None:
        raise RuleViolation("doc.duplicate_id", "已有相同编号的收文。")
    state = incoming_to_json(paper(a.id, user.unit_id, user.id, _now_iso()))
    now = time.time()
    inc = IncomingModel(
        id=incoming_id, document_id=a.id, unit_id=user.unit_id, sender_unit_id=None, classification=meta.classification, meta=a.meta, state=state,
        status=state["status"], register_no=None, body_version=None, attachments=[x.model_dump() for x in a.attachments],
        delivered_at=now, updated_at=now, version=VERSION,
    )  # fmt: skip
    session.add(inc)
    session.flush()
    clerk_ids = frozenset(c.id for c in publish.clerks(session, user.unit_id) if within(inc.classification, c.clearance))
    publish.incoming(session, inc, clerk_ids | {user.id}, clerk_ids)
    return {"incoming_id": incoming_id}


def opened(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    """Opening a 秘密 or 机密 document goes into the audit log."""
    a = OpenArgs.model_validate(args)
    found = session.get(DocumentModel, a.id) or session.get(IncomingModel, a.id)
    if found is None:
        raise RuleViolation("doc.not_found", "这份公文不存在。")
    if found.classification in SECRET_LEVELS:
        audit.record(session, time.time(), "document.open", audit.Actor("", user.id, user.device_id), f"{a.id} {found.classification}")
    return {}


# helpers


def _now_iso() -> str:
    return datetime.now(BEIJING).isoformat(timespec="seconds")


def _meta(data: dict[str, Any]) -> DocumentMeta:
    """The GB/T 33480 form as a client sent it: a value of the wrong JSON type is refused in words."""
    try:
        return meta_from_gb_json(data)
    except (AttributeError, TypeError):
        raise RuleViolation("meta.bad_type", "公文元数据中有字段类型不正确。") from None


def _check_due(due: Any) -> None:
    if due is None:
        return
    try:
        ok = isinstance(due, str) and datetime.fromisoformat(due).tzinfo is not None
    except ValueError:
        ok = False
    if not ok:
        raise RuleViolation("doc.bad_due", "办理时限须为带时区的日期时间。")


def _check_new_body(paragraphs: Any, sha256: Any) -> None:
    check_body(paragraphs)
    if sha256 != body_sha256(paragraphs):
        raise RuleViolation("doc.body_hash", "正文与其摘要不符，本操作未执行。")


def _locked_document(session: Session, doc_id: str) -> DocumentModel:
    doc = session.get(DocumentModel, doc_id, with_for_update=True)
    if doc is None:
        raise RuleViolation("doc.not_found", "这份公文不存在。")
    return doc


def _own_route(session: Session, user: CurrentUser, a: ActionArgs) -> tuple[DocumentModel, Route]:
    if a.actor != user.id:
        raise RuleViolation("doc.not_you", "不能以他人名义办理公文。")
    doc = _locked_document(session, a.id)
    return doc, route_from_json(doc.route)


def _overtaken(session: Session, route: Route, actor: str) -> RuleViolation | None:
    """When someone else closed a step the actor also held (或签, or acting offline on the same
    step), say who did and when: the actor's own text stays in their client (lost actions)."""
    held = {s.step_id for s in route.steps if any(a.user_id == actor for a in s.assignees)}
    closing = [e for e in route.history if e.completed and e.step_id in held and e.actor != actor]
    if not closing:
        return None
    event = closing[-1]
    other = session.get(PersonModel, event.actor)
    stage = next(s.stage for s in route.steps if s.step_id == event.step_id)
    name = other.name if other else event.actor
    return RuleViolation("doc.overtaken", f"“{stage}”环节已由{name}于{event.at[:16].replace('T', ' ')}先行办理，您的操作未执行；您填写的内容已保留在本机。")


def _check_route_rights(session: Session, user: CurrentUser, doc: DocumentModel, route: Route, a: ActionArgs, args: dict[str, Any]) -> None:
    step = route.current_step
    if a.action == "sign" and step is not None and step.stage == SIGN_OFF_STAGE:
        check_may_sign_off(user.name, authz.permissions_of(session, user.roles))
    if a.action == "add_signer":
        stage = step.stage if step is not None else ""
        _check_assignee(session, str(args.get("user_id")), str(args.get("unit_id")), doc.classification, stage)
    if a.action == "delegate":
        stage = step.stage if step is not None else ""
        _check_assignee(session, str(args.get("to_user")), str(args.get("to_unit")), doc.classification, stage)


def _check_signature(session: Session, user: CurrentUser, route: Route, a: ActionArgs, args: dict[str, Any]) -> None:
    if a.signature is not None:
        check_signed_opinion(session, user, args)
    else:
        check_signature_present(_stage_signed(route, args))
    check_current_version(route.body_version, args)


def _stage_signed(route: Route, args: dict[str, Any]) -> str:
    """The stage of the step the user saw (an overtaken op is refused as such, further on)."""
    step = route.current_step
    named = next((s for s in route.steps if s.step_id == args.get("step_id")), step)
    return named.stage if named is not None else ""


def _check_assignee(session: Session, user_id: str, unit_id: str, classification: str, stage: str) -> None:
    person = session.get(PersonModel, user_id)
    if person is None or person.unit_id != unit_id:
        raise RuleViolation("doc.unknown_person", "流程中的办理人不在通讯录中，或单位不符。")
    check_ceiling(classification, person.name, person.clearance)
    if stage == SIGN_OFF_STAGE:
        check_may_sign_off(person.name, authz.permissions_of(session, person.roles))


def _check_member(session: Session, person_id: str, unit_id: str, classification: str) -> None:
    person = session.get(PersonModel, person_id)
    if person is None or person.unit_id != unit_id:
        raise RuleViolation("doc.unknown_person", "指定的人员不是本单位人员。")
    check_ceiling(classification, person.name, person.clearance)


def _named_people(op: dict[str, Any]) -> list[str]:
    """Everyone a 收文 action hands the document to (拟办's leader, 批办's handlers, 传阅's readers)."""
    named = op.get("handlers") or op.get("readers") or []
    leader = op.get("leader")
    people = [*named, leader] if isinstance(leader, str) else list(named)
    return [p for p in people if isinstance(p, str)]


def _save_route(session: Session, doc: DocumentModel, new: Route, before: frozenset[str], new_body: bool = False) -> None:
    doc.route, doc.status = route_to_json(new), new.status
    doc.updated_at, doc.version = time.time(), doc.version + 1
    session.flush()
    _publish_document(session, doc, before, new_body)


def _publish_document(session: Session, doc: DocumentModel, before: frozenset[str], new_body: bool = False) -> None:
    """The document to everyone on its route; every body version to people new on it, the new
    version to the others."""
    route = route_from_json(doc.route)
    people = route_people(route)
    publish.document(session, doc, people, pending_users(route))
    if people - before:
        publish.bodies(session, doc.id, people - before)
    if new_body and people & before:
        publish.bodies(session, doc.id, people & before, doc.body_version)


def _sender_people(session: Session, doc: DocumentModel | None) -> set[str]:
    """Who sees the receipts: the drafter and the sending unit's clerks."""
    if doc is None:
        return set()
    return {doc.drafter_id, *(c.id for c in publish.clerks(session, doc.unit_id))}


def _allocate_doc_number(session: Session, doc: DocumentModel) -> str:
    year = datetime.now(BEIJING).year
    number = str(DocNumber(doc.number_prefix, year, next_serial(session, doc.unit_id, doc.number_prefix, year)))
    doc.doc_number = number
    doc.meta = {**doc.meta, "发文字号": number}
    return number


def _allocate_register_no(session: Session, inc: IncomingModel, unit_code: Any) -> str:
    if not isinstance(unit_code, str):
        raise RuleViolation("docop.bad_args", "登记收文须提供本单位的机关代字。")
    year = datetime.now(BEIJING).year
    mark = incoming_number(unit_code, year, 1).prefix
    return str(incoming_number(unit_code, year, next_serial(session, inc.unit_id, mark, year)))


OPS = {
    "document.draft": draft,
    "document.route": route_action,
    "document.revise": revise,
    "document.distribute": distribute,
    "document.incoming": incoming_action,
    "document.remind": remind,
    "document.paper": register_paper,
    "document.open": opened,
}
