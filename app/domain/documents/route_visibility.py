"""What a unit sees of a route: 联合发文 countersigners from other units see only what the route shows them."""

from dataclasses import replace

from app.domain.documents.route import Assignment, Route, Step


def visible_steps(route: Route, unit_id: str) -> tuple[Step, ...]:
    """The owner unit sees every step; another unit sees the steps it takes part in and those
    whose `visible_to` names it."""
    if unit_id == route.owner_unit:
        return route.steps
    return tuple(s for s in route.steps if unit_id in s.visible_to or any(a.unit_id == unit_id for a in s.assignees))


def may_see(route: Route, unit_id: str) -> bool:
    """Whether the unit may open the document at all (it has at least one visible step)."""
    return bool(visible_steps(route, unit_id))


def visible_history(route: Route, unit_id: str) -> tuple:
    """The 流程跟踪 lines a unit may read: those about the steps it sees."""
    shown = {s.step_id for s in visible_steps(route, unit_id)}
    return tuple(e for e in route.history if e.step_id in shown)


def redacted(route: Route, unit_id: str) -> Route:
    """The route as sent to another unit's people: the steps it may not see keep their place and
    state (so the route still works) but not who holds them or what they wrote; its history is
    the lines it may read."""
    if unit_id == route.owner_unit:
        return route
    shown = {s.step_id for s in visible_steps(route, unit_id)}
    steps = tuple(s if s.step_id in shown else replace(s, assignees=tuple(Assignment("", "", a.state) for a in s.assignees)) for s in route.steps)
    return replace(route, steps=steps, history=visible_history(route, unit_id))
