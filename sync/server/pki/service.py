"""Trust material in the database: add CAs and CRLs, bind certificates to people, revoke."""

import datetime as dt
import hashlib

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.identity.chain import TrustMaterial
from app.identity.verify import verify_issued_by
from sync.server.pki.models import CaCertificateModel, CertificateBindingModel, CrlModel, RevocationModel


class PkiRefused(Exception):
    """An administrator's request that cannot be done; the message says why (中文)."""


def fingerprint(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def name_key(name: x509.Name) -> str:
    return hashlib.sha256(name.public_bytes()).hexdigest()


def add_ca(session: Session, cert: x509.Certificate, anchor: bool, now: float) -> None:
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        constraints = None
    if constraints is None or not constraints.ca:
        raise PkiRefused(f"{cert.subject.rfc4514_string()} 不是 CA 证书（缺少 basicConstraints cA=TRUE）。")
    session.merge(CaCertificateModel(sha256=fingerprint(cert), subject=cert.subject.rfc4514_string(), der=cert.public_bytes(Encoding.DER), is_anchor=anchor, added_at=now))


def add_crl(session: Session, crl: x509.CertificateRevocationList) -> None:
    """Keep the CRL if a known CA signed it and it is newer than the one held."""
    if not any(verify_issued_by(crl, ca) for ca in _cas(session) if ca.subject == crl.issuer):
        raise PkiRefused(f"吊销列表的签发者 {crl.issuer.rfc4514_string()} 不是已导入的 CA，或签名无效。")
    if crl.next_update_utc is None:
        raise PkiRefused("吊销列表没有下次更新时间（nextUpdate），无法判断是否过期。")
    key = name_key(crl.issuer)
    held = session.get(CrlModel, key)
    this_update = crl.last_update_utc.timestamp()
    if held is not None and held.this_update > this_update:
        raise PkiRefused("已有更新的吊销列表，未替换。")
    session.merge(CrlModel(issuer_key=key, der=crl.public_bytes(Encoding.DER), this_update=this_update, next_update=crl.next_update_utc.timestamp()))


def trust_material(session: Session) -> TrustMaterial:
    cas = session.scalars(select(CaCertificateModel)).all()
    anchors = [x509.load_der_x509_certificate(c.der) for c in cas if c.is_anchor]
    intermediates = [x509.load_der_x509_certificate(c.der) for c in cas if not c.is_anchor]
    crls = [x509.load_der_x509_crl(c.der) for c in session.scalars(select(CrlModel))]
    return TrustMaterial(anchors, intermediates, crls)


def crls_for(session: Session, chain: list[x509.Certificate]) -> list[bytes]:
    """DER of the CRLs of every issuer in a verified chain (the client keeps them for offline login)."""
    found = (session.get(CrlModel, name_key(cert.issuer)) for cert in chain[:-1])
    return [crl.der for crl in found if crl is not None]


def bind(session: Session, cert: x509.Certificate, person_id: str, now: float) -> None:
    session.merge(
        CertificateBindingModel(
            issuer_key=name_key(cert.issuer),
            serial=f"{cert.serial_number:x}",
            person_id=person_id,
            cert_sha256=fingerprint(cert),
            subject=cert.subject.rfc4514_string(),
            not_after=cert.not_valid_after_utc.timestamp(),
            bound_at=now,
        )
    )


def person_for(session: Session, cert: x509.Certificate) -> str | None:
    binding = session.get(CertificateBindingModel, (name_key(cert.issuer), f"{cert.serial_number:x}"))
    return binding.person_id if binding else None


def revoke(session: Session, issuer: x509.Name, serial: int, reason: str, now: float) -> str | None:
    """Record the revocation; returns the revoked certificate's SHA-256 when it was bound to someone."""
    key, serial_hex = name_key(issuer), f"{serial:x}"
    session.merge(RevocationModel(issuer_key=key, serial=serial_hex, revoked_at=now, reason=reason))
    binding = session.get(CertificateBindingModel, (key, serial_hex))
    return binding.cert_sha256 if binding else None


def revoked_serials(session: Session, issuer: x509.Name) -> list[tuple[int, dt.datetime]]:
    rows = session.scalars(select(RevocationModel).where(RevocationModel.issuer_key == name_key(issuer)))
    return [(int(r.serial, 16), dt.datetime.fromtimestamp(r.revoked_at, dt.timezone.utc)) for r in rows]


def next_crl_number(session: Session, issuer: x509.Name) -> int:
    held = session.get(CrlModel, name_key(issuer))
    if held is None:
        return 1
    try:
        return x509.load_der_x509_crl(held.der).extensions.get_extension_for_class(x509.CRLNumber).value.crl_number + 1
    except x509.ExtensionNotFound:
        return 1


def bindings(session: Session) -> list[CertificateBindingModel]:
    return list(session.scalars(select(CertificateBindingModel).order_by(CertificateBindingModel.bound_at)))


def _cas(session: Session) -> list[x509.Certificate]:
    return [x509.load_der_x509_certificate(c.der) for c in session.scalars(select(CaCertificateModel))]
