"""Import a .docx body with python-docx: the text of each paragraph, in order, tables row by row.

Formatting is dropped on purpose: the GB/T 9704 renderer decides fonts and indents itself.
"""

from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from app.documents.body import Body, body_from_paragraphs
from app.domain.errors import RuleViolation


def import_docx(path: Path) -> Body:
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError):
        raise RuleViolation("import.bad_docx", "无法读取该 Word 文件，请确认是 .docx 格式（不是 .doc）。") from None
    return body_from_paragraphs(list(_texts(document)))


def _texts(document: Document):
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                yield "\t".join(cell.text for cell in row.cells)
