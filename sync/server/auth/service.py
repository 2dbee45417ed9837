"""Challenge, login and token checks. Every login failure looks the same from outside."""

import base64
import binascii
import hashlib
import logging
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.domain.scopes import scopes_for
from sync.protocol import LoginRequest, LoginResponse, UserInfo, login_message
from sync.server.auth.models import AccessTokenModel, ChallengeModel, CredentialModel, DeviceModel
from sync.server.directory import service as directory
from sync.server.directory.models import PersonModel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CurrentUser:
    """The person behind a valid access token, as the directory holds them now."""

    id: str
    login: str
    name: str
    unit_id: str
    department_id: str
    roles: tuple[str, ...]
    device_id: str

    @property
    def scopes(self) -> list[str]:
        return scopes_for(self.id, self.unit_id)


class LoginFailed(Exception):
    """Wrong key, unknown login, spent or expired nonce: the caller answers one 401 for all."""


class DeviceTaken(Exception):
    """The device id is registered to another person."""


def register_key(session: Session, person_id: str, public_key_pem: str) -> None:
    session.merge(CredentialModel(person_id=person_id, public_key=public_key_pem))


def issue_challenge(session: Session, login: str, ttl_s: int, now: float) -> str:
    """A fresh one-use nonce. Unknown logins get one too, so the answer reveals no login names."""
    session.execute(delete(ChallengeModel).where(ChallengeModel.expires_at < now))
    nonce = secrets.token_urlsafe(32)
    session.add(ChallengeModel(nonce=nonce, login=login, expires_at=now + ttl_s, used=False))
    return nonce


def spend_challenge(session: Session, nonce: str, login: str, now: float) -> bool:
    """Mark the nonce used; True only if it was issued for `login`, unused and unexpired.
    The caller commits this before checking the signature, so any attempt spends the nonce."""
    spent = session.execute(
        update(ChallengeModel)
        .where(ChallengeModel.nonce == nonce, ChallengeModel.login == login, ChallengeModel.used.is_(False), ChallengeModel.expires_at > now)
        .values(used=True)
    )
    return spent.rowcount == 1


def log_in(session: Session, req: LoginRequest, nonce_ok: bool, ttl_s: int, now: float) -> LoginResponse:
    """Check the signature, register the device, issue a token. Raises LoginFailed or DeviceTaken."""
    person = directory.person_by_login(session, req.login)
    credential = session.get(CredentialModel, person.id) if person else None
    if not nonce_ok or credential is None or not _signature_ok(credential.public_key, req.signature, login_message(req.nonce, req.login, req.device_id)):
        log.info("login refused for %r (nonce ok: %s, key known: %s)", req.login, nonce_ok, credential is not None)
        raise LoginFailed()
    _register_device(session, person.id, req.device_id, req.device_name, now)
    session.execute(delete(AccessTokenModel).where(AccessTokenModel.expires_at < now))
    token = secrets.token_urlsafe(32)
    session.add(AccessTokenModel(token_hash=_hash(token), person_id=person.id, device_id=req.device_id, expires_at=now + ttl_s))
    user = _current(person, req.device_id)
    return LoginResponse(access_token=token, expires_in=ttl_s, user=user_info(session, user), scopes=user.scopes, server_time=now)


def user_for_token(session: Session, token: str, now: float) -> CurrentUser | None:
    found = session.execute(
        select(PersonModel, AccessTokenModel.device_id)
        .join(AccessTokenModel, AccessTokenModel.person_id == PersonModel.id)
        .where(AccessTokenModel.token_hash == _hash(token), AccessTokenModel.expires_at > now)
    ).first()
    return _current(found[0], found[1]) if found else None


def user_info(session: Session, user: CurrentUser) -> UserInfo:
    return UserInfo(
        id=user.id,
        login=user.login,
        name=user.name,
        unit_id=user.unit_id,
        unit_name=directory.unit_name(session, user.unit_id),
        department_id=user.department_id,
        roles=list(user.roles),
    )


def _register_device(session: Session, person_id: str, device_id: str, name: str, now: float) -> None:
    device = session.get(DeviceModel, device_id)
    if device is None:
        session.add(DeviceModel(device_id=device_id, person_id=person_id, name=name, last_client_seq=0, created_at=now))
    elif device.person_id != person_id:
        log.warning("device %s of %s offered by %s", device_id, device.person_id, person_id)
        raise DeviceTaken()
    elif name:
        device.name = name


def _signature_ok(public_key_pem: str, signature_b64: str, message: bytes) -> bool:
    try:
        key = load_pem_public_key(public_key_pem.encode())
        signature = base64.b64decode(signature_b64, validate=True)
        if not isinstance(key, Ed25519PublicKey):
            return False
        key.verify(signature, message)
        return True
    except (ValueError, binascii.Error, InvalidSignature):
        return False


def _current(person: PersonModel, device_id: str) -> CurrentUser:
    return CurrentUser(person.id, person.login, person.name, person.unit_id, person.department_id, tuple(person.roles), device_id)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
