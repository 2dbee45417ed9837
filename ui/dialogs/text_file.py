"""Read a notice prepared in a .txt file: UTF-8 (with or without BOM) or, as Windows editors in
China save by default, GB18030 (a superset of GBK and GB2312). First line title, rest body."""

from pathlib import Path


def read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_title(text: str) -> tuple[str, str]:
    """(title, body): the first non-blank line, and what follows it without surrounding blank lines."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return "", ""
    return lines[first].strip(), "\n".join(lines[first + 1 :]).strip("\n")
