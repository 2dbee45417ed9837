"""Does this signature verify with the key in this certificate? In the encodings signer.py names."""

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa


def verify_signature(certificate_der: bytes, message: bytes, signature: bytes) -> bool:
    try:
        key = x509.load_der_x509_certificate(certificate_der).public_key()
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, message)
        else:
            return False
        return True
    except (InvalidSignature, UnsupportedAlgorithm, ValueError):
        return False
