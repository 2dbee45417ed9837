"""Line breaking with 避头尾: lines fit, nothing is lost, punctuation never lands on the wrong end."""

from hypothesis import given
from hypothesis import strategies as st

from app.documents.line_breaking import NO_LINE_END, NO_LINE_START, break_lines


def cells(text: str) -> float:
    """Full-width characters take a cell, ASCII half a cell (like the renderer's font metrics)."""
    return sum(0.5 if ord(c) < 0x80 else 1.0 for c in text)


def test_a_comma_is_never_left_at_the_start_of_a_line():
    assert break_lines("一二三四五，六七八", 5, 5, cells) == ["一二三四", "五，六七八"]


def test_an_opening_quote_is_never_left_at_the_end_of_a_line():
    assert break_lines("一二三四“五六”七", 5, 5, cells) == ["一二三四", "“五六”七"]


def test_the_first_line_may_be_narrower_for_the_indent():
    assert break_lines("一二三四五六七八", 3, 5, cells) == ["一二三", "四五六七八"]


def test_latin_words_and_numbers_stay_whole():
    assert break_lines("根据2006年SOA规范", 3, 3, cells) == ["根据", "2006年", "SOA规", "范"]


text = st.text(st.sampled_from("通知各单位报送检查情况，。、“”（）《》SOA 2012"), max_size=80)


@given(text, st.integers(4, 28))
def test_lines_fit_keep_every_character_and_respect_the_rules(body, width):
    lines = break_lines(body, width, width, cells)
    assert "".join(lines) == body
    for i, line in enumerate(lines):
        assert cells(line) <= width or len(line) == 1
        if i > 0 and len(lines[i - 1]) > 1:
            assert line[0] not in NO_LINE_START or lines[i - 1][-1] in NO_LINE_END or len(lines[i - 1]) == 1
        if i < len(lines) - 1 and len(line) > 1:
            assert line[-1] not in NO_LINE_END
