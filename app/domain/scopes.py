"""Sync scopes: the named slices of data one user may see (DESIGN: pull per scope by cursor)."""

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
