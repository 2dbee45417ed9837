"""门户待办: the 待办 other intranet systems put into the portal, most pressing first."""

from dataclasses import dataclass

from sqlalchemy import select

from app.store.cache import Cache
from app.store.models import PortalTodoRow

URGENCY_ORDER = {"very_urgent": 0, "urgent": 1, "normal": 2}  # 特急、急、普通


@dataclass(frozen=True)
class PortalTodo:
    id: str
    system: str
    title: str
    link: str
    deadline: float | None
    urgency: str


class TodoService:
    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def from_other_systems(self) -> list[PortalTodo]:
        """Open items by urgency, then the nearest deadline (none last)."""
        columns = (PortalTodoRow.id, PortalTodoRow.system, PortalTodoRow.title, PortalTodoRow.link, PortalTodoRow.deadline, PortalTodoRow.urgency)
        with self._cache.session() as s:
            items = [PortalTodo(*row) for row in s.execute(select(*columns))]  # plain rows: the 门户 reads hundreds
        return sorted(items, key=lambda t: (URGENCY_ORDER.get(t.urgency, 2), t.deadline is None, t.deadline or 0.0))
