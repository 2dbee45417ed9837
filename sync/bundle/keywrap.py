"""Wrap a bundle's content key for the receiver's certificate: ECIES on P-256 (an ephemeral
ECDH key, HKDF-SHA256, AES-256-GCM) or RSA-OAEP-SHA256, whichever the certificate's key is.

SM2 receivers (SM2 encryption, SM4 content) are a follow-up: see docs/bundles.md."""

import base64

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from sync.bundle.refusals import refused

WRAP_INFO = b"xietong bundle v1 content key"
_NONCE = bytes(12)  # each KEK comes from a fresh ephemeral key and wraps exactly one content key


def wrap(content_key: bytes, receiver_der: bytes) -> dict[str, str]:
    public = x509.load_der_x509_certificate(receiver_der).public_key()
    if isinstance(public, rsa.RSAPublicKey):
        return {"alg": "rsa-oaep-sha256", "key": _b64(public.encrypt(content_key, _oaep()))}
    if isinstance(public, ec.EllipticCurvePublicKey) and isinstance(public.curve, ec.SECP256R1):
        ephemeral = ec.generate_private_key(ec.SECP256R1())
        epk = ephemeral.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
        kek = _kek(ephemeral.exchange(ec.ECDH(), public), epk)
        return {"alg": "ecies-p256-hkdf-sha256-aes256gcm", "epk": _b64(epk), "key": _b64(AESGCM(kek).encrypt(_NONCE, content_key, epk))}
    raise ValueError(f"cannot encrypt to a {type(public).__name__} key")


def unwrap(wrapped: dict[str, str], key: PrivateKeyTypes) -> bytes:
    """The content key; raises BundleRefused(bundle.wrong_receiver) when this key cannot open it."""
    try:
        if wrapped["alg"] == "rsa-oaep-sha256" and isinstance(key, rsa.RSAPrivateKey):
            return key.decrypt(base64.b64decode(wrapped["key"]), _oaep())
        if wrapped["alg"] == "ecies-p256-hkdf-sha256-aes256gcm" and isinstance(key, ec.EllipticCurvePrivateKey):
            epk = base64.b64decode(wrapped["epk"])
            peer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), epk)
            return AESGCM(_kek(key.exchange(ec.ECDH(), peer), epk)).decrypt(_NONCE, base64.b64decode(wrapped["key"]), epk)
    except (InvalidTag, ValueError, KeyError):
        pass
    raise refused("bundle.wrong_receiver")


def _kek(shared: bytes, epk: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk, info=WRAP_INFO).derive(shared)


def _oaep() -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
