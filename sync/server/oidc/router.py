"""OpenID Connect provider (单点登录): discovery, login tickets, the authorisation code flow with
PKCE, and userinfo. OAuth endpoints answer errors in their standard shape ({"error",
"error_description"}) for relying-party libraries, plus our {"detail": {code, message}}."""

import time
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer

from sync.server.audit import service as audit
from sync.server.audit.service import Actor
from sync.server.auth.router import User
from sync.server.auth.service import TokenPolicy
from sync.server.auth.tokens import ALGORITHM
from sync.server.database import Database
from sync.server.dependencies import client_address, get_db, get_token_policy
from sync.server.errors import detail
from sync.server.oidc import clients, service
from sync.server.oidc.schemas import TicketRequest, TicketResponse
from sync.server.oidc.service import AuthorizeRequest, CodeReused, Refused

router = APIRouter(tags=["oidc"])
basic = HTTPBasic(auto_error=False)
bearer = HTTPBearer(auto_error=False)
COOKIE = "xietong_sso"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}

Db = Annotated[Database, Depends(get_db)]
Policy = Annotated[TokenPolicy, Depends(get_token_policy)]
Address = Annotated[str, Depends(client_address)]


@router.get("/.well-known/openid-configuration")
def discovery(policy: Policy) -> dict[str, Any]:
    issuer = policy.issuer.rstrip("/")
    return {
        "issuer": issuer,
        "jwks_uri": f"{issuer}/auth/v1/jwks",
        "authorization_endpoint": f"{issuer}/oidc/authorize",
        "token_endpoint": f"{issuer}/oidc/token",
        "userinfo_endpoint": f"{issuer}/oidc/userinfo",
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code"],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": ["openid", "profile"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [ALGORITHM],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "preferred_username", "name", "unit_id"],
    }


@router.post("/oidc/ticket", response_model=TicketResponse)
def ticket(req: TicketRequest, user: User, db: Db, policy: Policy) -> TicketResponse:
    """The unlocked desktop client's way into the browser: a one-use ticket, good for a minute."""
    try:
        with db.sessions.begin() as s:
            issued = service.issue_ticket(s, user.session_id, req.next, policy.issuer, time.time())
    except Refused as exc:
        return _refused(status.HTTP_400_BAD_REQUEST, exc)
    url = f"{policy.issuer.rstrip('/')}/oidc/sso?{urlencode({'ticket': issued})}"
    return TicketResponse(ticket=issued, url=url, expires_in=service.TICKET_TTL_S)


@router.get("/oidc/sso")
def sso(db: Db, ticket: Annotated[str, Query(max_length=200)] = "") -> Any:
    """Spend a login ticket: set the browser's SSO cookie and go on to the address it names."""
    now = time.time()
    try:
        with db.sessions.begin() as s:
            cookie, next_url, max_age = service.open_browser_session(s, ticket, now)
    except Refused as exc:
        return _refused(status.HTTP_401_UNAUTHORIZED, exc)
    answer = RedirectResponse(next_url, status_code=status.HTTP_303_SEE_OTHER, headers=NO_STORE)
    answer.set_cookie(COOKIE, cookie, max_age=max_age, path="/oidc", secure=True, httponly=True, samesite="lax")
    return answer


@router.get("/oidc/authorize")
def authorize(request: Request, db: Db, address: Address) -> Any:
    q = request.query_params
    req = AuthorizeRequest(
        client_id=q.get("client_id", ""), redirect_uri=q.get("redirect_uri", ""), response_type=q.get("response_type", ""),
        scope=q.get("scope", ""), state=q.get("state"), nonce=q.get("nonce"),
        code_challenge=q.get("code_challenge"), code_challenge_method=q.get("code_challenge_method"),
    )  # fmt: skip
    now = time.time()
    with db.sessions.begin() as s:
        try:  # until client and redirect URI check out, errors stay here: never redirect to an unknown address
            client = service.registered_client(s, req.client_id, req.redirect_uri)
        except Refused as exc:
            return _refused(status.HTTP_400_BAD_REQUEST, exc)
        user = service.signed_in(s, request.cookies.get(COOKIE), now)
        if user is None:
            return _refused(status.HTTP_401_UNAUTHORIZED, Refused("login_required", "请从协同办公客户端的门户打开该系统（需已登录并解锁）。"))
        try:
            code = service.authorize(s, client, req, user, now)
        except Refused as exc:
            audit.record(s, now, "oidc.refused", Actor(address, user.person.id, user.login.device_id), f"{client.client_id}: {exc.error}")
            return RedirectResponse(service.redirect_to(req.redirect_uri, {"error": exc.error, "error_description": exc.message, "state": req.state}), status.HTTP_302_FOUND)
        audit.record(s, now, "oidc.authorize", Actor(address, user.person.id, user.login.device_id), client.client_id)
    return RedirectResponse(service.redirect_to(req.redirect_uri, {"code": code, "state": req.state}), status.HTTP_302_FOUND, headers=NO_STORE)


@router.post("/oidc/token")
async def token(request: Request, db: Db, policy: Policy, address: Address, credentials: Annotated[HTTPBasicCredentials | None, Depends(basic)]) -> Any:
    form = dict(parse_qsl((await request.body()).decode("utf-8", errors="replace")))
    client_id, secret = (credentials.username, credentials.password) if credentials else (form.get("client_id", ""), form.get("client_secret", ""))
    now = time.time()
    try:
        with db.sessions.begin() as s:
            client = clients.authenticated(s, client_id, secret)
            if client is None:
                return _refused(status.HTTP_401_UNAUTHORIZED, Refused("invalid_client", "业务系统身份验证失败。"), {"WWW-Authenticate": "Basic"})
            if form.get("grant_type") != "authorization_code":
                raise Refused("unsupported_grant_type", "只支持授权码方式（grant_type=authorization_code）。")
            answer = service.redeem(s, client, form.get("code", ""), form.get("redirect_uri", ""), form.get("code_verifier"), policy, now)
    except CodeReused as exc:
        with db.sessions.begin() as s:
            service.revoke(s, exc.code_hash)
            audit.record(s, now, "oidc.code_reuse", Actor(address), f"{client_id}: grant revoked")
        return _refused(status.HTTP_400_BAD_REQUEST, exc)
    except Refused as exc:
        return _refused(status.HTTP_400_BAD_REQUEST, exc)
    return JSONResponse(answer, headers=NO_STORE)


@router.get("/oidc/userinfo")
def userinfo(db: Db, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Any:
    with db.sessions() as s:
        claims = service.userinfo(s, credentials.credentials, time.time()) if credentials else None
    if claims is None:
        return _refused(status.HTTP_401_UNAUTHORIZED, Refused("invalid_token", "访问令牌无效或已过期。"), {"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return claims


def _refused(status_code: int, exc: Refused, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": exc.error, "error_description": exc.message, **detail(f"oidc.{exc.error}", exc.message)}
    return JSONResponse(body, status_code=status_code, headers={**NO_STORE, **(headers or {})})
