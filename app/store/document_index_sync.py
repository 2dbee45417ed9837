"""Keeps the 公文 lists and search (document_index) in step with the cache rows of 发文 and 收文:
whoever writes or removes a DocumentRow, IncomingRow or a body calls reindex in the same
transaction, so a list never shows a document the cache no longer has, nor misses one it has."""

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.document_search import CHUNK, DocumentFields, index_documents, remove_document
from app.store.models import DocumentBodyRow, DocumentIndexRow, DocumentRow, IncomingRow

OUTGOING = "发文"
INCOMING = "收文"


def reindex(session: Session, ids: Iterable[str]) -> None:
    """Bring the entries of these 发文 ids or 收文 ids ("{document_id}:{unit_id}") up to date."""
    session.flush()
    wanted = list(dict.fromkeys(ids))
    for first in range(0, len(wanted), CHUNK):
        _reindex_chunk(session, wanted[first : first + CHUNK])


def _reindex_chunk(session: Session, ids: list[str]) -> None:
    # the mirror upserts without the ORM: rows the session already holds must be read again
    rows: list[DocumentRow | IncomingRow] = []
    for model in (DocumentRow, IncomingRow):
        rows += session.scalars(select(model).where(model.id.in_(ids)).execution_options(populate_existing=True))
    bodies = _bodies(session, rows)
    found = {row.id: _fields(row, bodies.get(_body_key(row), "")) for row in rows}
    # ids may name a 发文 this client only holds 收文 of: only what is listed needs removing
    gone = [i for i in ids if i not in found]
    if gone:
        for listed in session.scalars(select(DocumentIndexRow.doc_id).where(DocumentIndexRow.doc_id.in_(gone))):
            remove_document(session, listed)
    index_documents(session, list(found.items()))


def reindex_document(session: Session, document_ids: Iterable[str]) -> None:
    """A body changed: the 发文 itself and every 收文 of it carry that body."""
    ids = list(document_ids)
    incoming = session.scalars(select(IncomingRow.id).where(IncomingRow.document_id.in_(ids))) if ids else []
    reindex(session, [*ids, *incoming])


def backfill(session: Session) -> None:
    """Index a cache filled before the index existed (it is empty while documents are not)."""
    if session.scalar(select(func.count()).select_from(DocumentIndexRow).where(DocumentIndexRow.kind.in_((OUTGOING, INCOMING)))):
        return
    ids = [*session.scalars(select(DocumentRow.id)), *session.scalars(select(IncomingRow.id))]
    if ids:
        reindex(session, ids)


def _fields(row: DocumentRow | IncomingRow, body: str) -> DocumentFields:
    if isinstance(row, DocumentRow):
        return DocumentFields(
            kind=OUTGOING, title=row.title, number=row.doc_number or "", doc_type=row.kind, secrecy=row.classification,
            unit=row.meta.get("发文机关署名") or row.drafter_name, date=_written_on(row.meta, row.created_at), status=row.status,
            metadata=_meta_text(row.meta), opinions=_opinions(row.route.get("history", [])), body=body,
            urgency=row.urgency or "", drafter=row.drafter_name, updated=row.updated_at, todo=row.todo,
        )
    handling = [*row.state.get("history", []), *row.state.get("handlers", [])]
    return DocumentFields(
        kind=INCOMING, title=row.title, number=row.doc_number or "", doc_type=row.kind, secrecy=row.classification, unit=row.sender_name,
        date=dt.date.fromtimestamp(row.delivered_at), status=row.status, metadata=_meta_text(row.meta), opinions=_opinions(handling), body=body,
        urgency=row.meta.get("紧急程度") or "", due=row.due or "", updated=row.updated_at, todo=row.todo,
    )


def _body_key(row: DocumentRow | IncomingRow) -> tuple[str, int | None]:
    return (row.id, row.body_version) if isinstance(row, DocumentRow) else (row.document_id, row.body_version)


def _bodies(session: Session, rows: list[DocumentRow | IncomingRow]) -> dict[tuple[str, int | None], str]:
    """The current 正文 of each row as text: its body_version, or the latest one a 收文 without it has."""
    keys = {_body_key(row) for row in rows}
    stored = session.execute(
        select(DocumentBodyRow.document_id, DocumentBodyRow.body_version, DocumentBodyRow.paragraphs)
        .where(DocumentBodyRow.document_id.in_({doc for doc, _ in keys}))
        .order_by(DocumentBodyRow.body_version)
    )
    texts: dict[tuple[str, int | None], str] = {}
    for doc, version, paragraphs in stored:
        text = "\n".join(paragraphs)
        texts[(doc, version)] = texts[(doc, None)] = text  # ascending: None ends at the latest
    return {key: texts.get(key, "") for key in keys}


def _written_on(meta: dict, created_at: float) -> dt.date:
    try:
        return dt.date.fromisoformat(meta.get("成文日期") or "")
    except ValueError:
        return dt.date.fromtimestamp(created_at)


def _meta_text(meta: dict) -> str:
    words = [v for value in meta.values() for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]
    return " ".join(words)


def _opinions(entries: list[dict]) -> str:
    """Signed opinions and reasons of the route, or 拟办/批办/办理 words of a 收文."""
    return "\n".join(text for e in entries for text in (e.get("text"), e.get("note")) if text)
