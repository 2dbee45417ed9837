"""Who owns a cache: remembered at each online login so the same person can work offline later."""

import json
import uuid
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from app.store import meta
from app.store.cache import Cache

PROFILE_KEY = "owner_profile"
DEVICE_KEY = "device_id"
SCOPES_KEY = "scopes"


@dataclass(frozen=True)
class User:
    id: str
    login: str
    name: str
    unit_id: str
    unit_name: str
    department_id: str
    roles: tuple[str, ...]


def device_id(cache: Cache) -> str:
    """This cache's device id, made once; the server counts client sequences per device."""
    with cache.sessions.begin() as s:
        value = meta.get(s, DEVICE_KEY)
        if not value:
            value = new_device_id()
            meta.put(s, DEVICE_KEY, value)
        return value


def adopt_device_id(cache: Cache, value: str) -> str:
    """Give a cache that has no device id yet the one its first login used; returns the cache's id."""
    with cache.sessions.begin() as s:
        held = meta.get(s, DEVICE_KEY)
        if not held:
            meta.put(s, DEVICE_KEY, value)
        return held or value


def new_device_id() -> str:
    return f"dev-{uuid.uuid4().hex}"


def remember_login(cache: Cache, user: User, scopes: list[str]) -> None:
    with cache.sessions.begin() as s:
        meta.put(s, PROFILE_KEY, json.dumps(asdict(user), ensure_ascii=False))
        meta.put(s, "user_id", user.id)
        remember_scopes(s, scopes)


def remember_scopes(session: Session, scopes: list[str]) -> None:
    """The scopes the server last said the user holds (they change with a 密级 clearance)."""
    meta.put(session, SCOPES_KEY, json.dumps(scopes))


def remembered_user(cache: Cache) -> User | None:
    """The owner of the last online login, or None for a cache that never logged in online."""
    with cache.session() as s:
        raw = meta.get(s, PROFILE_KEY)
    if not raw:
        return None
    data = json.loads(raw)
    return User(**{**data, "roles": tuple(data["roles"])})


def remembered_scopes(cache: Cache) -> list[str]:
    with cache.session() as s:
        return json.loads(meta.get(s, SCOPES_KEY, "[]"))
