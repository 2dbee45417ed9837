"""A search hit's title and snippet as rich text, the found words in bold: the tooltip of a hit in
the 公文 lists, the 文件共享 page and the 门户's search."""

import html

from app.store.document_search import Highlighted


def hit_html(title: Highlighted, snippet: Highlighted) -> str:
    return f"{bold_marks(title)}<br>{bold_marks(snippet)}"


def bold_marks(text: Highlighted) -> str:
    return html.escape(text.marked("\0", "\1")).replace("\0", "<b>").replace("\1", "</b>")
