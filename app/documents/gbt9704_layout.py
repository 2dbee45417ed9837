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

When the blank left under the text cannot hold the 署名, 成文日期 and seal, the page's rows are drawn
closer and, if that is not enough, its paragraphs set one character a line tighter (7.3.5.5
特殊情况说明); only past those limits do the last lines of the text go over with them (see `lay_out`).
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
SIGNATURE_ROOM = 3  # without a seal: blank, 署名, date
SEAL_CENTRE = 2.3  # seal centre, in rows below the end of the text: the 署名 sits a little below it
# 7.3.5.5 tightening stops here: rows stay over half a character apart, lines one character fuller.
MIN_PITCH = 0.85 * ROW
MAX_SQUEEZE = 1
CARRIED_LINES = 2  # past those limits, lines of text that go to the next page with the 署名

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


@dataclass(frozen=True)
class Fit:
    """How the text before the 署名 and 成文日期 is set so that they stay on its page (7.3.5.5):
    page `page` (an index) has rows `pitch` apart below its 版头, paragraphs `squeezed` (indices)
    hold `cols` characters a line, and paragraph line number `break_before` starts a new page."""

    page: int = -1
    pitch: float = ROW
    cols: int = COLS
    squeezed: range = range(0)
    break_before: int = -1


@dataclass(frozen=True)
class Shortfall:
    """The 署名 and 成文日期 did not fit under the text of page `page`: it would need `rows` rows,
    the first `grid_rows` of them (the 版头) fixed; `paragraphs` have lines on it and `lines`
    paragraph lines came before."""

    page: int
    rows: int
    grid_rows: int
    paragraphs: range
    lines: int


