"""Import a .txt body, in UTF-8 (with or without BOM) or GB18030 (which covers GBK and GB2312).

Text copied from government web pages often lost its line breaks but kept each paragraph's
two-ideographic-space indent (“　　”), so such an indent also starts a new paragraph.
"""

import re
from pathlib import Path

from app.documents.body import Body, body_from_paragraphs
from app.domain.errors import RuleViolation

_INDENT = re.compile(r"[ \t\xa0]*\u3000{2,}")
TEXT_MAX_BYTES = 20 * 1024 * 1024


def decode_text(data: bytes) -> str:
    """UTF-8 if the bytes are valid UTF-8, else GB18030; UTF-16 only with its BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise RuleViolation("import.bad_encoding", "无法识别文本文件的编码，请另存为 UTF-8 或 GB18030 后再导入。") from None


def body_from_text(text: str) -> Body:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return body_from_paragraphs([part for line in lines for part in _INDENT.split(line)])


def import_text(path: Path) -> Body:
    data = path.read_bytes()
    if len(data) > TEXT_MAX_BYTES:
        raise RuleViolation("import.too_large", "正文文件过大，不能超过 20 MB。")
    return body_from_text(decode_text(data))
