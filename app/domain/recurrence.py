"""重复预订 (recurring bookings): iCalendar RRULE semantics through python-dateutil, evaluated on
the Shanghai wall clock (a weekly 09:00 meeting stays at 09:00), stored and compared in UTC."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from app.domain.errors import RuleViolation

ZONE = ZoneInfo("Asia/Shanghai")
MAX_OCCURRENCES = 100
MAX_SPAN_DAYS = 366
WEEKLY, EVERY_OTHER_WEEK, MONTHLY_BY_WEEKDAY = "weekly", "every_other_week", "monthly_by_weekday"
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# One RRULE line, at most daily; DTSTART is always the first meeting's own start.
_RULE = re.compile(r"^(RRULE:)?FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,+\-]+)*$")


def expand(start: int, end: int, rule: str = "", exdates: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """The (start, end) UTC epoch seconds of every occurrence: just the one without a rule, else
    the RRULE's (e.g. "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=+2TU;COUNT=6") up to a year
    after the first, minus the occurrences starting at one of `exdates`."""
    length = end - start
    if not rule:
        return [(start, end)]
    bad_rule = RuleViolation("booking.bad_rule", f"重复规则无法识别：{rule[:100]}")
    if not _RULE.match(rule):
        raise bad_rule
    try:
        found = _occurrences(rule, start, length, set(exdates))
    except (ValueError, TypeError, IndexError, OverflowError) as exc:  # what dateutil raises for a rule it cannot follow
        raise bad_rule from exc
    if not found:
        raise RuleViolation("booking.no_occurrence", "按该重复规则没有任何一次会议，请检查规则和例外日期。")
    if any(later[0] < earlier[1] for earlier, later in zip(found, found[1:], strict=False)):
        raise RuleViolation("booking.occurrences_overlap", "重复预订的各次会议时间不能相互重叠。")
    return found


def _occurrences(rule: str, start: int, length: int, skipped: set[int]) -> list[tuple[int, int]]:
    first = datetime.fromtimestamp(start, ZONE)
    horizon = first + timedelta(days=MAX_SPAN_DAYS)
    found: list[tuple[int, int]] = []
    for moment in rrulestr(rule, dtstart=first).xafter(first, count=MAX_OCCURRENCES + len(skipped) + 1, inc=True):
        if moment > horizon:
            break
        begin = int(moment.astimezone(UTC).timestamp())
        if begin not in skipped:
            found.append((begin, begin + length))
        if len(found) > MAX_OCCURRENCES:
            raise RuleViolation("booking.too_many", f"一个重复预订最多 {MAX_OCCURRENCES} 次，请缩短重复期限。")
    return found


def rule_for(repeat: str, start: int, count: int) -> str:
    """The RRULE of a choice in the booking dialog: weekly, every other week, or monthly on the
    same n-th weekday as the first meeting (the 2nd Tuesday stays the 2nd Tuesday)."""
    if repeat == WEEKLY:
        return f"FREQ=WEEKLY;COUNT={count}"
    if repeat == EVERY_OTHER_WEEK:
        return f"FREQ=WEEKLY;INTERVAL=2;COUNT={count}"
    if repeat == MONTHLY_BY_WEEKDAY:
        first = local(start)
        return f"FREQ=MONTHLY;BYDAY=+{(first.day - 1) // 7 + 1}{_WEEKDAYS[first.weekday()]};COUNT={count}"
    return ""


def local(ts: int) -> datetime:
    """A UTC epoch second on the Shanghai clock."""
    return datetime.fromtimestamp(ts, ZONE)
