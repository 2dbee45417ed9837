"""/portal/v1: other intranet systems put 待办 into the portal, authenticated as the OIDC client
they are registered as (HTTP Basic: client_id and client_secret)."""

from typing import Annotated

from fastapi import APIRouter, Depends, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from sync.server.database import Database
from sync.server.dependencies import get_db
from sync.server.errors import refusal
from sync.server.oidc import clients
from sync.server.portal import service
from sync.server.portal.schemas import TodoIn, TodoOut
from sync.server.portal.service import TodoRefused

router = APIRouter(prefix="/portal/v1", tags=["portal"])
basic = HTTPBasic(auto_error=False)

Db = Annotated[Database, Depends(get_db)]


def calling_system(db: Db, credentials: Annotated[HTTPBasicCredentials | None, Depends(basic)]) -> str:
    """The client_id of the registered system calling; a dependency, so it is checked before the body."""
    with db.sessions() as s:
        client = clients.authenticated(s, credentials.username, credentials.password) if credentials else None
    if client is None:
        raise refusal(status.HTTP_401_UNAUTHORIZED, "portal.client_unknown", "业务系统身份验证失败（client_id 或 client_secret 不对）。", {"WWW-Authenticate": "Basic"})
    return client.client_id


@router.post("/todo", response_model=TodoOut)
def put_todo(item: TodoIn, db: Db, client_id: Annotated[str, Depends(calling_system)]) -> TodoOut:
    try:
        with db.sessions.begin() as s:
            row = service.put(s, clients.registered(s, client_id), item)
            return TodoOut(id=row.id, version=row.version)
    except TodoRefused as exc:
        raise refusal(status.HTTP_422_UNPROCESSABLE_ENTITY, exc.code, exc.message) from None
