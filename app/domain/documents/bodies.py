"""正文 limits and identity: the size a body may have and the hash opinions are signed over."""

import hashlib
import json

from app.domain.errors import RuleViolation

MAX_BODY_CHARS = 200_000  # far beyond any 公文 (a 50-page plan is ~60,000 characters); files go as attachments
MAX_PARAGRAPHS = 10_000


def check_body(paragraphs: list[str]) -> list[str]:
    """The paragraphs if they are a body this system keeps, else RuleViolation."""
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
        raise RuleViolation("doc.bad_body", "正文格式不正确。")
    if len(paragraphs) > MAX_PARAGRAPHS or sum(len(p) for p in paragraphs) > MAX_BODY_CHARS:
        raise RuleViolation("doc.body_too_large", f"正文超过 {MAX_BODY_CHARS} 字的上限，请将长篇材料作为附件上传。")
    return paragraphs


def body_sha256(paragraphs: list[str]) -> str:
    """The hash of one body version (what a signed opinion names)."""
    return hashlib.sha256(json.dumps(paragraphs, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
