"""/auth/v1: challenge, login, refresh, logout, lock/unlock events, who am I; and the
`current_user` dependency every API uses."""

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.protocol import ChallengeResponse, LoginRequest, LoginResponse, RefreshRequest, RefreshResponse, SessionEvent, UserInfo
from sync.server.audit import service as audit
from sync.server.audit.service import Actor
from sync.server.auth import service
from sync.server.auth.service import CurrentUser, DeviceTaken, LoginFailed, RefreshRefused, TokenPolicy
from sync.server.config import Settings
from sync.server.database import Database
from sync.server.dependencies import client_address, get_db, get_settings, get_token_policy
from sync.server.errors import refusal

router = APIRouter(prefix="/auth/v1", tags=["auth"])
bearer = HTTPBearer(auto_error=False)
CHALLENGE_HEADERS = {"WWW-Authenticate": "Bearer"}

Db = Annotated[Database, Depends(get_db)]
Config = Annotated[Settings, Depends(get_settings)]
Policy = Annotated[TokenPolicy, Depends(get_token_policy)]
Address = Annotated[str, Depends(client_address)]


def current_user(db: Db, policy: Policy, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> CurrentUser:
    if credentials is None:
        raise refusal(status.HTTP_401_UNAUTHORIZED, "auth.required", "请先登录。", CHALLENGE_HEADERS)
    with db.sessions() as s:
        user = service.user_for_token(s, credentials.credentials, policy, time.time())
    if user is None:
        raise refusal(status.HTTP_401_UNAUTHORIZED, "auth.expired", "登录已失效，请重新登录。", CHALLENGE_HEADERS)
    return user


User = Annotated[CurrentUser, Depends(current_user)]


@router.post("/challenge", response_model=ChallengeResponse)
def challenge(request: Request, db: Db, settings: Config, address: Address) -> ChallengeResponse:
    if not request.app.state.challenge_limiter.allow(address, time.monotonic()):
        raise refusal(status.HTTP_429_TOO_MANY_REQUESTS, "auth.too_many", "登录请求过于频繁，请稍后再试。", {"Retry-After": "10"})
    with db.sessions.begin() as s:
        nonce = service.issue_challenge(s, settings.challenge_ttl_s, time.time())
    return ChallengeResponse(nonce=nonce, expires_in=settings.challenge_ttl_s)


@router.post("/login", response_model=LoginResponse)
def login(req: LoginRequest, db: Db, policy: Policy, address: Address) -> LoginResponse:
    now = time.time()
    with db.sessions.begin() as s:  # committed on its own: a failed attempt still spends the nonce
        nonce_ok = service.spend_challenge(s, req.nonce, now)
    try:
        with db.sessions.begin() as s:
            response, actor = service.log_in(s, req, nonce_ok, policy, address, now)
            audit.record(s, now, "login.ok", actor)
            return response
    except LoginFailed as exc:
        _audit(db, now, "login.failed", exc.actor, exc.reason)
        raise refusal(status.HTTP_401_UNAUTHORIZED, "auth.failed", "登录失败：证书或签名未通过验证。") from None
    except DeviceTaken:
        _audit(db, now, "login.failed", Actor(address, device_id=req.device_id), "device.taken")
        raise refusal(status.HTTP_403_FORBIDDEN, "auth.device_taken", "这台设备已登记在其他用户名下，不能用您的证书登录。") from None


@router.post("/refresh", response_model=RefreshResponse)
def refresh(req: RefreshRequest, db: Db, policy: Policy, address: Address) -> RefreshResponse:
    now = time.time()
    try:
        with db.sessions.begin() as s:
            answer, actor = service.refresh(s, req.refresh_token, policy, address, now)
            audit.record(s, now, "token.refresh", actor)
        return answer
    except RefreshRefused as exc:
        if exc.reused:
            with db.sessions.begin() as s:
                service.end_session(s, exc.session_id, "refresh token reused")
        _audit(db, now, "token.reuse" if exc.reused else "token.refused", exc.actor, "refresh token reused: session revoked" if exc.reused else "refresh.invalid")
        raise refusal(status.HTTP_401_UNAUTHORIZED, "auth.expired", "登录已失效，请重新登录。", CHALLENGE_HEADERS) from None


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(user: User, db: Db, address: Address) -> None:
    now = time.time()
    with db.sessions.begin() as s:
        service.end_session(s, user.session_id, "logout")
        audit.record(s, now, "logout", Actor(address, user.id, user.device_id))


@router.post("/events", status_code=status.HTTP_204_NO_CONTENT)
def session_event(event: SessionEvent, user: User, db: Db, address: Address) -> None:
    """The client reports that the key was pulled out (lock) or the session unlocked again."""
    _audit(db, time.time(), f"session.{event.event}", Actor(address, user.id, user.device_id))


@router.get("/me", response_model=UserInfo)
def me(user: User, db: Db) -> UserInfo:
    with db.sessions() as s:
        return service.user_info(s, user)


@router.get("/jwks")
def jwks(policy: Policy) -> dict:
    return policy.key.jwks()


def _audit(db: Database, now: float, event: str, actor: Actor, detail: str = "") -> None:
    with db.sessions.begin() as s:
        audit.record(s, now, event, actor, detail)
