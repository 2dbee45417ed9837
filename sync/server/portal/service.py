"""Put another system's 待办 into a person's scope of the change log, where their clients pull it."""

import time
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from app.domain.scopes import user_scope
from sync.server.changelog.service import record
from sync.server.directory import service as directory
from sync.server.oidc.models import OidcClientModel
from sync.server.portal.models import TodoModel
from sync.server.portal.schemas import TodoIn

ENTITY = "portal_todo"


class TodoRefused(Exception):
    """`code` is stable for the calling system; `message` is for its administrator (中文)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def put(session: Session, client: OidcClientModel, item: TodoIn) -> TodoModel:
    """Create or update the item; `done` removes it from the person's 待办 (a tombstone)."""
    person = directory.person_by_login(session, item.user)
    if person is None:
        raise TodoRefused("portal.user_unknown", f"没有登录名为 {item.user} 的用户。")
    if urlsplit(item.link).scheme not in ("https", "http"):
        raise TodoRefused("portal.link_invalid", "待办的链接须为 https 地址。")
    todo_id = f"{client.client_id}:{item.id}"
    row = session.get(TodoModel, todo_id)
    if row is not None and row.person_id != person.id:
        raise TodoRefused("portal.user_changed", "同一待办不能改派给其他人，请使用新的编号。")
    if row is None:
        row = TodoModel(id=todo_id, client_id=client.client_id, person_id=person.id, version=0)
        session.add(row)
    row.title, row.link, row.deadline, row.urgency, row.done = item.title, item.link, item.deadline, item.urgency, item.done
    row.version, row.updated_at = row.version + 1, time.time()
    data = {"system": client.name, "client_id": client.client_id, "title": row.title, "link": row.link, "deadline": row.deadline, "urgency": row.urgency, "updated_at": row.updated_at}
    record(session, user_scope(person.id), ENTITY, todo_id, row.version, data, deleted=row.done)
    return row
