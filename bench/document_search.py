"""公文 lists and search over 100,000 documents in an encrypted cache like a user's:

docs.list_open_100k_ms     the 收文 list of 100,000 opened to its first visible page (model, view,
                           first page, painted; goal < 200)
docs.search_100k_ms        the slower of a two-character (政务) and a four-character (信息资源)
                           query, first page of 50 hits with snippets (goal < 100); both printed
docs.search_1char_100k_ms  a one-character query (政, in nearly every document): first page of 50
docs.search_like_2char_ms  the two-character query by LIKE over the stored text instead of the
                           character and pair index: why that index exists
docs.first_sync_per_doc_ms        a first sync's 收文 with their bodies written by the mirror in pages
                                  of 500, as a pull writes them, lists and search kept in step
docs.first_sync_index_per_doc_ms  of that, the lists and search alone: the same documents indexed
                                  again from an emptied index (backfill)

Titles, bodies, metadata and opinions are sentences of the 2012 Nantong e-government plan
(about 600 characters a document). Each figure is the median of 5 after one warm-up run.
"""

import datetime as dt
import functools
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from random import Random

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from app.store import document_index_sync
from app.store.cache import open_cache
from app.store.document_search import DocumentFields, DocumentFilters, document_list, index_documents, search
from app.store.mirror import PulledRow, apply_rows
from tests.support.memory_keyring import kept_key

DOCUMENTS = 100_000
BATCH = 5_000
ROUNDS = 5
PLAN = Path(__file__).resolve().parents[1] / "sync" / "server" / "demo_data" / "nantong-egov-plan-2012.txt"
DOC_TYPES = ("通知", "请示", "报告", "函", "纪要", "意见", "决定")
SECRECY = ("", "", "", "秘密", "机密")
UNITS = ("南通市人民政府办公室", "南通市发展和改革委员会", "南通市经济和信息化委员会", "南通市财政局", "海门市人民政府", "如东县人民政府")
STATUSES = ("待签收", "登记", "拟办", "批办", "承办", "办结", "归档")
QUERIES = ("政务", "信息资源")
ONE_CHARACTER = "政"
SYNCED = 5_000
SYNC_PAGE = 500


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cache.sqlite"
        cache = open_cache(path, kept_key(path))
        try:
            fill(cache.sessions)
            figures = [("docs.list_open_100k_ms", _median(lambda: _open_list(cache.sessions)), "ms")]
            searches = {q: _median(lambda q=q: _search(cache.sessions, q)) for q in QUERIES}
            figures += [(f"docs.search_100k_{len(q)}char_ms", ms, "ms") for q, ms in searches.items()]
            figures.append(("docs.search_100k_ms", max(searches.values()), "ms"))
            figures.append(("docs.search_1char_100k_ms", _median(lambda: _search(cache.sessions, ONE_CHARACTER)), "ms"))
            figures.append(("docs.search_like_2char_ms", _median(lambda: _like(cache.sessions, QUERIES[0]), rounds=1), "ms"))
        finally:
            cache.close()
        figures += _first_sync(Path(tmp) / "synced.sqlite")
    return figures


def _first_sync(path: Path) -> list[tuple[str, float, str]]:
    cache = open_cache(path, kept_key(path))
    try:
        rows = _pulled(_documents(SYNCED, 0, Random(9704)))
        start = time.perf_counter()
        for first in range(0, len(rows), SYNC_PAGE):
            with cache.sessions.begin() as s:
                apply_rows(s, rows[first : first + SYNC_PAGE])
        synced = time.perf_counter() - start
        with cache.sessions.begin() as s:
            s.execute(text("DELETE FROM document_index"))
            s.execute(text("DELETE FROM document_text"))
            s.execute(text("INSERT INTO document_grams(document_grams) VALUES ('delete-all')"))
        start = time.perf_counter()
        with cache.sessions.begin() as s:
            document_index_sync.backfill(s)
        indexed = time.perf_counter() - start
    finally:
        cache.close()
    return [("docs.first_sync_per_doc_ms", round(synced * 1000 / SYNCED, 2), "ms"), ("docs.first_sync_index_per_doc_ms", round(indexed * 1000 / SYNCED, 2), "ms")]


