"""Blob read rights: a blob is readable by those who uploaded it and by the readers of any scope
whose rows name it in their attachments (the one convention every op uses for files). A version
of a shared file (文件共享) is readable only while its file is published to one of the reader's
scopes now: withdrawing a share or raising a 密级 withdraws the download too."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from sync.server.blobs.models import BlobRef, BlobUploader
from sync.server.database import dialect_insert
from sync.server.files import blob_rights as files

FILE_SCOPE_PREFIX = "files:"


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
    if files.may_read_blob(session, sha, scopes):
        return True
    other_scopes = [s for s in scopes if not s.startswith(FILE_SCOPE_PREFIX)]  # file scopes answer above, by current rights
    by_scope = exists().where(BlobRef.sha256 == sha, BlobRef.scope.in_(other_scopes))
    by_upload = exists().where(BlobUploader.sha256 == sha, BlobUploader.person_id == person_id)
    return bool(session.scalar(select(or_(by_scope, by_upload))))


def _insert_new(session: Session, model: type, rows: list[dict[str, str]]) -> None:
    if not rows:
        return
    session.execute(dialect_insert(session)(model).on_conflict_do_nothing(), rows)
