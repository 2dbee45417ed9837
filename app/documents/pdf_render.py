"""Draw a 公文 laid out by gbt9704_layout into PDF bytes with reportlab.

Fonts come from a FontSet (pdf_fonts.FREE_FONTS by default: Noto Serif/Sans CJK SC standing in for
the licensed 仿宋, 小标宋, 黑体, 楷体 and 宋体); only the characters the document uses are embedded.
"""

import io

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.documents.gbt9704_layout import (
    FANGSONG,
    HEITI,
    KAITI,
    PAGE_H,
    PAGE_W,
    SONGTI,
    XIAOBIAOSONG,
    ImageItem,
    Page,
    RuleItem,
    TextItem,
    lay_out,
)
from app.documents.official_document import OfficialDocument
from app.documents.pdf_fonts import FREE_FONTS, FontSet, embeddable
from app.domain.documents.metadata import meta_to_gb_json

# Words the layout adds around the document's own text.
_LAYOUT_CHARS = "— 0123456789附件：抄送，。印发年月日签发人（）．★"


def render_pdf(doc: OfficialDocument, fonts: FontSet = FREE_FONTS, seal_png: bytes | None = None) -> bytes:
    """`seal_png`, the unit's seal (PNG with transparency), is placed over 署名 and 成文日期 (用印)."""
    names = _font_names(doc, fonts)
    pages = lay_out(doc, lambda text, role, size: stringWidth(text, names[role], size), sealed=seal_png is not None)
    seal = ImageReader(io.BytesIO(seal_png)) if seal_png is not None else None
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(doc.meta.title)
    canvas.setAuthor(doc.meta.issuer_name)
    canvas.setSubject(str(doc.meta.doc_number or ""))
    canvas.setCreator("Xietong 协同办公")
    for page in pages:
        _draw(canvas, page, names, seal)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _font_names(doc: OfficialDocument, fonts: FontSet) -> dict[str, str]:
    chars = _all_text(doc)
    faces = {FANGSONG: fonts.fangsong, XIAOBIAOSONG: fonts.xiaobiaosong, HEITI: fonts.heiti, KAITI: fonts.kaiti,
             SONGTI: fonts.songti}
    return {role: embeddable(face, chars) for role, face in faces.items()}


def _all_text(doc: OfficialDocument) -> str:
    values = [v for v in meta_to_gb_json(doc.meta).values() if v]
    parts = [v if isinstance(v, str) else "".join(v) for v in values]
    parts += doc.body.paragraphs
    for attachment in doc.attachments:
        parts += (attachment.title, *attachment.body.paragraphs)
    return "".join(parts) + _LAYOUT_CHARS


def _draw(canvas: Canvas, page: Page, names: dict[str, str], seal: ImageReader | None) -> None:
    for item in page.items:
        if isinstance(item, TextItem):
            _draw_text(canvas, item, names[item.font])
        elif isinstance(item, RuleItem):
            canvas.setStrokeColorRGB(*item.color)
            canvas.setLineWidth(item.width)
            canvas.line(item.x0, PAGE_H - item.y, item.x1, PAGE_H - item.y)
        elif isinstance(item, ImageItem) and seal is not None:
            canvas.drawImage(seal, item.x, PAGE_H - item.y - item.height, item.width, item.height, mask="auto")


def _draw_text(canvas: Canvas, item: TextItem, font: str) -> None:
    """Grid text is placed character by character rather than with the PDF's character spacing
    (Tc): reportlab splits CJK text over several 256-glyph subsets, and some readers (pdfminer)
    drop Tc at each split, so explicit positions are the only layout every reader agrees on."""
    canvas.setFillColorRGB(*item.color)
    text = canvas.beginText()
    text.setFont(font, item.size)
    text.setHorizScale(item.horiz_scale)
    y = PAGE_H - item.baseline
    if not item.char_space:
        text.setTextOrigin(item.x, y)
        text.textOut(item.text)
    else:
        x = item.x
        for char in item.text:
            text.setTextOrigin(x, y)
            text.textOut(char)
            x += stringWidth(char, font, item.size) + item.char_space
    canvas.drawText(text)
