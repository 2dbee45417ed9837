"""The FastAPI application: routers, error shapes, limits and /health."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import __version__
from sync.server.auth.rate_limit import RateLimiter
from sync.server.auth.router import router as auth_router
from sync.server.auth.service import TokenPolicy
from sync.server.auth.tokens import load_or_create
from sync.server.blobs.router import router as blobs_router
from sync.server.bundles.router import router as bundles_router
from sync.server.blobs.store import BlobStore
from sync.server.config import Settings
from sync.server.database import Database, open_database
from sync.server.dependencies import get_db
from sync.server.errors import detail, refusal
from sync.server.middleware import BodyLimit, CatchAll
from sync.server.oidc.router import router as oidc_router
from sync.server.portal.router import router as portal_router
from sync.server.sync.router import router as sync_router

HTTP_MESSAGES = {400: "请求内容无法解析。", 404: "找不到该地址。", 405: "该地址不支持这种请求方法。"}


def create_app(settings: Settings) -> FastAPI:
    db = open_database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    # No /docs or /redoc: their pages load scripts from a CDN, which an intranet cannot reach.
    app = FastAPI(title="Xietong exchange server (协同办公交换服务器)", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.db = db
    app.state.blobs = BlobStore(settings.blob_dir)
    app.state.token_policy = token_policy(settings)
    app.state.challenge_limiter = RateLimiter(settings.challenges_per_minute, settings.challenge_burst)
    app.include_router(auth_router)
    app.include_router(oidc_router)
    app.include_router(portal_router)
    app.include_router(blobs_router)
    app.include_router(sync_router)
    app.include_router(bundles_router)
    app.add_api_route("/health", health, methods=["GET"], tags=["health"])
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(CatchAll)  # added last, so outermost: it also covers BodyLimit
    return app


def token_policy(settings: Settings) -> TokenPolicy:
    return TokenPolicy(
        key=load_or_create(settings.token_key_file),
        issuer=settings.issuer,
        access_ttl_s=settings.access_token_ttl_s,
        refresh_ttl_s=settings.session_max_s,
        session_max_s=settings.session_max_s,
        offline_grant_s=settings.offline_grant_days * 86400,
    )


def health(db: Annotated[Database, Depends(get_db)]) -> dict[str, Any]:
    """Up, with its version and database kind; 503 when the database does not answer."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        raise refusal(503, "server.database_unavailable", "数据库暂时无法访问。") from None
    return {"status": "ok", "version": __version__, "database": db.kind}


async def _invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
    first = errors[0] if errors else {"loc": [], "msg": "", "type": ""}
    if first["type"] == "json_invalid":
        message = "请求内容不是有效的 JSON。"
    else:
        message = f"请求格式不正确：{'.'.join(str(p) for p in first['loc'])}：{first['msg']}"
    return JSONResponse(status_code=422, content=detail("request.invalid", message, errors=errors))


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    if isinstance(exc.detail, dict):
        body = {"detail": exc.detail}
    else:
        body = detail(f"http.{exc.status_code}", HTTP_MESSAGES.get(exc.status_code, str(exc.detail)))
    return JSONResponse(status_code=exc.status_code, content=body, headers=exc.headers)
