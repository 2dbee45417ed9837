"""The change log under concurrent writers: a reader following the cursor never skips a change,
whether a writer records at once or collects its changes and writes them at the end (as a push
does); a refused op's savepoint leaves no change behind."""

import threading
import uuid
from contextlib import nullcontext

import pytest

from sync.server.changelog.service import Savepoint, collected, read, record
from sync.server.database import open_database

WRITERS, COMMITS = 4, 25


class Refused(Exception):
    pass


@pytest.mark.parametrize("collect", [False, True], ids=["at_once", "collected"])
def test_concurrent_writers_never_hide_a_change_from_a_cursor(deployment, collect):
    db = open_database(deployment.database_url)
    scope = f"test:{uuid.uuid4().hex}"
    done = threading.Event()
    seen: set[str] = set()
    seqs: list[int] = []

    def write(writer: int) -> None:
        for i in range(COMMITS):
            with db.sessions.begin() as s, (collected(s) if collect else nullcontext()):
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


def test_a_rolled_back_savepoint_leaves_no_change_and_a_rewrite_counts_once(deployment):
    db = open_database(deployment.database_url)
    scope = f"test:{uuid.uuid4().hex}"
    try:
        with db.sessions.begin() as s, collected(s):
            record(s, scope, "thing", "kept", 1, {"n": 1})
            with pytest.raises(Refused), Savepoint(s):
                record(s, scope, "thing", "refused", 1, {"n": 2})
                raise Refused()
            with Savepoint(s):
                record(s, scope, "thing", "kept", 2, {"n": 3})  # the same entity again: its last state
        with db.sessions() as s:
            rows, _ = read(s, scope, 0, 10)
    finally:
        db.close()
    assert [(r.id, r.version, r.data) for r in rows] == [("kept", 2, {"n": 3})]
