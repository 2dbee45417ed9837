"""GB/T 9704-2012 7.3.5.5 (特殊情况说明): when the blank under the text cannot hold the 署名,
成文日期 and seal, line spacing (then character spacing) is tightened so that they stay with the
text; past sane limits the last lines of text go with them, so a 署名 never stands alone on a
page. Bodies of the critical lengths are rendered and the PDF read back with pdfplumber."""

import io
from dataclasses import dataclass, replace
from datetime import date

import pdfplumber
import pytest

from app.documents.body import Body
from app.documents.demo_seal import demo_seal_png
from app.documents.gbt9704_layout import EM_ASCENT, LEFT, MIN_PITCH, ROW, SEAL_D, TEXT_H, TEXT_W, TOP
from app.documents.official_document import OfficialDocument
from app.documents.pdf_render import render_pdf
from app.domain.documents.metadata import DocumentMeta
from tests.unit.documents.test_pdf_layout import SECRET_REQUEST, baseline, lines_of, text_at

NOTICE = DocumentMeta(kind="通知", title="关于做好冬季防火工作的通知", issuer_mark="南通市人民政府办公室文件",
                      issuer_name="南通市人民政府办公室", written_on=date(2026, 11, 20))
LINE = "请各单位认真做好冬季防火工作。"  # one line
LONG = LINE[:-1] + LINE[:12] + "。"  # 27 characters: two lines at 28 a line, one at 29
SIGNATURE, WRITTEN = "南通市人民政府办公室", "2026年11月20日"
BOTTOM = TOP + TEXT_H
SEAL = demo_seal_png(NOTICE.issuer_name)


@dataclass
class Closing:
    """The page holding the 署名: its 16 pt lines (text, baseline, each character's x), the
    seal's box, its index and the number of lines on the page before it."""

    lines: list[tuple[str, float, list[float]]]
    seal: dict | None
    page_index: int
    previous_lines: int

    def pitches(self) -> set[float]:
        ys = [y for _, y, _ in self.lines]
        return {round(b - a, 2) for a, b in zip(ys, ys[1:])}


def closing(paragraphs: list[str], sealed: bool, meta: DocumentMeta = NOTICE) -> Closing:
    data = render_pdf(OfficialDocument(meta, Body(tuple(paragraphs))), seal_png=SEAL if sealed else None)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        index = next(i for i, p in enumerate(pdf.pages) if meta.issuer_name in text_at(p, 16))
        page = pdf.pages[index]
        lines = [("".join(c["text"] for c in cs), baseline(page, cs[0]), [c["x0"] for c in cs]) for cs in lines_of(page, 16).values()]
        previous = len(lines_of(pdf.pages[index - 1], 16)) if index else 0
        return Closing(lines, page.images[0] if page.images else None, index, previous)


@pytest.fixture(scope="module")
def first_page_lines() -> int:
    """One-line paragraphs the first page holds under the 版头 and title."""
    with pdfplumber.open(io.BytesIO(render_pdf(OfficialDocument(NOTICE, Body((LINE,) * 30))))) as pdf:
        return text_at(pdf.pages[0], 16).count(LINE)


def second_page(first_page_lines: int, rows: int) -> list[str]:
    """A body filling the first page and `rows` rows of the second."""
    return [LINE] * (first_page_lines + rows)


def assert_sealed_under_the_text(page: Closing, pitch: float) -> None:
    texts = [t for t, _, _ in page.lines]
    assert texts[-2:] == [SIGNATURE, WRITTEN] and texts[-3] in (LINE, LONG), "the 署名 keeps text above it on its page"
    (_, last_y, _), (_, name_y, _), (_, date_y, _) = page.lines[-3:]
    assert name_y - last_y == pytest.approx(3 * pitch, abs=0.01), "two blank rows between the text and the 署名"
    assert date_y + (1 - EM_ASCENT) * 16 <= BOTTOM + 0.01, "the 成文日期 inside the 版心"
    seal = page.seal
    assert seal["bottom"] - seal["top"] == pytest.approx(SEAL_D, abs=0.5)
    assert last_y + (1 - EM_ASCENT) * 16 <= seal["top"] <= last_y + ROW, "the seal's top within a row of the text, not on it"
    assert (seal["top"] + seal["bottom"]) / 2 < name_y - EM_ASCENT * 8 < date_y < seal["bottom"]


def test_a_seal_that_fits_keeps_the_grid(first_page_lines):
    page = closing(second_page(first_page_lines, 18), sealed=True)
    assert page.page_index == 1 and page.pitches() <= {round(ROW, 2), round(3 * ROW, 2)}
    assert_sealed_under_the_text(page, ROW)


