"""Property test (hypothesis) with real clients and the real server app, SQLite and PostgreSQL:
people book rooms offline at random, two dispatchers assign cars and drivers offline at random,
then everyone syncs in a random order. Afterwards no room, car or driver holds two overlapping
confirmed bookings or trips; every room request is confirmed or declined with the reason; every
alternative offered was free when it was offered (against the decisions made before it). The
checks cover every booking of the unit, those of the other tests sharing the deployment too."""

from itertools import combinations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from app.domain.bookings import CANCELLED, DECLINED, overlaps
from app.domain.bookings import HOLDING as HOLDING_ROOM
from app.domain.errors import RuleViolation
from app.domain.scopes import resource_scope
from app.domain.vehicles import HOLDING
from tests.server.helpers import log_in
from tests.server.inprocess_clients import inprocess_client
from tests.support.bookings import day_at

ROOMS = ("u01-r1", "u01-r2", "u01-r3")
CARS = ("u01-v1", "u01-v2")
DRIVERS = ("u01-k1", "u01-k2")
BOOKERS = ("wangxy", "liming", "chenjg")
SCOPE = resource_scope("u01")

room_request = st.tuples(st.sampled_from(range(len(BOOKERS))), st.sampled_from(ROOMS), st.integers(0, 2), st.integers(0, 19), st.integers(1, 4))
dispatch = st.tuples(st.integers(0, 1), st.integers(0, 3), st.sampled_from(CARS), st.sampled_from(DRIVERS))


@pytest.fixture(scope="module")
def world(deployment, tmp_path_factory):
    folder = tmp_path_factory.mktemp("booking-world")
    bookers = [inprocess_client(deployment, login, folder / f"b{i}")[0] for i, login in enumerate(BOOKERS)]
    dispatchers = [inprocess_client(deployment, "chenjg", folder / f"d{i}")[0] for i in range(2)]
    staff = inprocess_client(deployment, "liming", folder / "staff")[0]
    for c in (*bookers, *dispatchers, staff):
        c.sync()  # rooms, cars and drivers on every device before anyone goes offline
    yield bookers, dispatchers, staff, log_in(deployment.client, deployment.tokens_dir, "wangxy")
    for c in (*bookers, *dispatchers, staff):
        c.close()


# Each example is a round of real syncs: few examples, and no shrinking (a failure prints the
# whole example, which is small anyway).
@settings(max_examples=10, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate], suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(requests=st.lists(room_request, min_size=1, max_size=8), dispatches=st.lists(dispatch, max_size=4), order=st.randoms(use_true_random=False))
def test_random_offline_bookings_never_overlap(world, requests, dispatches, order):
    bookers, dispatchers, staff, observer = world
    base = day_at(120, "08:00")
    trips = _approved_trips(staff, dispatchers, base)
    for who, room, day, slot, length in requests:
        start = base + day * 86400 + slot * 1800
        bookers[who].bookings.request(room, "随机会议", start, start + length * 1800, attendees=2)
    for which, trip, car, driver in dispatches:
        try:
            dispatchers[which].vehicles.dispatch(trips[trip], car, driver)
        except RuleViolation:
            pass  # refused at once from what that device knows: nothing queued
    everyone = [*bookers, *dispatchers]
    order.shuffle(everyone)
    for client in everyone:
        client.sync()
    _check(observer.pull_all(SCOPE))


def _approved_trips(staff, dispatchers, base: int) -> list[str]:
    """Four overlapping trips, approved and seen by both dispatchers before they go offline."""
    trips = [staff.vehicles.request("随机用车", 2, "市政府", "海门", base + i * 3600, base + i * 3600 + 7200) for i in range(4)]
    staff.sync()
    dispatchers[0].sync()
    for t in trips:
        dispatchers[0].vehicles.approve(t)
    dispatchers[0].sync()
    dispatchers[1].sync()
    return trips


def _check(rows: list[dict]) -> None:
    slots = [r["data"] | {"id": r["id"]} for r in rows if r["entity"] == "room_slot"]
    requested_at = {r["id"]: r["data"]["requested_at"] for r in rows if r["entity"] == "room_booking"}
    holding = [s for s in slots if s["status"] in HOLDING_ROOM]
    for a, b in combinations(holding, 2):
        assert not (a["room_id"] == b["room_id"] and overlaps(a["start"], a["end"], b["start"], b["end"])), (a, b)
    for s in slots:
        assert s["status"] in (*HOLDING_ROOM, DECLINED, CANCELLED)
        if s["status"] == DECLINED and not s["reason"].startswith("会议室管理员未同意"):  # not the manager's 审批
            assert "占用" in s["reason"] and len(s["alternatives"]) == 3
            before = [c for c in holding if requested_at[c["booking_id"]] < requested_at[s["booking_id"]]]
            for alt in s["alternatives"]:
                assert not any(c["room_id"] == alt["room_id"] and overlaps(c["start"], c["end"], alt["start"], alt["end"]) for c in before), (s, alt)
    trips = [r["data"] for r in rows if r["entity"] == "vehicle_request" and r["data"]["status"] in HOLDING]
    for a, b in combinations(trips, 2):
        if overlaps(a["start"], a["end"], b["start"], b["end"]):
            assert a["vehicle_id"] != b["vehicle_id"] and a["driver_id"] != b["driver_id"], (a, b)
