"""The authorisation code flow with PKCE (S256): login tickets, the browser's SSO session,
codes, their redemption for an id_token and an access token, and userinfo.

How a user arrives without a PIN: the desktop client, unlocked, asks POST /oidc/ticket (with its
bearer token) for a one-use ticket naming the address to open; the system browser opens
/oidc/sso?ticket=…, which spends the ticket, sets an HttpOnly cookie bound to that client login
and redirects on. /oidc/authorize then knows the user by that cookie.
"""

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from app.domain.authz import SYSTEM_SEE
from app.domain.errors import RuleViolation
from sync.server.auth.models import SessionModel
from sync.server.auth.service import TokenPolicy
from sync.server.authz import service as authz
from sync.server.directory import service as directory
from sync.server.directory.models import PersonModel
from sync.server.oidc.models import BrowserSessionModel, GrantModel, LoginTicketModel, OidcClientModel

TICKET_TTL_S = 60
CODE_TTL_S = 60
BROWSER_SESSION_MAX_S = 8 * 3600
ID_TOKEN_TYPE = "JWT"
VERIFIER = re.compile(r"[A-Za-z0-9\-._~]{43,128}")  # RFC 7636 §4.1


class Refused(Exception):
    """`error` is the OAuth 2.0 error code; `message` is for the user (中文)."""

    def __init__(self, error: str, message: str) -> None:
        super().__init__(message)
        self.error, self.message = error, message


class CodeReused(Refused):
    """A spent code came back: the caller revokes `code_hash`'s grant in its own transaction."""

    def __init__(self, code_hash: str) -> None:
        super().__init__("invalid_grant", "授权码已被使用过，相关令牌已作废。")
        self.code_hash = code_hash


@dataclass(frozen=True)
class SignedIn:
    person: PersonModel
    login: SessionModel


@dataclass(frozen=True)
class AuthorizeRequest:
    client_id: str
    redirect_uri: str
    response_type: str
    scope: str
    state: str | None
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None


def issue_ticket(session: Session, session_id: str, next_url: str, issuer: str, now: float) -> str:
    """A one-use ticket for the browser, standing for the desktop login `session_id`; `next_url`
    must be ours or a registered system's."""
    origin = _origin(next_url)
    if not origin or origin not in _trusted_origins(session, issuer):
        raise Refused("invalid_request", "该地址不是已登记的业务系统。")
    session.execute(delete(LoginTicketModel).where(LoginTicketModel.expires_at < now))
    ticket = secrets.token_urlsafe(32)
    session.add(LoginTicketModel(ticket_hash=_hash(ticket), session_id=session_id, next_url=next_url, expires_at=now + TICKET_TTL_S, used=False))
    return ticket


def open_browser_session(session: Session, ticket: str, now: float) -> tuple[str, str, int]:
    """Spend the ticket: (cookie value, where to go next, cookie lifetime in seconds)."""
    held = session.get(LoginTicketModel, _hash(ticket))
    login = session.get(SessionModel, held.session_id) if held else None
    if held is None or held.used or held.expires_at <= now or not _live(login, now):
        raise Refused("access_denied", "登录凭据无效或已过期，请从协同办公客户端重新打开该系统。")
    held.used = True
    session.execute(delete(BrowserSessionModel).where(BrowserSessionModel.expires_at < now))
    cookie = secrets.token_urlsafe(32)
    expires_at = min(now + BROWSER_SESSION_MAX_S, login.expires_at)
    session.add(BrowserSessionModel(cookie_hash=_hash(cookie), session_id=login.id, expires_at=expires_at))
    return cookie, held.next_url, int(expires_at - now)


def signed_in(session: Session, cookie: str | None, now: float) -> SignedIn | None:
    """Who the browser is, while the client login behind its cookie lives."""
    held = session.get(BrowserSessionModel, _hash(cookie)) if cookie else None
    login = session.get(SessionModel, held.session_id) if held and held.expires_at > now else None
    if not _live(login, now):
        return None
    return SignedIn(session.get(PersonModel, login.person_id), login)


def registered_client(session: Session, client_id: str, redirect_uri: str) -> OidcClientModel:
    """The client, if the redirect URI is one of its registered ones (exact match): only then may
    errors be sent back to it."""
    client = session.get(OidcClientModel, client_id)
    if client is None:
        raise Refused("invalid_client", "该业务系统未登记，不能通过本平台登录。")
    if redirect_uri not in client.redirect_uris:
        raise Refused("invalid_request", "回调地址与该业务系统登记的不符。")
    return client


