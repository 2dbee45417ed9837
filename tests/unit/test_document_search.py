"""全文检索 of 公文 in a real encrypted cache: Chinese words found inside sentences without spaces,
filters, marked hits, and the index kept in step with updates and removals."""

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from app.store.cache import open_cache
from app.store.document_search import DocumentFields, DocumentFilters, character_grams, index_document, remove_document, search
from app.store.models import DocumentIndexRow
from tests.support.memory_keyring import kept_key

PLAN = DocumentFields(
    kind="收文",
    title="关于印发南通市电子政务发展规划的通知",
    number="通政办发〔2012〕216号",
    doc_type="通知",
    unit="南通市人民政府办公室",
    date=dt.date(2012, 12, 31),
    status="拟办",
    metadata="主送：各县（市）区人民政府",
    opinions="拟请王秘书长阅示。",
    body="加快信息化建设是我国顺应世界信息化发展趋势作出的重大战略决策，对推动新型工业化同步发展具有重要意义。",
)
ROADS = DocumentFields(
    kind="发文",
    title="关于报送交通建设计划的请示",
    doc_type="请示",
    secrecy="秘密",
    unit="南通市交通运输局",
    date=dt.date(2013, 3, 8),
    status="签发",
    body="恳请市政府安排专项资金，用于农村公路改造。",
)
BUDGET = DocumentFields(
    kind="收文",
    title="关于下达财政预算的函",
    doc_type="函",
    secrecy="秘密",
    unit="南通市财政局",
    date=dt.date(2013, 5, 2),
    status="办结",
    body="请各单位按照预算执行，加快信息化项目建设进度。",
)


def three_documents(path):
    cache = open_cache(path, kept_key(path))
    with cache.sessions.begin() as s:
        for doc_id, doc in (("plan", PLAN), ("roads", ROADS), ("budget", BUDGET)):
            index_document(s, doc_id, doc)
    return cache


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """For the tests that only read."""
    cache = three_documents(tmp_path_factory.mktemp("search") / "cache.sqlite")
    yield cache
    cache.close()


@pytest.fixture
def cache(tmp_path):
    cache = three_documents(tmp_path / "cache.sqlite")
    yield cache
    cache.close()


def found(cache, query, filters=DocumentFilters()):
    with cache.sessions() as s:
        return [hit.document.doc_id for hit in search(s, query, filters)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("政务", ["plan"]),  # two characters, inside the title
        ("决策", ["plan"]),  # two characters, inside the body
        ("战略决策", ["plan"]),  # four characters, inside a sentence
        ("信息化", ["budget", "plan"]),  # newest first
        ("农村公路改造", ["roads"]),
        ("秘书长", ["plan"]),  # in the 意见
        ("〔2012〕216号", ["plan"]),  # the 文号
        ("专", ["roads"]),  # one character
        ("金", ["roads"]),  # one character, the last of its run (资金，)
        ("资金 公路", ["roads"]),  # every term must occur
        ("信息化 预算", ["budget"]),
        ("政务 铁路", []),
        ("电子商务", []),
    ],
)
def test_chinese_words_are_found_without_spaces(shared, query, expected):
    assert found(shared, query) == expected


def test_filters_combine(shared):
    cache = shared
    assert found(cache, "建设", DocumentFilters(secrecy="秘密")) == ["budget", "roads"]
    assert found(cache, "建设", DocumentFilters(secrecy="秘密", kind="收文")) == ["budget"]
    assert found(cache, "建设", DocumentFilters(doc_type="请示", unit="南通市交通运输局", status="签发")) == ["roads"]
    assert found(cache, "建设", DocumentFilters(date_from=dt.date(2013, 1, 1), date_to=dt.date(2013, 3, 8))) == ["roads"]
    assert found(cache, "建设", DocumentFilters(kind="发文", doc_type="函")) == []


