"""/auth/v1: challenge, login, who am I; and the `current_user` dependency every API uses."""

import time
from typing import Annotated

from fastapi import APIRouter, Depends, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sync.protocol import ChallengeRequest, ChallengeResponse, LoginRequest, LoginResponse, UserInfo
from sync.server.auth import service
from sync.server.auth.service import CurrentUser, DeviceTaken, LoginFailed
from sync.server.config import Settings
from sync.server.database import Database
from sync.server.dependencies import get_db, get_settings
from sync.server.errors import refusal

router = APIRouter(prefix="/auth/v1", tags=["auth"])
bearer = HTTPBearer(auto_error=False)
CHALLENGE_HEADERS = {"WWW-Authenticate": "Bearer"}

Db = Annotated[Database, Depends(get_db)]
Config = Annotated[Settings, Depends(get_settings)]


def current_user(db: Db, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> CurrentUser:
    if credentials is None:
        raise refusal(status.HTTP_401_UNAUTHORIZED, "auth.required", "请先登录。", CHALLENGE_HEADERS)
    with db.sessions() as s:
        user = service.user_for_token(s, credentials.credentials, time.time())
    if user is None:
        raise refusal(status.HTTP_401_UNAUTHORIZED, "auth.expired", "登录已失效，请重新登录。", CHALLENGE_HEADERS)
    return user


User = Annotated[CurrentUser, Depends(current_user)]


@router.post("/challenge", response_model=ChallengeResponse)
def challenge(req: ChallengeRequest, db: Db, settings: Config) -> ChallengeResponse:
    with db.sessions.begin() as s:
        nonce = service.issue_challenge(s, req.login, settings.challenge_ttl_s, time.time())
    return ChallengeResponse(nonce=nonce, expires_in=settings.challenge_ttl_s)


@router.post("/login", response_model=LoginResponse)
def login(req: LoginRequest, db: Db, settings: Config) -> LoginResponse:
    now = time.time()
    with db.sessions.begin() as s:  # committed on its own: a failed attempt still spends the nonce
        nonce_ok = service.spend_challenge(s, req.nonce, req.login, now)
    try:
        with db.sessions.begin() as s:
            return service.log_in(s, req, nonce_ok, settings.access_token_ttl_s, now)
    except LoginFailed:
        raise refusal(status.HTTP_401_UNAUTHORIZED, "auth.failed", "登录失败，请重新登录。") from None
    except DeviceTaken:
        raise refusal(status.HTTP_403_FORBIDDEN, "auth.device_taken", "这台设备已登记在其他用户名下，不能用您的证书登录。") from None


@router.get("/me", response_model=UserInfo)
def me(user: User, db: Db) -> UserInfo:
    with db.sessions() as s:
        return service.user_info(s, user)
