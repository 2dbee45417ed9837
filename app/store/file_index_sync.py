"""Keeps the search (app/store/document_search.py) in step with the shared files the cache holds:
each file is an entry of kind 文件, its name as the title, its 密级, who saved it and when, and the
text of its current content once that content has been on this computer. Whoever writes or
removes a FileRow calls reindex in the same transaction, as for 公文, so search never finds a file
the cache no longer holds (a share withdrawn, a 密级 above the user's clearance).

A blob's text is extracted once and kept in file_texts, so a renamed or re-synced file is
indexed again without reading its content."""

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import exists, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.store.document_search import CHUNK, DocumentFields, index_documents, remove_document
from app.store.models import DocumentIndexRow, FileRow, FileTextRow

FILE = "文件"
_PREFIX = "file:"  # keeps a file's entry apart from a 公文 that might carry the same id


def entry_id(file_id: str) -> str:
    return _PREFIX + file_id


def file_id_of(doc_id: str) -> str:
    """The file an entry of kind 文件 stands for."""
    return doc_id.removeprefix(_PREFIX)


def has_text(session: Session, sha: str) -> bool:
    return session.get(FileTextRow, sha) is not None


def add_text(session: Session, sha: str, body: str) -> None:
    """Keep a blob's text and index the files whose current content it is."""
    session.execute(insert(FileTextRow).values(sha256=sha, body=body).on_conflict_do_nothing())
    reindex(session, session.scalars(select(FileRow.id).where(FileRow.sha256 == sha)))


def reindex(session: Session, file_ids: Iterable[str]) -> None:
    """Bring the entries of these files up to date: a file without a name (deleted, waiting for
    the server) or no longer in the cache leaves the search."""
    session.flush()
    wanted = list(dict.fromkeys(file_ids))
    for first in range(0, len(wanted), CHUNK):
        _reindex_chunk(session, wanted[first : first + CHUNK])


def backfill(session: Session) -> None:
    """Index the files of a cache filled before files went through this search."""
    listed = exists().where(DocumentIndexRow.kind == FILE)
    if session.scalar(select(listed)) or not session.scalar(select(exists().where(FileRow.name != ""))):
        return
    reindex(session, session.scalars(select(FileRow.id)).all())


def _reindex_chunk(session: Session, ids: list[str]) -> None:
    # the mirror upserts without the ORM: rows the session already holds must be read again
    rows = session.scalars(select(FileRow).where(FileRow.id.in_(ids), FileRow.name != "").execution_options(populate_existing=True)).all()
    stored = session.execute(select(FileTextRow.sha256, FileTextRow.body).where(FileTextRow.sha256.in_({r.sha256 for r in rows})))
    texts = {sha: body for sha, body in stored}
    found = {entry_id(r.id): _fields(r, texts.get(r.sha256, "")) for r in rows}
    gone = [entry_id(i) for i in ids if entry_id(i) not in found]
    if gone:
        for listed in session.scalars(select(DocumentIndexRow.doc_id).where(DocumentIndexRow.doc_id.in_(gone))).all():
            remove_document(session, listed)
    index_documents(session, list(found.items()))


def _fields(row: FileRow, body: str) -> DocumentFields:
    kind = row.name.rsplit(".", 1)[-1].lower() if "." in row.name else ""
    saved = dt.date.fromtimestamp(row.saved_at)
    return DocumentFields(kind=FILE, title=row.name, doc_type=kind, secrecy=row.level, unit=row.author_name, date=saved, body=body)
