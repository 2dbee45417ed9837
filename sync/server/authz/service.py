"""统一授权 on the server: what a person may do, `require` for every op that needs a permission,
and the administrator's changes (roles, grants, members, a person's 密级 clearance), each sent to
the clients through the directory scope so they can hide what their user may not do."""

import time

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain import authz
from app.domain.authz import AUTHZ_MANAGE, SYSTEM_SEE
from app.domain.documents.metadata import CLASSIFICATIONS
from app.domain.errors import RuleViolation
from app.domain.scopes import DIRECTORY
from sync.server.audit import service as audit
from sync.server.audit.service import Actor
from sync.server.auth.service import CurrentUser
from sync.server.authz.models import RoleGrantModel
from sync.server.authz.schemas import ClearanceArgs, GrantArgs, MemberArgs, RoleArgs
from sync.server.changelog.service import EntityChange, record_many
from sync.server.directory import service as directory
from sync.server.directory.models import PersonModel, RoleModel
from sync.server.documents import publish as documents
from sync.server.oidc import catalogue
from sync.server.oidc.models import OidcClientModel

ENTITY = "role_grant"


class HasRoles(Protocol):
    @property
    def roles(self) -> Sequence[str]: ...


def permissions_of(session: Session, roles: Iterable[str]) -> set[str]:
    """Every permission these roles hold, the systems they may see included."""
    held = list(roles)
    granted = set(session.scalars(select(RoleGrantModel.permission).where(RoleGrantModel.role.in_(held))))
    systems = session.execute(select(OidcClientModel.client_id, OidcClientModel.allowed_roles)).all()
    return granted | {f"{SYSTEM_SEE}:{cid}" for cid, allowed in systems if authz.sees_system(allowed, held)}


def require(session: Session, user: HasRoles, permission: str, target: str | Sequence[str] | None = None) -> None:
    """Raise the permission's refusal (RuleViolation) unless the user's roles hold it, for all
    targets or for one of `target` (a room: its id and its building)."""
    targets = [target] if isinstance(target, str) else list(target or ())
    authz.check(permissions_of(session, user.roles), permission, targets)


def holds(session: Session, user: HasRoles, permission: str) -> bool:
    return authz.holds(permissions_of(session, user.roles), permission)


def grants(session: Session) -> list[tuple[str, str]]:
    """(role, permission), system visibility included, by role."""
    rows = [(g.role, g.permission) for g in session.scalars(select(RoleGrantModel))]
    rows += [(role, f"{SYSTEM_SEE}:{c.client_id}") for c in session.scalars(select(OidcClientModel)) for role in c.allowed_roles]
    return sorted(rows)


def create_role(session: Session, name: str, description: str) -> None:
    if not name.strip():
        raise RuleViolation("authz.role_missing", "请填写角色名称。")
    if session.get(RoleModel, name) is not None:
        raise RuleViolation("authz.role_exists", f"已有名为 {name} 的角色。")
    directory.add_roles(session, {name: description})


def grant(session: Session, role: str, permission: str) -> None:
    found, target = authz.parse(permission)
    _role(session, role)
    if found.name == SYSTEM_SEE:
        client = _system(session, target)
        if role not in client.allowed_roles:
            client.allowed_roles = [*client.allowed_roles, role]
            catalogue.publish(session, client)
        return
    if session.get(RoleGrantModel, (role, permission)) is None:
        session.add(RoleGrantModel(role=role, permission=permission))
        _publish(session, [(role, permission)])


def revoke(session: Session, role: str, permission: str) -> None:
    found, target = authz.parse(permission)
    if found.name == SYSTEM_SEE:
        client = _system(session, target)
        if role in client.allowed_roles and len(client.allowed_roles) == 1:
            raise RuleViolation("authz.last_system_role", f"{client.name}只剩这一个角色可见；没有角色的系统对所有人开放，请先授予其他角色。")
        if role in client.allowed_roles:
            client.allowed_roles = [r for r in client.allowed_roles if r != role]
            catalogue.publish(session, client)
        return
    if session.get(RoleGrantModel, (role, permission)) is not None:
        session.execute(delete(RoleGrantModel).where(RoleGrantModel.role == role, RoleGrantModel.permission == permission))
        _publish(session, [(role, permission)], deleted=True)


def assign(session: Session, role: str, person_id: str) -> None:
    _role(session, role)
    person = _person(session, person_id)
    if role not in person.roles:
        person.roles = [*person.roles, role]
        directory.publish_person(session, person)


def unassign(session: Session, role: str, person_id: str) -> None:
    person = _person(session, person_id)
    if role in person.roles:
        person.roles = [r for r in person.roles if r != role]
        directory.publish_person(session, person)


