"""The GB/T 9704-2012 PDF of the sample 公文 (通政办发〔2012〕216号), checked by measuring the PDF
read back with pdfplumber: page size, 版心 margins, 28 characters a line, 22 lines a page, the red
发文机关标志 and separator, the 文号, 版记 rules and the "— n —" page numbers."""

import io
from collections import defaultdict
from dataclasses import replace
from datetime import date

import pdfplumber
import pytest

from app.documents.body import Body
from app.documents.gbt9704_layout import CELL, EM_ASCENT, LEFT, MM, ROW, TEXT_H, TEXT_W, TOP
from app.documents.official_document import OfficialDocument
from app.documents.pdf_fonts import FREE_FONTS, FontFace, FontMissing, FontSet
from app.documents.pdf_render import render_pdf
from app.domain.documents.metadata import DocumentMeta
from app.domain.documents.numbering import DocNumber
from tests.support.documents import nantong_sample

RIGHT, BOTTOM = LEFT + TEXT_W, TOP + TEXT_H
RED = (1.0, 0.0, 0.0)
TOL = 0.5  # points; the standard allows ±1 mm on the margins, the renderer is exact


@pytest.fixture(scope="module")
def pdf():
    with pdfplumber.open(io.BytesIO(render_pdf(nantong_sample()))) as opened:
        yield opened


def baseline(page, char) -> float:
    return page.height - char["matrix"][5]


def lines_of(page, size: float) -> dict[float, list[dict]]:
    """Characters of one size grouped by baseline, each line left to right."""
    rows = defaultdict(list)
    for char in page.chars:
        if abs(char["size"] - size) < 0.01:
            rows[round(baseline(page, char), 2)].append(char)
    return {y: sorted(chars, key=lambda c: c["x0"]) for y, chars in sorted(rows.items())}


def row_of(y: float, size: float) -> float:
    """The 版心 row (0-21) a line of `size` with this baseline sits on (em box centred in the row)."""
    return (y - TOP - (ROW - size) / 2 - EM_ASCENT * size) / ROW


def text_at(page, size: float) -> list[str]:
    return ["".join(c["text"] for c in chars) for chars in lines_of(page, size).values()]


def test_every_page_is_a4(pdf):
    assert len(pdf.pages) > 10
    for page in pdf.pages:
        assert page.width == pytest.approx(210 * MM, abs=0.1) and page.height == pytest.approx(297 * MM, abs=0.1)


def test_body_text_stays_in_the_156_by_225_mm_text_area_and_fills_its_width(pdf):
    xs0, xs1 = [], []
    for page in pdf.pages:
        for y, chars in lines_of(page, 16).items():
            assert y - EM_ASCENT * 16 >= TOP - TOL and y + (1 - EM_ASCENT) * 16 <= BOTTOM + TOL
            xs0.append(chars[0]["x0"])
            xs1.append(chars[-1]["x1"])
    assert min(xs0) == pytest.approx(28 * MM, abs=TOL), "订口 28 mm"
    assert max(xs1) == pytest.approx(28 * MM + 156 * MM, abs=TOL), "版心 156 mm wide"
    first_row = min(lines_of(pdf.pages[2], 16))
    assert first_row - EM_ASCENT * 16 == pytest.approx(37 * MM + (ROW - 16) / 2, abs=TOL), "天头 37 mm"


def test_full_lines_hold_28_characters_at_an_even_pitch(pdf):
    full = 0
    for page in pdf.pages:
        for chars in lines_of(page, 16).values():
            assert chars[-1]["x1"] - chars[0]["x0"] <= TEXT_W + TOL
            if all(ord(c["text"]) > 0x2E80 for c in chars) and abs(chars[-1]["x1"] - RIGHT) < TOL:
                full += len(chars) == 28
                assert len(chars) == round((RIGHT - chars[0]["x0"]) / CELL), "one character per cell"
                pitches = {round(b["x0"] - a["x0"], 2) for a, b in zip(chars, chars[1:])}
                assert pitches <= {round(CELL, 2)}
    assert full > 150


