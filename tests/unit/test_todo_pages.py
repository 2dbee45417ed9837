"""待办 as one SQL list over a real encrypted cache: notices, meetings, 发文 steps, 收文 and 催办
together, the nearest deadline first and those without one last; sorted by a column and searched
(Chinese words, or pinyin initials as the directory finds people) by SQL, a page at a time."""

import pytest
from alembic import command
from sqlalchemy import create_engine, literal_column, select, text

from app.domain.notices import AUDIENCE_ALL
from app.services.todo import TodoService
from app.store import cache as cache_mod
from app.store.cache import open_cache
from app.store.document_search import todo_order
from app.store.mirror import PulledRow, apply_rows
from app.store.models import DocumentIndexRow
from tests.support.cache_data import HEAD, OFFICE, notice, sign_in
from tests.support.memory_keyring import kept_key

JAN_1 = 1356969600.0  # 2013-01-01 00:00 Beijing


def _incoming(n: int, title: str, due: str | None, urgency: str = "", classification: str = "公开") -> PulledRow:
    data = {
        "document_id": f"x{n}", "unit_id": "u01", "sender_unit_id": "u31", "sender_name": "如皋市人民政府", "title": title, "kind": "请示",
        "classification": classification, "doc_number": None, "meta": {"紧急程度": urgency}, "state": {}, "status": "registered", "register_no": None,
        "due": due, "body_version": None, "delivered_at": JAN_1 + n, "updated_at": JAN_1 + n, "attachments": [], "todo_users": [HEAD.id],
    }
    return PulledRow("incoming", f"x{n}:u01", 1, False, data)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    path = tmp_path_factory.mktemp("todo") / "cache.sqlite"
    cache = open_cache(path, kept_key(path))
    sign_in(cache, HEAD)
    meeting = {"title": "季度工作会", "room_name": "第一会议室", "location": "", "organiser_name": "王晓燕", "cancelled": False, "answer": "",
               "occurrences": [[JAN_1 + 5 * 86400, JAN_1 + 5 * 86400 + 3600]]}
    reminder = {"incoming_id": "x2:u01", "from_id": OFFICE.id, "from_name": OFFICE.name, "to_id": HEAD.id, "text": "请抓紧办理", "at": JAN_1 + 9}
    rows = [
        PulledRow("notice", "n1", 1, False, notice("n1", OFFICE, AUDIENCE_ALL, "关于元旦放假的通知", JAN_1 + 3)),
        PulledRow("invitation", "b1", 1, False, meeting),
        _incoming(1, "关于报送交通建设计划的请示", "2013-01-10T00:00:00+08:00", "特急", "秘密"),
        _incoming(2, "关于下达财政预算的函", "2013-01-03T00:00:00+08:00", "加急"),
        _incoming(3, "关于电子政务项目的请示", None),
        PulledRow("document_reminder", "r1", 1, False, reminder),
    ]
    with cache.sessions.begin() as s:
        apply_rows(s, rows)
    yield cache
    cache.close()


@pytest.fixture(scope="module")
def todo(cache):
    return TodoService(cache, HEAD)


def titles(query) -> list[str]:
    return [i.title for i in query.page(0, 50)]


def test_everything_waiting_nearest_deadline_first_then_the_oldest(todo):
    items = todo.items()
    assert [(i.kind, i.title) for i in items] == [
        ("incoming", "关于下达财政预算的函"),  # due 1 月 3 日
        ("invitation", "季度工作会"),  # meets 1 月 6 日
        ("incoming", "关于报送交通建设计划的请示"),  # due 1 月 10 日
        ("incoming", "关于电子政务项目的请示"),  # no deadline: by when it came
        ("notice", "关于元旦放假的通知"),
        ("reminder", "关于下达财政预算的函"),
    ]
    assert items[2].urgency == "特急" and items[2].classification == "秘密" and items[2].deadline == JAN_1 + 9 * 86400
    assert items[-1].ref_id == "x2:u01" and items[-1].source == "请抓紧办理"


def test_columns_sort_in_sql(todo):
    assert [i.urgency for i in todo.pages().sorted_by("urgency_rank", True).page(0, 3)] == ["特急", "加急", ""]
    assert titles(todo.pages().sorted_by("classification_rank", True))[0] == "关于报送交通建设计划的请示"
    assert titles(todo.pages().sorted_by("since", False))[:2] == ["关于报送交通建设计划的请示", "关于下达财政预算的函"]
    assert todo.pages().sorted_by("title", False).page(1, 2) == todo.pages().sorted_by("title", False).page(0, 3)[1:]


def test_search_by_words_and_pinyin_initials(todo):
    assert titles(todo.pages("预算")) == ["关于下达财政预算的函"] * 2  # the 收文 and its 催办
    assert titles(todo.pages("JTJS")) == ["关于报送交通建设计划的请示"]  # 交通建设
    assert titles(todo.pages("如皋 dzzw")) == ["关于电子政务项目的请示"]  # the sender and 电子政务
    assert todo.pages("预算 放假").count() == 0


def test_the_waiting_documents_are_read_in_order_from_their_index_not_sorted(todo, cache):
    """100,000 waiting 收文 open at once only if SQLite merges each kind's index scan."""
    query = todo.pages()
    first_page = query.statement.order_by(literal_column("deadline_order"), literal_column("key")).limit(50)
    sql = str(first_page.compile(dialect=cache.sessions.kw["bind"].dialect, compile_kwargs={"literal_binds": True}))
    with cache.sessions() as s:
        plan = s.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
    parts = {parent for _, parent, _, detail in plan if detail.startswith("SEARCH document_index USING COVERING INDEX ix_document_index_kind_todo_order")}
    assert len(parts) == 2  # 发文 and 收文
    assert not [detail for _, parent, _, detail in plan if parent in parts and "TEMP B-TREE" in detail]


def test_a_cache_from_before_the_todo_order_keeps_its_waiting_documents_in_order(tmp_path):
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    cfg = cache_mod._alembic_config()
    dues = ["2013-01-10T00:00:00+08:00", "2013-01-03T00:00:00", "", "not a time"]
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={cache_mod.APPLICATION_ID}")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0014")
        for n, due in enumerate(dues):
            conn.exec_driver_sql(
                "INSERT INTO document_index (seq, doc_id, kind, number, title, doc_type, secrecy, unit, date, status, urgency, drafter, "
                "due_ascending, due_descending, updated, initials, todo) VALUES (?, ?, '收文', '', ?, '请示', '', '如皋市人民政府', '2013-01-01', "
                "'registered', 0, '', ?, ?, ?, '', 1)",
                (n + 1, f"x{n}:u01", f"第{n}件", due or "~", due, JAN_1 + n),
            )
    engine.dispose()
    cache = open_cache(path, kept_key(path))
    try:
        with cache.sessions() as s:
            stored = s.execute(select(DocumentIndexRow.due_descending, DocumentIndexRow.updated, DocumentIndexRow.todo_order).order_by(DocumentIndexRow.seq))
            assert [order for _, _, order in stored] == [todo_order(due, updated) for due, updated in zip(dues, [JAN_1 + n for n in range(4)])]
        sign_in(cache, HEAD)
        assert [i.title for i in TodoService(cache, HEAD).items()] == ["第1件", "第0件", "第2件", "第3件"]
    finally:
        cache.close()
