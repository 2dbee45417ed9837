"""统一授权 on the client: what this user may do (to hide what they may not), and, for an
administrator, the roles with their permissions and members (with each one's 密级 clearance),
changed through ops the server re-checks. A change shows once the server has applied it and the next pull brings it back."""

import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import authz
from app.domain.authz import AUTHZ_MANAGE, SYSTEM_SEE
from app.domain.documents.metadata import CLASSIFICATIONS
from app.domain.errors import RuleViolation
from app.services import local_ops
from app.services.account import User
from app.store import outbox
from app.store.cache import Cache
from app.store.models import PersonRow, RoleGrantRow, RoleRow, SystemRow


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    clearance: str  # 密级: the highest level they may see


@dataclass(frozen=True)
class RoleView:
    name: str
    description: str
    permissions: tuple[str, ...]
    members: tuple[Member, ...]


class AuthzService:
    def __init__(self, cache: Cache, user: User) -> None:
        self._cache = cache
        self._user = user

    def permissions(self) -> set[str]:
        with self._cache.session() as s:
            return permissions_in(s, self._user)

    def may(self, permission: str, targets: tuple[str, ...] = ()) -> bool:
        return authz.holds(self.permissions(), permission, targets)

    def check(self, permission: str, targets: tuple[str, ...] = ()) -> None:
        authz.check(self.permissions(), permission, targets)

    @property
    def may_administer(self) -> bool:
        return self.may(AUTHZ_MANAGE)

    def roles(self) -> list[RoleView]:
        """Every role with its permissions (systems it sees included) and members, by name."""
        with self._cache.session() as s:
            held: dict[str, list[str]] = {}
            for role, permission in s.execute(select(RoleGrantRow.role, RoleGrantRow.permission)):
                held.setdefault(role, []).append(permission)
            for system_id, roles in s.execute(select(SystemRow.id, SystemRow.roles)):
                for role in roles:
                    held.setdefault(role, []).append(f"{SYSTEM_SEE}:{system_id}")
            members: dict[str, list[Member]] = {}
            people = select(PersonRow.id, PersonRow.name, PersonRow.clearance, PersonRow.roles).where(func.json_array_length(PersonRow.roles) > 0)
            for person_id, name, clearance, roles in s.execute(people):
                for role in roles:
                    members.setdefault(role, []).append(Member(person_id, name, clearance))
            rows = s.execute(select(RoleRow.name, RoleRow.description).order_by(RoleRow.name)).all()
        return [RoleView(name, text, tuple(sorted(held.get(name, []))), tuple(members.get(name, []))) for name, text in rows]

    def create_role(self, name: str, description: str) -> None:
        if not name.strip():
            raise RuleViolation("authz.role_missing", "请填写角色名称。")
        self._act("authz.create_role", {"role": name.strip(), "description": description.strip()})

    def grant(self, role: str, permission: str) -> None:
        authz.parse(permission)
        self._act("authz.grant", {"role": role, "permission": permission.strip()})

    def revoke(self, role: str, permission: str) -> None:
        self._act("authz.revoke", {"role": role, "permission": permission})

    def assign(self, role: str, person: str) -> None:
        """`person`: their id or login, as the directory on this computer knows them."""
        with self._cache.session() as s:
            found = s.scalar(select(PersonRow.id).where((PersonRow.id == person.strip()) | (PersonRow.login == person.strip())))
        if found is None:
            raise RuleViolation("authz.unknown_person", f"通讯录中没有编号或登录名为 {person} 的人员。")
        self._act("authz.assign", {"role": role, "person_id": found})

    def unassign(self, role: str, person_id: str) -> None:
        self._act("authz.unassign", {"role": role, "person_id": person_id})

    def set_clearance(self, person_id: str, level: str) -> None:
        """A person's 密级 clearance; the server checks the right and the person's unit again."""
        if level not in CLASSIFICATIONS:
            raise RuleViolation("authz.bad_clearance", f"密级只能是{'、'.join(CLASSIFICATIONS)}之一，没有“{level}”。")
        self._act("authz.set_clearance", {"person_id": person_id, "clearance": level})

    def _act(self, name: str, args: dict) -> None:
        self.check(AUTHZ_MANAGE)
        with self._cache.sessions.begin() as s:
            local_ops.apply(s, self._user, name, args, time.time())
            outbox.append(s, name, args)


def roles_of(session: Session, user: User) -> tuple[str, ...]:
    """The user's roles as the directory last said (an administrator may have changed them since login)."""
    held = session.scalar(select(PersonRow.roles).where(PersonRow.id == user.id))
    return tuple(held) if held is not None else user.roles


def permissions_in(session: Session, user: User) -> set[str]:
    """The user's permissions from the cache. Until the server has sent any grant (an older server,
    a first pull still to come), the roles keep what they could always do (DEFAULT_GRANTS)."""
    return permissions_of_roles(session, roles_of(session, user))


def permissions_of_roles(session: Session, roles: Sequence[str]) -> set[str]:
    """What these roles hold, as the cache knows it (DEFAULT_GRANTS until the server sent grants)."""
    if session.scalar(select(RoleGrantRow.id).limit(1)) is None:
        granted = {p for r in roles for p in authz.DEFAULT_GRANTS.get(r, ())}
    else:
        granted = set(session.scalars(select(RoleGrantRow.permission).where(RoleGrantRow.role.in_(roles))))
    systems = session.execute(select(SystemRow.id, SystemRow.roles)).all()
    return granted | {f"{SYSTEM_SEE}:{sid}" for sid, allowed in systems if authz.sees_system(allowed, roles)}
