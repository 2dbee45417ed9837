"""Blob read rights: a blob is readable by those who uploaded it and by the readers of any scope
whose rows name it in their attachments (the one convention every op uses for files)."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from sync.server.blobs.models import BlobRef, BlobUploader
from sync.server.database import dialect_insert


def attachment_shas(data: dict[str, Any]) -> list[str]:
    found = data.get("attachments")
    if not isinstance(found, list):
        return []
    return [a["sha256"] for a in found if isinstance(a, dict) and isinstance(a.get("sha256"), str)]


def record_refs(session: Session, scope: str, datas: Iterable[dict[str, Any]]) -> None:
    shas = {sha for data in datas for sha in attachment_shas(data)}
    _insert_new(session, BlobRef, [{"sha256": sha, "scope": scope} for sha in sorted(shas)])


def record_uploader(session: Session, sha: str, person_id: str) -> None:
    _insert_new(session, BlobUploader, [{"sha256": sha, "person_id": person_id}])


def may_read(session: Session, sha: str, person_id: str, scopes: list[str]) -> bool:
    by_scope = exists().where(BlobRef.sha256 == sha, BlobRef.scope.in_(scopes))
    by_upload = exists().where(BlobUploader.sha256 == sha, BlobUploader.person_id == person_id)
    return bool(session.scalar(select(or_(by_scope, by_upload))))


def _insert_new(session: Session, model: type, rows: list[dict[str, str]]) -> None:
    if not rows:
        return
    session.execute(dialect_insert(session)(model).on_conflict_do_nothing(), rows)
