"""用车 rules: no double booking, free cars, mileage, monthly report."""

from datetime import datetime

import pytest

from app.domain.errors import RuleViolation
from app.domain.recurrence import ZONE
from app.domain.vehicles import (
    IN_SERVICE,
    Taken,
    Trip,
    Vehicle,
    check_dispatch,
    check_mileage,
    free_vehicles,
    monthly_report,
)


def at(text: str) -> int:
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZONE).timestamp())


SEDAN = Vehicle("v1", "苏F·00101", 5, IN_SERVICE)
VAN = Vehicle("v2", "苏F·00102", 7, IN_SERVICE)
REPAIR = Vehicle("v3", "苏F·00103", 5, "维修")
MORNING = Taken("t1", "v1", "k1", at("2026-12-01 09:00"), at("2026-12-01 12:00"))


def test_a_car_or_driver_on_another_trip_cannot_be_sent_and_the_refusal_offers_what_is_free():
    noon = (at("2026-12-01 11:00"), at("2026-12-01 13:00"))
    with pytest.raises(RuleViolation) as car:
        check_dispatch("t2", *noon, 3, SEDAN, "k2", [MORNING], ["苏F·00102"])
    assert car.value.code == "vehicle.car_busy" and "苏F·00102" in car.value.message
    with pytest.raises(RuleViolation) as driver:
        check_dispatch("t2", *noon, 3, VAN, "k1", [MORNING], [])
    assert driver.value.code == "vehicle.driver_busy"
    check_dispatch("t2", at("2026-12-01 12:00"), at("2026-12-01 13:00"), 3, SEDAN, "k1", [MORNING], [])  # back-to-back is fine
    check_dispatch("t1", *noon, 3, SEDAN, "k1", [MORNING], [])  # its own trip does not count


def test_free_vehicles_are_in_service_seat_enough_and_are_not_out():
    noon = (at("2026-12-01 11:00"), at("2026-12-01 13:00"))
    assert free_vehicles(*noon, 3, [SEDAN, VAN, REPAIR], [MORNING]) == [VAN]
    assert free_vehicles(*noon, 6, [SEDAN, VAN, REPAIR], []) == [VAN]
    assert free_vehicles(at("2026-12-01 14:00"), at("2026-12-01 15:00"), 3, [VAN, SEDAN], [MORNING]) == [SEDAN, VAN]


def test_mileage_is_recorded_in_order():
    check_mileage(1000, 1000)
    with pytest.raises(RuleViolation, match="小于出车里程"):
        check_mileage(1000, 999)
    with pytest.raises(RuleViolation, match="尚未登记出车"):
        check_mileage(None, 1000)


def test_the_monthly_report_counts_trips_that_set_out_in_the_month_on_the_shanghai_clock():
    trips = [
        Trip("苏F·00101", "办公室", at("2026-12-01 09:00"), 86),
        Trip("苏F·00101", "秘书处", at("2026-12-15 09:00"), 40),
        Trip("苏F·00102", "办公室", at("2026-12-31 23:30"), 300),  # 15:30 UTC, still December here
        Trip("苏F·00102", "办公室", at("2027-01-01 00:30"), 10),  # December in UTC, January here
    ]
    report = monthly_report("2026-12", trips)
    assert report.by_vehicle == [("苏F·00102", 1, 300), ("苏F·00101", 2, 126)]
    assert report.by_department == [("办公室", 2), ("秘书处", 1)]
