"""Software tokens (软证书) of the demo deployment: an Ed25519 key in a PIN-encrypted PKCS#8 file.

File format "xietong-soft-token/1": JSON {format, login, name, unit, key_pem}. A later issue puts
the key on a USB key (PKCS#11); the Signer interface stays the same.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from app.identity.signer import TokenUnreadable, WrongPin

FORMAT = "xietong-soft-token/1"
SUFFIX = ".xtoken"


@dataclass(frozen=True)
class SoftToken:
    """A token file found on disk, still locked."""

    path: Path
    login: str
    display_name: str
    unit_name: str
    key_pem: bytes

    def unlock(self, pin: str) -> "SoftSigner":
        try:
            key = load_pem_private_key(self.key_pem, password=pin.encode())
        except (ValueError, TypeError) as exc:
            raise WrongPin() from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise TokenUnreadable(f"{self.path}: not an Ed25519 key")
        return SoftSigner(self.login, self.display_name, key)


@dataclass(frozen=True)
class SoftSigner:
    login: str
    display_name: str
    key: Ed25519PrivateKey

    def sign(self, message: bytes) -> bytes:
        return self.key.sign(message)


def load_token(path: Path) -> SoftToken:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            raise TokenUnreadable(f"{path}: unknown token format {doc.get('format')!r}")
        return SoftToken(path, doc["login"], doc["name"], doc.get("unit", ""), doc["key_pem"].encode())
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise TokenUnreadable(f"{path}: {exc}") from exc


def find_tokens(folder: Path) -> list[SoftToken]:
    """Every readable token in `folder`, by login; unreadable files are skipped (and logged by callers)."""
    tokens = []
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        try:
            tokens.append(load_token(path))
        except TokenUnreadable:
            continue
    return tokens
