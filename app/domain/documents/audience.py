"""Who a 公文 reaches: the people of a route, and who has a 收文 in 待办 or may see it."""

from app.domain.documents.incoming import DELIVERED, RECEIVED, REGISTERED, Incoming, todo_users
from app.domain.documents.route import Route

CLERK_STATES = (DELIVERED, RECEIVED, REGISTERED)  # 签收, 登记 and 拟办 wait on the unit's clerks


def route_people(route: Route) -> frozenset[str]:
    """The drafter and everyone named on a step (also who handed a step on by 转办)."""
    people = {route.drafter}
    for step in route.steps:
        for a in step.assignees:
            people.add(a.user_id)
            if a.delegated_from:
                people.add(a.delegated_from)
    return frozenset(people)


def incoming_todo(doc: Incoming, clerks: frozenset[str]) -> frozenset[str]:
    """Who has the 收文 in 待办: the clerks while it waits for them, then the leader or handlers."""
    return clerks if doc.status in CLERK_STATES else todo_users(doc)


def incoming_people(doc: Incoming, clerks: frozenset[str]) -> frozenset[str]:
    """The unit's clerks and everyone its handling names (leader, handlers, readers)."""
    named = {doc.leader} if doc.leader else set()
    named |= {h.user_id for h in doc.handlers} | {r.user_id for r in doc.readers}
    return clerks | frozenset(named)
