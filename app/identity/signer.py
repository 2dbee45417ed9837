"""The one interface every key signs through: a USB key (PKCS#11), a .p12 file, an SM2 key.

A `KeyHolder` is a key found but still locked (the login window lists them); unlocking it with the
PIN gives a `Signer`. Signatures are in the encoding X.509 uses for the certificate's key, so the
server verifies them with the public key in the certificate alone:
ECDSA -> DER SEQUENCE(r, s) over SHA-256 (PKCS#11 tokens return raw r||s; the back end converts),
RSA -> PKCS#1 v1.5 over SHA-256, Ed25519 -> raw 64 bytes, SM2 -> DER (r, s) over SM3 with the
default user id "1234567812345678" (GB/T 35276).
"""

from typing import Protocol


class Signer(Protocol):
    """An unlocked key: it signs bytes for the certificate it belongs to."""

    certificate: bytes  # DER
    display_name: str

    def sign(self, message: bytes) -> bytes: ...


class KeyHolder(Protocol):
    """A key that is there but locked: a token in a USB port, a .p12 file in the token folder."""

    label: str  # how the user tells keys apart ("张三 — 南通市人民政府办公室")
    certificate: bytes  # DER, readable without the PIN
    display_name: str

    def tries_left(self) -> int | None:
        """PIN tries before the key locks, when the key reports it; None when it does not."""

    def unlock(self, pin: str) -> Signer:
        """Raises WrongPin, PinLocked or KeyRemoved; never retries on its own."""

    def present(self) -> bool:
        """False once the key has been pulled out (or the file removed)."""


class WrongPin(Exception):
    """The PIN did not unlock the key."""


class PinLocked(Exception):
    """The key refuses every PIN until an administrator unblocks it."""


class KeyRemoved(Exception):
    """The key was pulled out while in use."""


class TokenUnreadable(Exception):
    """The token or file is missing, damaged or of an unknown format."""
