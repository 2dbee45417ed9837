from app.domain.directory import normalise_query, pinyin_initials, search_keys
from app.domain.scopes import DIRECTORY, notice_scope, resource_scope, scopes_for, user_scope


def test_pinyin_initials_of_names():
    assert pinyin_initials("王晓燕") == "wxy"
    assert pinyin_initials("陈建国") == "cjg"


def test_search_keys_hold_name_initials_unit_and_department():
    keys = search_keys("周强", "如皋市人民政府", "办公室")
    for part in ("周强", "zq", "如皋市人民政府", "办公室"):
        assert part in keys


def test_queries_are_normalised():
    assert normalise_query("  W X Y ") == "wxy"


def test_a_member_pulls_directory_everyones_notices_own_unit_and_own_scope():
    assert scopes_for("p1", "u07") == [DIRECTORY, notice_scope("all"), notice_scope("u07"), user_scope("p1"), resource_scope("u07")]
    assert notice_scope("u07") != notice_scope("u08")
