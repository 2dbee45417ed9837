"""Two clients and the real exchange server process: both book the same room while the server is
down; when it is back, the first to sync is confirmed and the other is declined with the reason
and three free alternatives, which the unit's other members see as free too."""

import pytest

from app.domain.bookings import CONFIRMED, DECLINED, PENDING, overlaps
from sync.client.transport import ServerUnreachable
from tests.support.bookings import day_at
from tests.support.headless_client import sign_in


@pytest.fixture
def clients(exchange_server, tmp_path):
    people = [sign_in(exchange_server.url, exchange_server.ca_file, exchange_server.tokens_dir, login, tmp_path / f"{login}.sqlite") for login in ("wangxy", "liming", "chenjg")]
    yield people
    for p in people:
        p.close()


def test_offline_requests_are_decided_in_arrival_order(exchange_server, clients):
    clerk, staff, head = clients
    for c in clients:
        c.sync()
    exchange_server.stop()
    start, end = day_at(3, "15:00"), day_at(3, "16:00")
    lost = head.bookings.request("u01-r1", "办公会", start, end, attendees=9)
    won = clerk.bookings.request("u01-r1", "收文培训", start, end, attendees=6)
    with pytest.raises(ServerUnreachable):
        head.sync()
    assert [o.status for o in head.bookings.mine() if o.booking_id == lost] == [PENDING]

    exchange_server.start()
    clerk.sync()
    head.sync()
    [declined] = [o for o in head.bookings.mine() if o.booking_id == lost]
    assert declined.status == DECLINED and "收文培训" in declined.reason and "王晓燕" in declined.reason
    staff.sync()
    [held] = staff.bookings.calendar(["u01-r1"], start, end)["u01-r1"]
    assert (held.booking_id, held.status) == (won, CONFIRMED)
    assert len(declined.alternatives) == 3
    for alt in declined.alternatives:  # free in every member's calendar
        taken = staff.bookings.calendar([alt.room_id], alt.start, alt.end)[alt.room_id]
        assert not [o for o in taken if overlaps(o.start, o.end, alt.start, alt.end)]