def test_pages_of_running_text_hold_22_lines_at_the_grid_pitch(pdf):
    middle = pdf.pages[2:-1]
    assert middle
    for page in middle:
        rows = list(lines_of(page, 16))
        assert len(rows) == 22
        assert [row_of(y, 16) for y in rows] == pytest.approx(list(range(22)), abs=0.01)
    for page in pdf.pages:
        assert len(lines_of(page, 16)) <= 22


def test_the_issuing_mark_is_red_and_35_mm_below_the_text_area_top(pdf):
    page = pdf.pages[0]
    (y, mark), = lines_of(page, 42).items()
    assert "".join(c["text"] for c in mark) == "南通市人民政府办公室文件"
    assert {c["non_stroking_color"] for c in mark} == {RED}
    assert y - EM_ASCENT * 42 == pytest.approx(TOP + 35 * MM, abs=TOL)
    assert mark[0]["x0"] >= LEFT - TOL and mark[-1]["x1"] <= RIGHT + TOL


def test_the_number_is_centred_under_the_mark_with_the_red_line_4_mm_below(pdf):
    page = pdf.pages[0]
    rows = lines_of(page, 16)
    number_y, number = next((y, cs) for y, cs in rows.items()
                            if "".join(c["text"] for c in cs) == "通政办发〔2012〕216号")
    mark_y = next(iter(lines_of(page, 42)))
    assert number_y > mark_y + 2 * ROW, "two blank lines between the mark and the 文号"
    assert (number[0]["x0"] + number[-1]["x1"]) / 2 == pytest.approx(LEFT + TEXT_W / 2, abs=TOL)
    red = [line for line in page.lines if line["stroking_color"] == RED]
    assert len(red) == 1
    assert red[0]["x0"] == pytest.approx(LEFT, abs=TOL) and red[0]["x1"] == pytest.approx(RIGHT, abs=TOL)
    assert red[0]["top"] - (number_y + (1 - EM_ASCENT) * 16) == pytest.approx(4 * MM, abs=TOL)
    title_y = next(iter(lines_of(page, 22)))
    assert row_of(title_y, 22) - row_of(number_y, 16) == pytest.approx(3, abs=0.01), "two blank rows, then the title"


def test_title_recipients_signature_and_date_on_the_first_page(pdf):
    page = pdf.pages[0]
    assert "".join(text_at(page, 22)) == "市政府办公室关于印发《南通市电子政务“十二五”发展规划》的通知"
    body = text_at(page, 16)
    assert body[1].startswith("各县（市）、区人民政府") and "附件：南通市电子政务“十二五”发展规划" in body
    assert body[-2:] == ["南通市人民政府办公室", "2012年12月31日"]
    rows = list(lines_of(page, 16).values())
    signature, written = rows[-2], rows[-1]
    assert written[0]["x0"] - signature[0]["x0"] == pytest.approx(2 * CELL, abs=TOL)
    assert RIGHT - signature[-1]["x1"] == pytest.approx(2 * CELL, abs=TOL), "署名 two characters from the right"


def test_the_attachment_starts_a_page_with_its_label_and_title(pdf):
    page = pdf.pages[1]
    assert text_at(page, 16)[0] == "附件" and text_at(page, 22) == ["南通市电子政务“十二五”发展规划"]
    assert row_of(next(iter(lines_of(page, 16))), 16) == pytest.approx(0, abs=0.01)
    assert row_of(next(iter(lines_of(page, 22))), 22) == pytest.approx(2, abs=0.01), "title on the third row"


def test_page_numbers_alternate_sides_7_mm_below_the_text_area(pdf):
    for number, page in enumerate(pdf.pages, start=1):
        y, chars = list(lines_of(page, 14).items())[-1]  # the lowest 14 pt line (the 版记 sits above it)
        assert "".join(c["text"] for c in chars) == f"— {number} —"
        assert y - EM_ASCENT * 14 == pytest.approx(BOTTOM + 7 * MM, abs=TOL)
        if number % 2:
            assert chars[-1]["x1"] == pytest.approx(RIGHT - 14, abs=TOL)
        else:
            assert chars[0]["x0"] == pytest.approx(LEFT + 14, abs=TOL)


