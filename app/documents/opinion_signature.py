"""Signed opinions (签名意见): a 会签 or 签发 opinion signed with the person's key over the exact
body version they saw, the opinion text, the step and the time, so that anyone can check it later
with the certificate alone (docs/documents.md, "Signed opinions").

The signed bytes are `canonical_payload`: the payload fields as JSON, keys sorted, no spaces, non-ASCII
characters as themselves, UTF-8. The payload also names the SHA-256 of the signer's certificate,
so a record whose certificate was swapped reads as signed with the wrong key rather than as tampered.
"""

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from app.identity.certificates import holder_name
from app.identity.chain import CertificateRefused, TrustMaterial, validate_login_certificate
from app.identity.signer import Signer
from app.identity.verify import sm2_public_point, verify_signature

FORMAT = "xietong-opinion/1"
PAYLOAD_FIELDS = ("format", "document_id", "body_sha256", "opinion", "step_id", "actor", "at", "certificate_sha256")
RECORD_FIELDS = (*PAYLOAD_FIELDS, "algorithm", "signature", "certificate")


class OpinionStatus(StrEnum):
    VALID = "valid"
    SUPERSEDED = "superseded"  # holds, but over a body version that is no longer current
    TAMPERED_OPINION = "tampered_opinion"  # the signed fields were changed after signing
    TAMPERED_BODY = "tampered_body"  # the body version kept is not the one signed
    WRONG_KEY = "wrong_key"  # not signed by this certificate's key, or not the actor's certificate
    UNTRUSTED = "untrusted"  # the certificate does not chain to a trust anchor, or is revoked
    MALFORMED = "malformed"


HOLDING = (OpinionStatus.VALID, OpinionStatus.SUPERSEDED)


@dataclass(frozen=True)
class OpinionCheck:
    status: OpinionStatus
    signer: str  # the certificate holder's name, "" when unreadable
    detail: str = ""
    chain_checked: bool = False

    @property
    def holds(self) -> bool:
        return self.status in HOLDING


def canonical_payload(fields: Mapping[str, str]) -> bytes:
    return json.dumps({k: fields[k] for k in PAYLOAD_FIELDS}, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign_opinion(signer: Signer, *, document_id: str, body_sha256: str, opinion: str, step_id: str, actor: str, at: str) -> dict:
    """The opinion record, plain JSON-able data; `at` is the ISO 8601 time the route keeps."""
    fields = {
        "format": FORMAT,
        "document_id": document_id,
        "body_sha256": body_sha256.lower(),
        "opinion": opinion,
        "step_id": step_id,
        "actor": actor,
        "at": at,
        "certificate_sha256": hashlib.sha256(signer.certificate).hexdigest(),
    }
    signature = signer.sign(canonical_payload(fields))
    return {
        **fields,
        "algorithm": algorithm_of(signer.certificate),
        "signature": base64.b64encode(signature).decode("ascii"),
        "certificate": _pem(signer.certificate),
    }


def verify_opinion(
    record: Mapping,
    *,
    body_sha256: str | None = None,
    superseded: bool = False,
    trust_anchors: Sequence[x509.Certificate] = (),
    intermediates: Sequence[x509.Certificate] = (),
    crls: Sequence[x509.CertificateRevocationList] = (),
    actor_certificates: Mapping[str, Collection[bytes]] | None = None,
) -> OpinionCheck:
    """Checks in the order a reader needs them: whose key, intact opinion, the body version kept
    (`body_sha256`, when given), the chain at the signing time (when anchors are given; the
    anchors' CRLs are then required, as at login), then whether the caller says the version was
    superseded. `actor_certificates` (person -> certificates in DER the directory knows) makes a
    certificate that is not the actor's a wrong key."""
    try:
        fields = {k: record[k] for k in RECORD_FIELDS}
        if fields["format"] != FORMAT or not all(isinstance(v, str) for v in fields.values()):
            raise ValueError("unknown format or a field that is not text")
        der = certificate_der(fields["certificate"])
        signature = base64.b64decode(fields["signature"], validate=True)
        cert = x509.load_der_x509_certificate(der)
        payload = canonical_payload(fields)  # text that cannot be UTF-8 (a lone surrogate) is malformed
    except (KeyError, ValueError, TypeError) as exc:
        return OpinionCheck(OpinionStatus.MALFORMED, "", str(exc))
    name = holder_name(cert)
    if hashlib.sha256(der).hexdigest() != fields["certificate_sha256"] or fields["algorithm"] != algorithm_of(der):
        return OpinionCheck(OpinionStatus.WRONG_KEY, name, "the certificate is not the one that signed")
    if actor_certificates is not None and der not in actor_certificates.get(fields["actor"], ()):
        return OpinionCheck(OpinionStatus.WRONG_KEY, name, f"not a certificate of {fields['actor']}")
    if not verify_signature(der, payload, signature):
        return OpinionCheck(OpinionStatus.TAMPERED_OPINION, name, "the signature does not cover these fields")
    if body_sha256 is not None and body_sha256.lower() != fields["body_sha256"]:
        return OpinionCheck(OpinionStatus.TAMPERED_BODY, name, "the kept body version is not the one signed")
    if trust_anchors:
        refused = _chain_refusal(cert, fields["at"], TrustMaterial(list(trust_anchors), list(intermediates), list(crls)))
        if refused:
            return OpinionCheck(OpinionStatus.UNTRUSTED, name, refused, chain_checked=True)
    status = OpinionStatus.SUPERSEDED if superseded else OpinionStatus.VALID
    return OpinionCheck(status, name, chain_checked=bool(trust_anchors))


def algorithm_of(certificate_der: bytes) -> str:
    """The signature encoding app/identity/signer.py names for the certificate's key."""
    if sm2_public_point(certificate_der) is not None:
        return "sm2-sm3"
    key = x509.load_der_x509_certificate(certificate_der).public_key()
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "ecdsa-sha256"
    if isinstance(key, rsa.RSAPublicKey):
        return "rsa-pkcs1v15-sha256"
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "ed25519"
    raise ValueError(f"unsupported key type {type(key).__name__}")


def _chain_refusal(cert: x509.Certificate, at: str, trust: TrustMaterial) -> str:
    """Why the certificate was not valid when the opinion was signed ("" when it was). The
    signing time is the signer's own claim; a certificate on a current CRL is refused whatever
    the time."""
    try:
        when = dt.datetime.fromisoformat(at)
    except ValueError:
        return f"unreadable signing time {at!r}"
    when = when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
    try:
        validate_login_certificate(cert, [], trust, when.astimezone(dt.timezone.utc))
    except CertificateRefused as exc:
        return exc.code
    return ""


def _pem(der: bytes) -> str:
    return x509.load_der_x509_certificate(der).public_bytes(Encoding.PEM).decode("ascii")


def certificate_der(text: str) -> bytes:
    """The record's certificate (PEM, or base64 DER) as DER; ValueError when unreadable."""
    if text.lstrip().startswith("-----BEGIN"):
        return x509.load_pem_x509_certificate(text.encode("ascii")).public_bytes(Encoding.DER)
    return base64.b64decode(text, validate=True)
