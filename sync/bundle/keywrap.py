"""Wrap a bundle's content key for the receiver's certificate, by the certificate's key: ECIES on
P-256 (an ephemeral ECDH key, HKDF-SHA256, AES-256-GCM), RSA-OAEP-SHA256, or SM2 encryption
(GB/T 32918.4) for SM2 certificates.

The receiver's key is a soft key (cryptography's, or an SM2 soft key), or a key that never leaves
its USB key: a P-256 token key agrees on the ECDH secret itself (CKM_ECDH1_DERIVE), and only that
secret comes out to derive the key-encryption key."""

import base64
from typing import Protocol

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.identity import sm2
from app.identity.p12_key import P12Signer
from app.identity.signer import KeyRemoved, Signer
from app.identity.sm2_key import Sm2Signer
from app.identity.verify import sm2_public_point
from sync.bundle.refusals import refused

WRAP_INFO = b"xietong bundle v1 content key"
ECIES_WRAP = "ecies-p256-hkdf-sha256-aes256gcm"
RSA_WRAP = "rsa-oaep-sha256"
SM2_WRAP = "sm2-encrypt"
_NONCE = bytes(12)  # each KEK comes from a fresh ephemeral key and wraps exactly one content key


class EcdhKey(Protocol):
    """A P-256 private key on a token: the x coordinate of its ECDH with a peer's point."""

    def ecdh(self, peer_point: bytes) -> bytes: ...


ReceiverKey = PrivateKeyTypes | Sm2Signer | EcdhKey


def receiver_key_of(signer: Signer) -> ReceiverKey:
    """The key that opens bundles sent to `signer.certificate`: a soft key's private key, or the
    SM2 or token signer itself (it decrypts or agrees without handing its key out)."""
    return signer.key if isinstance(signer, P12Signer) else signer  # type: ignore[return-value]


def wrap(content_key: bytes, receiver_der: bytes) -> dict[str, str]:
    point = sm2_public_point(receiver_der)
    if point is not None:
        return {"alg": SM2_WRAP, "key": _b64(sm2.encrypt(point, content_key))}
    public = x509.load_der_x509_certificate(receiver_der).public_key()
    if isinstance(public, rsa.RSAPublicKey):
        return {"alg": RSA_WRAP, "key": _b64(public.encrypt(content_key, _oaep()))}
    if isinstance(public, ec.EllipticCurvePublicKey) and isinstance(public.curve, ec.SECP256R1):
        ephemeral = ec.generate_private_key(ec.SECP256R1())
        epk = ephemeral.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        kek = _kek(ephemeral.exchange(ec.ECDH(), public), epk)
        return {"alg": ECIES_WRAP, "epk": _b64(epk), "key": _b64(AESGCM(kek).encrypt(_NONCE, content_key, epk))}
    raise ValueError(f"cannot encrypt to a {type(public).__name__} key")


def unwrap(wrapped: dict[str, str], key: ReceiverKey) -> bytes:
    """The content key; raises BundleRefused(bundle.wrong_receiver) when this key cannot open it."""
    try:
        if wrapped["alg"] == RSA_WRAP and isinstance(key, rsa.RSAPrivateKey):
            return key.decrypt(base64.b64decode(wrapped["key"]), _oaep())
        if wrapped["alg"] == SM2_WRAP and isinstance(key, Sm2Signer):
            return sm2.decrypt(key.private_key, base64.b64decode(wrapped["key"]))
        if wrapped["alg"] == ECIES_WRAP and not isinstance(key, (rsa.RSAPrivateKey, Sm2Signer)):
            epk = base64.b64decode(wrapped["epk"])
            return AESGCM(_kek(_agree(key, epk), epk)).decrypt(_NONCE, base64.b64decode(wrapped["key"]), epk)
    except (InvalidTag, ValueError, KeyError):
        pass
    except KeyRemoved:
        raise refused("bundle.key_removed") from None
    raise refused("bundle.wrong_receiver")


def _agree(key: ReceiverKey, epk: bytes) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), epk))
    if hasattr(key, "ecdh"):
        return key.ecdh(epk)
    raise ValueError("this key cannot agree on a secret")


def _kek(shared: bytes, epk: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk, info=WRAP_INFO).derive(shared)


def _oaep() -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
