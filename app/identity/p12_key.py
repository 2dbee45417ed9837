"""Soft certificates (软证书): a PKCS#12 file locked by the PIN, with the certificate beside it.

A .p12 encrypts its certificate too, so the login window reads `<name>.crt` (PEM or DER), which
`xietong-server admin issue --p12-dir` writes next to every `<name>.p12`. A file has no try
counter: tries_left() is None.
"""

from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, pkcs12

from app.identity.key_file import KeyFile, find_key_files
from app.identity.signatures import sign_with
from app.identity.signer import TokenUnreadable, WrongPin

SUFFIXES = (".p12", ".pfx")


@dataclass(frozen=True)
class P12Signer:
    certificate: bytes
    display_name: str
    key: PrivateKeyTypes

    def sign(self, message: bytes) -> bytes:
        return sign_with(self.key, message)


@dataclass(frozen=True)
class P12Key(KeyFile):
    def unlock(self, pin: str) -> P12Signer:
        try:
            bundle = pkcs12.load_pkcs12(self.read(), pin.encode())
        except ValueError as exc:
            raise WrongPin() from exc
        if bundle.key is None or not _same_key(bundle.key, self.certificate):
            raise TokenUnreadable(f"{self.path}: the key does not belong to {self.path.with_suffix('.crt').name}")
        return P12Signer(self.certificate, self.display_name, bundle.key)


def load_p12_key(path: Path) -> P12Key:
    return P12Key.beside_certificate(path)


def find_p12_keys(folder: Path) -> list[P12Key]:
    return find_key_files(folder, SUFFIXES, load_p12_key)


def _same_key(key: PrivateKeyTypes, certificate_der: bytes) -> bool:
    spki = x509.load_der_x509_certificate(certificate_der).public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return key.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo) == spki
