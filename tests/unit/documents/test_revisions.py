"""痕迹 between two body versions and the 清稿."""

from hypothesis import given
from hypothesis import strategies as st

from app.documents.body import Body
from app.documents.revisions import (
    CHANGED,
    DELETED,
    INSERTED,
    SAME,
    ParagraphRevision,
    Span,
    clean_copy,
    original,
    revisions,
)

V1 = Body(("各单位：", "请于3月5日前报送检查情况。", "特此通知。"))
V2 = Body(("各单位：", "请于3月10日前书面报送检查情况。", "联系人：张三。", "特此通知。"))


def test_a_changed_sentence_shows_only_the_characters_inserted_and_deleted():
    marked = revisions(V1, V2)
    assert marked[0] == ParagraphRevision(SAME, (Span(SAME, "各单位："),))
    assert marked[1].kind == CHANGED
    assert [(s.kind, s.text) for s in marked[1].spans if s.kind != SAME] == [
        (DELETED, "5"), (INSERTED, "10"), (INSERTED, "书面")]
    assert marked[2] == ParagraphRevision(INSERTED, (Span(INSERTED, "联系人：张三。"),))
    assert marked[3].kind == SAME


def test_a_removed_paragraph_is_marked_deleted():
    marked = revisions(V2, Body(("各单位：", "特此通知。")))
    assert [p.kind for p in marked] == [SAME, DELETED, DELETED, SAME]


def test_clean_copy_is_the_new_version_and_rejecting_gives_the_old():
    assert clean_copy(revisions(V1, V2)) == V2
    assert original(revisions(V1, V2)) == V1


paragraphs = st.lists(st.text("通知各单位报送检查。１２", min_size=1, max_size=12), max_size=6)


@given(paragraphs, paragraphs)
def test_any_two_versions_round_trip_through_the_marks(old, new):
    a, b = Body(tuple(old)), Body(tuple(new))
    marked = revisions(a, b)
    assert clean_copy(marked) == b and original(marked) == a
