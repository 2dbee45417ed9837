"""Who may read a blob: the scopes whose rows name it, and the people who uploaded it."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class BlobRef(Base):
    """A row in `scope` names the blob in its attachments: every reader of the scope may fetch it."""

    __tablename__ = "blob_refs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(128), primary_key=True)


class BlobUploader(Base):
    """Someone who sent (part of) the blob: they may read back what they sent, e.g. to resume."""

    __tablename__ = "blob_uploaders"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(64), primary_key=True)
