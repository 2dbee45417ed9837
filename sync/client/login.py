"""Online login: answer the server's challenge with the user's key."""

import base64
from dataclasses import dataclass

from app.identity.signer import Signer
from app.services.account import User, device_id, remember_login
from app.store.cache import Cache
from sync.client.transport import Transport
from sync.protocol import ChallengeRequest, LoginRequest, LoginResponse, login_message


def login_online(transport: Transport, signer: Signer, device_id: str, device_name: str) -> LoginResponse:
    challenge = transport.challenge(ChallengeRequest(login=signer.login))
    signature = signer.sign(login_message(challenge.nonce, signer.login, device_id))
    return transport.login(
        LoginRequest(
            login=signer.login,
            nonce=challenge.nonce,
            device_id=device_id,
            device_name=device_name,
            signature=base64.b64encode(signature).decode(),
        )
    )


@dataclass(frozen=True)
class OnlineLogin:
    user: User
    scopes: list[str]


def sign_in_online(transport: Transport, signer: Signer, cache: Cache, device_name: str) -> OnlineLogin:
    """Log in with the key and remember the user in the cache, so they can work offline later."""
    resp = login_online(transport, signer, device_id(cache), device_name)
    u = resp.user
    user = User(u.id, u.login, u.name, u.unit_id, u.unit_name, u.department_id, tuple(u.roles))
    remember_login(cache, user, resp.scopes)
    return OnlineLogin(user, resp.scopes)
