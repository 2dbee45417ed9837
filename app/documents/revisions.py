"""痕迹 (what changed between two body versions) and 清稿 (the clean copy), with difflib.

Paragraphs are matched first; a replaced paragraph is then compared character by character, so
an edited sentence shows only the characters inserted and deleted.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

from app.documents.body import Body

SAME, INSERTED, DELETED, CHANGED = "same", "inserted", "deleted", "changed"


@dataclass(frozen=True)
class Span:
    kind: str
    text: str


@dataclass(frozen=True)
class ParagraphRevision:
    """A paragraph as 痕迹 shows it: unchanged, wholly inserted or deleted, or changed in spans."""

    kind: str
    spans: tuple[Span, ...]


def revisions(old: Body, new: Body) -> tuple[ParagraphRevision, ...]:
    matcher = SequenceMatcher(None, old.paragraphs, new.paragraphs, autojunk=False)
    out: list[ParagraphRevision] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = old.paragraphs[i1:i2], new.paragraphs[j1:j2]
        if tag == "equal":
            out += [ParagraphRevision(SAME, (Span(SAME, p),)) for p in before]
            continue
        paired = min(len(before), len(after)) if tag == "replace" else 0
        out += [ParagraphRevision(CHANGED, character_spans(a, b)) for a, b in zip(before[:paired], after[:paired])]
        out += [ParagraphRevision(DELETED, (Span(DELETED, p),)) for p in before[paired:]]
        out += [ParagraphRevision(INSERTED, (Span(INSERTED, p),)) for p in after[paired:]]
    return tuple(out)


def character_spans(old: str, new: str) -> tuple[Span, ...]:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    spans: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            spans.append(Span(SAME, old[i1:i2]))
            continue
        if i2 > i1:
            spans.append(Span(DELETED, old[i1:i2]))
        if j2 > j1:
            spans.append(Span(INSERTED, new[j1:j2]))
    return tuple(spans)


def clean_copy(marked: tuple[ParagraphRevision, ...]) -> Body:
    """清稿: every change accepted."""
    return _keep(marked, DELETED)


def original(marked: tuple[ParagraphRevision, ...]) -> Body:
    """Every change rejected: the version the 痕迹 started from."""
    return _keep(marked, INSERTED)


def _keep(marked: tuple[ParagraphRevision, ...], dropped: str) -> Body:
    paragraphs = ("".join(s.text for s in p.spans if s.kind != dropped) for p in marked if p.kind != dropped)
    return Body(tuple(paragraphs))
