"""Is this a person's valid login certificate? Chain to a trust anchor, validity, key usage,
clientAuth and revocation, checked the same way by the server at login and by the client at an
offline login (against the chain and CRLs it kept from the last online one).

Path building, validity, basic constraints and path length are cryptography's verifier, except
for SM2 CAs, which it does not know (the same rules by hand below); the person-certificate rules
(clientAuth, digitalSignature) and CRLs (吊销列表) are ours. CRLs come
only from configuration, never from URLs named in a presented certificate, and a CRL past its
next update refuses every certificate of its issuer (fail closed).
"""

import datetime as dt
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.x509 import verification
from cryptography.x509.oid import ExtendedKeyUsageOID

from app.identity.verify import is_sm2_signed, verify_issued_by

MAX_CHAIN_DEPTH = 5
MAX_CERTIFICATE_BYTES = 16 * 1024


class CertificateRefused(Exception):
    """The certificate cannot log anyone in; `code` names why (for the log and the audit trail)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True)
class TrustMaterial:
    anchors: list[x509.Certificate]
    intermediates: list[x509.Certificate] = field(default_factory=list)
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)


def parse_certificate(der: bytes) -> x509.Certificate:
    if len(der) > MAX_CERTIFICATE_BYTES:
        raise CertificateRefused("cert.oversized")
    try:
        return x509.load_der_x509_certificate(der)
    except ValueError as exc:
        raise CertificateRefused("cert.malformed", str(exc)) from exc


def validate_login_certificate(leaf: x509.Certificate, presented: list[x509.Certificate], trust: TrustMaterial, now: dt.datetime) -> list[x509.Certificate]:
    """The verified chain, leaf first and anchor last; raises CertificateRefused."""
    if not trust.anchors:
        raise CertificateRefused("trust.no_anchor")
    chain = _verified_chain(leaf, presented + trust.intermediates, trust.anchors, now)
    _check_person_certificate(leaf)
    _check_revocation(chain, trust.crls, now)
    return chain


def _verified_chain(leaf: x509.Certificate, intermediates: list[x509.Certificate], anchors: list[x509.Certificate], now: dt.datetime) -> list[x509.Certificate]:
    if is_sm2_signed(leaf):
        return _sm2_chain(leaf, intermediates, anchors, now)
    # Government CAs rarely put a subjectAltName in a person's certificate; everything else is
    # the verifier's WebPKI-profile default.
    ee_policy = verification.ExtensionPolicy.webpki_defaults_ee().may_be_present(x509.SubjectAlternativeName, verification.Criticality.AGNOSTIC, None)
    verifier = (
        verification.PolicyBuilder()
        .store(verification.Store(anchors))
        .time(now)
        .max_chain_depth(MAX_CHAIN_DEPTH)
        .extension_policies(ca_policy=verification.ExtensionPolicy.webpki_defaults_ca(), ee_policy=ee_policy)
        .build_client_verifier()
    )
    try:
        return verifier.verify(leaf, intermediates).chain
    except verification.VerificationError as exc:
        raise CertificateRefused("cert.untrusted", str(exc)) from exc
    except ValueError as exc:  # e.g. a signature algorithm the verifier does not know
        raise CertificateRefused("cert.unsupported", str(exc)) from exc


def _sm2_chain(leaf: x509.Certificate, intermediates: list[x509.Certificate], anchors: list[x509.Certificate], now: dt.datetime) -> list[x509.Certificate]:
    """cryptography's verifier knows no SM2, so for SM2 CAs the same rules by hand: every
    certificate valid now and signed by the next, each issuer a CA allowed to sign certificates
    with room in its path length, the person's certificate no CA, the path ending at an anchor."""
    _check_validity(leaf, now)
    if _constraints(leaf) is not None and _constraints(leaf).ca:
        raise CertificateRefused("cert.untrusted", "a CA certificate presented as a person's")
    chain, current = [leaf], leaf
    for below in range(MAX_CHAIN_DEPTH):
        anchor = next((a for a in anchors if a.subject == current.issuer and verify_issued_by(current, a)), None)
        issuer = anchor or next((c for c in intermediates if c.subject == current.issuer and verify_issued_by(current, c)), None)
        if issuer is None:
            raise CertificateRefused("cert.untrusted", f"no trusted issuer for {current.subject.rfc4514_string()}")
        _check_issuer(issuer, below, now)
        chain.append(issuer)
        if anchor is not None:
            return chain
        current = issuer
    raise CertificateRefused("cert.untrusted", "chain too long")


def _check_issuer(cert: x509.Certificate, below: int, now: dt.datetime) -> None:
    _check_validity(cert, now)
    constraints = _constraints(cert)
    if constraints is None or not constraints.ca:
        raise CertificateRefused("cert.untrusted", f"{cert.subject.rfc4514_string()} is no CA")
    if constraints.path_length is not None and constraints.path_length < below:
        raise CertificateRefused("cert.untrusted", "path length constraint violated")
    try:
        if not cert.extensions.get_extension_for_class(x509.KeyUsage).value.key_cert_sign:
            raise CertificateRefused("cert.untrusted", f"{cert.subject.rfc4514_string()} may not sign certificates")
    except x509.ExtensionNotFound:
        pass


def _check_validity(cert: x509.Certificate, now: dt.datetime) -> None:
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc:
        raise CertificateRefused("cert.untrusted", f"{cert.subject.rfc4514_string()} is not valid at {now:%Y-%m-%d %H:%M} UTC")


def _constraints(cert: x509.Certificate) -> x509.BasicConstraints | None:
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return None


def _check_person_certificate(leaf: x509.Certificate) -> None:
    try:
        usages = leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        raise CertificateRefused("cert.no_client_auth") from None
    if ExtendedKeyUsageOID.CLIENT_AUTH not in usages:
        raise CertificateRefused("cert.no_client_auth")
    try:
        key_usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return  # RFC 5280: no keyUsage means any usage
    if not key_usage.digital_signature:
        raise CertificateRefused("cert.no_digital_signature")


def _check_revocation(chain: list[x509.Certificate], crls: list[x509.CertificateRevocationList], now: dt.datetime) -> None:
    """Every certificate below the anchor needs a current CRL of its issuer that does not list it."""
    for cert, issuer in zip(chain, chain[1:]):
        crl = _crl_of(issuer, crls)
        if crl.next_update_utc is None or crl.next_update_utc < now:
            raise CertificateRefused("crl.stale", issuer.subject.rfc4514_string())
        if crl.get_revoked_certificate_by_serial_number(cert.serial_number) is not None:
            raise CertificateRefused("cert.revoked", f"{cert.serial_number:x}")


def _crl_of(issuer: x509.Certificate, crls: list[x509.CertificateRevocationList]) -> x509.CertificateRevocationList:
    """The newest CRL whose signature verifies with the issuer's key."""
    candidates = [crl for crl in crls if crl.issuer == issuer.subject and verify_issued_by(crl, issuer)]
    if not candidates:
        raise CertificateRefused("crl.missing", issuer.subject.rfc4514_string())
    return max(candidates, key=lambda crl: crl.last_update_utc)
