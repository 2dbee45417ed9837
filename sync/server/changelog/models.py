"""Tables of the change log: the latest state of each entity per scope, and the sequence counter."""

from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Float, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base

COUNTER_ID = 1


class SeqCounter(Base):
    """One row holding the last server sequence number handed out."""

    __tablename__ = "change_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class ChangeRow(Base):
    """The latest state of one entity in one scope. A newer write replaces the row and its `seq`,
    so a pull returns each entity once, at its newest state; `deleted` rows are kept as tombstones."""

    __tablename__ = "changes"
    scope: Mapped[str] = mapped_column(String(128), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(160), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    changed_at: Mapped[float] = mapped_column(Float)  # server clock; decides when a tombstone may go

    __table_args__ = (Index("ix_changes_scope_seq", "scope", "seq"),)


class ScopeStats(Base):
    """Per scope: the checksum of its live rows (sync.protocol.checksum), the last sequence
    written to it, and the retention horizon (the highest seq of a purged tombstone: a cursor
    below it may have missed a deletion and must start the scope again)."""

    __tablename__ = "scope_stats"
    scope: Mapped[str] = mapped_column(String(128), primary_key=True)
    live_count: Mapped[int] = mapped_column(BigInteger)
    xor_hash: Mapped[str] = mapped_column(String(16))
    last_seq: Mapped[int] = mapped_column(BigInteger)
    horizon_seq: Mapped[int] = mapped_column(BigInteger)
