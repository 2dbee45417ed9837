"""SM2 signatures (GB/T 32918.2) over SM3 with the signer's Z value (GB/T 35276), DER (r, s).

The arithmetic is gmssl's (PyPI `gmssl`). Two of its habits are corrected here: it draws the
per-signature nonce k from Python's `random` (predictable, which would leak the key), so k comes
from `secrets`; and its verify does not check that r and s lie in [1, n-1], so that is checked
first. Known-answer tests run against OpenSSL's SM2 (tests/unit/test_sm2.py).
"""

import secrets

from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from gmssl import func, sm2, sm3

DEFAULT_UID = b"1234567812345678"
N = int(sm2.default_ecc_table["n"], 16)
_CURVE_HEX = sm2.default_ecc_table["a"] + sm2.default_ecc_table["b"] + sm2.default_ecc_table["g"]


def public_point(private_key: int) -> bytes:
    """The uncompressed public point 04 || x || y of a private key."""
    crypt = sm2.CryptSM2(private_key=f"{private_key:064x}", public_key="")
    return b"\x04" + bytes.fromhex(crypt._kg(private_key, sm2.default_ecc_table["g"]))


def sign(private_key: int, message: bytes, uid: bytes = DEFAULT_UID, k: int | None = None) -> bytes:
    """DER SEQUENCE(r, s). `k` is for known-answer tests only; a real signature draws its own."""
    public = public_point(private_key)
    crypt = sm2.CryptSM2(private_key=f"{private_key:064x}", public_key=public[1:].hex())
    digest = _e(public, message, uid)
    while True:
        nonce = k if k is not None else secrets.randbelow(N - 1) + 1
        answer = crypt.sign(digest, f"{nonce:064x}")
        if answer is not None:
            return encode_dss_signature(int(answer[:64], 16), int(answer[64:], 16))
        if k is not None:
            raise ValueError("this k gives no valid signature")


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
    crypt = sm2.CryptSM2(private_key="", public_key=public[1:].hex())
    return bool(crypt.verify(f"{r:064x}{s:064x}", _e(public, message, uid)))


def _e(public: bytes, message: bytes, uid: bytes) -> bytes:
    """SM3(Z || M), Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA)."""
    z_input = (len(uid) * 8).to_bytes(2, "big") + uid + bytes.fromhex(_CURVE_HEX) + public[1:]
    z = bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(z_input)))
    return bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(z + message)))
