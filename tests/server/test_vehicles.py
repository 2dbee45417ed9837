"""用车 on the server, on SQLite and PostgreSQL: request, 审批 by a leader or the office head only,
派车 by the vehicle manager only, never one car or one driver twice at once (the refusal names the
free cars), 出车/回车 mileage that cannot run backwards, and bad input refused with nothing changed."""

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.domain.scopes import resource_scope
from sync.server.database import open_database
from sync.server.demo import default_org_path, init_demo
from tests.server.helpers import log_in
from tests.support.bookings import answer, day_at
from tests.support.postgres import fresh_database

SCOPE = resource_scope("u01")


def trip(days: int, start: str, end: str, passengers: int = 3, **extra) -> dict:
    return {"id": uuid.uuid4().hex, "purpose": "赴如皋调研", "passengers": passengers, "origin": "市政府", "destination": "如皋市人民政府", "start": day_at(days, start), "end": day_at(days, end), **extra}


def state(person, request_id: str) -> dict:
    [row] = [r["data"] for r in person.pull_all(SCOPE) if r["entity"] == "vehicle_request" and r["id"] == request_id]
    return row


def approved(requester, head, days: int, start: str, end: str, passengers: int = 3) -> str:
    t = trip(days, start, end, passengers)
    assert answer(requester.push(("vehicle.request", t)))["status"] == "applied"
    assert answer(head.push(("vehicle.approve", {"id": t["id"]})))["status"] == "applied"
    return t["id"]


def test_fleet_and_drivers_reach_the_unit(client, tokens):
    clerk = log_in(client, tokens, "wangxy")
    rows = clerk.pull_all(SCOPE)
    assert sorted(r["data"]["plate"] for r in rows if r["entity"] == "vehicle") == ["苏F·00101", "苏F·00102"]
    assert sorted(r["data"]["name"] for r in rows if r["entity"] == "driver") == ["张师傅", "李师傅"]


def test_request_approve_dispatch_and_mileage_end_to_end(client, tokens):
    staff, head = log_in(client, tokens, "liming"), log_in(client, tokens, "chenjg")
    t = trip(30, "08:30", "17:00")
    assert answer(staff.push(("vehicle.request", t)))["result"]["status"] == "requested"
    refused = answer(staff.push(("vehicle.approve", {"id": t["id"]})))
    assert (refused["status"], refused["code"]) == ("rejected", "vehicle.not_approver")
    assert answer(head.push(("vehicle.approve", {"id": t["id"]})))["result"]["status"] == "approved"
    refused = answer(staff.push(("vehicle.dispatch", {"id": t["id"], "vehicle_id": "u01-v1", "driver_id": "u01-k1"})))
    assert (refused["status"], refused["code"]) == ("rejected", "vehicle.not_dispatcher")
    assert answer(head.push(("vehicle.dispatch", {"id": t["id"], "vehicle_id": "u01-v1", "driver_id": "u01-k1"})))["result"]["status"] == "dispatched"
    assert answer(staff.push(("vehicle.depart", {"id": t["id"], "km": 12000})))["result"]["status"] == "out"
    backwards = answer(staff.push(("vehicle.return", {"id": t["id"], "km": 11990})))
    assert (backwards["status"], backwards["code"]) == ("rejected", "vehicle.mileage_backwards")
    assert answer(staff.push(("vehicle.return", {"id": t["id"], "km": 12086})))["result"]["status"] == "returned"
    shown = state(head, t["id"])
    assert (shown["status"], shown["vehicle_id"], shown["driver_id"], shown["depart_km"], shown["return_km"], shown["requester_name"]) == ("returned", "u01-v1", "u01-k1", 12000, 12086, "李明")


