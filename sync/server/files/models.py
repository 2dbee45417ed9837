"""Tables of 文件共享: folders, files, their versions, folder shares, unit quotas, and where
each row was published (so a change of rights can withdraw it from scopes that lost it)."""

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class FolderModel(Base):
    __tablename__ = "file_folders"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cabinet: Mapped[str] = mapped_column(String(80), index=True)  # "unit:u01" or "person:p3"
    parent_id: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)  # None: the cabinet's top
    name: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class FileModel(Base):
    __tablename__ = "files"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    container: Mapped[str] = mapped_column(String(80), index=True)  # a folder id or a cabinet id
    cabinet: Mapped[str] = mapped_column(String(80), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(8))  # 密级
    version: Mapped[int] = mapped_column(Integer)  # the current version's number
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class FileVersionModel(Base):
    """Every save of a file: a content-addressed blob, kept after later saves."""

    __tablename__ = "file_versions"
    file_id: Mapped[str] = mapped_column(ForeignKey("files.id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    author_id: Mapped[str] = mapped_column(String(64))
    author_name: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[float] = mapped_column(Float)
    unit_id: Mapped[str] = mapped_column(String(64), index=True)  # whose quota it counts against


class FolderShareModel(Base):
    __tablename__ = "file_shares"
    folder_id: Mapped[str] = mapped_column(ForeignKey("file_folders.id"), primary_key=True)
    grantee_kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    grantee_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    right: Mapped[str] = mapped_column(String(8))


class UnitQuotaModel(Base):
    __tablename__ = "file_quotas"
    unit_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    limit_bytes: Mapped[int] = mapped_column(BigInteger)


class PublishedModel(Base):
    """A file or folder row written into a scope: withdrawn (tombstone) when rights change."""

    __tablename__ = "file_published"
    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[str] = mapped_column(String(128), primary_key=True)
