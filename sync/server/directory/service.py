"""Add directory entries and publish each to the change log (scope "directory"); look people up."""

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.domain.directory import Department, Person, Unit
from app.domain.scopes import DIRECTORY
from sync.server.changelog.service import EntityChange, record_many
from sync.server.directory.models import DepartmentModel, PersonModel, RoleModel, UnitModel

VERSION = 1
KNOWN_UNITS = "directory.known_units"  # key in Session.info


def add_units(session: Session, units: Sequence[Unit]) -> None:
    _add(session, UnitModel, "unit", [asdict(u) for u in units])


def add_departments(session: Session, departments: Sequence[Department]) -> None:
    _add(session, DepartmentModel, "department", [asdict(d) for d in departments])


def add_people(session: Session, people: Sequence[Person]) -> None:
    _add(session, PersonModel, "person", [{**asdict(p), "roles": list(p.roles)} for p in people])


def add_roles(session: Session, roles: Mapping[str, str]) -> None:
    """Roles (角色) by their Chinese name, which is also their id."""
    _add(session, RoleModel, "role", [{"name": name, "description": text} for name, text in roles.items()], key="name")


def person_by_login(session: Session, login: str) -> PersonModel | None:
    return session.scalar(select(PersonModel).where(PersonModel.login == login))


def unit_name(session: Session, unit_id: str) -> str:
    return session.scalar(select(UnitModel.name).where(UnitModel.id == unit_id)) or ""


def unit_exists(session: Session, unit_id: str) -> bool:
    """Whether the unit exists. A unit found is remembered for the rest of the session: a push
    group asks once per op, and the identity map forgets an object nobody holds."""
    known: set[str] = session.info.setdefault(KNOWN_UNITS, set())
    if unit_id not in known and session.scalar(select(UnitModel.id).where(UnitModel.id == unit_id)) is not None:
        known.add(unit_id)
    return unit_id in known


def _add(session: Session, model: type, entity: str, rows: list[dict], key: str = "id") -> None:
    """Insert rows in bulk; the change log gets every column but the key, as the clients expect."""
    if not rows:
        return
    session.execute(insert(model), rows)
    changes = [EntityChange(entity, row[key], VERSION, {k: v for k, v in row.items() if k != key}) for row in rows]
    record_many(session, DIRECTORY, changes)


def publish_person(session: Session, person: PersonModel) -> None:
    """Send a changed person (their roles) to every client again."""
    data = {c.key: getattr(person, c.key) for c in PersonModel.__table__.columns if c.key != "id"}
    record_many(session, DIRECTORY, [EntityChange("person", person.id, VERSION, {**data, "roles": list(person.roles)})])
