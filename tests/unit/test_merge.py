"""The three-way merge rule, field by field."""

from hypothesis import given
from hypothesis import strategies as st

from app.domain.merge import Conflict, merge_fields

BASE = {"title": "原标题", "body": "原正文", "audience": "u01"}


def test_a_field_only_the_client_changed_goes_in():
    result = merge_fields(BASE, {**BASE, "body": "服务器改的正文"}, {"title": "新标题"})
    assert result.merged == {"title": "新标题", "body": "服务器改的正文", "audience": "u01"}
    assert result.taken == ("title",) and not result.conflicts


def test_the_same_field_changed_on_both_sides_keeps_the_server_value():
    result = merge_fields(BASE, {**BASE, "title": "服务器标题"}, {"title": "我的标题", "audience": "all"})
    assert result.merged["title"] == "服务器标题" and result.merged["audience"] == "all"
    assert result.conflicts == {"title": Conflict(server="服务器标题", mine="我的标题")}


def test_both_sides_making_the_same_change_is_no_conflict():
    result = merge_fields(BASE, {**BASE, "title": "同样"}, {"title": "同样"})
    assert result.merged["title"] == "同样" and not result.conflicts and not result.taken


values = st.sampled_from(["a", "b", "c"])
records = st.fixed_dictionaries({"title": values, "body": values})


@given(records, records, st.dictionaries(st.sampled_from(["title", "body"]), values))
def test_every_changed_field_is_taken_or_reported_and_nothing_else_moves(base, server, changes):
    result = merge_fields(base, server, changes)
    for name in server:
        if name not in changes or changes[name] == server[name]:
            assert result.merged[name] == server[name]
        elif name in result.conflicts:
            assert result.merged[name] == server[name] and server[name] != base[name]
        else:
            assert result.merged[name] == changes[name] and name in result.taken
