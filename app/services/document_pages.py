"""The 发文 and 收文 lists and their search results as pages of cache rows: document_index finds,
filters and sorts in SQL; each page then reads its rows by id, so a list shows every column the
cache keeps (紧急程度, 拟稿人, 待发送, 时限) while only one page is ever read."""

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.store.document_search import DocumentFilters, ListedDocument, SearchHit, document_list, search_query
from app.store.models import DocumentIndexRow, DocumentRow, IncomingRow
from app.store.paged_query import PagedQuery

R = TypeVar("R", DocumentRow, IncomingRow)


@dataclass(frozen=True)
class ListedRow(Generic[R]):
    """One line of a list; `hit` has the marked title and snippet when the list is a search."""

    row: R
    hit: SearchHit | None = None


@dataclass(frozen=True)
class RowPages(Generic[R]):
    """A PageSource (ui.models.lazy_table_model) of ListedRow."""

    sessions: sessionmaker[Session]
    query: PagedQuery[ListedDocument] | PagedQuery[SearchHit]
    model: type[R]

    def count(self) -> int:
        return self.query.count()

    def sorted_by(self, sort: str, descending: bool) -> "RowPages[R]":
        return replace(self, query=self.query.sorted_by(sort, descending))

    def page(self, offset: int, limit: int) -> list[ListedRow[R]]:
        with self.sessions() as s:
            found = self.query.page_in(s, offset, limit)
            ids = [_listed(item).doc_id for item in found]
            rows = {r.id: r for r in s.scalars(select(self.model).where(self.model.id.in_(ids)))}
            s.expunge_all()
        return [ListedRow(rows[_listed(item).doc_id], item if isinstance(item, SearchHit) else None) for item in found if _listed(item).doc_id in rows]


def row_pages(sessions: sessionmaker[Session], model: type[R], kind: str, filters: DocumentFilters, text: str = "", waiting: bool = False) -> RowPages[R]:
    """收文 or 发文 (`kind`) narrowed by `filters`, by the words of `text` if any, and with
    `waiting` to what waits for the user (会签)."""
    filters = replace(filters, kind=kind)
    query = search_query(sessions, text, filters) if text.split() else document_list(sessions, filters)
    if waiting:
        query = replace(query, statement=query.statement.where(DocumentIndexRow.doc_id.in_(select(model.id).where(model.todo.is_(True)))))
    return RowPages(sessions, query, model)


def _listed(item: ListedDocument | SearchHit) -> ListedDocument:
    return item.document if isinstance(item, SearchHit) else item
