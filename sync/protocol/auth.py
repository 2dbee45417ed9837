"""Pydantic schemas of /auth/v1: the certificate login, refresh, session events.

The client signs login_message(): a context string, the server's one-use nonce, the audience (the
server address the client means to reach, so a signature made for one server is useless at
another), the SHA-256 of the certificate it logs in with, and its device id.
"""

import hashlib
from typing import Any, Literal

from pydantic import Field

from sync.protocol.messages import ID_PATTERN, Strict

LOGIN_CONTEXT = b"xietong-login/2"
MAX_CERT_B64 = 22_000  # a 16 KB DER certificate in base64
MAX_EXTRA_CERTS = 4


class ChallengeResponse(Strict):
    nonce: str
    expires_in: int


class LoginRequest(Strict):
    nonce: str = Field(min_length=16, max_length=128)
    audience: str = Field(min_length=1, max_length=256)
    certificate: str = Field(min_length=1, max_length=MAX_CERT_B64, description="base64 DER of the login certificate")
    chain: list[str] = Field(default_factory=list, max_length=MAX_EXTRA_CERTS, description="base64 DER intermediates the key holds")
    device_id: str = Field(pattern=ID_PATTERN)
    device_name: str = Field(default="", max_length=128)
    signature: str = Field(min_length=1, max_length=2048, description="base64 signature of login_message()")


class UserInfo(Strict):
    id: str
    login: str
    name: str
    unit_id: str
    unit_name: str
    department_id: str
    roles: list[str]


class OfflineMaterial(Strict):
    """What an offline login checks later: the server-signed grant, the key that signed it, and the
    verified certificate chain (leaf to anchor) with its issuers' CRLs, all base64 DER."""

    grant: str
    grant_keys: dict[str, Any]
    chain: list[str]
    crls: list[str]


class LoginResponse(Strict):
    access_token: str
    expires_in: int
    refresh_token: str
    user: UserInfo
    scopes: list[str]
    server_time: float
    offline: OfflineMaterial
    cache_escrow: str = Field(description="base64 secret that unwraps this device's cache key (see app/store)")


class RefreshRequest(Strict):
    refresh_token: str = Field(min_length=16, max_length=128)


class RefreshResponse(Strict):
    access_token: str
    expires_in: int
    refresh_token: str


class SessionEvent(Strict):
    event: Literal["lock", "unlock"]


def login_message(nonce: str, audience: str, certificate_der: bytes, device_id: str) -> bytes:
    cert_hash = hashlib.sha256(certificate_der).hexdigest()
    return b"\x00".join((LOGIN_CONTEXT, nonce.encode(), audience.encode(), cert_hash.encode(), device_id.encode()))


def normalise_audience(server_url: str) -> str:
    """The form of a server address both sides compare: lower-case, no trailing slash."""
    return server_url.strip().rstrip("/").lower()