@pytest.mark.parametrize("rows", [19, 21])
def test_a_seal_without_room_draws_the_page_s_rows_closer(first_page_lines, rows):
    """7.3.5.5 调整行距: 19 or 21 rows of text leave 3 or 1 free rows, the seal block needs 4."""
    page = closing(second_page(first_page_lines, rows), sealed=True)
    pitch = TEXT_H / (rows + 4)
    assert page.page_index == 1 and len(page.lines) == rows + 2
    assert MIN_PITCH <= pitch < ROW and page.pitches() == {round(pitch, 2), round(3 * pitch, 2)}
    assert page.lines[0][1] - EM_ASCENT * 16 == pytest.approx(TOP + (pitch - 16) / 2, abs=0.01)
    assert_sealed_under_the_text(page, pitch)


def test_a_full_page_sets_its_paragraphs_one_character_tighter(first_page_lines):
    """7.3.5.5 调整字距: closer rows alone would need 26 rows on the page; one more character a
    line pulls each two-line paragraph onto one line, and the closer rows do the rest."""
    body = [LINE] * (first_page_lines + 18) + [LONG, LONG]  # 22 rows of the second page
    page = closing(body, sealed=True)
    texts = [t for t, _, _ in page.lines]
    assert page.page_index == 1 and texts[-4:-2] == [LONG, LONG]
    pitch = TEXT_H / 24
    assert page.pitches() == {round(pitch, 2), round(3 * pitch, 2)}
    xs = page.lines[-3][2]
    assert {round(b - a, 2) for a, b in zip(xs, xs[1:])} == {round(TEXT_W / 29, 2)}, "29 characters a line"
    assert xs[0] - LEFT == pytest.approx(2 * TEXT_W / 29, abs=0.01) and xs[-1] + 16 == pytest.approx(LEFT + TEXT_W, abs=1)
    assert_sealed_under_the_text(page, pitch)


def test_past_the_limits_the_last_lines_go_over_with_the_seal(first_page_lines):
    """22 one-line paragraphs fill the page: neither tightening makes room for four rows, so the
    last two lines of text start the next page, the 署名, date and seal under them."""
    page = closing(second_page(first_page_lines, 22), sealed=True)
    assert page.page_index == 2 and page.previous_lines == 20
    assert [t for t, _, _ in page.lines] == [LINE, LINE, SIGNATURE, WRITTEN]
    assert_sealed_under_the_text(page, ROW)


def test_without_a_seal_the_blank_row_stays_and_the_rows_draw_closer(first_page_lines):
    """7.3.5.2 wants a blank row between the text and the 署名; with two free rows the three
    rows of the closing fit by closer spacing rather than leave the page or drop the blank."""
    page = closing(second_page(first_page_lines, 20), sealed=False)
    pitch = TEXT_H / 23
    assert page.page_index == 1 and [t for t, _, _ in page.lines][-3:] == [LINE, SIGNATURE, WRITTEN]
    assert page.pitches() == {round(pitch, 2), round(2 * pitch, 2)}


def test_on_the_first_page_the_header_stays_put_and_the_main_text_draws_closer():
    """An upward document whose 附件说明 ends two rows from the foot: 版头 rows on the grid, the
    title, body, 附件说明, 署名 and 成文日期 closer together on the one page, blank row kept."""
    body = Body(("现将有关情况请示如下。", "一、基本情况", "（一）经费来源", "二、申请理由", "妥否，请批示。"))
    data = render_pdf(OfficialDocument(replace(SECRET_REQUEST, attachments=("经费测算表",)), body))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        rows = lines_of(pdf.pages[0], 16)
        texts = ["".join(c["text"] for c in cs) for cs in rows.values()]
        ys = list(rows)
        assert texts[:3] == ["000012", "机密★10年", "特急"] and texts[-3:] == ["附件：经费测算表", "南通市财政局", "2026年3月2日"]
        assert [y - ys[0] for y in ys[:3]] == pytest.approx([0, ROW, 2 * ROW], abs=0.01)
        attachment_y, name_y, date_y = ys[-3:]
        assert date_y - name_y < ROW and name_y - attachment_y == pytest.approx(2 * (date_y - name_y), abs=0.01)
        assert date_y + (1 - EM_ASCENT) * 16 <= BOTTOM + 0.01
        assert "南通市财政局办公室2026年3月3日印发" in text_at(pdf.pages[-1], 14)