def set_clearance(session: Session, person_id: str, level: str, actor: Actor) -> None:
    """A person's 密级 clearance (the highest level they may see), audited. It reaches their
    client through the directory; a lower one takes their 公文 above it off their computer at
    the next sync, and the file scopes above it are no longer theirs (sync pull says so)."""
    if level not in CLASSIFICATIONS:
        raise RuleViolation("authz.bad_clearance", f"密级只能是{'、'.join(CLASSIFICATIONS)}之一，没有“{level}”。")
    person = _person(session, person_id)
    if person.clearance == level:
        return
    audit.record(session, time.time(), "person.clearance", actor, f"{person.id} {person.clearance}→{level}")
    person.clearance = level
    directory.publish_person(session, person)
    documents.withdraw_above(session, person.id, level)


def publish_all(session: Session) -> None:
    """Send every grant and registered system to the clients again (after an upgrade)."""
    _publish(session, [(g.role, g.permission) for g in session.scalars(select(RoleGrantModel))])
    for client in session.scalars(select(OidcClientModel)):
        catalogue.publish(session, client)


def _publish(session: Session, rows: list[tuple[str, str]], deleted: bool = False) -> None:
    if rows:
        changes = [EntityChange(ENTITY, grant_id(role, p), 1, {"role": role, "permission": p}, deleted) for role, p in rows]
        record_many(session, DIRECTORY, changes)


def grant_id(role: str, permission: str) -> str:
    return f"{role}|{permission}"


def _role(session: Session, name: str) -> RoleModel:
    found = session.get(RoleModel, name)
    if found is None:
        raise RuleViolation("authz.unknown_role", f"没有名为 {name} 的角色。")
    return found


def _person(session: Session, person_id: str) -> PersonModel:
    found = session.get(PersonModel, person_id) or directory.person_by_login(session, person_id)
    if found is None:
        raise RuleViolation("authz.unknown_person", f"没有编号或登录名为 {person_id} 的人员。")
    return found


def _check_own_unit(session: Session, user: CurrentUser, person_id: str) -> None:
    """From a client an administrator gives roles to the people of their own unit; IT's command line to anyone."""
    if _person(session, person_id).unit_id != user.unit_id:
        raise RuleViolation("authz.other_unit", "只能调整本单位人员的角色。")


def _system(session: Session, client_id: str) -> OidcClientModel:
    found = session.get(OidcClientModel, client_id)
    if found is None:
        raise RuleViolation("authz.unknown_system", f"没有编号为 {client_id} 的业务系统。")
    return found


def _op_create_role(session: Session, user: HasRoles, args: dict[str, Any]) -> dict[str, Any]:
    a = RoleArgs.model_validate(args)
    require(session, user, AUTHZ_MANAGE)
    create_role(session, a.role.strip(), a.description.strip())
    return {"role": a.role.strip()}


def _op_grant(session: Session, user: HasRoles, args: dict[str, Any]) -> dict[str, Any]:
    a = GrantArgs.model_validate(args)
    require(session, user, AUTHZ_MANAGE)
    grant(session, a.role, a.permission)
    return {"role": a.role, "permission": a.permission}


def _op_revoke(session: Session, user: HasRoles, args: dict[str, Any]) -> dict[str, Any]:
    a = GrantArgs.model_validate(args)
    require(session, user, AUTHZ_MANAGE)
    revoke(session, a.role, a.permission)
    return {"role": a.role, "permission": a.permission}


def _op_assign(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = MemberArgs.model_validate(args)
    require(session, user, AUTHZ_MANAGE)
    _check_own_unit(session, user, a.person_id)
    assign(session, a.role, a.person_id)
    return {"role": a.role, "person_id": a.person_id}


def _op_unassign(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = MemberArgs.model_validate(args)
    require(session, user, AUTHZ_MANAGE)
    _check_own_unit(session, user, a.person_id)
    unassign(session, a.role, a.person_id)
    return {"role": a.role, "person_id": a.person_id}


def _op_set_clearance(session: Session, user: CurrentUser, args: dict[str, Any]) -> dict[str, Any]:
    a = ClearanceArgs.model_validate(args)
    require(session, user, AUTHZ_MANAGE)
    _check_own_unit(session, user, a.person_id)
    set_clearance(session, a.person_id, a.clearance, Actor("sync", user.id, user.device_id))
    return {"person_id": a.person_id, "clearance": a.clearance}


OPS = {
    "authz.create_role": _op_create_role,
    "authz.grant": _op_grant,
    "authz.revoke": _op_revoke,
    "authz.assign": _op_assign,
    "authz.unassign": _op_unassign,
    "authz.set_clearance": _op_set_clearance,
}
