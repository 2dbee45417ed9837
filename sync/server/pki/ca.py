"""A certificate authority's operations, for `xietong-server admin` and the demo deployment: make
a root or intermediate CA, issue user (clientAuth) and server (serverAuth) certificates, sign CRLs.

Keys are EC P-256 and signatures ECDSA-SHA256, which every UKey vendor and TLS stack supports.
A deployment whose CA is run with other tools imports that CA's certificates and CRLs instead.
"""

import datetime as dt
import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CLOCK_SLACK = dt.timedelta(minutes=5)  # a fresh certificate is valid on a desk whose clock lags a little


@dataclass(frozen=True)
class Authority:
    """A CA that can sign: its certificate and private key."""

    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def name(common_name: str, organisation: str = "", unit: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN")]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(parts)


def new_root_ca(common_name: str, organisation: str, now: dt.datetime, days: int = 3650, path_length: int | None = 1) -> Authority:
    key = new_key()
    subject = name(common_name, organisation)
    cert = _ca_builder(subject, subject, key.public_key(), key.public_key(), now, days, path_length).sign(key, hashes.SHA256())
    return Authority(cert, key)


def new_intermediate_ca(parent: Authority, common_name: str, organisation: str, now: dt.datetime, days: int = 1825, path_length: int | None = 0) -> Authority:
    key = new_key()
    builder = _ca_builder(name(common_name, organisation), parent.certificate.subject, key.public_key(), parent.key.public_key(), now, days, path_length)
    return Authority(builder.sign(parent.key, hashes.SHA256()), key)


def issue_user_certificate(
    ca: Authority, public_key: CertificateIssuerPublicKeyTypes, common_name: str, organisation: str, unit: str, now: dt.datetime, days: int = 730
) -> x509.Certificate:
    """A person's signing certificate: digitalSignature + nonRepudiation (签名证书), clientAuth."""
    builder = (
        _leaf_builder(name(common_name, organisation, unit), ca, public_key, now, days)
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
    )
    return builder.sign(ca.key, hashes.SHA256())


def issue_unit_certificate(ca: Authority, public_key: CertificateIssuerPublicKeyTypes, unit_name: str, organisation: str, unit: str, now: dt.datetime, days: int = 1825) -> x509.Certificate:
    """A unit's seal certificate (单位电子印章证书): it names the unit, not a person, and signs
    issued 公文 — digitalSignature + nonRepudiation, which PDF validators ask of a signer."""
    builder = _leaf_builder(name(unit_name, organisation, unit), ca, public_key, now, days).add_extension(
        x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
    )
    return builder.sign(ca.key, hashes.SHA256())


def issue_server_certificate(ca: Authority, public_key: CertificateIssuerPublicKeyTypes, hosts: Iterable[str], now: dt.datetime, days: int = 825) -> x509.Certificate:
    hosts = list(hosts)
    builder = (
        _leaf_builder(name(hosts[0], organisation_of(ca.certificate)), ca, public_key, now, days)
        .add_extension(x509.SubjectAlternativeName([_general_name(h) for h in hosts]), critical=False)
        .add_extension(x509.KeyUsage(True, False, True, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    )
    return builder.sign(ca.key, hashes.SHA256())


def sign_crl(ca: Authority, revoked: Iterable[tuple[int, dt.datetime]], now: dt.datetime, days: int, number: int) -> x509.CertificateRevocationList:
    """A CRL (证书吊销列表) valid from now for `days`; `revoked` is (serial, revocation time)."""
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca.certificate.subject)
        .last_update(now - CLOCK_SLACK)
        .next_update(now + dt.timedelta(days=days))
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
    )
    for serial, at in revoked:
        builder = builder.add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(at).build())
    return builder.sign(ca.key, hashes.SHA256())


def organisation_of(cert: x509.Certificate) -> str:
    found = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(found[0].value) if found else ""


def _ca_builder(subject, issuer, public_key, issuer_key, now, days, path_length) -> x509.CertificateBuilder:  # noqa: ANN001
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SLACK)
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_length), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key), critical=False)
    )


def _leaf_builder(subject: x509.Name, ca: Authority, public_key, now: dt.datetime, days: int) -> x509.CertificateBuilder:  # noqa: ANN001
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.certificate.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SLACK)
        .not_valid_after(min(now + dt.timedelta(days=days), ca.certificate.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
    )


def _general_name(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)
