"""The change log under concurrent writers: a reader following the cursor never skips a change."""

import threading
import uuid

from sync.server.changelog.service import read, record
from sync.server.database import open_database

WRITERS, COMMITS = 4, 25


def test_concurrent_writers_never_hide_a_change_from_a_cursor(deployment):
    db = open_database(deployment.database_url)
    scope = f"test:{uuid.uuid4().hex}"
    done = threading.Event()
    seen: set[str] = set()
    seqs: list[int] = []

    def write(writer: int) -> None:
        for i in range(COMMITS):
            with db.sessions.begin() as s:
                record(s, scope, "thing", f"{writer}-{i}", 1, {"writer": writer})
                record(s, scope, "shared", "one", i, {"writer": writer})  # rewritten by everyone

    def follow() -> None:
        cursor = 0
        while True:
            finished = done.is_set()
            with db.sessions() as s:
                rows, _ = read(s, scope, cursor, 1000)
            seen.update(r.id for r in rows if r.entity == "thing")
            seqs.extend(r.seq for r in rows)
            cursor = rows[-1].seq if rows else cursor
            if finished and not rows:
                return

    writers = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    reader = threading.Thread(target=follow)
    reader.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    done.set()
    reader.join()
    try:
        assert seen == {f"{w}-{i}" for w in range(WRITERS) for i in range(COMMITS)}
        assert seqs == sorted(set(seqs))
        with db.sessions() as s:
            rows, more = read(s, scope, 0, 1000)
        assert not more
        assert len(rows) == WRITERS * COMMITS + 1  # each entity once, at its latest state
        assert rows[-1].entity == "shared"
    finally:
        db.close()
