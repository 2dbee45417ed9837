"""A header click sorts the 发文 and 收文 lists by every column they show, in SQL over a real cache
filled as a pull fills it: 紧急程度 by rank (特急 before 加急), 拟稿人, 更新时间, and 时限 by date
with the documents that have none last whichever way."""

import pytest
from PySide6.QtCore import Qt

from app.services.documents import DocumentService
from app.store.cache import open_cache
from app.store.mirror import PulledRow, apply_rows
from tests.support.cache_data import HEAD, sign_in
from tests.support.memory_keyring import kept_key
from ui.models.documents_model import IncomingModel, OutgoingModel

ROWS = 300
URGENCIES = (None, "加急", "特急")
DRAFTERS = ("王晓燕", "陈建国", "周强")
DAY = 86400.0
START = 1356969600.0  # 2013-01-01 Beijing


def _outgoing(i: int) -> PulledRow:
    data = {
        "unit_id": "u01", "drafter_id": f"p{i % 3}", "drafter_name": DRAFTERS[i % 3], "title": f"关于第{i:03d}项工作的通知", "kind": "通知",
        "classification": "公开", "urgency": URGENCIES[i % 3], "number_prefix": "通政办发", "doc_number": None, "meta": {}, "route": {},
        "status": "in_progress", "body_version": 1, "created_at": START, "updated_at": START + (i * 7919 % ROWS) * 60,
        "attachments": [], "signatures": [], "distributed": [], "todo_users": [],
    }
    return PulledRow("document", f"d{i:03d}", 1, False, data)


def _incoming(i: int) -> PulledRow:
    due = f"2013-02-{i % 28 + 1:02d}T00:00:00+08:00" if i % 4 else None
    data = {
        "document_id": f"x{i:03d}", "unit_id": "u01", "sender_unit_id": "u31", "sender_name": "如皋市人民政府", "title": f"关于第{i:03d}项事项的请示",
        "kind": "请示", "classification": "公开", "doc_number": None, "meta": {}, "state": {}, "status": "registered", "register_no": None,
        "due": due, "body_version": None, "delivered_at": START + i * 600, "updated_at": START + i * 600, "attachments": [], "todo_users": [],
    }
    return PulledRow("incoming", f"x{i:03d}:u01", 1, False, data)


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> DocumentService:
    path = tmp_path_factory.mktemp("sorting") / "cache.sqlite"
    cache = open_cache(path, kept_key(path))
    sign_in(cache, HEAD)
    with cache.sessions.begin() as s:
        apply_rows(s, [*(_outgoing(i) for i in range(ROWS)), *(_incoming(i) for i in range(ROWS))])
    yield DocumentService(cache, HEAD)
    cache.close()


def column(model, col: int) -> list[str]:
    while model.canFetchMore():
        model.fetchMore()
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_urgency_sorts_by_rank_not_by_text(qtbot, documents):
    model = OutgoingModel()
    model.set_source(documents.outgoing_pages())
    model.sort(OutgoingModel.URGENCY, Qt.SortOrder.DescendingOrder)
    assert column(model, OutgoingModel.URGENCY) == ["特急"] * 100 + ["加急"] * 100 + [""] * 100
    model.sort(OutgoingModel.URGENCY, Qt.SortOrder.AscendingOrder)
    assert column(model, OutgoingModel.URGENCY)[::100] == ["", "加急", "特急"]


def test_drafter_and_updated_sort(qtbot, documents):
    model = OutgoingModel()
    model.set_source(documents.outgoing_pages())
    model.sort(OutgoingModel.DRAFTER, Qt.SortOrder.AscendingOrder)
    assert column(model, OutgoingModel.DRAFTER) == sorted(DRAFTERS[i % 3] for i in range(ROWS))
    model.sort(OutgoingModel.UPDATED, Qt.SortOrder.DescendingOrder)
    updated = [model.row_item(r).row.updated_at for r in range(len(column(model, OutgoingModel.UPDATED)))]
    assert updated == sorted(updated, reverse=True) and len(set(updated)) == ROWS


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_deadline_sorts_by_date_with_none_last(qtbot, documents, order):
    model = IncomingModel()
    model.set_source(documents.incoming_pages())
    model.sort(IncomingModel.DUE, order)
    dues = [d[:10] for d in column(model, IncomingModel.DUE)]
    dated = ROWS - ROWS // 4
    assert dues[dated:] == [""] * (ROWS // 4)
    assert dues[:dated] == sorted(dues[:dated], reverse=order == Qt.SortOrder.DescendingOrder)
