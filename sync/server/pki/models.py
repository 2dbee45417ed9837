"""Tables of trust: CA certificates, their CRLs, which certificate belongs to whom, revocations."""

from sqlalchemy import Boolean, Float, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.database import Base


class CaCertificateModel(Base):
    """A CA the server knows: an anchor (root of trust) or an intermediate that chains to one."""

    __tablename__ = "ca_certificates"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(Text)
    der: Mapped[bytes] = mapped_column(LargeBinary)
    is_anchor: Mapped[bool] = mapped_column(Boolean)
    added_at: Mapped[float] = mapped_column(Float)


class CrlModel(Base):
    """The newest CRL (证书吊销列表) of one issuer, by the SHA-256 of the issuer's name."""

    __tablename__ = "crls"
    issuer_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    der: Mapped[bytes] = mapped_column(LargeBinary)
    this_update: Mapped[float] = mapped_column(Float)
    next_update: Mapped[float] = mapped_column(Float)


class CertificateBindingModel(Base):
    """证书绑定: the person a certificate logs in, by issuer and serial number."""

    __tablename__ = "certificate_bindings"
    issuer_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    serial: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    cert_sha256: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(Text)
    not_after: Mapped[float] = mapped_column(Float)
    bound_at: Mapped[float] = mapped_column(Float)


class RevocationModel(Base):
    """A certificate this deployment's own CA revoked; its next CRL lists it."""

    __tablename__ = "revocations"
    issuer_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    serial: Mapped[str] = mapped_column(String(64), primary_key=True)
    revoked_at: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)


class UnitCertificateModel(Base):
    """单位电子印章: a unit's seal certificate (its key on the seal keeper's USB key), the chain
    readers need, and the seal image 用印 places. Published to every client."""

    __tablename__ = "unit_certificates"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    der: Mapped[bytes] = mapped_column(LargeBinary)
    chain: Mapped[bytes] = mapped_column(LargeBinary)  # PEM of the issuing CAs, nearest first
    seal_png: Mapped[bytes] = mapped_column(LargeBinary)
    subject: Mapped[str] = mapped_column(Text)
    not_after: Mapped[float] = mapped_column(Float)
    registered_at: Mapped[float] = mapped_column(Float)
