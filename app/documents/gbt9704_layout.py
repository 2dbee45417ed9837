"""GB/T 9704-2012 page layout of a 公文, as positioned text and lines (no PDF library here).

Geometry (points, measured from the top-left corner of an A4 page): 天头 37 mm, 订口 28 mm, 版心
156 × 225 mm holding 22 rows of 28 characters of 3号 (16 pt) body text, so a character advances
156 mm / 28 ≈ 15.79 pt and a row is 225 mm / 22 ≈ 28.99 pt. Every text line sits on a row, its
em box centred in it. 版头: 份号/密级/紧急程度 in rows 1-3, the red 发文机关标志 with its top 35 mm
below the 版心 top, the 文号 two blank rows under it, the red separator 4 mm under the 文号, the
title two blank rows under the 文号's row. With a seal (用印), the 成文日期 stands four cells from
the right, the 署名 centred above it and the seal image centred on them, pressing on both just
below its centre, its top within a row of the text above (7.3.5.1). 版记 (抄送, 印发机关 and 印发日期) ends on the last row
of the last page between black rules; page numbers "— n —" 7 mm under the 版心, odd pages right
and even pages left, one character in.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.documents.line_breaking import break_lines
from app.documents.official_document import OfficialDocument
from app.domain.documents.metadata import UPWARD_KINDS, DocumentMeta, secrecy_label

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, LEFT = 37 * MM, 28 * MM
TEXT_W, TEXT_H = 156 * MM, 225 * MM
ROWS, COLS = 22, 28
ROW = TEXT_H / ROWS
CELL = TEXT_W / COLS
BODY_PT, TITLE_PT, MARK_PT, NOTE_PT = 16.0, 22.0, 42.0, 14.0
BODY_SPACING = CELL - BODY_PT
MARK_TOP = 35 * MM
RED_LINE_GAP = 4 * MM
RED_LINE_WIDTH = 0.5 * MM
PAGE_NO_GAP = 7 * MM
RECORD_OUTER, RECORD_INNER = 0.35 * MM, 0.25 * MM
EM_ASCENT = 0.88  # CJK em box above the baseline, in ems (Noto CJK's ideographic box)
RED, BLACK = (1.0, 0.0, 0.0), (0.0, 0.0, 0.0)
SEAL_D = 42 * MM  # a 4.2 cm round seal, the size of most units' seals
SEAL_ROOM = 4  # rows from the end of the text to below the 成文日期: blank, blank, 署名, date
SEAL_CENTRE = 2.3  # seal centre, in rows below the end of the text: the 署名 sits a little below it

# Font roles; a FontSet (pdf_fonts.py) says which face plays each.
FANGSONG, XIAOBIAOSONG, HEITI, KAITI, SONGTI = "fangsong", "xiaobiaosong", "heiti", "kaiti", "songti"
Measure = Callable[[str, str, float], float]  # natural advance of text in a role at a size, in pt

_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^（[一二三四五六七八九十]+）")


@dataclass(frozen=True)
class TextItem:
    x: float
    baseline: float
    text: str
    font: str
    size: float
    char_space: float = 0.0
    horiz_scale: float = 100.0
    color: tuple[float, float, float] = BLACK


@dataclass(frozen=True)
class RuleItem:
    x0: float
    x1: float
    y: float
    width: float
    color: tuple[float, float, float] = BLACK


@dataclass(frozen=True)
class ImageItem:
    """The seal: its box, `y` being the top edge."""

    x: float
    y: float
    width: float
    height: float


@dataclass
class Page:
    items: list = field(default_factory=list)


def chinese_date(day: date) -> str:
    """成文日期 style: full year, no zero padding (2012年9月3日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def row_baseline(row: int, size: float) -> float:
    return TOP + row * ROW + (ROW - size) / 2 + EM_ASCENT * size


def lay_out(doc: OfficialDocument, measure: Measure, sealed: bool = False) -> list[Page]:
    composer = _Composer(measure)
    composer.header(doc.meta)
    composer.main_text(doc, sealed)
    for number, attachment in enumerate(doc.attachments, start=1):
        label = "附件" if len(doc.attachments) == 1 else f"附件{number}"
        composer.attachment(label, attachment.title, attachment.body.paragraphs)
    composer.record(doc.meta)
    composer.page_numbers()
    return composer.pages


class _Composer:
    """Fills pages row by row; `row` is the next free row of the last page."""

    def __init__(self, measure: Measure):
        self.measure = measure
        self.pages = [Page()]
        self.row = 0

    # rows and lines

    def width(self, text: str, font: str, size: float, spacing: float) -> float:
        return self.measure(text, font, size) + spacing * len(text)

    def put(self, text: str, font: str, size: float, x: float, color=BLACK, spacing: float = 0.0,
            scale: float = 100.0) -> None:
        """Text on the next free row (a new page when this one is full)."""
        if self.row >= ROWS:
            self.new_page()
        self.at(self.row, text, font, size, x, color, spacing, scale)
        self.row += 1

    def at(self, row: int, text: str, font: str, size: float, x: float, color=BLACK, spacing: float = 0.0,
           scale: float = 100.0) -> None:
        self.pages[-1].items.append(TextItem(x, row_baseline(row, size), text, font, size, spacing, scale, color))

    def new_page(self) -> None:
        self.pages.append(Page())
        self.row = 0

    def paragraph(self, text: str, font: str = FANGSONG, indent: int = 2, hang: int = 0) -> None:
        """Grid text: first line `indent` cells in, later lines `hang` cells in."""
        def fits(t: str) -> float:
            return self.width(t, font, BODY_PT, BODY_SPACING)
        for i, line in enumerate(break_lines(text, TEXT_W - indent * CELL, TEXT_W - hang * CELL, fits)):
            self.put(line, font, BODY_PT, LEFT + (indent if i == 0 else hang) * CELL, spacing=BODY_SPACING)

    def centred(self, text: str, font: str, size: float, color=BLACK) -> None:
        natural = self.width(text, font, size, 0.0)
        scale = min(100.0, 100.0 * TEXT_W / natural)
        self.put(text, font, size, LEFT + (TEXT_W - natural * scale / 100) / 2, color, scale=scale)

    # parts of the document

    def header(self, meta: DocumentMeta) -> None:
        for text in (meta.copy_no, secrecy_label(meta), meta.urgency):
            if text:
                self.put(text, HEITI if text != meta.copy_no else FANGSONG, BODY_PT, LEFT, spacing=BODY_SPACING)
        mark_width = self.width(meta.issuer_mark, XIAOBIAOSONG, MARK_PT, 0.0)
        scale = min(100.0, 100.0 * TEXT_W / mark_width)
        mark_x = LEFT + (TEXT_W - mark_width * scale / 100) / 2
        mark_baseline = TOP + MARK_TOP + EM_ASCENT * MARK_PT
        self.pages[0].items.append(TextItem(mark_x, mark_baseline, meta.issuer_mark, XIAOBIAOSONG, MARK_PT, 0.0, scale, RED))
        self.row = math.ceil((MARK_TOP + MARK_PT) / ROW) + 2
        number_row = self.row
        self.number_line(meta)
        em_bottom = row_baseline(number_row, BODY_PT) + (1 - EM_ASCENT) * BODY_PT
        self.pages[0].items.append(RuleItem(LEFT, LEFT + TEXT_W, em_bottom + RED_LINE_GAP, RED_LINE_WIDTH, RED))
        self.row = number_row + 3
        self.title(meta.title)

    def number_line(self, meta: DocumentMeta) -> None:
        """文号 centred; for 上行文, 文号 one cell from the left and 签发人 one cell from the right."""
        number = str(meta.doc_number) if meta.doc_number else ""
        if meta.kind in UPWARD_KINDS and meta.signer:
            self.at(self.row, number, FANGSONG, BODY_PT, LEFT + CELL, spacing=BODY_SPACING)
            signer_x = LEFT + TEXT_W - CELL - self.width(meta.signer, KAITI, BODY_PT, BODY_SPACING)
            self.at(self.row, meta.signer, KAITI, BODY_PT, signer_x, spacing=BODY_SPACING)
            label_x = signer_x - self.width("签发人：", FANGSONG, BODY_PT, BODY_SPACING)
            self.at(self.row, "签发人：", FANGSONG, BODY_PT, label_x, spacing=BODY_SPACING)
        elif number:
            x = LEFT + (TEXT_W - self.width(number, FANGSONG, BODY_PT, BODY_SPACING)) / 2
            self.at(self.row, number, FANGSONG, BODY_PT, x, spacing=BODY_SPACING)

    def title(self, title: str) -> None:
        """2号小标宋, centred; a long title is split into lines of even length."""
        most = max(1, int(TEXT_W // TITLE_PT))
        lines = math.ceil(len(title) / most)
        per_line = math.ceil(len(title) / lines)
        for start in range(0, len(title), per_line):
            self.centred(title[start : start + per_line], XIAOBIAOSONG, TITLE_PT)

    def main_text(self, doc: OfficialDocument, sealed: bool) -> None:
        meta = doc.meta
        self.row += 1
        if meta.main_recipients:
            self.paragraph("，".join(meta.main_recipients) + "：", indent=0)
        for text in doc.body.paragraphs:
            self.paragraph(text, _heading_font(text))
        if meta.attachments:
            self.row += 1
            self.attachment_notes(meta.attachments)
        if sealed:
            self.sealed_signature(meta)
        else:
            self.signature(meta)
        if meta.note:
            self.paragraph(f"（{meta.note}）")

    def attachment_notes(self, titles: tuple[str, ...]) -> None:
        if len(titles) == 1:
            self.paragraph("附件：" + titles[0], indent=2, hang=5)
            return
        # 附件：1．… with later numbers aligned under the first.
        for number, title in enumerate(titles, start=1):
            label = "附件：" if number == 1 else ""
            self.paragraph(f"{label}{number}．{title}", indent=2 if number == 1 else 5, hang=7)

    def signature(self, meta: DocumentMeta) -> None:
        """Without a seal: 署名 two cells from the right, the date below it moved two cells right
        (or, if the date is the longer, the date two cells from the right and the 署名 further in).
        Normally one blank row above; when only the two rows themselves are left on the page, the
        blank row is given up (the standard asks to tighten spacing rather than leave 署名 and
        date alone on a page); with less room they go to the next page together."""
        written = chinese_date(meta.written_on)
        name_w = self.width(meta.issuer_name, FANGSONG, BODY_PT, BODY_SPACING)
        date_w = self.width(written, FANGSONG, BODY_PT, BODY_SPACING)
        name_right = 2 * CELL + max(0.0, date_w + 2 * CELL - name_w)
        if self.row + 3 <= ROWS:
            self.row += 1
        elif self.row + 2 > ROWS:
            self.new_page()
        name_x = LEFT + TEXT_W - name_right - name_w
        self.put(meta.issuer_name, FANGSONG, BODY_PT, name_x, spacing=BODY_SPACING)
        self.put(written, FANGSONG, BODY_PT, name_x + 2 * CELL, spacing=BODY_SPACING)

    def sealed_signature(self, meta: DocumentMeta) -> None:
        """用印: two blank rows under the text, the 署名 centred over the 成文日期 (four cells from
        the right), the seal centred on them and drawn over them. Too little room: all three go
        to the next page (the standard's tighter spacing is not done)."""
        if self.row + SEAL_ROOM > ROWS:
            self.new_page()
        written = chinese_date(meta.written_on)
        date_w = self.width(written, FANGSONG, BODY_PT, BODY_SPACING)
        name_w = self.width(meta.issuer_name, FANGSONG, BODY_PT, BODY_SPACING)
        centre_x = LEFT + TEXT_W - 4 * CELL - date_w / 2
        centre_y = TOP + (self.row + SEAL_CENTRE) * ROW
        self.row += 2
        self.put(meta.issuer_name, FANGSONG, BODY_PT, centre_x - name_w / 2, spacing=BODY_SPACING)
        self.put(written, FANGSONG, BODY_PT, centre_x - date_w / 2, spacing=BODY_SPACING)
        self.pages[-1].items.append(ImageItem(centre_x - SEAL_D / 2, centre_y - SEAL_D / 2, SEAL_D, SEAL_D))

    def attachment(self, label: str, title: str, paragraphs: tuple[str, ...]) -> None:
        """附件 on a new page: the label top left (黑体), the title centred on the third row."""
        self.new_page()
        self.put(label, HEITI, BODY_PT, LEFT, spacing=BODY_SPACING)
        self.row = 2
        self.title(title)
        self.row += 1
        for text in paragraphs:
            self.paragraph(text, _heading_font(text))

    def record(self, meta: DocumentMeta) -> None:
        """版记 at the foot of the last page: 抄送 rows, then 印发机关 and 印发日期, between rules."""
        lines = self.copy_lines(meta.copy_recipients)
        if not meta.printer and not lines:
            return
        first = ROWS - len(lines) - 1
        if self.row > first:
            self.new_page()
        items = self.pages[-1].items
        self.row = first
        items.append(RuleItem(LEFT, LEFT + TEXT_W, TOP + first * ROW, RECORD_OUTER))
        for i, line in enumerate(lines):
            self.put(line, FANGSONG, NOTE_PT, LEFT + (NOTE_PT if i == 0 else 4 * NOTE_PT))
        if lines:
            items.append(RuleItem(LEFT, LEFT + TEXT_W, TOP + (ROWS - 1) * ROW, RECORD_INNER))
        printed = (chinese_date(meta.printed_on) + "印发") if meta.printed_on else ""
        self.at(ROWS - 1, meta.printer or "", FANGSONG, NOTE_PT, LEFT + NOTE_PT)
        self.at(ROWS - 1, printed, FANGSONG, NOTE_PT, LEFT + TEXT_W - NOTE_PT - self.measure(printed, FANGSONG, NOTE_PT))
        items.append(RuleItem(LEFT, LEFT + TEXT_W, TOP + TEXT_H, RECORD_OUTER))
        self.row = ROWS

    def copy_lines(self, recipients: tuple[str, ...]) -> list[str]:
        if not recipients:
            return []
        text = "抄送：" + "，".join(recipients) + "。"
        return break_lines(text, TEXT_W - 2 * NOTE_PT, TEXT_W - 5 * NOTE_PT, lambda t: self.measure(t, FANGSONG, NOTE_PT))

    def page_numbers(self) -> None:
        for number, page in enumerate(self.pages, start=1):
            text = f"— {number} —"
            width = self.measure(text, SONGTI, NOTE_PT)
            x = LEFT + TEXT_W - NOTE_PT - width if number % 2 else LEFT + NOTE_PT
            baseline = TOP + TEXT_H + PAGE_NO_GAP + EM_ASCENT * NOTE_PT
            page.items.append(TextItem(x, baseline, text, SONGTI, NOTE_PT))


def _heading_font(text: str) -> str:
    """一、 headings in 黑体 and （一） headings in 楷体; everything else in 仿宋 (GB/T 9704 7.3.3)."""
    if _LEVEL1.match(text):
        return HEITI
    if _LEVEL2.match(text):
        return KAITI
    return FANGSONG
