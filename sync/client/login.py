"""Online login: answer the server's challenge with the user's key; renew the login later by
refresh token, or with the key again when the refresh is refused."""

import base64
import logging
from dataclasses import dataclass

from app.identity.signer import Signer
from app.services import offline_login
from app.services.account import User, device_id, remember_login
from app.store.cache import Cache
from sync.client.transport import LoginExpired, ServerRefused, Transport
from sync.protocol import LoginRequest, LoginResponse, login_message, normalise_audience

log = logging.getLogger(__name__)


def login_online(transport: Transport, signer: Signer, device_id: str, device_name: str) -> LoginResponse:
    challenge = transport.challenge()
    audience = normalise_audience(transport.base_url)
    signature = signer.sign(login_message(challenge.nonce, audience, signer.certificate, device_id))
    return transport.login(
        LoginRequest(
            nonce=challenge.nonce,
            audience=audience,
            certificate=base64.b64encode(signer.certificate).decode(),
            device_id=device_id,
            device_name=device_name,
            signature=base64.b64encode(signature).decode(),
        )
    )


@dataclass
class OnlineLogin:
    """A live login: its user and scopes, and how to renew it when the access token expires."""

    user: User
    scopes: list[str]
    cache_escrow: bytes
    transport: Transport
    signer: Signer
    device_id: str
    device_name: str
    refresh_token: str

    def renew(self) -> None:
        """Refresh the access token; if the server refuses the refresh, log in with the key again."""
        try:
            self.refresh_token = self.transport.refresh(self.refresh_token).refresh_token
            return
        except (ServerRefused, LoginExpired) as exc:
            log.info("refresh refused (%s); logging in with the key again", exc)
        self.refresh_token = login_online(self.transport, self.signer, self.device_id, self.device_name).refresh_token


def sign_in_online(transport: Transport, signer: Signer, cache: Cache, device_name: str) -> OnlineLogin:
    """Log in with the key and remember the user and the offline grant in the cache."""
    device = device_id(cache)
    return accept_login(login_online(transport, signer, device, device_name), cache, transport, signer, device, device_name)


def accept_login(resp: LoginResponse, cache: Cache, transport: Transport, signer: Signer, device: str, device_name: str) -> OnlineLogin:
    """Remember what a login answered in the cache of the device that made it."""
    u = resp.user
    user = User(u.id, u.login, u.name, u.unit_id, u.unit_name, u.department_id, tuple(u.roles))
    remember_login(cache, user, resp.scopes)
    offline_login.remember(cache, resp.offline.model_dump(), resp.server_time)
    escrow = base64.b64decode(resp.cache_escrow) if resp.cache_escrow else b""
    return OnlineLogin(user, resp.scopes, escrow, transport, signer, device, device_name, resp.refresh_token)
