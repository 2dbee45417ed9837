"""通讯录: browse units and departments, find people by name, pinyin initials or unit."""

from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.domain.directory import normalise_query
from app.store.cache import Cache
from app.store.models import DepartmentRow, PersonRow, UnitRow

SEARCH_LIMIT = 200


@dataclass(frozen=True)
class UnitEntry:
    id: str
    name: str
    level: str


@dataclass(frozen=True)
class DepartmentEntry:
    id: str
    unit_id: str
    name: str


@dataclass(frozen=True)
class PersonEntry:
    id: str
    name: str
    title: str
    phone: str
    unit_id: str
    unit_name: str
    department_id: str
    department_name: str
    roles: tuple[str, ...]


class DirectoryService:
    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def units(self) -> list[UnitEntry]:
        with self._cache.session() as s:
            rows = s.scalars(select(UnitRow).order_by(UnitRow.sort_order))
            return [UnitEntry(u.id, u.name, u.level) for u in rows]

    def departments(self, unit_id: str) -> list[DepartmentEntry]:
        with self._cache.session() as s:
            rows = s.scalars(select(DepartmentRow).where(DepartmentRow.unit_id == unit_id).order_by(DepartmentRow.sort_order))
            return [DepartmentEntry(d.id, d.unit_id, d.name) for d in rows]

    def people(self, department_id: str) -> list[PersonEntry]:
        with self._cache.session() as s:
            return self._entries(s, select(PersonRow).where(PersonRow.department_id == department_id).order_by(PersonRow.id))

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[PersonEntry]:
        """People whose name, pinyin initials, unit or department contain the query."""
        needle = normalise_query(query)
        if not needle:
            return []
        with self._cache.session() as s:
            pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = select(PersonRow).where(PersonRow.search_keys.like(pattern, escape="\\")).order_by(PersonRow.unit_id, PersonRow.id).limit(limit)
            return self._entries(s, stmt)

    def person(self, person_id: str) -> PersonEntry | None:
        with self._cache.session() as s:
            found = self._entries(s, select(PersonRow).where(PersonRow.id == person_id))
            return found[0] if found else None

    def count_people(self) -> int:
        with self._cache.session() as s:
            return s.scalar(select(func.count()).select_from(PersonRow)) or 0

    @staticmethod
    def _entries(s: Session, stmt: Select) -> list[PersonEntry]:
        units = dict(s.execute(select(UnitRow.id, UnitRow.name)).all())
        depts = dict(s.execute(select(DepartmentRow.id, DepartmentRow.name)).all())
        return [
            PersonEntry(p.id, p.name, p.title, p.phone, p.unit_id, units.get(p.unit_id, ""), p.department_id, depts.get(p.department_id, ""), tuple(p.roles))
            for p in s.scalars(stmt)
        ]
