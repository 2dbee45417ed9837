"""Read and write the cache's key/value facts (device id, owner, sync times)."""

from sqlalchemy.orm import Session

from app.store.models import Meta


def get(session: Session, key: str, default: str = "") -> str:
    row = session.get(Meta, key)
    return row.value if row else default


def put(session: Session, key: str, value: str) -> None:
    session.merge(Meta(key=key, value=value))
