"""The content index of shared files (FTS5, trigram tokenizer): one row per blob, since a
blob's content never changes. LIKE on a trigram table uses the index for three characters or
more and scans below that, so two-character Chinese words (规划) are found too."""

from sqlalchemy import text
from sqlalchemy.orm import Session


def has(session: Session, sha: str) -> bool:
    return session.execute(text("SELECT 1 FROM file_text WHERE sha256 = :sha"), {"sha": sha}).first() is not None


def add(session: Session, sha: str, body: str) -> None:
    if not has(session, sha):
        session.execute(text("INSERT INTO file_text (sha256, body) VALUES (:sha, :body)"), {"sha": sha, "body": body})


def matching(session: Session, query: str) -> set[str]:
    """Blobs whose text holds `query` (case-insensitive for Latin letters)."""
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = session.execute(text("SELECT sha256 FROM file_text WHERE body LIKE :p ESCAPE '\\'"), {"p": pattern})
    return {sha for (sha,) in found}
