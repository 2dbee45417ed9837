"""Who may hold a 公文: 密级 ceilings (知悉范围) and the roles 签发 and 签收 need.

A person's clearance is the highest 密级 they may see; a document above it is never sent to them.
"""

from collections.abc import Iterable

from app.domain import authz
from app.domain.authz import DOC_ISSUE
from app.domain.documents.metadata import classification_rank
from app.domain.errors import RuleViolation

DEFAULT_CLEARANCE = "秘密"
CLERK_ROLE = "收发员"  # 签收, 登记, 分发
LEADER_ROLES = ("主要领导", "分管领导", "办公室主任")
SIGN_OFF_STAGE = "签发"


def demo_clearance(roles: tuple[str, ...]) -> str:
    """Leaders and clerks (who handle every incoming document) may see 机密; everyone else 秘密."""
    return "机密" if set(roles) & {*LEADER_ROLES, CLERK_ROLE} else DEFAULT_CLEARANCE


def within(classification: str, clearance: str) -> bool:
    return classification_rank(classification) <= classification_rank(clearance)


def check_ceiling(classification: str, name: str, clearance: str) -> None:
    if not within(classification, clearance):
        raise RuleViolation("doc.above_ceiling", f"该公文密级为“{classification}”，超出{name}的知悉范围（{clearance}），不能发送给其办理。")


def check_may_sign_off(name: str, permissions: Iterable[str]) -> None:
    """签发 needs the permission doc.issue (统一授权), granted to 主要领导 by default."""
    if not authz.holds(permissions, DOC_ISSUE):
        raise RuleViolation("doc.not_sign_off_role", f"{name}没有签发权限（统一授权中的“签发公文”）。")


def check_clerk(unit_id: str, person_unit: str, roles: tuple[str, ...] | list[str]) -> None:
    if person_unit != unit_id or CLERK_ROLE not in roles:
        raise RuleViolation("doc.not_clerk", "只有收文单位的收发员可以签收、退回或登记这份公文。")
