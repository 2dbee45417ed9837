"""Does this signature verify with the key in this certificate? In the encodings signer.py names:
ECDSA, RSA and Ed25519 through cryptography; SM2 (which cryptography does not know) through
app/identity/sm2.py, with the public key read from the certificate by asn1crypto."""

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from app.identity import sm2

SM2_CURVE = "1.2.156.10197.1.301"
SM2_WITH_SM3 = "1.2.156.10197.1.501"


def verify_signature(certificate_der: bytes, message: bytes, signature: bytes) -> bool:
    point = sm2_public_point(certificate_der)
    if point is not None:
        return sm2.verify(point, message, signature)
    try:
        return _verify_with(x509.load_der_x509_certificate(certificate_der).public_key(), message, signature)
    except (UnsupportedAlgorithm, ValueError):
        return False


def is_sm2_signed(tbs_owner: x509.Certificate | x509.CertificateRevocationList) -> bool:
    return tbs_owner.signature_algorithm_oid.dotted_string == SM2_WITH_SM3


def verify_issued_by(signed: x509.Certificate | x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    """The issuer's signature over a certificate or CRL, SM2-with-SM3 included."""
    tbs = signed.tbs_certificate_bytes if isinstance(signed, x509.Certificate) else signed.tbs_certlist_bytes
    if is_sm2_signed(signed):
        point = sm2_public_point(issuer.public_bytes(Encoding.DER))
        return point is not None and sm2.verify(point, tbs, signed.signature)
    try:
        if isinstance(signed, x509.Certificate):
            signed.verify_directly_issued_by(issuer)
            return True
        return signed.is_signature_valid(issuer.public_key())
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
        return False


def sm2_public_point(certificate_der: bytes) -> bytes | None:
    """04 || x || y when the certificate holds an SM2 key, else None."""
    try:
        spki = asn1_x509.Certificate.load(certificate_der)["tbs_certificate"]["subject_public_key_info"]
        if spki["algorithm"]["parameters"].native != SM2_CURVE:
            return None
        return spki["public_key"].native
    except (ValueError, KeyError, TypeError):
        return None


def _verify_with(key: object, message: bytes, signature: bytes) -> bool:
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, message)
        else:
            return False
        return True
    except InvalidSignature:
        return False
