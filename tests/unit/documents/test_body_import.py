"""Bodies from .txt (UTF-8 or GB18030) and .docx files into the paragraph model."""

from pathlib import Path

import docx
import pytest

from app.documents.body import BODY_MAX_CHARS, Body
from app.documents.import_docx import import_docx
from app.documents.import_text import decode_text, import_text
from app.domain.errors import RuleViolation

SAMPLE = Path(__file__).parents[2] / "fixtures/documents/nantong-egov-plan-2012.txt"
TEXT = "关于开展安全检查的通知\n　　各单位：\r\n　　请于3月5日前报送。　　特此通知。\n\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_files_in_each_chinese_encoding_read_the_same(tmp_path, encoding):
    path = tmp_path / "body.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert import_text(path) == Body(("关于开展安全检查的通知", "各单位：", "请于3月5日前报送。", "特此通知。"))


def test_gb18030_that_happens_to_look_like_utf8_is_not_taken_for_it():
    # Common 公文 words in GB18030 are never valid UTF-8, so the fallback decides.
    assert decode_text("南通市人民政府办公室".encode("gb18030")) == "南通市人民政府办公室"


def test_undecodable_bytes_are_refused_in_words():
    with pytest.raises(RuleViolation) as caught:
        decode_text(b"\x81\x20\xff\xff\xff")
    assert caught.value.code == "import.bad_encoding"


def test_the_sample_document_splits_into_its_paragraphs():
    body = import_text(SAMPLE)
    assert body.paragraphs[1] == "市政府办公室关于印发《南通市电子政务“十二五”发展规划》的通知"
    assert "一、发展基础和形势" in body.paragraphs
    assert all(not p.startswith(("\u3000", " ")) for p in body.paragraphs)
    assert len(body.paragraphs) == 77


def test_docx_paragraphs_and_tables_come_in_document_order(tmp_path):
    document = docx.Document()
    document.add_heading("关于开展安全检查的通知", level=1)
    document.add_paragraph("各单位：")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "单位", "联系人"
    document.add_paragraph("\u3000\u3000特此通知。")
    path = tmp_path / "body.docx"
    document.save(path)
    assert import_docx(path) == Body(("关于开展安全检查的通知", "各单位：", "单位\t联系人", "特此通知。"))


def test_a_file_that_is_not_docx_is_refused_in_words(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not a zip")
    with pytest.raises(RuleViolation) as caught:
        import_docx(path)
    assert caught.value.code == "import.bad_docx"


def test_an_oversized_body_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("通知" * (BODY_MAX_CHARS // 2 + 1), encoding="utf-8")
    with pytest.raises(RuleViolation) as caught:
        import_text(path)
    assert caught.value.code == "body.too_long"
