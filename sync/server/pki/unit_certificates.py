"""单位电子印章 on the server: a unit's seal certificate — issued by this deployment's CA onto the
seal keeper's USB key, or made by other tools (openssl) and registered from a PEM — is checked
(it must chain to a CA the server trusts and allow non-repudiation signatures, as PDF validators
ask) and published with its chain and seal image to every client: 用印 signs with it and places
the image, readers of the 公文 check against it."""

import asyncio
import base64
import time

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.scopes import DIRECTORY
from sync.server.changelog.service import EntityChange, record_many
from sync.server.directory import service as directory
from sync.server.pki import service as pki
from sync.server.pki.models import UnitCertificateModel
from sync.server.pki.service import PkiRefused

ENTITY = "unit_certificate"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SEAL_USAGE = {"non_repudiation"}  # what pyHanko (and Acrobat) ask of a document signer
MAX_SEAL_BYTES = 1024 * 1024  # every client pulls the image with the directory


def register(session: Session, unit_id: str, cert: x509.Certificate, chain: list[x509.Certificate], seal_png: bytes) -> UnitCertificateModel:
    """Check and publish; `chain` may be empty when the server already knows the issuing CAs."""
    if not directory.unit_exists(session, unit_id):
        raise PkiRefused(f"通讯录中没有编号为 {unit_id} 的单位。")
    if not seal_png.startswith(PNG_MAGIC):
        raise PkiRefused("印章图像须为 PNG 文件（透明背景）。")
    if len(seal_png) > MAX_SEAL_BYTES:
        raise PkiRefused(f"印章图像过大（{len(seal_png) // 1024} KB），请压缩到 {MAX_SEAL_BYTES // 1024} KB 以内。")
    _check_key(cert)
    issuers = _validated_issuers(session, cert, chain)
    row = UnitCertificateModel(
        sha256=pki.fingerprint(cert), unit_id=unit_id, der=cert.public_bytes(Encoding.DER),
        chain=b"".join(c.public_bytes(Encoding.PEM) for c in issuers), seal_png=seal_png,
        subject=cert.subject.rfc4514_string(), not_after=cert.not_valid_after_utc.timestamp(), registered_at=time.time(),
    )
    session.merge(row)
    _publish(session, [row])
    return row


def remove(session: Session, sha256: str) -> UnitCertificateModel:
    row = session.get(UnitCertificateModel, sha256.lower())
    if row is None:
        raise PkiRefused(f"没有指纹为 {sha256} 的单位证书。")
    session.delete(row)
    _publish(session, [row], deleted=True)
    return row


def registered(session: Session) -> list[UnitCertificateModel]:
    return list(session.scalars(select(UnitCertificateModel).order_by(UnitCertificateModel.unit_id, UnitCertificateModel.registered_at)))


def _check_key(cert: x509.Certificate) -> None:
    try:
        key = cert.public_key()
    except (UnsupportedAlgorithm, ValueError) as exc:
        raise PkiRefused("PDF 签名需要 ECDSA 或 RSA 密钥，此证书的密钥 PDF 阅读器不认识（如 SM2）。") from exc
    if not isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        raise PkiRefused("PDF 签名需要 ECDSA 或 RSA 密钥。")
    try:
        if cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            raise PkiRefused("这是 CA 证书，不是单位签章证书。")
    except x509.ExtensionNotFound:
        pass  # an end-entity certificate need not say so


def _validated_issuers(session: Session, cert: x509.Certificate, chain: list[x509.Certificate]) -> list[x509.Certificate]:
    """The CAs from the certificate up to a trust anchor, checked as a PDF reader will (usage,
    validity, revocation where the server holds the issuer's CRL)."""
    material = pki.trust_material(session)
    context = ValidationContext(
        trust_roots=[_asn1(c) for c in material.anchors],
        other_certs=[_asn1(c) for c in [*material.intermediates, *chain]],
        crls=[crl.public_bytes(Encoding.DER) for crl in material.crls],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    validator = CertificateValidator(_asn1(cert), validation_context=context)
    try:
        path = asyncio.run(validator.async_validate_usage(SEAL_USAGE))
    except PathBuildingError as exc:
        raise PkiRefused(f"单位证书不能链接到本系统信任的 CA（先用 admin ca-import 导入其 CA）：{exc}") from exc
    except (PathValidationError, ValidationError) as exc:
        raise PkiRefused(f"单位证书不能用于签章（须含 nonRepudiation 密钥用法，在有效期内且未吊销）：{exc}") from exc
    return [x509.load_der_x509_certificate(c.dump()) for c in reversed(list(path.iter_certs(include_root=True)))][1:]


def publish_all(session: Session) -> None:
    """Send every registered unit certificate to the clients again."""
    _publish(session, registered(session))


def _publish(session: Session, rows: list[UnitCertificateModel], deleted: bool = False) -> None:
    record_many(session, DIRECTORY, [EntityChange(ENTITY, row.sha256, 1, {} if deleted else _data(row), deleted) for row in rows])


def _data(row: UnitCertificateModel) -> dict:
    chain = x509.load_pem_x509_certificates(row.chain) if row.chain else []
    return {
        "unit_id": row.unit_id,
        "certificate": base64.b64encode(row.der).decode(),
        "chain": [base64.b64encode(c.public_bytes(Encoding.DER)).decode() for c in chain],
        "seal_png": base64.b64encode(row.seal_png).decode(),
    }


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
