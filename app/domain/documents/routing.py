"""What may happen to a 发文 route: each action returns a new Route or raises RuleViolation.

Only the current step's pending assignees act (签署, 退回, 加签, 转办, 修改正文); 取回 belongs to
the sole person whose signature handed the route on, while nothing has happened since; 撤回 (the
whole route) belongs to the drafter. Times are ISO 8601 strings the caller supplies.
"""

from dataclasses import dataclass, replace

from app.domain.documents.route import (
    ALL,
    ANY,
    DRAFT_STAGE,
    IN_PROGRESS,
    PENDING,
    SIGNED,
    SIGNED_OFF,
    SKIPPED,
    STAGES,
    WITHDRAWN,
    Assignment,
    Event,
    Route,
    Step,
)
from app.domain.errors import RuleViolation

REASON_MAX_CHARS = 2000


@dataclass(frozen=True)
class StepSpec:
    """A step as a unit's route template describes it; assignees are (user_id, unit_id) pairs."""

    stage: str
    mode: str
    assignees: tuple[tuple[str, str], ...]
    visible_to: tuple[str, ...] = ()


def new_route(doc_id: str, owner_unit: str, drafter: str, specs: list[StepSpec], at: str) -> Route:
    """A route waiting for the drafter to submit (step 0, 拟稿), then the steps of `specs` in order."""
    if not specs:
        raise RuleViolation("route.empty", "流程至少需要一个审批环节。")
    draft = Step("s0", DRAFT_STAGE, ALL, (Assignment(drafter, owner_unit),))
    steps = (draft,) + tuple(_step_from_spec(f"s{i}", spec) for i, spec in enumerate(specs, start=1))
    return Route(doc_id, owner_unit, drafter, steps, history=(Event("create", drafter, "s0", at),))


def _step_from_spec(step_id: str, spec: StepSpec) -> Step:
    if spec.stage not in STAGES or spec.stage == DRAFT_STAGE:
        raise RuleViolation("route.bad_stage", f"环节“{spec.stage}”不是核稿、会签或签发。")
    if spec.mode not in (ALL, ANY):
        raise RuleViolation("route.bad_mode", "环节只能是全部签署（会签）或任一签署（或签）。")
    users = [user for user, _ in spec.assignees]
    if not users:
        raise RuleViolation("route.no_assignee", f"“{spec.stage}”环节没有办理人。")
    if len(set(users)) != len(users):
        raise RuleViolation("route.duplicate_assignee", f"“{spec.stage}”环节中同一人出现了两次。")
    return Step(step_id, spec.stage, spec.mode, tuple(Assignment(u, unit) for u, unit in spec.assignees),
                tuple(spec.visible_to))


def pending_users(route: Route) -> frozenset[str]:
    """Who has this route in their 待办 now."""
    step = route.current_step
    if step is None:
        return frozenset()
    return frozenset(a.user_id for a in step.assignees if a.state == PENDING)


@dataclass(frozen=True)
class Opinion:
    """A line of the 意见栏: a signature event, and whether a later reopening of its step
    (退回, 取回, 修改正文) or the removal of its 加签 step has superseded it."""

    event: Event
    superseded: bool


def opinions(route: Route) -> tuple[Opinion, ...]:
    rounds = {s.step_id: s.round for s in route.steps}
    return tuple(Opinion(e, e.step_id not in rounds or e.round < rounds[e.step_id])
                 for e in route.history if e.kind == "sign")


def sign(route: Route, actor: str, opinion: str, body_version: int, at: str) -> Route:
    """签署 the current step over the body version the actor saw (it must be the latest)."""
    step, slot = _own_task(route, actor)
    if body_version != route.body_version:
        raise RuleViolation("route.stale_version", "正文已被修改，请阅读最新版本后再签署。")
    signed = replace(step.assignees[slot], state=SIGNED, opinion=opinion, body_version=body_version, acted_at=at)
    assignees = step.assignees[:slot] + (signed,) + step.assignees[slot + 1 :]
    if step.mode == ANY:
        assignees = tuple(a if a.state != PENDING else replace(a, state=SKIPPED) for a in assignees)
    step = replace(step, assignees=assignees)
    event = Event("sign", actor, step.step_id, at, step.round, opinion, body_version, completed=step.complete)
    route = _log(route.with_step(route.current, step), event)
    return _advance(route) if step.complete else route


def _advance(route: Route) -> Route:
    nxt = route.current + 1
    if nxt == len(route.steps):
        return replace(route, status=SIGNED_OFF)
    return replace(route, current=nxt)


def send_back(route: Route, actor: str, target_step_id: str, reason: str, at: str) -> Route:
    """退回 to an earlier step: that step and every one after it reopen; the current step's other
    pending signers lose their task, and opinions already given stay in history as superseded."""
    step, _ = _own_task(route, actor)
    reason = _required_reason(reason)
    target = route.step_index(target_step_id)
    if target is None or target >= route.current:
        raise RuleViolation("route.bad_target", "只能退回到之前的环节。")
    steps = route.steps[:target] + tuple(_reopened(s) for s in route.steps[target:])
    event = Event("return", actor, step.step_id, at, step.round, reason, other=target_step_id)
    return _log(replace(route, steps=steps, current=target), event)


