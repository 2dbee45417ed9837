"""The data of a 发文 route (拟稿 → 核稿 → 会签 → 签发): plain frozen dataclasses and their JSON form.

A route is a list of steps taken in order. Step 0 is always 拟稿, held by the drafter: submitting
the draft is signing that step, so 退回 to the drafter and 取回 by the drafter are ordinary moves.
A step is either "all" (parallel: every assignee must sign) or "any" (或签: the first signature
closes it). Routes travel as op args, so `route_to_json`/`route_from_json` give plain dicts.
"""

from dataclasses import asdict, dataclass, field, replace

PENDING, SIGNED, SKIPPED = "pending", "signed", "skipped"
ALL, ANY = "all", "any"
IN_PROGRESS, SIGNED_OFF, WITHDRAWN = "in_progress", "signed", "withdrawn"
DRAFT_STAGE = "拟稿"
STAGES = ("拟稿", "核稿", "会签", "签发")
# 会签 and 签发 opinions bind the signer (签名意见); 送审 and 核稿 may be signed but need not be
SIGNED_STAGES = ("会签", "签发")


@dataclass(frozen=True)
class Assignment:
    """One person's task on a step; body_version is the body version they saw when they signed."""

    user_id: str
    unit_id: str
    state: str = PENDING
    opinion: str = ""
    body_version: int | None = None
    acted_at: str | None = None
    delegated_from: str | None = None


@dataclass(frozen=True)
class Step:
    """`visible_to` names other units (联合发文) that may see this step; `added_by` marks 加签 steps.
    `round` grows each time the step is reopened (退回, 取回), so older opinions read as superseded."""

    step_id: str
    stage: str
    mode: str
    assignees: tuple[Assignment, ...]
    visible_to: tuple[str, ...] = ()
    added_by: str | None = None
    round: int = 0

    @property
    def complete(self) -> bool:
        states = {a.state for a in self.assignees}
        return SIGNED in states if self.mode == ANY else states == {SIGNED}


@dataclass(frozen=True)
class Event:
    """One line of 流程跟踪. `completed` is set on the signature that closed its step."""

    kind: str
    actor: str
    step_id: str
    at: str
    round: int = 0
    text: str = ""
    body_version: int | None = None
    completed: bool = False
    other: str | None = None


@dataclass(frozen=True)
class Route:
    doc_id: str
    owner_unit: str
    drafter: str
    steps: tuple[Step, ...]
    current: int = 0
    status: str = IN_PROGRESS
    body_version: int = 1
    history: tuple[Event, ...] = field(default=())

    @property
    def current_step(self) -> Step | None:
        return self.steps[self.current] if self.status == IN_PROGRESS else None

    def step_index(self, step_id: str) -> int | None:
        return next((i for i, s in enumerate(self.steps) if s.step_id == step_id), None)

    def with_step(self, index: int, step: Step) -> "Route":
        return replace(self, steps=self.steps[:index] + (step,) + self.steps[index + 1 :])


def route_to_json(route: Route) -> dict:
    return asdict(route)


def route_from_json(data: dict) -> Route:
    steps = tuple(
        Step(**{**s, "assignees": tuple(Assignment(**a) for a in s["assignees"]), "visible_to": tuple(s["visible_to"])})
        for s in data["steps"]
    )
    history = tuple(Event(**e) for e in data["history"])
    return Route(**{**data, "steps": steps, "history": history})
