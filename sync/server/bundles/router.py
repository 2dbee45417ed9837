"""/sync/v1/bundles/relay: an exchange-point clerk's connected client relays an isolated unit's
交换包 (uploaded first as a blob) and gets the answer's blob back."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from sync.protocol.bundle_relay import RelayAnswer, RelayRequest
from sync.server.auth.router import User
from sync.server.bundles.relay import RelayRefused, relay
from sync.server.config import Settings
from sync.server.database import Database
from sync.server.dependencies import get_db, get_settings
from sync.server.errors import refusal

router = APIRouter(prefix="/sync/v1/bundles", tags=["交换包"])


@router.post("/relay", response_model=RelayAnswer)
async def relay_bundle(req: RelayRequest, request: Request, user: User, db: Annotated[Database, Depends(get_db)], settings: Annotated[Settings, Depends(get_settings)]) -> RelayAnswer:
    try:  # minutes for a big bundle: off the event loop
        return await run_in_threadpool(relay, db, request.app.state.blobs, settings, user, req.bundle_sha256)
    except RelayRefused as exc:
        raise refusal(exc.status, exc.code, exc.message) from None
