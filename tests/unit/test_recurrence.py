"""重复预订 against known calendars: RRULE semantics on the Shanghai clock, exceptions, limits."""

from datetime import UTC, datetime

import pytest

from app.domain.errors import RuleViolation
from app.domain.recurrence import EVERY_OTHER_WEEK, MAX_OCCURRENCES, MONTHLY_BY_WEEKDAY, WEEKLY, ZONE, expand, local, rule_for


def at(text: str) -> int:
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZONE).timestamp())


def shown(occurrences) -> list[str]:
    return [f"{local(s):%Y-%m-%d %H:%M}-{local(e):%H:%M}" for s, e in occurrences]


def test_a_single_booking_is_one_occurrence():
    assert expand(at("2026-12-01 09:00"), at("2026-12-01 10:00")) == [(at("2026-12-01 09:00"), at("2026-12-01 10:00"))]


def test_every_other_week_with_an_exception():
    found = expand(at("2026-12-01 09:00"), at("2026-12-01 10:00"), "FREQ=WEEKLY;INTERVAL=2;COUNT=4", (at("2026-12-15 09:00"),))
    assert shown(found) == ["2026-12-01 09:00-10:00", "2026-12-29 09:00-10:00", "2027-01-12 09:00-10:00"]


def test_monthly_on_the_second_tuesday():
    found = expand(at("2026-12-08 14:30"), at("2026-12-08 16:00"), "FREQ=MONTHLY;BYDAY=+2TU;COUNT=4")
    # 2026-12-08, 2027-01-12, 2027-02-09, 2027-03-09 are the second Tuesdays
    assert shown(found) == ["2026-12-08 14:30-16:00", "2027-01-12 14:30-16:00", "2027-02-09 14:30-16:00", "2027-03-09 14:30-16:00"]


def test_an_evening_meeting_crosses_midnight_on_the_shanghai_clock():
    found = expand(at("2026-12-31 23:00"), at("2027-01-01 01:00"), "FREQ=DAILY;COUNT=2")
    assert shown(found) == ["2026-12-31 23:00-01:00", "2027-01-01 23:00-01:00"]
    assert found[0][0] == int(datetime(2026, 12, 31, 15, 0, tzinfo=UTC).timestamp())  # stored in UTC


def test_an_endless_rule_stops_after_a_year_and_too_many_is_refused():
    weekly = expand(at("2026-12-01 09:00"), at("2026-12-01 10:00"), "FREQ=WEEKLY")
    assert len(weekly) == 53 and local(weekly[-1][0]).year == 2027
    with pytest.raises(RuleViolation) as refused:
        expand(at("2026-12-01 09:00"), at("2026-12-01 10:00"), "FREQ=DAILY")
    assert refused.value.code == "booking.too_many" and str(MAX_OCCURRENCES) in refused.value.message


@pytest.mark.parametrize(
    "rule",
    ["EVERY TUESDAY", "FREQ=WEEKLY;BYDAY=XX", "FREQ=MONTHLY;BYDAY=+9TU", "FREQ=DAILY;INTERVAL=-1", "FREQ=MINUTELY;COUNT=5", "DTSTART:20200101T000000\nRRULE:FREQ=DAILY", "FREQ=WEEKLY;UNTIL=20270101"],
)
def test_a_rule_that_cannot_be_followed_is_refused(rule):
    with pytest.raises(RuleViolation) as refused:
        expand(at("2026-12-01 09:00"), at("2026-12-01 10:00"), rule)
    assert refused.value.code == "booking.bad_rule"


def test_occurrences_of_one_series_may_not_overlap():
    with pytest.raises(RuleViolation) as refused:
        expand(at("2026-12-01 09:00"), at("2026-12-01 11:00"), "FREQ=DAILY;BYHOUR=9,10;COUNT=4")
    assert refused.value.code == "booking.occurrences_overlap"


def test_the_dialog_choices_make_the_rules_users_mean():
    second_tuesday = at("2026-12-08 14:30")
    assert rule_for(WEEKLY, second_tuesday, 3) == "FREQ=WEEKLY;COUNT=3"
    assert rule_for(EVERY_OTHER_WEEK, second_tuesday, 3) == "FREQ=WEEKLY;INTERVAL=2;COUNT=3"
    assert rule_for(MONTHLY_BY_WEEKDAY, second_tuesday, 3) == "FREQ=MONTHLY;BYDAY=+2TU;COUNT=3"
    assert rule_for("", second_tuesday, 3) == ""
