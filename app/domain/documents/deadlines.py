"""时限: when a document is due and whether it is overdue, counted in Beijing time (Asia/Shanghai).

A 时限 given as a date means the end of that day in Beijing, wherever the computer's clock is set.
"""

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")


class DueState(StrEnum):
    NONE = "none"
    ON_TIME = "on_time"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


def due_at_end_of(day: date) -> datetime:
    """The instant a 时限 of `day` runs out: midnight after that day, Beijing time."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=BEIJING)


def due_state(due: datetime | None, now: datetime, finished: bool = False) -> DueState:
    """Where a document stands against its 时限; a finished one is never overdue."""
    if due is None or finished:
        return DueState.NONE
    if now.tzinfo is None or due.tzinfo is None:
        raise ValueError("时限和当前时间都必须带时区")
    if now >= due:
        return DueState.OVERDUE
    if now.astimezone(BEIJING).date() == (due - timedelta(microseconds=1)).astimezone(BEIJING).date():
        return DueState.DUE_TODAY
    return DueState.ON_TIME


def days_overdue(due: datetime, now: datetime) -> int:
    """Whole Beijing calendar days past the 时限 (0 when not overdue), for 催办 wording."""
    if now < due:
        return 0
    last_day = (due - timedelta(microseconds=1)).astimezone(BEIJING).date()
    return (now.astimezone(BEIJING).date() - last_day).days
