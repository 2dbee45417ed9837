"""公文 lists and search over 100,000 documents in an encrypted cache like a user's:

docs.list_open_100k_ms     the 收文 list of 100,000 opened to its first visible page (model, view,
                           first page, painted; goal < 200)
docs.search_100k_ms        the slower of a two-character (政务) and a four-character (信息资源)
                           query, first page of 50 hits with snippets (goal < 100); both printed
docs.search_like_2char_ms  the two-character query by LIKE over the stored text instead of the
                           character-pair index: why that index exists

Titles, bodies, metadata and opinions are sentences of the 2012 Nantong e-government plan
(about 600 characters a document). Each figure is the median of 5 after one warm-up run.
"""

import datetime as dt
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from random import Random

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from app.store.cache import open_cache
from app.store.document_search import DocumentFields, DocumentFilters, document_list, index_documents, search
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
            figures.append(("docs.search_like_2char_ms", _median(lambda: _like(cache.sessions, QUERIES[0]), rounds=1), "ms"))
        finally:
            cache.close()
    return figures


def fill(sessions: sessionmaker[Session]) -> None:
    sentences = [s for s in re.split(r"(?<=[。；])", PLAN.read_text(encoding="utf-8").replace("\u3000", "")) if len(s) > 8]
    rng = Random(2012)
    for first in range(0, DOCUMENTS, BATCH):
        docs = [(f"doc-{i:06d}", _document(rng, sentences, i)) for i in range(first, first + BATCH)]
        with sessions.begin() as s:
            index_documents(s, docs)


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
