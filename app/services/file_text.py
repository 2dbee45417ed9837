"""The text of a shared file for the content search: plain text, PDF (pypdf) and .docx
(python-docx). Anything else, or a file that cannot be read, has no text."""

import logging
from pathlib import Path

from app.domain.files import normalise_text

log = logging.getLogger(__name__)
MAX_TEXT_CHARS = 2_000_000  # a huge log file is searched by its first two million characters
TEXT_ENCODINGS = ("utf-8", "gb18030")


def extract_text(path: Path, name: str) -> str:
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    reader = _READERS.get(kind)
    if reader is None:
        return ""
    try:
        return normalise_text(reader(path))[:MAX_TEXT_CHARS]
    except Exception:  # a damaged or encrypted file is still stored, it just has no text to find
        log.warning("no text from %s", name, exc_info=True)
        return ""


def _plain(path: Path) -> str:
    data = path.read_bytes()[: MAX_TEXT_CHARS * 4]
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _pdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


_READERS = {"txt": _plain, "md": _plain, "csv": _plain, "pdf": _pdf, "docx": _docx}
