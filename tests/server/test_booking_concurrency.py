"""Twenty people book the same room and hour at the same instant against the real server process
on PostgreSQL (and SQLite): exactly one is confirmed, every other one is declined, and the
confirmed occurrences of the room never overlap."""

import threading

import pytest

from app.domain.bookings import overlaps
from app.domain.scopes import resource_scope
from tests.support.bookings import answer, booking, day_at
from tests.server.helpers import log_in
from tests.support.http_client import Http
from tests.support.postgres import BACKENDS, fresh_database
from tests.support.server_process import start_server

REQUESTS = 20
UNIT_LOGINS = ("wangxy", "chenjg", "liming")


@pytest.fixture(params=BACKENDS)
def server(request, tmp_path):
    if request.param == "sqlite":
        srv = start_server(tmp_path / "srv", f"sqlite:///{tmp_path / 'server.db'}", people=50)
        yield srv
        srv.stop()
        return
    with fresh_database() as url:
        srv = start_server(tmp_path / "srv", url, people=50)
        yield srv
        srv.stop()


def test_concurrent_requests_for_one_slot_confirm_exactly_one(server):
    people = [log_in(Http(server.url, server.ca_file, timeout_s=60), server.tokens_dir, UNIT_LOGINS[i % len(UNIT_LOGINS)]) for i in range(REQUESTS)]
    start, end = day_at(5, "10:00"), day_at(5, "11:00")
    # Overlapping, not identical: each starts a few minutes later than the one before.
    requests_ = [booking("u01-r1", f"会议{i}", start + 300 * (i % 6), end + 300 * (i % 6)) for i in range(REQUESTS)]
    answers: list = [None] * REQUESTS
    go = threading.Barrier(REQUESTS)

    def book(i: int) -> None:
        go.wait()
        answers[i] = answer(people[i].push(("booking.request", requests_[i])))

    threads = [threading.Thread(target=book, args=(i,)) for i in range(REQUESTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a["status"] for a in answers] == ["applied"] * REQUESTS
    assert sorted(a["result"]["confirmed"] for a in answers) == [0] * (REQUESTS - 1) + [1]
    for a in answers:
        for declined in a["result"]["declined"]:
            assert "占用" in declined["reason"] and len(declined["alternatives"]) == 3
    slots = [r["data"] for r in people[0].pull_all(resource_scope("u01")) if r["entity"] == "room_slot"]
    confirmed = [s for s in slots if s["status"] == "confirmed" and s["room_id"] == "u01-r1"]
    assert len(confirmed) == 1
    assert not any(overlaps(a["start"], a["end"], b["start"], b["end"]) for a in confirmed for b in confirmed if a is not b)
