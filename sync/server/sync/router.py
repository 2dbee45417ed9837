"""/sync/v1: push ops, pull scopes. Both need a logged-in user and one of their own devices."""

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Request, status

from sync.protocol import PullRequest, PullResponse, PushRequest, PushResponse
from sync.server.auth.router import User
from sync.server.database import Database
from sync.server.dependencies import get_db
from sync.server.errors import refusal
from sync.server.sync import service
from sync.server.sync.handlers import HANDLERS
from sync.server.sync.service import NotYourDevice, OpsNotConsecutive, ScopeForbidden, SeqMismatch

router = APIRouter(prefix="/sync/v1", tags=["sync"])
Db = Annotated[Database, Depends(get_db)]
NOT_YOUR_DEVICE = (status.HTTP_403_FORBIDDEN, "sync.device_not_yours", "该设备未登记在您名下，请重新登录后再同步。")


@router.post("/push", response_model=PushResponse)
def push(req: PushRequest, user: User, db: Db, request: Request) -> PushResponse:
    try:
        results = service.push(db.sessions, user, req, HANDLERS, request.app.state.blobs.has)
    except OpsNotConsecutive:
        raise refusal(422, "sync.seq_not_consecutive", "一次提交的操作序号必须连续。") from None
    except NotYourDevice:
        raise refusal(*NOT_YOUR_DEVICE) from None
    except SeqMismatch as exc:
        message = f"操作序号不连续：服务器期待序号 {exc.expected}。"
        raise refusal(status.HTTP_409_CONFLICT, exc.code, message, expected_seq=exc.expected) from None
    return PushResponse(results=results, server_time=time.time())


@router.post("/pull", response_model=PullResponse)
def pull(req: PullRequest, user: User, db: Db) -> PullResponse:
    try:
        with db.sessions() as s:
            scopes = service.pull(s, user, req)
            results = [] if req.results_after is None else service.results_after(s, user, req.device_id, req.results_after)
    except NotYourDevice:
        raise refusal(*NOT_YOUR_DEVICE) from None
    except ScopeForbidden as exc:
        raise refusal(status.HTTP_403_FORBIDDEN, "sync.scope_forbidden", f"无权读取同步范围“{exc.scope}”。", scope=exc.scope) from None
    return PullResponse(scopes=scopes, server_time=time.time(), results=results, held=user.scopes)
