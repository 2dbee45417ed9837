"""Apply rows pulled from the server to the local mirror tables (one function per entity)."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.domain.directory import search_keys
from app.store import meta
from app.store.models import DepartmentRow, NoticeReadRow, NoticeRow, PersonRow, RoleRow, UnitRow

OWNER_KEY = "user_id"
Applier = Callable[[Session, str, int, dict[str, Any]], None]


def apply_row(session: Session, entity: str, row_id: str, version: int, deleted: bool, data: dict[str, Any]) -> None:
    """Make the local mirror hold the server's latest state of one entity (or forget it)."""
    if entity not in _APPLIERS:
        return  # an entity this client version does not know yet: newer servers may send more
    model = _MODELS[entity]
    if deleted:
        session.execute(delete(model).where(model.__mapper__.primary_key[0] == row_id))
        return
    _APPLIERS[entity](session, row_id, version, data)


def _unit(s: Session, row_id: str, version: int, d: dict) -> None:
    s.merge(UnitRow(id=row_id, name=d["name"], level=d["level"], parent=d["parent"], sort_order=d["sort_order"], version=version))


def _department(s: Session, row_id: str, version: int, d: dict) -> None:
    s.merge(DepartmentRow(id=row_id, unit_id=d["unit_id"], name=d["name"], sort_order=d["sort_order"], version=version))


def _person(s: Session, row_id: str, version: int, d: dict) -> None:
    unit = s.get(UnitRow, d["unit_id"])
    dept = s.get(DepartmentRow, d["department_id"])
    keys = search_keys(d["name"], unit.name if unit else "", dept.name if dept else "")
    s.merge(
        PersonRow(
            id=row_id,
            login=d["login"],
            name=d["name"],
            unit_id=d["unit_id"],
            department_id=d["department_id"],
            title=d["title"],
            phone=d["phone"],
            roles=list(d["roles"]),
            search_keys=keys,
            version=version,
        )
    )


def _role(s: Session, row_id: str, version: int, d: dict) -> None:
    s.merge(RoleRow(name=row_id, description=d["description"], version=version))


def _notice(s: Session, row_id: str, version: int, d: dict) -> None:
    owner = meta.get(s, OWNER_KEY)
    own_read = s.scalar(select(NoticeReadRow.read_at).where(NoticeReadRow.notice_id == row_id, NoticeReadRow.reader_id == owner))
    if own_read is None and d["publisher_id"] == owner:
        own_read = d["published_at"]  # one's own notice is never "unread"
    s.merge(
        NoticeRow(
            id=row_id,
            title=d["title"],
            body=d["body"],
            audience=d["audience"],
            publisher_id=d["publisher_id"],
            publisher_name=d["publisher_name"],
            publisher_unit_id=d["publisher_unit_id"],
            published_at=d["published_at"],
            read_at=own_read,
            pending=False,
            version=version,
        )
    )


def _notice_read(s: Session, row_id: str, version: int, d: dict) -> None:
    s.merge(
        NoticeReadRow(
            id=row_id,
            notice_id=d["notice_id"],
            reader_id=d["reader_id"],
            reader_name=d["reader_name"],
            read_at=d["read_at"],
            pending=False,
            version=version,
        )
    )
    if d["reader_id"] == meta.get(s, OWNER_KEY):
        s.execute(update(NoticeRow).where(NoticeRow.id == d["notice_id"]).values(read_at=d["read_at"]))


_APPLIERS: dict[str, Applier] = {
    "unit": _unit,
    "department": _department,
    "person": _person,
    "role": _role,
    "notice": _notice,
    "notice_read": _notice_read,
}
_MODELS = {
    "unit": UnitRow,
    "department": DepartmentRow,
    "person": PersonRow,
    "role": RoleRow,
    "notice": NoticeRow,
    "notice_read": NoticeReadRow,
}
