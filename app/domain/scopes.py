"""Sync scopes: the named slices of data one user may see (DESIGN: pull per scope by cursor)."""

from app.domain.files import levels_within
from app.domain.notices import AUDIENCE_ALL

DIRECTORY = "directory"


def notice_scope(audience: str) -> str:
    """The scope a notice travels in: everyone's, or one unit's."""
    return "notices:all" if audience == AUDIENCE_ALL else f"notices:unit:{audience}"


def user_scope(person_id: str) -> str:
    """A person's own slice: their read marks and the read receipts of what they published."""
    return f"user:{person_id}"


def resource_scope(unit_id: str) -> str:
    """A unit's resource calendars: its meeting rooms and their bookings."""
    return f"resources:unit:{unit_id}"


def scopes_for(person_id: str, unit_id: str) -> list[str]:
    """Every scope a member of `unit_id` pulls."""
    return [DIRECTORY, notice_scope(AUDIENCE_ALL), notice_scope(unit_id), user_scope(person_id), resource_scope(unit_id)]


def file_scope(kind: str, grantee_id: str, level: str) -> str:
    """Files of one 密级 that a person, department or unit may see (文件共享); folders travel
    in the 公开 scope of each grantee."""
    return f"files:{kind}:{grantee_id}:{level}"


def file_slice(scope: str) -> str:
    """A file scope without its 密级 ("files:unit:u01:秘密" -> "files:unit:u01"), "" for another
    scope: the scopes of one slice come and go with the person's clearance."""
    return scope.rpartition(":")[0] if scope.startswith("files:") else ""


def file_scopes_for(person_id: str, department_id: str, unit_id: str, clearance: str) -> list[str]:
    """The file scopes of a person: their own, their department's and their unit's, at every
    密级 up to their ceiling; nothing above it is ever pulled."""
    grantees = (("person", person_id), ("department", department_id), ("unit", unit_id))
    return [file_scope(kind, gid, level) for kind, gid in grantees for level in levels_within(clearance)]
