"""Setting up rooms, cars and drivers with `xietong-server admin` on a deployment's database (its
own SQLite one, so the fleet the other tests count stays the demo's): each reaches the unit's clients; a car sent for repair (维修) is not
dispatched; a driver linked to their own login records 出车/回车 mileage of the trip they drive,
and someone who is neither driver, requester nor vehicle manager is refused."""

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.domain.scopes import resource_scope
from sync.server.cli import run
from sync.server.database import open_database
from sync.server.demo import default_org_path, init_demo
from sync.server.main import create_app
from tests.server.conftest import Deployment, inprocess_settings
from tests.server.helpers import log_in
from tests.server.test_vehicles import approved, state
from tests.support.bookings import answer

SCOPE = resource_scope("u01")


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    folder = tmp_path_factory.mktemp("fleet-admin")
    url = f"sqlite:///{folder / 'server.db'}"
    db = open_database(url)
    try:
        init_demo(db, people=20, tokens_dir=folder / "tokens", org_path=default_org_path(), reset=True, pki_dir=folder / "pki")
    finally:
        db.close()
    with TestClient(create_app(inprocess_settings(url, folder))) as client:
        yield Deployment(url, folder / "tokens", client)


def admin(deployment, *args: str) -> int:
    return run(["admin", *args, "--database-url", deployment.database_url])


def test_rooms_cars_and_drivers_set_up_by_admin_reach_the_unit(deployment, capsys):
    suffix = uuid.uuid4().hex[:6]
    assert admin(deployment, "room", "add", f"u01-r-{suffix}", "--unit", "u01", "--name", "档案室会议室", "--building", "档案馆", "--location", "二楼", "--capacity", "16", "--equipment", "投影仪") == 0
    assert admin(deployment, "vehicle", "add", f"u01-v-{suffix}", "--unit", "u01", "--plate", f"苏F·{suffix}", "--seats", "4", "--kind", "轿车") == 0
    assert admin(deployment, "room", "add", f"u01-r-{suffix}x", "--unit", "nowhere", "--name", "x", "--building", "x", "--location", "x", "--capacity", "4") == 1
    assert "没有编号为 nowhere 的单位" in capsys.readouterr().out
    rows = {(r["entity"], r["id"]): r["data"] for r in log_in(deployment.client, deployment.tokens_dir, "wangxy").pull_all(SCOPE)}
    assert rows[("room", f"u01-r-{suffix}")]["building"] == "档案馆" and rows[("room", f"u01-r-{suffix}")]["equipment"] == ["投影仪"]
    assert rows[("vehicle", f"u01-v-{suffix}")]["status"] == "在用"


def test_a_car_in_repair_is_not_dispatched_and_clients_see_its_status(deployment, capsys):
    client, tokens = deployment.client, deployment.tokens_dir
    staff, head = log_in(client, tokens, "liming"), log_in(client, tokens, "chenjg")
    suffix = uuid.uuid4().hex[:6]
    assert admin(deployment, "vehicle", "add", f"u01-v-{suffix}", "--unit", "u01", "--plate", f"苏F·{suffix}", "--seats", "9", "--kind", "中巴") == 0
    assert admin(deployment, "vehicle", "status", f"u01-v-{suffix}", "维修") == 0
    assert "维修" in capsys.readouterr().out
    [car] = [r for r in head.pull_all(SCOPE) if r["id"] == f"u01-v-{suffix}"]
    assert (car["data"]["status"], car["version"]) == ("维修", 2)
    request_id = approved(staff, head, 41, "09:00", "11:00")
    refused = answer(head.push(("vehicle.dispatch", {"id": request_id, "vehicle_id": f"u01-v-{suffix}", "driver_id": "u01-k2"})))
    assert (refused["status"], refused["code"]) == ("rejected", "vehicle.not_in_service")


def test_the_driver_records_the_mileage_of_the_trip_they_drive(deployment):
    client, tokens = deployment.client, deployment.tokens_dir
    staff, head, driver = log_in(client, tokens, "liming"), log_in(client, tokens, "chenjg"), log_in(client, tokens, "wangxy")
    driver_id = f"u01-k-{uuid.uuid4().hex[:6]}"
    assert admin(deployment, "driver", "add", driver_id, "--unit", "u01", "--name", "王师傅", "--phone", "0513-80019999", "--person", driver.user_id) == 0
    request_id = approved(staff, head, 42, "09:00", "11:00")
    other = approved(staff, head, 42, "13:00", "15:00")
    assert answer(head.push(("vehicle.dispatch", {"id": request_id, "vehicle_id": "u01-v1", "driver_id": driver_id})))["status"] == "applied"
    assert answer(head.push(("vehicle.dispatch", {"id": other, "vehicle_id": "u01-v1", "driver_id": "u01-k1"})))["status"] == "applied"
    assert answer(driver.push(("vehicle.depart", {"id": request_id, "km": 5000})))["result"]["status"] == "out"
    assert answer(driver.push(("vehicle.return", {"id": request_id, "km": 5042})))["result"]["status"] == "returned"
    refused = answer(driver.push(("vehicle.depart", {"id": other, "km": 5042})))  # not their trip
    assert (refused["status"], refused["code"]) == ("rejected", "vehicle.not_recorder")
    assert (state(head, request_id)["depart_km"], state(head, request_id)["return_km"]) == (5000, 5042)
    [linked] = [r["data"] for r in driver.pull_all(SCOPE) if r["id"] == driver_id]
    assert linked["person_id"] == driver.user_id
