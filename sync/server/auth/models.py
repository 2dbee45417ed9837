"""Tables of login: one-use challenges, registered devices, sessions and their refresh tokens."""

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class ChallengeModel(Base):
    __tablename__ = "challenges"
    nonce: Mapped[str] = mapped_column(String(128), primary_key=True)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
    used: Mapped[bool] = mapped_column(Boolean)


class DeviceModel(Base):
    """A client cache that logged in; it numbers its ops, and `last_client_seq` is the last applied.
    `cache_escrow` is handed to the device at each login: it unwraps the cache's data key when the
    operating system's keyring lost it."""

    __tablename__ = "devices"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    last_client_seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[float] = mapped_column(Float)
    cache_escrow: Mapped[str | None] = mapped_column(String(64), nullable=True)


class SessionModel(Base):
    """One login: bound to the certificate that made it; revoking it ends its tokens at once."""

    __tablename__ = "auth_sessions"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.device_id"))
    cert_sha256: Mapped[str] = mapped_column(String(64), index=True)
    created_at: Mapped[float] = mapped_column(Float)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
    revoked_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class RefreshTokenModel(Base):
    """A refresh token of a session, by SHA-256. Each is good for one use; a second use means it
    was stolen, and the whole session is revoked."""

    __tablename__ = "refresh_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("auth_sessions.id"), index=True)
    expires_at: Mapped[float] = mapped_column(Float)
    used: Mapped[bool] = mapped_column(Boolean)
