"""Text for the content search of shared files, from the formats clerks keep: GB18030 text, a
.docx with a table, and a PDF with Chinese text (reportlab, CID font as Adobe's CJK packs do)."""

import docx
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from app.services.file_text import extract_text


def test_gb18030_text(tmp_path):
    path = tmp_path / "旧系统导出.txt"
    path.write_bytes("关于开展电子政务调研的通知".encode("gb18030"))
    assert extract_text(path, path.name) == "关于开展电子政务调研的通知"


def test_docx_paragraphs_and_tables(tmp_path):
    document = docx.Document()
    document.add_paragraph("会议纪要")
    document.add_table(rows=1, cols=2).rows[0].cells[1].text = "协同办公平台"
    path = tmp_path / "纪要.docx"
    document.save(str(path))
    text = extract_text(path, path.name)
    assert "会议纪要" in text and "协同办公平台" in text


def test_pdf_with_chinese(tmp_path):
    path = tmp_path / "规划.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 14)
    page.drawString(72, 720, "南通市电子政务规划（2012—2015年）")
    page.save()
    assert "电子政务规划" in extract_text(path, path.name)


def test_other_or_damaged_files_have_no_text(tmp_path):
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    assert extract_text(path, path.name) == ""
    assert extract_text(path, "照片.jpg") == ""