def chinese_date(day: date) -> str:
    """成文日期 style: full year, no zero padding (2012年9月3日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def lay_out(doc: OfficialDocument, measure: Measure, sealed: bool = False) -> list[Page]:
    """Pages of the document; when the 署名, 成文日期 (and seal) do not fit under the end of the
    text, GB/T 9704-2012 7.3.5.5 (特殊情况说明: 当公文排版后所剩空白处不能容下印章或签发人签名章、
    成文日期时，可以采取调整行距、字距的措施解决) is applied to that page: first its rows are drawn
    closer (行距, down to MIN_PITCH), then also its paragraphs set MAX_SQUEEZE character a line
    tighter (字距). Beyond that the last CARRIED_LINES lines of text move to the next page with
    the 署名, which never stands alone on a page (nor does a seal press on blank paper, 7.3.5.1).
    A paragraph begun on the page before is set tighter throughout."""
    composer = _compose(doc, measure, sealed, Fit())
    short = composer.shortfall
    if short is None:
        return composer.pages
    squeezed = Fit(page=short.page, cols=COLS + MAX_SQUEEZE, squeezed=short.paragraphs)
    for fit in (Fit(page=short.page), squeezed):
        trial = _compose(doc, measure, sealed, fit) if fit.squeezed else composer
        need = trial.shortfall
        if need is None:
            return trial.pages
        pitch = (TEXT_H - need.grid_rows * ROW) / (need.rows - need.grid_rows)
        if need.page == short.page and pitch >= MIN_PITCH:
            tightened = _compose(doc, measure, sealed, replace(fit, pitch=pitch))
            if tightened.shortfall is None:
                return tightened.pages
    carried = Fit(break_before=max(0, short.lines - CARRIED_LINES))
    return _compose(doc, measure, sealed, carried, last_resort=True).pages


def _compose(doc: OfficialDocument, measure: Measure, sealed: bool, fit: Fit, last_resort: bool = False) -> "_Composer":
    """The document composed with `fit`; one whose closing did not fit stops there, as `lay_out`
    only reads its shortfall (unless it is the last resort)."""
    composer = _Composer(measure, fit)
    composer.header(doc.meta)
    composer.main_text(doc, sealed)
    if composer.shortfall is not None and not last_resort:
        return composer
    for number, attachment in enumerate(doc.attachments, start=1):
        label = "附件" if len(doc.attachments) == 1 else f"附件{number}"
        composer.attachment(label, attachment.title, attachment.body.paragraphs)
    composer.record(doc.meta)
    composer.page_numbers()
    return composer


class _Composer:
    """Fills pages row by row; `row` is the next free row of the last page. Rows from `grid_rows`
    on are `pitch` apart (the grid's ROW unless `fit` tightens this page)."""

    def __init__(self, measure: Measure, fit: Fit):
        self.measure = measure
        self.fit = fit
        self.pages = [Page()]
        self.row = 0
        self.grid_rows = ROWS
        self.pitch = fit.pitch if fit.page == 0 else ROW
        self.paragraphs = 0  # paragraphs laid so far
        self.lines = 0  # their lines
        self.page_paragraph: int | None = None  # the first paragraph with a line on this page
        self.shortfall: Shortfall | None = None

    # rows and lines

    @property
    def capacity(self) -> int:
        """Rows on this page."""
        return self.grid_rows + math.floor((TEXT_H - self.grid_rows * ROW) / self.pitch + 1e-6)

    def row_top(self, row: int) -> float:
        grid = min(row, self.grid_rows)
        return TOP + grid * ROW + (row - grid) * self.pitch

    def baseline(self, row: int, size: float) -> float:
        pitch = ROW if row < self.grid_rows else self.pitch
        return self.row_top(row) + (pitch - size) / 2 + EM_ASCENT * size

    def width(self, text: str, font: str, size: float, spacing: float) -> float:
        return self.measure(text, font, size) + spacing * len(text)

    def put(self, text: str, font: str, size: float, x: float, color=BLACK, spacing: float = 0.0,
            scale: float = 100.0) -> None:
        """Text on the next free row (a new page when this one is full)."""
        if self.row >= self.capacity:
            self.new_page()
        self.at(self.row, text, font, size, x, color, spacing, scale)
        self.row += 1

    def at(self, row: int, text: str, font: str, size: float, x: float, color=BLACK, spacing: float = 0.0,
           scale: float = 100.0) -> None:
        self.pages[-1].items.append(TextItem(x, self.baseline(row, size), text, font, size, spacing, scale, color))

    def new_page(self) -> None:
        self.pages.append(Page())
        self.row = 0
        self.grid_rows = 0
        self.pitch = self.fit.pitch if len(self.pages) - 1 == self.fit.page else ROW
        self.page_paragraph = None

    def paragraph(self, text: str, font: str = FANGSONG, indent: int = 2, hang: int = 0) -> None:
        """Grid text: first line `indent` cells in, later lines `hang` cells in (cells narrower
        when `fit` squeezes this paragraph)."""
        index = self.paragraphs
        self.paragraphs += 1
        cell = TEXT_W / (self.fit.cols if index in self.fit.squeezed else COLS)
        spacing = cell - BODY_PT

        def fits(t: str) -> float:
            return self.width(t, font, BODY_PT, spacing)
        for i, line in enumerate(break_lines(text, TEXT_W - indent * cell, TEXT_W - hang * cell, fits)):
            if self.lines == self.fit.break_before and self.row:
                self.new_page()
            self.put(line, font, BODY_PT, LEFT + (indent if i == 0 else hang) * cell, spacing=spacing)
            self.lines += 1
            if self.page_paragraph is None:
                self.page_paragraph = index

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
        em_bottom = self.baseline(number_row, BODY_PT) + (1 - EM_ASCENT) * BODY_PT
        self.pages[0].items.append(RuleItem(LEFT, LEFT + TEXT_W, em_bottom + RED_LINE_GAP, RED_LINE_WIDTH, RED))
        self.row = number_row + 3
        self.grid_rows = self.row  # 7.3.5.5 tightening leaves the 版头 where it is
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
        self.make_room(SEAL_ROOM if sealed else SIGNATURE_ROOM)
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

    def make_room(self, rows: int) -> None:
        """Where the 署名 and 成文日期 do not fit under the text, note it for `lay_out` (which
        composes again with a `Fit`) and, for this attempt, go on on a new page."""
        if self.row + rows <= self.capacity:
            return
        if self.shortfall is None:
            paragraphs = range(self.page_paragraph if self.page_paragraph is not None else self.paragraphs, self.paragraphs)
            self.shortfall = Shortfall(len(self.pages) - 1, self.row + rows, self.grid_rows, paragraphs, self.lines)
        self.new_page()

    def signature(self, meta: DocumentMeta) -> None:
        """Without a seal (7.3.5.2): one blank row under the text, the 署名 two cells from the
        right, the date below it moved two cells right (or, if the date is the longer, the date two
        cells from the right and the 署名 further in)."""
        written = chinese_date(meta.written_on)
        name_w = self.width(meta.issuer_name, FANGSONG, BODY_PT, BODY_SPACING)
        date_w = self.width(written, FANGSONG, BODY_PT, BODY_SPACING)
        name_right = 2 * CELL + max(0.0, date_w + 2 * CELL - name_w)
        self.row += 1
        name_x = LEFT + TEXT_W - name_right - name_w
        self.put(meta.issuer_name, FANGSONG, BODY_PT, name_x, spacing=BODY_SPACING)
        self.put(written, FANGSONG, BODY_PT, name_x + 2 * CELL, spacing=BODY_SPACING)

    def sealed_signature(self, meta: DocumentMeta) -> None:
        """用印 (7.3.5.1): two blank rows under the text, the 署名 centred over the 成文日期 (four
        cells from the right), the seal centred on them and drawn over them; on rows drawn closer
        the seal keeps clear of the text's characters above."""
        written = chinese_date(meta.written_on)
        date_w = self.width(written, FANGSONG, BODY_PT, BODY_SPACING)
        name_w = self.width(meta.issuer_name, FANGSONG, BODY_PT, BODY_SPACING)
        centre_x = LEFT + TEXT_W - 4 * CELL - date_w / 2
        pitch = ROW if self.row < self.grid_rows else self.pitch
        centre_y = self.row_top(self.row) + max(SEAL_CENTRE * pitch, SEAL_D / 2 - (pitch - BODY_PT) / 2)
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
        if self.row > self.capacity - len(lines) - 1:
            self.new_page()
        last = self.capacity - 1
        first = last - len(lines)
        items = self.pages[-1].items
        self.row = first
        items.append(RuleItem(LEFT, LEFT + TEXT_W, self.row_top(first), RECORD_OUTER))
        for i, line in enumerate(lines):
            self.put(line, FANGSONG, NOTE_PT, LEFT + (NOTE_PT if i == 0 else 4 * NOTE_PT))
        if lines:
            items.append(RuleItem(LEFT, LEFT + TEXT_W, self.row_top(last), RECORD_INNER))
        printed = (chinese_date(meta.printed_on) + "印发") if meta.printed_on else ""
        self.at(last, meta.printer or "", FANGSONG, NOTE_PT, LEFT + NOTE_PT)
        self.at(last, printed, FANGSONG, NOTE_PT, LEFT + TEXT_W - NOTE_PT - self.measure(printed, FANGSONG, NOTE_PT))
        items.append(RuleItem(LEFT, LEFT + TEXT_W, TOP + TEXT_H, RECORD_OUTER))
        self.row = self.capacity

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
