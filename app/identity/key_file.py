"""What every key kept in a file shares: the certificate beside it (`<name>.crt`, PEM or DER, read
without the PIN so the login window can name the key), no try counter, present while the file is."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from app.identity.certificates import holder_name, label_of
from app.identity.signer import KeyRemoved, TokenUnreadable

log = logging.getLogger(__name__)
K = TypeVar("K", bound="KeyFile")


@dataclass(frozen=True)
class KeyFile:
    path: Path
    certificate: bytes
    display_name: str
    label: str

    def tries_left(self) -> int | None:
        return None

    def present(self) -> bool:
        return self.path.is_file()

    def read(self) -> bytes:
        try:
            return self.path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyRemoved(str(self.path)) from exc
        except OSError as exc:
            raise TokenUnreadable(f"{self.path}: {exc}") from exc

    @classmethod
    def beside_certificate(cls: type[K], path: Path) -> K:
        cert = certificate_beside(path)
        return cls(path, cert.public_bytes(Encoding.DER), holder_name(cert), label_of(cert))


def certificate_beside(path: Path) -> x509.Certificate:
    crt = path.with_suffix(".crt")
    try:
        data = crt.read_bytes()
        return x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data else x509.load_der_x509_certificate(data)
    except (OSError, ValueError) as exc:
        raise TokenUnreadable(f"{path}: no readable certificate {crt.name} beside it ({exc})") from exc


def find_key_files(folder: Path, suffixes: tuple[str, ...], load: Callable[[Path], K]) -> list[K]:
    """Every readable key file in `folder`; the others are skipped and logged."""
    keys = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in suffixes) if folder.is_dir() else []:
        try:
            keys.append(load(path))
        except TokenUnreadable as exc:
            log.warning("skipping key file: %s", exc)
    return keys
