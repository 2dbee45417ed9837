"""The plain model of a 公文 body: an ordered tuple of paragraphs of text, nothing else.

Layout (fonts, indents, heading levels) is the renderer's business, decided from the text itself
(e.g. a paragraph opening with 一、 is a first-level heading), so bodies diff and sync as text.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def char_count(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def body_from_paragraphs(paragraphs: list[str]) -> Body:
    """Trim each paragraph (including the ideographic-space first-line indent) and drop empty ones."""
    cleaned = (p.strip(" \t\u3000\xa0\r\n") for p in paragraphs)
    return Body(tuple(p for p in cleaned if p))
