"""todo.open_100k_ms: the 待办 page opened (filled from the cache, shown, painted offscreen) when
100,000 收文 wait for the user in a real encrypted cache. Median of 3 after one warm-up.

The 收文 and their list rows (document_index, what 待办 reads) are written directly; their
full-text entries are not, 待办 does not read them (bench/document_search.py times those)."""

import datetime as dt
import tempfile
from pathlib import Path

from sqlalchemy import insert

from app.services.todo import TodoService
from app.store.cache import Cache, open_cache
from app.store.document_search import DAY_SLOTS, NO_DUE, todo_order
from app.store.models import DocumentIndexRow, IncomingRow
from bench.page_open import median_open_ms
from tests.support.cache_data import HEAD, sign_in
from tests.support.memory_keyring import kept_key

WAITING = 100_000
BATCH = 10_000
ROUNDS = 3
START = 1356969600.0


def run() -> list[tuple[str, float, str]]:
    from ui.views.todo_view import TodoView

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cache.sqlite"
        cache = open_cache(path, kept_key(path))
        try:
            sign_in(cache, HEAD)
            todo = TodoService(cache, HEAD)
            _fill(cache)
            opened = median_open_ms(lambda: TodoView(todo), ROUNDS)
        finally:
            cache.close()
    return [("todo.open_100k_ms", opened, "ms")]


def _fill(cache: Cache) -> None:
    for first in range(0, WAITING, BATCH):
        with cache.sessions.begin() as s:
            s.execute(insert(IncomingRow), [_waiting(i) for i in range(first, first + BATCH)])
            s.execute(insert(DocumentIndexRow), [_listed(i) for i in range(first, first + BATCH)])


def _waiting(i: int) -> dict:
    due = f"2013-{i % 12 + 1:02d}-{i % 28 + 1:02d}T00:00:00+08:00" if i % 3 else None
    return {
        "id": f"x{i:06d}:u01", "document_id": f"x{i:06d}", "unit_id": "u01", "sender_unit_id": "u31", "sender_name": "如皋市人民政府",
        "title": f"关于第{i:06d}项工作的请示", "kind": "请示", "classification": "", "doc_number": None, "meta": {"紧急程度": "加急" if i % 7 == 0 else ""},
        "state": {}, "status": "registered", "register_no": None, "due": due, "body_version": None, "attachments": [], "todo": True,
        "delivered_at": START + i, "updated_at": START + i, "pending": False, "version": 1,
    }


def _listed(i: int) -> dict:
    row = _waiting(i)
    delivered = dt.date.fromtimestamp(row["delivered_at"])
    return {
        "seq": delivered.toordinal() * DAY_SLOTS + i, "doc_id": row["id"], "kind": "收文", "number": "", "title": row["title"], "doc_type": row["kind"],
        "secrecy": row["classification"], "unit": row["sender_name"], "date": delivered.isoformat(), "status": row["status"],
        "urgency": 1 if row["meta"]["紧急程度"] else 0, "drafter": "", "due_ascending": row["due"] or NO_DUE, "due_descending": row["due"] or "",
        "updated": row["updated_at"], "initials": "", "todo": True,
        "todo_order": todo_order(row["due"] or "", row["updated_at"]),
    }
