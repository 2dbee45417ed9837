"""Tables of notices and their read receipts (已读回执)."""

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class NoticeModel(Base):
    __tablename__ = "notices"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(64))
    publisher_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    publisher_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    published_at: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class NoticeReadModel(Base):
    __tablename__ = "notice_reads"
    notice_id: Mapped[str] = mapped_column(ForeignKey("notices.id"), primary_key=True)
    reader_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)
    read_at: Mapped[float] = mapped_column(Float)
