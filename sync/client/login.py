"""Online login: answer the server's challenge with the user's key."""

import base64

from app.identity.signer import Signer
from app.services.account import User
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


def user_from(resp: LoginResponse) -> User:
    """The signed-in user as the core knows them."""
    u = resp.user
    return User(u.id, u.login, u.name, u.unit_id, u.unit_name, u.department_id, tuple(u.roles))
