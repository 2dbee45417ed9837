"""What the login window shows of a certificate: the holder's name and unit (CN, OU or O)."""

from cryptography import x509
from cryptography.x509.oid import NameOID


def holder_name(cert: x509.Certificate) -> str:
    return _first(cert.subject, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()


def holder_unit(cert: x509.Certificate) -> str:
    return _first(cert.subject, NameOID.ORGANIZATIONAL_UNIT_NAME) or _first(cert.subject, NameOID.ORGANIZATION_NAME)


def label_of(cert: x509.Certificate) -> str:
    unit = holder_unit(cert)
    return f"{holder_name(cert)} · {unit}" if unit else holder_name(cert)


def _first(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    found = name.get_attributes_for_oid(oid)
    return str(found[0].value) if found else ""
