"""Which 公文 actions the signed-in user has on a document now: the buttons of the document
panel. Asked of the same domain rules the service applies, so a button is shown only where the
action would be accepted (the service checks again, and the server after it)."""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.domain.documents import incoming as inc
from app.domain.documents import routing
from app.domain.documents.clearance import CLERK_ROLE, SIGN_OFF_STAGE
from app.domain.documents.incoming import Incoming
from app.domain.documents.route import DRAFT_STAGE, IN_PROGRESS, SIGNED_OFF, Route, Step
from app.domain.errors import RuleViolation

# Fields an action's dialog asks for (besides confirmation).
OPINION, REASON, STEP, PERSON, PEOPLE, PLACEMENT, REGISTER, NOTE, HOLDER, BODY, UNITS = (
    "opinion", "reason", "step", "person", "people", "placement", "register", "note", "holder", "body", "units")


@dataclass(frozen=True)
class Action:
    """`key` is the op's action name (ops.ROUTE_ACTIONS / INCOMING_ACTIONS), or "remind" (催办)."""

    key: str
    label: str
    fields: tuple[str, ...] = ()
    primary: bool = False


def route_actions(route: Route, user_id: str, now: str, distributed: bool = False) -> list[Action]:
    """`distributed`: the signed document has been sent to its units (分发) already."""
    translate = QCoreApplication.translate
    step = route.current_step
    actions: list[Action] = []
    if user_id in routing.pending_users(route):
        actions.append(Action("sign", _sign_label(step.stage if step else ""), (OPINION,), primary=True))
        if route.current > 0:  # the drafter's own step (拟稿) is submitted or withdrawn, not passed on
            actions.append(Action("send_back", translate("DocumentActions", "Send back (退回)…"), (STEP, REASON)))
            actions.append(Action("delegate", translate("DocumentActions", "Hand over (转办)…"), (PERSON,)))
            actions.append(Action("add_signer", translate("DocumentActions", "Add a signer (加签)…"), (PERSON, PLACEMENT)))
        actions.append(Action("revise", translate("DocumentActions", "Edit the text (修改正文)…"), (BODY,)))
    if removable_added_steps(route, user_id, now):
        actions.append(Action("remove_added_signer", translate("DocumentActions", "Cancel an added signer (撤销加签)…"), (STEP,)))
    if _allowed(lambda: routing.retrieve(route, user_id, now)):
        actions.append(Action("retrieve", translate("DocumentActions", "Take back (取回)")))
    if route.status == IN_PROGRESS and route.drafter == user_id:
        actions.append(Action("withdraw", translate("DocumentActions", "Withdraw (撤回)…"), (REASON,)))
    if route.status == SIGNED_OFF and route.drafter == user_id and not distributed:
        actions.append(Action("distribute", translate("DocumentActions", "Distribute (分发)…"), (UNITS,), primary=True))
    return actions


def removable_added_steps(route: Route, user_id: str, now: str) -> list[Step]:
    """The steps the user added (加签) whose signer has not acted yet."""
    return [step for step in route.steps if step.added_by == user_id
            and _allowed(lambda step=step: routing.remove_added_signer(route, user_id, step.step_id, now))]


def incoming_actions(doc: Incoming, user_id: str, roles: tuple[str, ...]) -> list[Action]:
    """A 收发员 of the receiving unit 签收, 登记, 拟办, 办结, 归档, 传阅 and 催办."""
    clerk = CLERK_ROLE in roles
    translate = QCoreApplication.translate
    actions: list[Action] = []
    if clerk and doc.status == inc.DELIVERED:
        actions += [Action("receive", translate("DocumentActions", "Sign for it (签收)"), primary=True), Action("refuse", translate("DocumentActions", "Return (退回)…"), (REASON,))]
    if clerk and doc.status == inc.RECEIVED:
        actions.append(Action("register", translate("DocumentActions", "Register (登记)…"), (REGISTER,), primary=True))
    if clerk and doc.status == inc.REGISTERED:
        actions.append(Action("propose", translate("DocumentActions", "Propose handling (拟办)…"), (OPINION, PERSON), primary=True))
    if doc.status == inc.PROPOSED and doc.leader == user_id:
        actions.append(Action("instruct", translate("DocumentActions", "Instruct (批办)…"), (OPINION, PEOPLE), primary=True))
    if doc.status == inc.HANDLING and any(h.user_id == user_id and h.done_at is None for h in doc.handlers):
        actions.append(Action("finish_handling", translate("DocumentActions", "My part is done (承办完毕)…"), (NOTE,), primary=True))
    if clerk and doc.status == inc.HANDLING and all(h.done_at for h in doc.handlers):
        actions.append(Action("conclude", translate("DocumentActions", "Conclude (办结)"), primary=True))
    if clerk and doc.status == inc.CONCLUDED:
        actions.append(Action("archive", translate("DocumentActions", "Archive (归档)"), primary=True))
    if clerk and doc.status in (inc.REGISTERED, inc.PROPOSED, inc.HANDLING, inc.CONCLUDED):
        actions.append(Action("circulate", translate("DocumentActions", "Circulate (传阅)…"), (PEOPLE,)))
    if user_id in inc.unread_readers(doc):
        actions.append(Action("mark_read", translate("DocumentActions", "Mark as read (已阅)")))
    if clerk and inc.todo_users(doc):
        actions.append(Action("remind", translate("DocumentActions", "Remind (催办)…"), (HOLDER, NOTE)))
    return actions


def _sign_label(stage: str) -> str:
    translate = QCoreApplication.translate
    if stage == DRAFT_STAGE:
        return translate("DocumentActions", "Submit (提交)…")
    if stage == SIGN_OFF_STAGE:
        return translate("DocumentActions", "Sign off (签发)…")
    return translate("DocumentActions", "Agree (同意)…")


def _allowed(attempt: Callable[[], object]) -> bool:
    try:
        attempt()
    except RuleViolation:
        return False
    return True
