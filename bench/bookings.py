"""Room booking figures:

booking.arbitrate_per_s    requests decided per second by the real server on PostgreSQL, 50 clients at once
booking.week_view_ms       the week calendar of 50 rooms holding 2,000 bookings, read from a real cache (goal < 150)
booking.building_week_ms   the same, laid out as the building's week view: 350 day-room columns with their free hours
booking.alternatives_ms    three free alternatives among 50 rooms and 2,000 bookings (goal < 50)
"""

import statistics
import tempfile
import threading
import time
from pathlib import Path
from random import Random

from app.domain.bookings import Room, Slot, alternatives, working_day
from app.services.bookings import BookingService
from app.store.cache import open_cache
from app.store.mirror import PulledRow, apply_rows
from tests.server.helpers import log_in
from tests.support.bookings import booking, day_at
from tests.support.cache_data import HEAD, sign_in
from tests.support.postgres import fresh_database
from tests.support.http_client import Http
from tests.support.memory_keyring import kept_key
from tests.support.server_process import ServerProcess, start_server
from ui.models.room_calendar_model import Column, RoomCalendarModel

CLIENTS = 50
REQUESTS_EACH = 20
ROOMS = 50
BOOKINGS = 2_000
RUNS = 20
LOGINS = ("wangxy", "chenjg", "liming")


def arbitrate_per_s(server: ServerProcess) -> float:
    clients = [log_in(Http(server.url, server.ca_file, timeout_s=600), server.tokens_dir, LOGINS[i % len(LOGINS)]) for i in range(CLIENTS)]
    start_line = threading.Barrier(CLIENTS)

    def client(me, seed: int) -> None:
        rng = Random(seed)
        ops = []
        for _ in range(REQUESTS_EACH):
            begin = day_at(rng.randrange(1, 30), f"{rng.randrange(8, 18):02d}:{rng.choice((0, 30)):02d}")
            ops.append(("booking.request", booking(f"u01-r{rng.randrange(1, 4)}", "压力测试", begin, begin + 3600)))
        start_line.wait()
        answer = me.push(*ops)
        assert answer.status_code == 200, answer.text

    threads = [threading.Thread(target=client, args=(c, i)) for i, c in enumerate(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return CLIENTS * REQUESTS_EACH / (time.perf_counter() - began)


def _calendar_rows(rng: Random) -> tuple[list[PulledRow], list[Room], dict[str, list[Slot]]]:
    rooms = [Room(f"r{i}", HEAD.unit_id, f"会议室{i}", 10 + i) for i in range(ROOMS)]
    rows = [PulledRow("room", r.id, 1, False, {"unit_id": r.unit_id, "name": r.name, "building": "办公楼", "location": "三楼", "capacity": r.capacity, "needs_approval": False, "equipment": []}) for r in rooms]
    busy: dict[str, list[Slot]] = {}
    for n in range(BOOKINGS):
        room = rng.choice(rooms)
        start = day_at(rng.randrange(0, 14), f"{rng.randrange(8, 19):02d}:{rng.choice((0, 30)):02d}")
        data = {"booking_id": f"b{n}", "room_id": room.id, "start": start, "end": start + 3600, "status": "confirmed", "reason": "", "alternatives": [], "title": f"会议{n}", "organiser_id": "p1", "organiser_name": "王晓燕"}
        rows.append(PulledRow("room_slot", f"b{n}:0", 1, False, data))
        busy.setdefault(room.id, []).append(Slot(start, start + 3600))
    return rows, rooms, busy


def week_view_ms(work: Path, rows: list[PulledRow]) -> tuple[float, float]:
    """The calendar read alone, and read and laid out as the building week view (what
    RoomsView.refresh does before Qt paints)."""
    cache = open_cache(work / "bench-cache.sqlite", kept_key(work / "bench-cache.sqlite"))
    sign_in(cache, HEAD)
    with cache.sessions.begin() as s:
        apply_rows(s, rows)
    service = BookingService(cache, HEAD)
    room_ids = [r.id for r in service.rooms()]
    first = working_day(day_at(0, "12:00")).start  # 08:00 today: the week ahead
    days = [first + d * 86400 for d in range(7)]
    model = RoomCalendarModel()
    reads, layouts = [], []
    for _ in range(RUNS):
        began = time.perf_counter()
        held = service.calendar(room_ids, first, first + 7 * 86400)
        reads.append((time.perf_counter() - began) * 1000)
        columns = [Column(r, r, opens) for opens in days for r in room_ids]
        model.set_columns(columns, [[o for o in held[c.room_id] if o.end > c.opens and o.start < c.opens + 86400] for c in columns])
        layouts.append((time.perf_counter() - began) * 1000)
    cache.close()
    return statistics.median(reads), statistics.median(layouts)


def alternatives_ms(rooms: list[Room], busy: dict[str, list[Slot]]) -> float:
    want = Slot(day_at(3, "10:00"), day_at(3, "11:00"))
    timings = []
    for _ in range(RUNS):
        began = time.perf_counter()
        found = alternatives(want, rooms[0], rooms, busy, attendees=10, after=day_at(0, "08:00"))
        timings.append((time.perf_counter() - began) * 1000)
        assert len(found) == 3
    return statistics.median(timings)


def run() -> list[tuple[str, float, str]]:
    rows, rooms, busy = _calendar_rows(Random(7))
    figures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        read, laid_out = week_view_ms(work, rows)
        figures.append(("booking.week_view_ms", round(read, 1), "ms"))
        figures.append(("booking.building_week_ms", round(laid_out, 1), "ms"))
        figures.append(("booking.alternatives_ms", round(alternatives_ms(rooms, busy), 2), "ms"))
        with fresh_database() as pg_url:
            server = start_server(work / "pg", pg_url, people=100, tokens_dir=work / "tokens")
            try:
                figures.append(("booking.arbitrate_per_s", round(arbitrate_per_s(server)), "requests/s"))
            finally:
                server.stop()
    return figures


if __name__ == "__main__":
    for name, value, unit in run():
        print(f"{name}: {value} {unit}")
