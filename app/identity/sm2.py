"""SM2 signatures (GB/T 32918.2) over SM3 with the signer's Z value (GB/T 35276), DER (r, s),
and SM2 public-key encryption (GB/T 32918.4, ciphertext C1 || C3 || C2) for wrapping keys.

The arithmetic and SM3 are gmalg's (PyPI `gmalg`, maintained; its nonce comes from `secrets`).
r and s are checked to lie in [1, n-1] before any arithmetic. Known-answer tests run against the
standard's example and OpenSSL's SM2 (tests/unit/test_sm2.py).
"""

from collections.abc import Callable

import gmalg
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

DEFAULT_UID = b"1234567812345678"
N = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123  # the order of the SM2 curve's base point


def public_point(private_key: int) -> bytes:
    """The uncompressed public point 04 || x || y of a private key."""
    return gmalg.SM2().generate_pk(private_key.to_bytes(32, "big"))


def sign(private_key: int, message: bytes, uid: bytes = DEFAULT_UID, k: int | None = None) -> bytes:
    """DER SEQUENCE(r, s). `k` is for known-answer tests only; a real signature draws its own."""
    fixed: Callable[[int], int] | None = (lambda _bits: k) if k is not None else None
    secret = private_key.to_bytes(32, "big")
    r, s = gmalg.SM2(secret, uid, public_point(private_key), rnd_fn=fixed).sign(message)
    return encode_dss_signature(int.from_bytes(r, "big"), int.from_bytes(s, "big"))


def verify(public: bytes, message: bytes, signature: bytes, uid: bytes = DEFAULT_UID) -> bool:
    """`public` is 04 || x || y; `signature` DER SEQUENCE(r, s)."""
    if len(public) != 65 or public[0] != 4:
        return False
    try:
        r, s = decode_dss_signature(signature)
    except ValueError:
        return False
    if not (0 < r < N and 0 < s < N):
        return False
    try:
        return bool(gmalg.SM2(pk=public, uid=uid).verify(message, r.to_bytes(32, "big"), s.to_bytes(32, "big")))
    except (ValueError, gmalg.errors.GMError):
        return False


def encrypt(public: bytes, data: bytes) -> bytes:
    """C1 || C3 || C2 for the key whose point is `public` (04 || x || y)."""
    return gmalg.SM2(pk=public).encrypt(data)


def decrypt(private_key: int, ciphertext: bytes) -> bytes:
    """Raises ValueError when the ciphertext is not for this key or was altered (C3 check)."""
    try:
        return gmalg.SM2(private_key.to_bytes(32, "big"), pk=public_point(private_key)).decrypt(ciphertext)
    except (gmalg.errors.GMError, IndexError) as exc:
        raise ValueError("not an SM2 ciphertext for this key") from exc