def test_the_record_closes_the_last_page_between_black_rules(pdf):
    page = pdf.pages[-1]
    record = [t for t in text_at(page, 14) if "印发" in t or "人民政府" in t]
    assert record == ["南通市人民政府办公室2012年12月31日印发"]
    rules = sorted((line for line in page.lines if line["stroking_color"] != RED), key=lambda line: line["top"])
    assert [round(r["linewidth"] / MM, 2) for r in rules] == [0.35, 0.35]
    assert rules[-1]["top"] == pytest.approx(BOTTOM, abs=TOL)
    assert all(r["x0"] == pytest.approx(LEFT, abs=TOL) and r["x1"] == pytest.approx(RIGHT, abs=TOL) for r in rules)


SECRET_REQUEST = DocumentMeta(
    kind="请示", title="关于申请专项经费的请示", issuer_mark="南通市财政局文件", issuer_name="南通市财政局",
    written_on=date(2026, 3, 2), classification="机密", secrecy_period="10年", copy_no="000012", urgency="特急",
    doc_number=DocNumber("通财发", 2026, 9), signer="张三", main_recipients=("市人民政府",),
    copy_recipients=("市审计局", "市发展和改革委员会"), printer="南通市财政局办公室", printed_on=date(2026, 3, 3))


def test_a_secret_upward_document_shows_its_marks_signer_and_copy_list():
    data = render_pdf(OfficialDocument(SECRET_REQUEST, Body(("现将有关情况请示如下。", "妥否，请批示。"))))
    with pdfplumber.open(io.BytesIO(data)) as opened:
        page = opened.pages[0]
        rows = lines_of(page, 16)
        texts = ["".join(c["text"] for c in cs) for cs in rows.values()]
        assert texts[:3] == ["000012", "机密★10年", "特急"]
        assert [row_of(y, 16) for y in list(rows)[:3]] == pytest.approx([0, 1, 2], abs=0.01)
        number_row = next(cs for cs in rows.values() if cs[0]["text"] == "通")
        assert "".join(c["text"] for c in number_row) == "通财发〔2026〕9号签发人：张三"
        assert number_row[0]["x0"] == pytest.approx(LEFT + CELL, abs=TOL)
        assert number_row[-1]["x1"] == pytest.approx(RIGHT - CELL, abs=TOL)
        assert "抄送：市审计局，市发展和改革委员会。" in text_at(page, 14)
        widths = sorted(round(line["linewidth"] / MM, 2) for line in page.lines if line["stroking_color"] != RED)
        assert widths == [0.25, 0.35, 0.35]


def test_a_font_that_is_not_installed_is_named_in_the_error():
    missing = FontFace("/nonexistent/FZXiaoBiaoSong.ttf")
    fonts = replace(FREE_FONTS, xiaobiaosong=missing)
    with pytest.raises(FontMissing, match="FZXiaoBiaoSong.ttf"):
        render_pdf(nantong_sample(), fonts)


def test_a_second_document_in_the_process_keeps_its_own_characters():
    """Each document embeds a subset of the fonts holding its characters; the second export of a
    session must not draw with the first one's subset (its other characters came out as blanks)."""
    first = OfficialDocument(replace(SECRET_REQUEST, title="关于春季植树的通知"), Body(("植树。",)))
    second = OfficialDocument(replace(SECRET_REQUEST, title="关于冬季防汛物资的请示"), Body(("防汛物资短缺。",)))
    one_face = FontSet(*[FREE_FONTS.fangsong] * 5)  # one subset per document keeps the test quick
    render_pdf(first, one_face)
    with pdfplumber.open(io.BytesIO(render_pdf(second, one_face))) as opened:
        texts = text_at(opened.pages[0], 16)
        assert "".join(text_at(opened.pages[0], 22)) == "关于冬季防汛物资的请示"
        assert "防汛物资短缺。" in texts and "机密★10年" in texts
