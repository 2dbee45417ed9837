"""The registry of relying parties (接入单点登录的业务系统), kept by `xietong-server admin oidc-client`."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sync.server.directory import service as directory
from sync.server.oidc import catalogue
from sync.server.oidc.models import GrantModel, OidcClientModel


class ClientRefused(Exception):
    """A registration the administrator must correct; the message is for them (中文)."""


@dataclass(frozen=True)
class Launcher:
    """How the portal's launcher shows a system; None leaves a field as it is."""

    icon: str | None = None
    launch_url: str | None = None
    unit_id: str | None = None


def add(session: Session, client_id: str, name: str, redirect_uris: list[str], allowed_roles: list[str], now: float, launcher: Launcher | None = None) -> str:
    """Register a system and list it in the launchers; returns its client secret, shown once and
    stored only as SHA-256."""
    if session.get(OidcClientModel, client_id) is not None:
        raise ClientRefused(f"已有编号为 {client_id} 的系统。")
    for uri in redirect_uris:
        _check_address(uri, "回调地址")
    shown = launcher or Launcher()
    _check_launcher(session, shown)
    secret = secrets.token_urlsafe(32)
    client = OidcClientModel(
        client_id=client_id, name=name, secret_hash=_hash(secret), redirect_uris=redirect_uris, allowed_roles=allowed_roles, created_at=now,
        icon=shown.icon or "", launch_url=shown.launch_url or "", unit_id=shown.unit_id or "",
    )  # fmt: skip
    session.add(client)
    catalogue.publish(session, client)
    return secret


def change_launcher(session: Session, client_id: str, launcher: Launcher) -> None:
    """Set how the launcher shows the system (fields left None stay) and send it to the clients."""
    client = session.get(OidcClientModel, client_id)
    if client is None:
        raise ClientRefused(f"没有编号为 {client_id} 的系统。")
    _check_launcher(session, launcher)
    if launcher.unit_id is not None and launcher.unit_id != client.unit_id:
        catalogue.publish(session, client, deleted=True)  # gone from the old unit's launchers
    for field in ("icon", "launch_url", "unit_id"):
        if getattr(launcher, field) is not None:
            setattr(client, field, getattr(launcher, field))
    catalogue.publish(session, client)


def listed(session: Session) -> list[OidcClientModel]:
    return list(session.scalars(select(OidcClientModel).order_by(OidcClientModel.client_id)))


def remove(session: Session, client_id: str) -> None:
    """Unregister a system; the tokens it was given stop working."""
    client = session.get(OidcClientModel, client_id)
    if client is None:
        raise ClientRefused(f"没有编号为 {client_id} 的系统。")
    catalogue.publish(session, client, deleted=True)
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


def _check_launcher(session: Session, launcher: Launcher) -> None:
    if launcher.launch_url:
        _check_address(launcher.launch_url, "系统地址")
    if launcher.unit_id and not directory.unit_exists(session, launcher.unit_id):
        raise ClientRefused(f"没有编号为 {launcher.unit_id} 的单位。")


def _check_address(uri: str, what: str) -> None:
    parts = urlsplit(uri)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.fragment:
        raise ClientRefused(f"{what}无效：{uri}（须为不含 # 的完整 https 地址）")


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