def retrieve(route: Route, actor: str, at: str) -> Route:
    """取回: the one whose signature handed the route on takes it back, while nothing has happened since."""
    _open(route)
    last = route.history[-1]
    if last.kind != "sign" or not last.completed or last.actor != actor:
        raise RuleViolation("route.cannot_retrieve", "下一环节已经办理或您不是送出人，无法取回。")
    previous = route.current - 1
    if sum(a.state == SIGNED for a in route.steps[previous].assignees) != 1:
        raise RuleViolation("route.not_sole_sender", "该环节由多人共同签署，不能由一人取回。")
    reopened = _reopened(route.steps[previous])
    event = Event("retrieve", actor, reopened.step_id, at, reopened.round)
    return _log(replace(route.with_step(previous, reopened), current=previous), event)


def _reopened(step: Step) -> Step:
    fresh = tuple(Assignment(a.user_id, a.unit_id, delegated_from=a.delegated_from) for a in step.assignees)
    return replace(step, assignees=fresh, round=step.round + 1)


def add_signer(route: Route, actor: str, user_id: str, unit_id: str, before: bool, at: str) -> Route:
    """加签: a new one-person step of the same stage, before the actor's (the route goes there
    now, the actor's task waits) or right after the current step."""
    step, _ = _own_task(route, actor)
    if user_id == actor:
        raise RuleViolation("route.add_self", "不能给自己加签。")
    index = route.current if before else route.current + 1
    added = Step(f"{step.step_id}+{len(route.history)}", step.stage, ALL, (Assignment(user_id, unit_id),),
                 step.visible_to, added_by=actor)
    steps = route.steps[:index] + (added,) + route.steps[index:]
    event = Event("add_signer", actor, added.step_id, at, text="before" if before else "after", other=user_id)
    return _log(replace(route, steps=steps), event)


def remove_added_signer(route: Route, actor: str, step_id: str, at: str) -> Route:
    """Undo one's own 加签 while the added signer has not acted. If the route was waiting on that
    signer as its last step, it is thereby 签发 (every remaining step is complete)."""
    _open(route)
    index = route.step_index(step_id)
    if index is None or route.steps[index].added_by != actor:
        raise RuleViolation("route.not_added_by_you", "只能撤销自己加签的人员。")
    if index < route.current or any(e.step_id == step_id and e.kind != "add_signer" for e in route.history):
        raise RuleViolation("route.step_started", "加签人员已经办理，不能撤销。")
    event = Event("remove_signer", actor, step_id, at)
    route = _log(replace(route, steps=route.steps[:index] + route.steps[index + 1 :]), event)
    if route.current == len(route.steps):
        return replace(route, current=route.current - 1, status=SIGNED_OFF)
    return route


def delegate(route: Route, actor: str, to_user: str, to_unit: str, at: str) -> Route:
    """转办: hand one's task on the current step to a colleague."""
    step, slot = _own_task(route, actor)
    if to_user == actor or any(a.user_id == to_user for a in step.assignees):
        raise RuleViolation("route.duplicate_assignee", "对方已经是本环节的办理人。")
    moved = Assignment(to_user, to_unit, delegated_from=actor)
    step = replace(step, assignees=step.assignees[:slot] + (moved,) + step.assignees[slot + 1 :])
    return _log(route.with_step(route.current, step), Event("delegate", actor, step.step_id, at, step.round,
                                                             other=to_user))


def revise_body(route: Route, actor: str, new_version: int, at: str) -> Route:
    """修改正文 during a step. Every signature over the old version is superseded and must be given
    again over the new one: each step after 拟稿 holding a signature in its current round reopens
    (the drafter's 送审 is not an opinion to redo), and the route goes back to the earliest of
    them, or stays at the current step when none is earlier; the event names that step in
    `other`. So a revision after 核稿 or 会签 sends the route back to the first of them, and it
    runs on from there as after 退回."""
    step, _ = _own_task(route, actor)
    if new_version <= route.body_version:
        raise RuleViolation("route.bad_version", "正文版本号必须递增。")
    signed = [i for i, s in enumerate(route.steps) if i > 0 and any(a.state == SIGNED for a in s.assignees)]
    steps = tuple(_reopened(s) if i in signed else s for i, s in enumerate(route.steps))
    current = min([route.current, *signed])
    event = Event("revise", actor, step.step_id, at, steps[route.current].round, body_version=new_version,
                  other=steps[current].step_id)
    return _log(replace(route, steps=steps, current=current, body_version=new_version), event)


def withdraw(route: Route, actor: str, reason: str, at: str) -> Route:
    """撤回: the drafter stops the route for good before 签发."""
    _open(route)
    if actor != route.drafter:
        raise RuleViolation("route.not_drafter", "只有拟稿人可以撤回公文。")
    event = Event("withdraw", actor, route.steps[route.current].step_id, at, text=_required_reason(reason))
    return _log(replace(route, status=WITHDRAWN), event)


def _open(route: Route) -> Step:
    if route.status != IN_PROGRESS:
        raise RuleViolation("route.closed", "公文流程已经结束（已签发或已撤回）。")
    return route.steps[route.current]


def _own_task(route: Route, actor: str) -> tuple[Step, int]:
    step = _open(route)
    for slot, assignment in enumerate(step.assignees):
        if assignment.user_id == actor and assignment.state == PENDING:
            return step, slot
    raise RuleViolation("route.not_your_turn", "当前环节不由您办理。")


def _required_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise RuleViolation("route.reason_required", "请填写理由。")
    if len(reason) > REASON_MAX_CHARS:
        raise RuleViolation("route.reason_too_long", f"理由不能超过 {REASON_MAX_CHARS} 个字。")
    return reason


def _log(route: Route, event: Event) -> Route:
    return replace(route, history=route.history + (event,))
