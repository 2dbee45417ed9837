"""统一授权: permissions, what each guards, and the grants a fresh deployment starts with.

A permission is a name (`vehicle.dispatch`) or a name bound to a target (`room.manage:u01-r2`,
`room.manage:南通市政府办公楼`, `system.see:gwjh`); the bare name covers every target. Roles hold
permissions, people hold roles. Server and client decide with the same `check`.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.errors import RuleViolation

DOC_ISSUE = "doc.issue"
DOC_SEAL = "doc.seal"
VEHICLE_APPROVE = "vehicle.approve"
VEHICLE_DISPATCH = "vehicle.dispatch"
ROOM_MANAGE = "room.manage"
SYSTEM_SEE = "system.see"
AUTHZ_MANAGE = "authz.manage"
SEPARATOR = ":"


@dataclass(frozen=True)
class Permission:
    name: str
    label: str  # 中文, as the admin view and refusals name it
    refusal_code: str
    refusal: str
    targeted: bool = False


PERMISSIONS: dict[str, Permission] = {
    p.name: p
    for p in (
        Permission(DOC_ISSUE, "签发公文", "doc.not_issuer", "只有有签发权限的领导可以签发公文。"),
        Permission(DOC_SEAL, "用印（单位印章）", "doc.not_seal_keeper", "只有单位印章管理人员可以用印。"),
        Permission(VEHICLE_APPROVE, "审批用车", "vehicle.not_approver", "用车审批须由单位领导或办公室主任办理。"),
        Permission(VEHICLE_DISPATCH, "派车", "vehicle.not_dispatcher", "只有车辆调度员（或办公室主任）可以派车。"),
        Permission(ROOM_MANAGE, "管理会议室", "booking.not_room_manager", "只有会议室管理员（或办公室主任）可以审批会议室预订。", targeted=True),
        Permission(SYSTEM_SEE, "使用业务系统", "authz.system_hidden", "您的角色无权使用该业务系统。", targeted=True),
        Permission(AUTHZ_MANAGE, "管理角色与权限", "authz.not_admin", "只有系统管理员可以管理角色与权限。"),
    )
}

# What the roles could do before permissions were managed centrally (the rules then hard-coded).
DEFAULT_GRANTS: dict[str, tuple[str, ...]] = {
    "主要领导": (DOC_ISSUE, VEHICLE_APPROVE),
    "分管领导": (VEHICLE_APPROVE,),
    "办公室主任": (VEHICLE_APPROVE, VEHICLE_DISPATCH, ROOM_MANAGE, DOC_SEAL),
    "车辆调度员": (VEHICLE_DISPATCH,),
    "会议室管理员": (ROOM_MANAGE,),
    "系统管理员": (AUTHZ_MANAGE,),
}


def parse(text: str) -> tuple[Permission, str]:
    """The permission and its target ("" for all); raises RuleViolation for an unknown one."""
    name, _, target = text.strip().partition(SEPARATOR)
    found = PERMISSIONS.get(name)
    if found is None or (target and not found.targeted) or (found.name == SYSTEM_SEE and not target):
        raise RuleViolation("authz.unknown_permission", f"没有名为 {text} 的权限。可用：{'、'.join(PERMISSIONS)}。")
    return found, target


def holds(granted: Iterable[str], permission: str, targets: Iterable[str] = ()) -> bool:
    held = set(granted)
    return permission in held or any(f"{permission}{SEPARATOR}{t}" in held for t in targets)


def check(granted: Iterable[str], permission: str, targets: Iterable[str] = ()) -> None:
    """Raise the permission's refusal unless `granted` covers it for one of `targets`."""
    if not holds(granted, permission, targets):
        found = PERMISSIONS[permission]
        raise RuleViolation(found.refusal_code, found.refusal)


def sees_system(allowed_roles: Iterable[str], roles: Iterable[str]) -> bool:
    """A system registered without roles is open to everyone."""
    allowed = set(allowed_roles)
    return not allowed or bool(allowed & set(roles))


def describe(permission: str) -> str:
    """签发公文, 管理会议室（u01-r2）: how people read a granted permission."""
    name, _, target = permission.partition(SEPARATOR)
    label = PERMISSIONS[name].label if name in PERMISSIONS else name
    return f"{label}（{target}）" if target else label
