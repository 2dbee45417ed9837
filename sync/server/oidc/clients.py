"""The registry of relying parties (接入单点登录的业务系统), kept by `xietong-server admin oidc-client`."""

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sync.server.oidc.models import GrantModel, OidcClientModel


class ClientRefused(Exception):
    """A registration the administrator must correct; the message is for them (中文)."""


def add(session: Session, client_id: str, name: str, redirect_uris: list[str], allowed_roles: list[str], now: float) -> str:
    """Register a system; returns its client secret, shown once and stored only as SHA-256."""
    if session.get(OidcClientModel, client_id) is not None:
        raise ClientRefused(f"已有编号为 {client_id} 的系统。")
    for uri in redirect_uris:
        parts = urlsplit(uri)
        if parts.scheme not in ("https", "http") or not parts.netloc or parts.fragment:
            raise ClientRefused(f"回调地址无效：{uri}（须为不含 # 的完整 https 地址）")
    secret = secrets.token_urlsafe(32)
    session.add(OidcClientModel(client_id=client_id, name=name, secret_hash=_hash(secret), redirect_uris=redirect_uris, allowed_roles=allowed_roles, created_at=now))
    return secret


def listed(session: Session) -> list[OidcClientModel]:
    return list(session.scalars(select(OidcClientModel).order_by(OidcClientModel.client_id)))


def remove(session: Session, client_id: str) -> None:
    """Unregister a system; the tokens it was given stop working."""
    if session.get(OidcClientModel, client_id) is None:
        raise ClientRefused(f"没有编号为 {client_id} 的系统。")
    session.execute(delete(GrantModel).where(GrantModel.client_id == client_id))
    session.execute(delete(OidcClientModel).where(OidcClientModel.client_id == client_id))


def authenticated(session: Session, client_id: str, secret: str) -> OidcClientModel | None:
    """The client, if the secret is its own."""
    client = session.get(OidcClientModel, client_id)
    if client is None or not hmac.compare_digest(client.secret_hash, _hash(secret)):
        return None
    return client


def registered(session: Session, client_id: str) -> OidcClientModel:
    return session.get_one(OidcClientModel, client_id)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