def test_no_car_and_no_driver_is_given_twice_and_the_refusal_names_the_free_car(client, tokens):
    staff, head = log_in(client, tokens, "liming"), log_in(client, tokens, "chenjg")
    first = approved(staff, head, 31, "09:00", "12:00")
    second = approved(staff, head, 31, "11:00", "15:00")
    assert answer(head.push(("vehicle.dispatch", {"id": first, "vehicle_id": "u01-v1", "driver_id": "u01-k1"})))["status"] == "applied"
    busy_car = answer(head.push(("vehicle.dispatch", {"id": second, "vehicle_id": "u01-v1", "driver_id": "u01-k2"})))
    assert (busy_car["status"], busy_car["code"]) == ("rejected", "vehicle.car_busy")
    assert "苏F·00101" in busy_car["message"] and "可派的车辆：苏F·00102" in busy_car["message"]
    busy_driver = answer(head.push(("vehicle.dispatch", {"id": second, "vehicle_id": "u01-v2", "driver_id": "u01-k1"})))
    assert (busy_driver["status"], busy_driver["code"]) == ("rejected", "vehicle.driver_busy")
    assert state(head, second)["status"] == "approved"  # nothing changed
    assert answer(head.push(("vehicle.dispatch", {"id": second, "vehicle_id": "u01-v2", "driver_id": "u01-k2"})))["result"]["status"] == "dispatched"


def test_a_request_that_cannot_be_served_is_refused_with_the_reason(client, tokens):
    staff, head = log_in(client, tokens, "liming"), log_in(client, tokens, "chenjg")
    big = approved(staff, head, 32, "09:00", "10:00", passengers=9)
    too_small = answer(head.push(("vehicle.dispatch", {"id": big, "vehicle_id": "u01-v2", "driver_id": "u01-k1"})))
    assert (too_small["status"], too_small["code"]) == ("rejected", "vehicle.too_small")
    assert answer(head.push(("vehicle.refuse", {"id": big, "reason": "本单位没有 9 座以上车辆，请联系市机关事务管理局。"})))["result"]["status"] == "refused"
    assert state(staff, big)["reason"] == "本单位没有 9 座以上车辆，请联系市机关事务管理局。"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"end": day_at(33, "08:00")}, "vehicle.end_before_start"),
        ({"end": day_at(41, "09:00")}, "vehicle.too_long"),
        ({"purpose": "  "}, "vehicle.purpose_empty"),
        ({"passengers": 0}, "vehicle.no_passengers"),
    ],
)
def test_bad_requests_are_refused_and_change_nothing(client, tokens, change, code):
    staff = log_in(client, tokens, "liming")
    t = {**trip(33, "09:00", "10:00"), **change}
    refused = answer(staff.push(("vehicle.request", t)))
    assert (refused["status"], refused["code"]) == ("rejected", code)
    assert [r for r in staff.pull_all(SCOPE) if r["id"] == t["id"]] == []


def test_another_unit_cannot_touch_the_request(client, tokens):
    staff, outsider = log_in(client, tokens, "liming"), log_in(client, tokens, "zhaoli")
    t = trip(34, "09:00", "10:00")
    staff.push(("vehicle.request", t))
    refused = answer(outsider.push(("vehicle.approve", {"id": t["id"]})))
    assert refused["status"] == "rejected" and refused["code"] in ("vehicle.not_approver", "vehicle.request_unknown")


@pytest.mark.postgres
def test_postgresql_itself_refuses_one_car_on_two_trips_at_once(tmp_path):
    with fresh_database() as url:
        db = open_database(url)
        try:
            init_demo(db, people=10, tokens_dir=tmp_path / "tokens", org_path=default_org_path(), reset=True, pki_dir=tmp_path / "pki")
            insert = text(
                "INSERT INTO vehicle_requests VALUES (:id, 'u01', 'p3', 'u01-d2', '调研', 2, '市政府', '海门', :start, :end, 'dispatched', '', 'u01-v1', :driver, NULL, NULL, 1)"
            )
            with db.engine.begin() as conn:
                conn.execute(insert, {"id": "pg-1", "start": 3000000000, "end": 3000007200, "driver": "u01-k1"})
            with pytest.raises(IntegrityError, match="vehicle_requests_car_once"), db.engine.begin() as conn:
                conn.execute(insert, {"id": "pg-2", "start": 3000003600, "end": 3000010800, "driver": "u01-k2"})
        finally:
            db.close()
