"""Offline login (离线登录): what the last online login left in the cache, and the checks that let
the same person in without the server — the key, the PIN (it unlocked the signer), a fresh
signature by the key, a valid kept chain and CRL, an unexpired server-signed grant for this
certificate and device, and no clock wound back.
"""

import base64
import datetime as dt
import hashlib
import json
import secrets
from typing import Any

import jwt
from cryptography import x509

from app.identity.chain import CertificateRefused, TrustMaterial, parse_certificate, validate_login_certificate
from app.identity.signer import Signer
from app.identity.verify import verify_signature
from app.services.account import device_id
from app.store import meta
from app.store.cache import Cache

MATERIAL_KEY = "offline_material"
CLOCK_KEY = "clock_mark"  # the latest time this cache has seen, from the server or this PC
GRANT_AUDIENCE = "xietong-offline"
GRANT_TYPE = "xietong-offline-grant+jwt"
CLOCK_TOLERANCE_S = 300


class OfflineRefused(Exception):
    """Offline login is not allowed; `message` says why in words, `code` is for the log."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code, self.message = code, message


def remember(cache: Cache, material: dict[str, Any], server_time: float) -> None:
    with cache.sessions.begin() as s:
        meta.put(s, MATERIAL_KEY, json.dumps(material))
        _advance_clock(s, server_time)


def check(cache: Cache, signer: Signer, anchors: list[x509.Certificate], now: float) -> None:
    """Raise OfflineRefused unless every condition holds; on success the clock mark moves to now."""
    with cache.session() as s:
        raw, mark = meta.get(s, MATERIAL_KEY), float(meta.get(s, CLOCK_KEY, "0"))
    if not raw:
        raise OfflineRefused("grant.missing", "这台电脑上没有您的离线登录凭据，请先联网登录一次。")
    if now < mark - CLOCK_TOLERANCE_S:
        raise OfflineRefused("clock.rolled_back", "系统时间早于上次登录的时间，可能被回拨。请校正时间或联网登录。")
    material = json.loads(raw)
    claims = _grant_claims(material)
    if claims["exp"] <= now:
        raise OfflineRefused("grant.expired", "离线登录期限已过，请联网登录一次。")
    if claims["device_id"] != device_id(cache):
        raise OfflineRefused("grant.other_device", "离线登录凭据不属于这台电脑，请联网登录。")
    if claims["cnf"]["x5t#S256"] != _thumbprint(signer.certificate):
        raise OfflineRefused("grant.other_certificate", "这张证书不是上次联网登录所用的证书，请联网登录。")
    _check_chain(signer.certificate, material, anchors, now)
    _check_fresh_signature(signer)
    with cache.sessions.begin() as s:
        _advance_clock(s, now)


def owner_id(cache: Cache) -> str | None:
    """The person id the grant was issued to (to compare with the cache's owner)."""
    with cache.session() as s:
        raw = meta.get(s, MATERIAL_KEY)
    return jwt.decode(json.loads(raw)["grant"], options={"verify_signature": False})["sub"] if raw else None


def _grant_claims(material: dict[str, Any]) -> dict[str, Any]:
    token = material["grant"]
    try:
        header = jwt.get_unverified_header(token)
        if header.get("typ") != GRANT_TYPE:
            raise jwt.InvalidTokenError("not an offline grant")
        keys = {k["kid"]: jwt.PyJWK(k) for k in material["grant_keys"]["keys"]}
        key = keys[header["kid"]]
        # Expiry is checked by the caller against its own `now` (the clock this check trusts).
        return jwt.decode(token, key, algorithms=["ES256"], audience=GRANT_AUDIENCE, options={"require": ["exp", "sub", "device_id", "cnf"], "verify_exp": False})
    except (jwt.PyJWTError, KeyError, TypeError) as exc:
        raise OfflineRefused("grant.invalid", f"离线登录凭据无效（{exc}），请联网登录。") from None


def _check_chain(cert_der: bytes, material: dict[str, Any], anchors: list[x509.Certificate], now: float) -> None:
    chain = [parse_certificate(base64.b64decode(c)) for c in material["chain"]]
    crls = [x509.load_der_x509_crl(base64.b64decode(c)) for c in material["crls"]]
    try:
        validate_login_certificate(parse_certificate(cert_der), chain[1:], TrustMaterial(anchors, [], crls), dt.datetime.fromtimestamp(now, dt.timezone.utc))
    except CertificateRefused as exc:
        words = {
            "crl.stale": "保存的证书吊销列表已过期，请联网登录以更新。",
            "cert.revoked": "您的证书已被吊销。",
            "crl.missing": "没有保存证书吊销列表，请联网登录。",
        }
        raise OfflineRefused(exc.code, words.get(exc.code, "证书未通过验证，请联网登录。")) from None


def _check_fresh_signature(signer: Signer) -> None:
    """The PIN-unlocked key really holds the certificate's private key, now."""
    challenge = b"xietong-offline-login\x00" + secrets.token_bytes(32)
    if not verify_signature(signer.certificate, challenge, signer.sign(challenge)):
        raise OfflineRefused("key.mismatch", "证书与密钥不匹配。")


def _thumbprint(cert_der: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(cert_der).digest()).rstrip(b"=").decode()


def _advance_clock(session: Any, at: float) -> None:
    meta.put(session, CLOCK_KEY, str(max(at, float(meta.get(session, CLOCK_KEY, "0")))))
