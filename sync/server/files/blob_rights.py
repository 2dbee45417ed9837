"""Who may download a version of a shared file: whoever its file is published to now."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.server.files.models import FileVersionModel, PublishedModel


def may_read_blob(session: Session, sha: str, scopes: list[str]) -> bool:
    """Whether some file with a version of this content is published to one of the scopes now."""
    file_ids = select(FileVersionModel.file_id).where(FileVersionModel.sha256 == sha)
    found = select(PublishedModel.entity_id).where(PublishedModel.entity == "file", PublishedModel.entity_id.in_(file_ids), PublishedModel.scope.in_(scopes)).limit(1)
    return session.scalar(found) is not None
