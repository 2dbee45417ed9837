"""The text of a shared file for the content search: plain text and .docx through the 公文
importers (same encodings, same reading order), PDF through pypdf. Anything else, or a file that
cannot be read, has no text."""

import logging
from pathlib import Path

from app.documents.import_docx import import_docx
from app.documents.import_text import decode_text
from app.domain.files import normalise_text

log = logging.getLogger(__name__)
MAX_TEXT_BYTES = 8 * 1024 * 1024  # a huge log file is searched by its first eight megabytes


def has_text(name: str) -> bool:
    """Whether a file of this name can have text to find (by its kind)."""
    return _kind(name) in _READERS


def extract_text(path: Path, name: str) -> str:
    reader = _READERS.get(_kind(name))
    if reader is None:
        return ""
    try:
        return normalise_text(reader(path))
    except Exception:  # a damaged or encrypted file is still stored, it just has no text to find
        log.warning("no text from %s", name, exc_info=True)
        return ""


def _kind(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _plain(path: Path) -> str:
    with path.open("rb") as f:
        return decode_text(f.read(MAX_TEXT_BYTES))


def _pdf(path: Path) -> str:
    from pypdf import PdfReader  # loaded when a PDF is met: it is not needed at start-up

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _docx(path: Path) -> str:
    return import_docx(path).text


_READERS = {"txt": _plain, "md": _plain, "csv": _plain, "pdf": _pdf, "docx": _docx}