def test_hits_mark_the_words_found(shared):
    with shared.sessions() as s:
        [hit] = search(s, "政务 战略决策")
        [short] = search(s, "农村")
    assert hit.title.marked("[", "]") == "关于印发南通市电子[政务]发展规划的通知"
    assert "[战略决策]" in hit.snippet.marked("[", "]")
    assert short.snippet.marked("[", "]") == "恳请市政府安排专项资金，用于[农村]公路改造。"
    assert short.document.title == "关于报送交通建设计划的请示" and short.document.date == "2013-03-08"


def test_long_bodies_give_a_snippet_around_the_first_hit(cache):
    body = "会议要求" * 50 + "落实安全生产责任" + "会议强调" * 50
    with cache.sessions.begin() as s:
        index_document(s, "safety", DocumentFields(kind="收文", title="会议纪要", body=body))
    with cache.sessions() as s:
        [hit] = search(s, "安全生产")
    snippet = hit.snippet.marked("[", "]")
    assert snippet.startswith("…") and snippet.endswith("…") and "[安全生产]" in snippet
    assert len(hit.snippet.text) < 100


def test_an_update_reindexes(cache):
    with cache.sessions.begin() as s:
        index_document(s, "roads", DocumentFields(**{**ROADS.__dict__, "title": "关于报送水利建设计划的请示", "body": "用于河道整治。"}))
    assert found(cache, "交通") == []
    assert found(cache, "公路") == [] and _in_grams(cache, "公路") == 0
    assert found(cache, "河道整治") == ["roads"]
    assert found(cache, "水利") == ["roads"]
    assert _rows(cache) == (3, 3)
    with cache.sessions.begin() as s:
        index_document(s, "roads", DocumentFields(**{**ROADS.__dict__, "date": dt.date(2014, 1, 2)}))
    assert found(cache, "建设") == ["roads", "budget", "plan"]  # a new date moves it in the order


def test_a_removed_document_is_gone(cache):
    with cache.sessions.begin() as s:
        remove_document(s, "plan")
    assert found(cache, "政务") == [] and _in_grams(cache, "政务") == 0
    assert found(cache, "战略决策") == []
    assert found(cache, "信息化") == ["budget"]
    assert _rows(cache) == (2, 2)


def test_character_grams_are_each_character_and_pair_of_each_run_once():
    assert character_grams(["政务公开，GB 9704", "公开"]).split() == [*"政务公开gb9704", "政务", "务公", "公开", "gb", "97", "70", "04"]


def _rows(cache):
    with cache.sessions() as s:
        listed = s.execute(select(func.count()).select_from(DocumentIndexRow)).scalar_one()
        indexed = s.execute(text("SELECT count(*) FROM document_text")).scalar_one()
    return listed, indexed


def _in_grams(cache, word):
    """Rows the character and pair index itself still holds for `word` (the lists would hide a stale one)."""
    with cache.sessions() as s:
        return s.execute(text("SELECT count(*) FROM document_grams WHERE document_grams MATCH :w"), {"w": word}).scalar_one()


def test_titles_are_found_by_pinyin_initials_and_marked(shared):
    with shared.sessions() as s:
        [hit] = search(s, "czys")  # 财政预算
    assert hit.document.doc_id == "budget"
    assert hit.title.marked("[", "]") == "关于下达[财政预算]的函"
    assert found(shared, "JTJS") == ["roads"]  # 交通建设, in any case
    assert found(shared, "glgz") == []  # 公路改造 is in the body: initials are of titles only
    assert found(shared, "jtjs 秘密") == []
    assert found(shared, "jtjs 资金") == ["roads"]


def test_a_latin_word_of_the_text_is_found_as_well_as_initials(cache):
    with cache.sessions.begin() as s:
        index_document(s, "gb", DocumentFields(kind="发文", title="关于执行国家标准的通知", body="按照 GB 9704 排版。"))
    assert found(cache, "gb") == ["gb"]
    assert found(cache, "gjbz") == ["gb"]
