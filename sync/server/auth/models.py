"""Tables of login: public keys, one-use challenges, registered devices, access tokens."""

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class CredentialModel(Base):
    """The public key a person's token signs with (PEM of an Ed25519 key)."""

    __tablename__ = "credentials"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)
    public_key: Mapped[str] = mapped_column(Text)


class ChallengeModel(Base):
    __tablename__ = "challenges"
    nonce: Mapped[str] = mapped_column(String(128), primary_key=True)
    login: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[float] = mapped_column(Float, index=True)
    used: Mapped[bool] = mapped_column(Boolean)


class DeviceModel(Base):
    """A client cache that logged in; it numbers its ops, and `last_client_seq` is the last applied."""

    __tablename__ = "devices"
    device_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    last_client_seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[float] = mapped_column(Float)


class AccessTokenModel(Base):
    """Only the SHA-256 of a token is kept, so a copy of the database logs nobody in."""

    __tablename__ = "access_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.device_id"))
    expires_at: Mapped[float] = mapped_column(Float, index=True)
