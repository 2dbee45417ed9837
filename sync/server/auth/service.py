"""Certificate login, sessions and tokens. Every login failure looks the same from outside; the
reason goes to the log and the audit trail."""

import base64
import binascii
import datetime as dt
import hashlib
import logging
import secrets
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from app.domain.files import CLASSIFICATIONS
from app.domain.scopes import file_scopes_for, scopes_for
from app.identity.chain import CertificateRefused, parse_certificate, validate_login_certificate
from app.identity.verify import verify_signature
from sync.protocol import LoginRequest, LoginResponse, OfflineMaterial, RefreshResponse, UserInfo, login_message, normalise_audience
from sync.server.audit.service import Actor
from sync.server.auth.models import ChallengeModel, DeviceModel, RefreshTokenModel, SessionModel
from sync.server.auth.tokens import ACCESS_AUDIENCE, ACCESS_TYPE, GRANT_TYPE, SigningKey, certificate_thumbprint
from sync.server.directory import service as directory
from sync.server.directory.models import PersonModel
from sync.server.pki import service as pki

log = logging.getLogger(__name__)
GRANT_AUDIENCE = "xietong-offline"


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
    session_id: str = ""
    clearance: str = CLASSIFICATIONS[0]  # 密级 ceiling; 公开 unless the directory says more

    @property
    def scopes(self) -> list[str]:
        return scopes_for(self.id, self.unit_id) + file_scopes_for(self.id, self.department_id, self.unit_id, self.clearance)

    @property
    def scopes_at_any_clearance(self) -> list[str]:
        """What could be theirs at the highest 密级: one of these they no longer hold (a lowered
        clearance) is withdrawn from their client, not refused as someone else's."""
        return scopes_for(self.id, self.unit_id) + file_scopes_for(self.id, self.department_id, self.unit_id, CLASSIFICATIONS[-1])


@dataclass(frozen=True)
class TokenPolicy:
    """How the server signs and how long what it signs lasts (from Settings)."""

    key: SigningKey
    issuer: str  # the server's public address; also the login audience
    access_ttl_s: int
    refresh_ttl_s: int
    session_max_s: int
    offline_grant_s: int


class LoginFailed(Exception):
    """The caller answers one 401 for all; `reason` and `actor` go to the audit log."""

    def __init__(self, reason: str, actor: Actor) -> None:
        super().__init__(reason)
        self.reason, self.actor = reason, actor


class DeviceTaken(Exception):
    """The device id is registered to another person."""


class RefreshRefused(Exception):
    """Unknown, expired or revoked refresh token; `reused` when a spent one came back (theft)."""

    def __init__(self, actor: Actor, reused_in_session: str = "") -> None:
        super().__init__("reused" if reused_in_session else "invalid")
        self.actor, self.session_id = actor, reused_in_session

    @property
    def reused(self) -> bool:
        return bool(self.session_id)


def issue_challenge(session: Session, ttl_s: int, now: float) -> str:
    session.execute(delete(ChallengeModel).where(ChallengeModel.expires_at < now))
    nonce = secrets.token_urlsafe(32)
    session.add(ChallengeModel(nonce=nonce, expires_at=now + ttl_s, used=False))
    return nonce


def spend_challenge(session: Session, nonce: str, now: float) -> bool:
    """Mark the nonce used; True only if it was issued, unused and unexpired.
    The caller commits this before checking the signature, so any attempt spends the nonce."""
    spent = session.execute(
        update(ChallengeModel).where(ChallengeModel.nonce == nonce, ChallengeModel.used.is_(False), ChallengeModel.expires_at > now).values(used=True)
    )
    return spent.rowcount == 1


def log_in(session: Session, req: LoginRequest, nonce_ok: bool, policy: TokenPolicy, address: str, now: float) -> tuple[LoginResponse, Actor]:
    """Check everything, register the device, open a session. Raises LoginFailed or DeviceTaken."""
    actor = Actor(address, device_id=req.device_id)
    cert_der = _b64(req.certificate, actor)
    actor = Actor(address, device_id=req.device_id, cert_sha256=hashlib.sha256(cert_der).hexdigest())
    if not nonce_ok:
        raise LoginFailed("challenge.invalid", actor)
    if normalise_audience(req.audience) != normalise_audience(policy.issuer):
        raise LoginFailed(f"audience.mismatch {req.audience!r}", actor)
    try:
        leaf = parse_certificate(cert_der)
        presented = [parse_certificate(_b64(c, actor)) for c in req.chain]
        chain = validate_login_certificate(leaf, presented, pki.trust_material(session), dt.datetime.fromtimestamp(now, dt.timezone.utc))
    except CertificateRefused as exc:
        raise LoginFailed(str(exc), actor) from None
    person_id = pki.person_for(session, leaf)
    person = session.get(PersonModel, person_id) if person_id else None
    if person is None:
        raise LoginFailed("cert.not_bound", actor)
    actor = Actor(address, person.id, req.device_id, actor.cert_sha256)
    if not verify_signature(cert_der, login_message(req.nonce, req.audience, cert_der, req.device_id), _b64(req.signature, actor)):
        raise LoginFailed("signature.invalid", actor)
    device = _register_device(session, person.id, req.device_id, req.device_name, now)
    user = _current(person, req.device_id, _open_session(session, person.id, req.device_id, actor.cert_sha256, policy, now))
    refresh = _new_refresh_token(session, user.session_id, policy, now)
    response = LoginResponse(
        access_token=_access_token(user, actor.cert_sha256, policy, now),
        expires_in=policy.access_ttl_s,
        refresh_token=refresh,
        user=user_info(session, user),
        scopes=user.scopes,
        server_time=now,
        offline=_offline_material(session, user, cert_der, chain, policy, now),
        cache_escrow=device.cache_escrow or "",
    )
    return response, actor


