"""The server's token signing key and the JWTs it signs: access tokens and offline grants.

Tokens are ES256 JWTs, so other intranet systems validate them with any OIDC library from our
JWKS. The key lives in a PEM file the server makes on first start (mode 0600); back it up with
the database. An access token names the certificate it was issued to (RFC 8705 `cnf.x5t#S256`).
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, load_pem_private_key
from jwt.algorithms import ECAlgorithm

ALGORITHM = "ES256"
ACCESS_AUDIENCE = "xietong"
ACCESS_TYPE = "at+jwt"
GRANT_TYPE = "xietong-offline-grant+jwt"


@dataclass(frozen=True)
class SigningKey:
    private_key: ec.EllipticCurvePrivateKey
    kid: str

    @property
    def public_jwk(self) -> dict[str, Any]:
        return {**ECAlgorithm.to_jwk(self.private_key.public_key(), as_dict=True), "kid": self.kid, "use": "sig", "alg": ALGORITHM}

    def jwks(self) -> dict[str, Any]:
        return {"keys": [self.public_jwk]}

    def sign(self, claims: dict[str, Any], typ: str) -> str:
        return jwt.encode(claims, self.private_key, algorithm=ALGORITHM, headers={"kid": self.kid, "typ": typ})

    def verify(self, token: str, typ: str, issuer: str, audience: str | None) -> dict[str, Any] | None:
        """The claims of a token this key signed, of this type, unexpired; None otherwise."""
        try:
            if jwt.get_unverified_header(token).get("typ") != typ:
                return None
            return jwt.decode(token, self.private_key.public_key(), algorithms=[ALGORITHM], issuer=issuer, audience=audience, options={"require": ["exp", "iat", "sub"]})
        except jwt.PyJWTError:
            return None


def load_or_create(path: Path) -> SigningKey:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
    key = load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise ValueError(f"{path}: the token signing key must be an EC P-256 key")
    return SigningKey(key, _thumbprint(key.public_key()))


def certificate_thumbprint(cert_sha256_hex: str) -> str:
    """x5t#S256 (RFC 8705, binding a token to a certificate): base64url of the DER's SHA-256."""
    return _b64url(bytes.fromhex(cert_sha256_hex))


def _thumbprint(public_key: ec.EllipticCurvePublicKey) -> str:
    """RFC 7638 JWK thumbprint, the key id."""
    jwk = ECAlgorithm.to_jwk(public_key, as_dict=True)
    canonical = json.dumps({k: jwk[k] for k in ("crv", "kty", "x", "y")}, separators=(",", ":"), sort_keys=True)
    return _b64url(hashlib.sha256(canonical.encode()).digest())


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
