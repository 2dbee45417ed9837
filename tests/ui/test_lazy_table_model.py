"""The 收文 list and search results as a lazy table over a real cache: rows arrive a page at a
time as the view asks, and sorting and filtering re-query the cache."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.store.cache import open_cache
from app.store.document_search import DocumentFields, DocumentFilters, document_list, index_documents, search_query
from tests.support.memory_keyring import kept_key
from ui.models.lazy_table_model import PAGE_ROWS, LazyColumn, LazyTableModel

DOCUMENTS = PAGE_ROWS * 2 + 50
TYPES = ("通知", "函", "报告")
COLUMNS = [
    LazyColumn("文号", lambda d: d.number, "number"),
    LazyColumn("标题", lambda d: d.title, "title"),
    LazyColumn("文种", lambda d: d.doc_type, "doc_type"),
    LazyColumn("日期", lambda d: d.date, "date"),
]


def numbered(i: int) -> DocumentFields:
    return DocumentFields(
        kind="收文" if i % 5 else "发文",
        title=f"关于第{i:03d}批政务公开事项的{TYPES[i % 3]}",
        number=f"通政发〔2013〕{i:03d}号",
        doc_type=TYPES[i % 3],
        date=dt.date(2013, 1, 1) + dt.timedelta(days=i // 4),  # four a day: ties the order must break
        body="请各单位认真贯彻执行。" if i % 2 else "现将有关事项通知如下。",
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    path = tmp_path_factory.mktemp("lazy") / "cache.sqlite"
    cache = open_cache(path, kept_key(path))
    with cache.sessions.begin() as s:
        index_documents(s, [(f"d{i:03d}", numbered(i)) for i in range(DOCUMENTS)])
    yield cache
    cache.close()


def test_rows_arrive_a_page_at_a_time(qtbot, qtmodeltester, cache):
    model = LazyTableModel(COLUMNS, document_list(cache.sessions))
    assert model.rowCount() == PAGE_ROWS and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_ROWS and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == DOCUMENTS and not model.canFetchMore()
    assert model.total() == DOCUMENTS
    numbers = [model.row_item(r).number for r in range(DOCUMENTS)]
    assert len(set(numbers)) == DOCUMENTS  # pages neither repeat nor skip a row
    assert numbers[:4] == [f"通政发〔2013〕{i:03d}号" for i in (DOCUMENTS - 1, DOCUMENTS - 2, DOCUMENTS - 3, DOCUMENTS - 4)]
    qtmodeltester.check(LazyTableModel(COLUMNS, document_list(cache.sessions)))


def test_a_view_fetches_as_it_scrolls(qtbot, cache):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(LazyTableModel(COLUMNS, document_list(cache.sessions, DocumentFilters(kind="收文"))))
    view.resize(600, 400)
    view.show()
    assert view.model().rowCount() == PAGE_ROWS
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.model().rowCount() > PAGE_ROWS)


def test_header_sort_and_filters_query_the_cache(qtbot, cache):
    model = LazyTableModel(COLUMNS, document_list(cache.sessions))
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 1).data() == "关于第000批政务公开事项的通知"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == f"通政发〔2013〕{DOCUMENTS - 1:03d}号"
    model.set_source(document_list(cache.sessions, DocumentFilters(kind="发文", doc_type="函")).sorted_by("date", False))
    rows = [model.row_item(r) for r in range(model.rowCount())]
    assert len(rows) == model.total() == sum(1 for i in range(DOCUMENTS) if i % 5 == 0 and i % 3 == 1)
    assert {(d.kind, d.doc_type) for d in rows} == {("发文", "函")}
    assert [d.date for d in rows] == sorted(d.date for d in rows)


def test_search_results_page_and_sort_like_a_list(qtbot, cache):
    model = LazyTableModel([LazyColumn("标题", lambda h: h.title.text, "title"), LazyColumn("摘要", lambda h: h.snippet.marked("[", "]"))])
    model.set_source(search_query(cache.sessions, "贯彻"))
    assert model.total() == DOCUMENTS // 2
    assert model.rowCount() == PAGE_ROWS and model.canFetchMore()
    assert model.index(0, 1).data() == "请各单位认真[贯彻]执行。"
    model.sort(1, Qt.SortOrder.AscendingOrder)  # the snippet is not a column of the cache: order kept
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "关于第001批政务公开事项的函"