def authorize(session: Session, client: OidcClientModel, req: AuthorizeRequest, user: SignedIn, now: float) -> str:
    """A fresh code for the user, after the request and the user's roles pass; raises Refused."""
    if req.response_type != "code":
        raise Refused("unsupported_response_type", "只支持授权码方式（response_type=code）。")
    if "openid" not in req.scope.split():
        raise Refused("invalid_scope", "请求范围须包含 openid。")
    if not req.code_challenge or req.code_challenge_method != "S256":
        raise Refused("invalid_request", "须使用 PKCE（code_challenge_method=S256）。")
    try:
        authz.require(session, user.person, SYSTEM_SEE, client.client_id)
    except RuleViolation:
        raise Refused("access_denied", f"您的角色无权使用{client.name}。") from None
    # A day on, a code coming back is simply unknown; its grant goes once its access token is dead too.
    session.execute(delete(GrantModel).where(GrantModel.code_expires_at < now - 86400, or_(GrantModel.access_expires_at.is_(None), GrantModel.access_expires_at < now)))
    code = secrets.token_urlsafe(32)
    session.add(
        GrantModel(
            code_hash=_hash(code), client_id=client.client_id, session_id=user.login.id, redirect_uri=req.redirect_uri,
            code_challenge=req.code_challenge, nonce=req.nonce, scope=req.scope, code_expires_at=now + CODE_TTL_S,
            code_used=False, revoked=False,
        )  # fmt: skip
    )
    return code


def redirect_to(redirect_uri: str, params: dict[str, str | None]) -> str:
    """The redirect URI with these parameters added to its own query."""
    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{redirect_uri}{'&' if urlsplit(redirect_uri).query else '?'}{query}"


def redeem(session: Session, client: OidcClientModel, code: str, redirect_uri: str, verifier: str | None, policy: TokenPolicy, now: float) -> dict[str, Any]:
    """Exchange a code for the token response (RFC 6749 §4.1.4); raises Refused or CodeReused."""
    grant = session.get(GrantModel, _hash(code))
    if grant is None or grant.client_id != client.client_id or grant.revoked:
        raise Refused("invalid_grant", "授权码无效。")
    if grant.code_used:
        raise CodeReused(grant.code_hash)
    if grant.code_expires_at <= now:
        raise Refused("invalid_grant", "授权码已过期，请重新登录。")
    if redirect_uri != grant.redirect_uri:
        raise Refused("invalid_grant", "回调地址与申请授权码时的不符。")
    if not verifier or not VERIFIER.fullmatch(verifier) or not hmac.compare_digest(_s256(verifier), grant.code_challenge):
        raise Refused("invalid_grant", "PKCE 校验失败（code_verifier 缺失或不符）。")
    login = session.get(SessionModel, grant.session_id)
    if not _live(login, now):
        raise Refused("invalid_grant", "登录已失效，请重新登录。")
    grant.code_used = True
    access = secrets.token_urlsafe(32)
    grant.access_token_hash, grant.access_expires_at = _hash(access), now + policy.access_ttl_s
    person = session.get(PersonModel, login.person_id)
    id_token = policy.key.sign(_id_claims(person, login, grant, policy, now), ID_TOKEN_TYPE)
    return {"access_token": access, "token_type": "Bearer", "expires_in": policy.access_ttl_s, "id_token": id_token, "scope": grant.scope}


def revoke(session: Session, code_hash: str) -> None:
    session.execute(update(GrantModel).where(GrantModel.code_hash == code_hash).values(revoked=True))


def userinfo(session: Session, access_token: str, now: float) -> dict[str, Any] | None:
    """The claims about the user behind an unrevoked, unexpired access token we issued."""
    grant = session.scalars(select(GrantModel).where(GrantModel.access_token_hash == _hash(access_token))).first()
    if grant is None or grant.revoked or (grant.access_expires_at or 0) <= now:
        return None
    login = session.get(SessionModel, grant.session_id)
    if not _live(login, now):
        return None
    person = session.get(PersonModel, login.person_id)
    return {**_person_claims(person), "unit_name": directory.unit_name(session, person.unit_id), "department_id": person.department_id, "roles": list(person.roles)}


def _id_claims(person: PersonModel, login: SessionModel, grant: GrantModel, policy: TokenPolicy, now: float) -> dict[str, Any]:
    claims = {
        "iss": policy.issuer,
        "aud": grant.client_id,
        "azp": grant.client_id,
        "iat": int(now),
        "exp": int(now) + policy.access_ttl_s,
        "auth_time": int(login.created_at),
        **_person_claims(person),
    }
    return {**claims, "nonce": grant.nonce} if grant.nonce else claims


def _person_claims(person: PersonModel) -> dict[str, Any]:
    return {"sub": person.id, "name": person.name, "preferred_username": person.login, "unit_id": person.unit_id}


def _live(login: SessionModel | None, now: float) -> bool:
    return login is not None and login.revoked_reason is None and login.expires_at > now


def _trusted_origins(session: Session, issuer: str) -> set[str]:
    uris = session.scalars(select(OidcClientModel.redirect_uris)).all()
    return {_origin(issuer)} | {_origin(u) for listed in uris for u in listed}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme in ("https", "http") and parts.netloc else ""


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