def refresh(session: Session, token: str, policy: TokenPolicy, address: str, now: float) -> tuple[RefreshResponse, Actor]:
    """Swap a refresh token for a new pair. A spent token coming back is reported with its session,
    which the caller revokes (in a transaction of its own, as this one fails)."""
    held = session.get(RefreshTokenModel, _hash(token))
    if held is None:
        raise RefreshRefused(Actor(address))
    found = session.get(SessionModel, held.session_id)
    actor = Actor(address, found.person_id, found.device_id, found.cert_sha256)
    if held.used:
        raise RefreshRefused(actor, reused_in_session=found.id)
    if held.expires_at <= now or found.revoked_reason or found.expires_at <= now:
        raise RefreshRefused(actor)
    held.used = True
    person = session.get(PersonModel, found.person_id)
    user = _current(person, found.device_id, found.id)
    access = _access_token(user, found.cert_sha256, policy, now)
    answer = RefreshResponse(access_token=access, expires_in=policy.access_ttl_s, refresh_token=_new_refresh_token(session, found.id, policy, now))
    return answer, actor


def user_for_token(session: Session, token: str, policy: TokenPolicy, now: float) -> CurrentUser | None:
    claims = policy.key.verify(token, ACCESS_TYPE, policy.issuer, ACCESS_AUDIENCE)
    if claims is None:
        return None
    found = session.execute(
        select(PersonModel, SessionModel)
        .join(SessionModel, SessionModel.person_id == PersonModel.id)
        .where(SessionModel.id == claims.get("sid"), SessionModel.revoked_reason.is_(None), SessionModel.expires_at > now)
    ).first()
    return _current(found[0], found[1].device_id, found[1].id) if found else None


def end_session(session: Session, session_id: str, reason: str) -> None:
    session.execute(update(SessionModel).where(SessionModel.id == session_id, SessionModel.revoked_reason.is_(None)).values(revoked_reason=reason))


def end_sessions_of_certificate(session: Session, cert_sha256: str, reason: str) -> int:
    ended = session.execute(update(SessionModel).where(SessionModel.cert_sha256 == cert_sha256, SessionModel.revoked_reason.is_(None)).values(revoked_reason=reason))
    return ended.rowcount


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


def _register_device(session: Session, person_id: str, device_id: str, name: str, now: float) -> DeviceModel:
    device = session.get(DeviceModel, device_id)
    if device is None:
        device = DeviceModel(device_id=device_id, person_id=person_id, name=name, last_client_seq=0, created_at=now)
        session.add(device)
    elif device.person_id != person_id:
        log.warning("device %s of %s offered by %s", device_id, device.person_id, person_id)
        raise DeviceTaken()
    elif name:
        device.name = name
    if not device.cache_escrow:
        device.cache_escrow = base64.b64encode(secrets.token_bytes(32)).decode()
    return device


def _open_session(session: Session, person_id: str, device_id: str, cert_sha256: str, policy: TokenPolicy, now: float) -> str:
    session.execute(delete(RefreshTokenModel).where(RefreshTokenModel.expires_at < now - policy.session_max_s))
    session_id = secrets.token_urlsafe(24)
    session.add(SessionModel(id=session_id, person_id=person_id, device_id=device_id, cert_sha256=cert_sha256, created_at=now, expires_at=now + policy.session_max_s))
    session.flush()  # before its refresh token: without relationships the ORM does not order the two
    return session_id


def _new_refresh_token(session: Session, session_id: str, policy: TokenPolicy, now: float) -> str:
    token = secrets.token_urlsafe(32)
    session.add(RefreshTokenModel(token_hash=_hash(token), session_id=session_id, expires_at=now + policy.refresh_ttl_s, used=False))
    return token


def _access_token(user: CurrentUser, cert_sha256: str, policy: TokenPolicy, now: float) -> str:
    claims = {
        "iss": policy.issuer,
        "aud": ACCESS_AUDIENCE,
        "sub": user.id,
        "sid": user.session_id,
        "preferred_username": user.login,
        "name": user.name,
        "unit_id": user.unit_id,
        "iat": int(now),
        "exp": int(now) + policy.access_ttl_s,
        "jti": secrets.token_urlsafe(12),
        "cnf": {"x5t#S256": certificate_thumbprint(cert_sha256)},
    }
    return policy.key.sign(claims, ACCESS_TYPE)


def _offline_material(session: Session, user: CurrentUser, cert_der: bytes, chain: list[x509.Certificate], policy: TokenPolicy, now: float) -> OfflineMaterial:
    claims = {
        "iss": policy.issuer,
        "aud": GRANT_AUDIENCE,
        "sub": user.id,
        "preferred_username": user.login,
        "device_id": user.device_id,
        "cnf": {"x5t#S256": certificate_thumbprint(hashlib.sha256(cert_der).hexdigest())},
        "iat": int(now),
        "exp": int(now) + policy.offline_grant_s,
    }
    return OfflineMaterial(
        grant=policy.key.sign(claims, GRANT_TYPE),
        grant_keys=policy.key.jwks(),
        chain=[base64.b64encode(c.public_bytes(Encoding.DER)).decode() for c in chain],
        crls=[base64.b64encode(der).decode() for der in pki.crls_for(session, chain)],
    )


def _b64(text: str, actor: Actor) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise LoginFailed("encoding.invalid", actor) from None


def _current(person: PersonModel, device_id: str, session_id: str) -> CurrentUser:
    return CurrentUser(person.id, person.login, person.name, person.unit_id, person.department_id, tuple(person.roles), device_id, session_id, person.clearance)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()

