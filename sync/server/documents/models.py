"""Tables of 公文: outgoing documents with their route, body versions, each receiving unit's
收文, 催办 reminders, and the number counters (文号 per unit, 机关代字 and year; 收文编号 per unit
and year), whose row is locked while a number is taken so numbers have no gaps and no repeats."""

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class DocumentModel(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    drafter_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    number_prefix: Mapped[str] = mapped_column(String(64))
    classification: Mapped[str] = mapped_column(String(8))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON)
    route: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    body_version: Mapped[int] = mapped_column(Integer)
    doc_number: Mapped[str | None] = mapped_column(String(100), nullable=True, unique=True)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    signatures: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    distributed: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer)


class DocumentBodyModel(Base):
    __tablename__ = "document_bodies"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    body_version: Mapped[int] = mapped_column(Integer, primary_key=True)
    paragraphs: Mapped[list[str]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    author_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[float] = mapped_column(Float)


class IncomingModel(Base):
    """One receiving unit's 收文; `document_id` names the 发文, or a paper document (no 发文 row)."""

    __tablename__ = "incoming_documents"
    id: Mapped[str] = mapped_column(String(140), primary_key=True)
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    sender_unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    classification: Mapped[str] = mapped_column(String(8))
    meta: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    register_no: Mapped[str | None] = mapped_column(String(100), nullable=True, unique=True)
    body_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    delivered_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_incoming_documents_unit_status", "unit_id", "status"),)


class ReminderModel(Base):
    __tablename__ = "document_reminders"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    incoming_id: Mapped[str] = mapped_column(ForeignKey("incoming_documents.id"), index=True)
    from_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    to_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[float] = mapped_column(Float)


class NumberCounterModel(Base):
    """The last serial handed out for one unit, 机关代字 (or 收文 mark) and year."""

    __tablename__ = "document_counters"
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(64), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)
