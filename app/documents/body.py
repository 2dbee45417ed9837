"""The plain model of a 公文 body: an ordered tuple of paragraphs of text, nothing else.

Layout (fonts, indents, heading levels) is the renderer's business, decided from the text itself
(e.g. a paragraph opening with 一、 is a first-level heading), so bodies diff and sync as text.
"""

from dataclasses import dataclass

from app.domain.documents.bodies import body_sha256
from app.domain.errors import RuleViolation

# A long 规划 runs to some 50,000 characters; ten times that is no 公文 but a pasted mistake.
BODY_MAX_CHARS = 500_000


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def char_count(self) -> int:
        return sum(len(p) for p in self.paragraphs)

    @property
    def sha256(self) -> str:
        """The hash signed opinions and sync name the body version by (`bodies.body_sha256`)."""
        return body_sha256(list(self.paragraphs))


def body_from_paragraphs(paragraphs: list[str]) -> Body:
    """Trim each paragraph (including the ideographic-space first-line indent) and drop empty ones;
    refuse a body over BODY_MAX_CHARS."""
    cleaned = (p.strip(" \t\u3000\xa0\r\n") for p in paragraphs)
    body = Body(tuple(p for p in cleaned if p))
    if body.char_count > BODY_MAX_CHARS:
        raise RuleViolation("body.too_long", f"正文不能超过 {BODY_MAX_CHARS} 字。")
    return body
