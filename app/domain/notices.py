"""通知公告 (notices, the plan's 信息发布): who may publish to whom, and what a notice must hold."""

from dataclasses import dataclass

from app.domain.errors import RuleViolation

TITLE_MAX_CHARS = 200
BODY_MAX_CHARS = 200_000
AUDIENCE_ALL = "all"
# Roles that may publish beyond their own unit (to another unit or to everyone).
WIDE_PUBLISHER_ROLES = frozenset({"办公室主任", "主要领导", "系统管理员"})


@dataclass(frozen=True)
class NoticeDraft:
    """What a publisher writes: audience is AUDIENCE_ALL or a unit id."""

    title: str
    body: str
    audience: str


def validate_draft(draft: NoticeDraft) -> NoticeDraft:
    """Return the draft with its title trimmed, or raise RuleViolation with the reason."""
    title = draft.title.strip()
    if not title:
        raise RuleViolation("notice.title_empty", "通知标题不能为空。")
    if len(title) > TITLE_MAX_CHARS:
        raise RuleViolation("notice.title_too_long", f"通知标题不能超过 {TITLE_MAX_CHARS} 个字。")
    if not draft.body.strip():
        raise RuleViolation("notice.body_empty", "通知正文不能为空。")
    if len(draft.body) > BODY_MAX_CHARS:
        raise RuleViolation("notice.body_too_long", f"通知正文不能超过 {BODY_MAX_CHARS} 个字。")
    if not draft.audience:
        raise RuleViolation("notice.audience_missing", "请选择通知的发布范围。")
    return NoticeDraft(title=title, body=draft.body, audience=draft.audience)


def check_may_publish(publisher_unit_id: str, publisher_roles: frozenset[str] | set[str], audience: str) -> None:
    """Anyone publishes to their own unit; only the office head or leaders publish wider."""
    if audience == publisher_unit_id:
        return
    if WIDE_PUBLISHER_ROLES & set(publisher_roles):
        return
    raise RuleViolation(
        "notice.audience_forbidden",
        "您只能向本单位发布通知；向其他单位或全体发布需由办公室主任或单位领导办理。",
    )


def is_addressed_to(audience: str, unit_id: str) -> bool:
    """Whether a notice with this audience reaches a member of `unit_id`."""
    return audience == AUDIENCE_ALL or audience == unit_id