def _pulled(docs: list[tuple[str, DocumentFields]]) -> list[PulledRow]:
    """Each 收文 after its body, as the server's change log orders them."""
    rows = []
    for doc_id, doc in docs:
        body = {"document_id": doc_id, "body_version": 1, "paragraphs": [doc.body], "sha256": "0" * 64}
        incoming = {
            "document_id": doc_id, "unit_id": "u01", "sender_unit_id": "u02", "sender_name": doc.unit, "title": doc.title, "kind": doc.doc_type,
            "classification": doc.secrecy, "doc_number": doc.number, "meta": {"主送机关": "各县（市）区人民政府", "紧急程度": ""},
            "state": {"history": [{"text": doc.opinions}]}, "status": "registered", "register_no": None, "due": None, "body_version": 1,
            "delivered_at": time.mktime(doc.date.timetuple()) if doc.date else 0.0, "updated_at": 0.0, "attachments": [], "todo_users": [],
        }
        rows += [PulledRow("document_body", f"{doc_id}:1", 1, False, body), PulledRow("incoming", f"{doc_id}:u01", 1, False, incoming)]
    return rows


def _documents(count: int, first: int, rng: Random) -> list[tuple[str, DocumentFields]]:
    return [(f"doc-{i:06d}", _document(rng, _sentences(), i)) for i in range(first, first + count)]


def fill(sessions: sessionmaker[Session]) -> None:
    rng = Random(2012)
    for first in range(0, DOCUMENTS, BATCH):
        with sessions.begin() as s:
            index_documents(s, _documents(BATCH, first, rng))


@functools.cache
def _sentences() -> list[str]:
    return [s for s in re.split(r"(?<=[。；])", PLAN.read_text(encoding="utf-8").replace("\u3000", "")) if len(s) > 8]


def _document(rng: Random, sentences: list[str], i: int) -> DocumentFields:
    doc_type, unit = rng.choice(DOC_TYPES), rng.choice(UNITS)
    phrase = rng.choice(sentences)
    start = rng.randrange(max(1, len(phrase) - 12))
    return DocumentFields(
        kind="收文",
        title=f"关于{phrase[start : start + rng.randrange(6, 13)].strip('，。；、')}的{doc_type}",
        number=f"通政办发〔{2010 + i % 6}〕{i % 400 + 1}号",
        doc_type=doc_type,
        secrecy=rng.choice(SECRECY),
        unit=unit,
        date=dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(2190)),
        status=rng.choice(STATUSES),
        metadata=f"发文机关：{unit}　主送：各县（市）区人民政府　抄送：市委办公室　文种：{doc_type}",
        opinions=f"拟请分管领导阅示。{rng.choice(sentences)}",
        body="".join(rng.choice(sentences) for _ in range(rng.randrange(6, 12))),
    )


def _open_list(sessions: sessionmaker[Session]) -> None:
    from PySide6.QtWidgets import QApplication, QTableView

    from ui.models.lazy_table_model import LazyColumn, LazyTableModel

    app = QApplication.instance() or QApplication([])
    columns = [LazyColumn("文号", lambda d: d.number, "number"), LazyColumn("标题", lambda d: d.title, "title"), LazyColumn("日期", lambda d: d.date, "date")]
    view = QTableView()
    view.setModel(LazyTableModel(columns, document_list(sessions, DocumentFilters(kind="收文"))))
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    assert view.model().rowCount() > 0
    view.close()


def _search(sessions: sessionmaker[Session], query: str) -> None:
    with sessions() as s:
        assert search(s, query, limit=50)


def _like(sessions: sessionmaker[Session], query: str) -> None:
    with sessions() as s:
        pattern = {"p": f"%{query}%"}
        fields = " OR ".join(f"{c} LIKE :p" for c in ("title", "number", "metadata", "opinions", "body"))
        s.execute(text(f"SELECT count(*) FROM document_text WHERE {fields}"), pattern).scalar_one()


def _median(measure: Callable[[], None], rounds: int = ROUNDS) -> float:
    measure()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        measure()
        samples.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(samples), 1)
