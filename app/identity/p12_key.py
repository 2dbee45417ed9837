"""Soft certificates (软证书): a PKCS#12 file locked by the PIN, with the certificate beside it.

A .p12 encrypts its certificate too, so the login window reads `<name>.crt` (PEM or DER), which
`xietong-server admin issue --p12-dir` writes next to every `<name>.p12`. A file has no try
counter: tries_left() is None.
"""

import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12

from app.identity.certificates import holder_name, label_of
from app.identity.signatures import sign_with
from app.identity.signer import KeyRemoved, TokenUnreadable, WrongPin

log = logging.getLogger(__name__)
SUFFIXES = (".p12", ".pfx")


@dataclass(frozen=True)
class P12Signer:
    certificate: bytes
    display_name: str
    key: PrivateKeyTypes

    def sign(self, message: bytes) -> bytes:
        return sign_with(self.key, message)


@dataclass(frozen=True)
class P12Key:
    path: Path
    certificate: bytes
    display_name: str
    label: str

    def tries_left(self) -> int | None:
        return None

    def present(self) -> bool:
        return self.path.is_file()

    def unlock(self, pin: str) -> P12Signer:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyRemoved(str(self.path)) from exc
        except OSError as exc:
            raise TokenUnreadable(f"{self.path}: {exc}") from exc
        try:
            bundle = pkcs12.load_pkcs12(data, pin.encode())
        except ValueError as exc:
            raise WrongPin() from exc
        if bundle.key is None or not _same_key(bundle.key, self.certificate):
            raise TokenUnreadable(f"{self.path}: the key does not belong to {self.path.with_suffix('.crt').name}")
        return P12Signer(self.certificate, self.display_name, bundle.key)


def load_p12_key(path: Path) -> P12Key:
    cert = certificate_beside(path)
    return P12Key(path, cert.public_bytes(Encoding.DER), holder_name(cert), label_of(cert))


def find_p12_keys(folder: Path) -> list[P12Key]:
    keys = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES) if folder.is_dir() else []:
        try:
            keys.append(load_p12_key(path))
        except TokenUnreadable as exc:
            log.warning("skipping key file: %s", exc)
    return keys


def certificate_beside(path: Path) -> x509.Certificate:
    crt = path.with_suffix(".crt")
    try:
        data = crt.read_bytes()
        return x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data else x509.load_der_x509_certificate(data)
    except (OSError, ValueError) as exc:
        raise TokenUnreadable(f"{path}: no readable certificate {crt.name} beside it ({exc})") from exc


def _same_key(key: PrivateKeyTypes, certificate_der: bytes) -> bool:
    spki = x509.load_der_x509_certificate(certificate_der).public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return key.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo) == spki
