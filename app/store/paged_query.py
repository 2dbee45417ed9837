"""A list too long to load at once (收文, 发文, 待办, search results at 100,000 rows): counted and
read a page at a time, sorted and filtered by SQL, never in Python.

The order is stable: ties on the sort column are broken by a unique key in the same direction, so
consecutive pages neither repeat nor skip a row, and one index on (filter, sort column) serves it.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, CompoundSelect, Connection, Row, Select, func, literal, select, union_all
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")


@dataclass(frozen=True)
class Directed:
    """A sort that is not one column read both ways: 时限 keeps the documents without one last
    whichever way it is sorted, so each direction has its own indexed column."""

    ascending: ColumnElement[Any]
    descending: ColumnElement[Any]


Items = Callable[[Session | Connection, Sequence[Row[Any]]], list[T]]


@dataclass(frozen=True)
class PagedQuery(Generic[T]):
    """`statement` selects the rows with their filters applied, unordered; `sort_columns` names the
    columns a list may be sorted by; `items` turns one page of rows into plain data (in the same
    session, e.g. to add search snippets). Without `sessions` it is only read through page_in,
    in the caller's session."""

    sessions: sessionmaker[Session] | None
    statement: Select[Any] | CompoundSelect  # a UNION is ordered by its own result columns
    sort_columns: Mapping[str, ColumnElement[Any] | Directed]
    key: ColumnElement[Any]
    items: Items[T]
    sort: str
    descending: bool = False

    def sorted_by(self, sort: str, descending: bool) -> "PagedQuery[T]":
        if sort not in self.sort_columns:
            raise ValueError(f"not a sort column: {sort}")
        return replace(self, sort=sort, descending=descending)

    def count(self) -> int:
        assert self.sessions is not None
        with self.sessions() as session:
            return session.execute(select(func.count()).select_from(_counted(self.statement).subquery())).scalar_one()

    def page(self, offset: int, limit: int) -> list[T]:
        assert self.sessions is not None
        with self.sessions() as session:
            return self.page_in(session, offset, limit)

    def page_in(self, session: Session | Connection, offset: int, limit: int) -> list[T]:
        sort = self.sort_columns[self.sort]
        if isinstance(sort, Directed):
            sort = sort.descending if self.descending else sort.ascending
        columns = [sort, self.key]
        if columns[0] is self.key:
            columns = columns[1:]  # e.g. documents by date, when their key is in date order
        order = [c.desc() if self.descending else c.asc() for c in columns]
        rows = session.execute(self.statement.order_by(*order).offset(offset).limit(limit)).all()
        return self.items(session, rows)


def _counted(statement: Select[Any] | CompoundSelect) -> Select[Any] | CompoundSelect:
    """A UNION ALL's parts narrowed to one constant: SQLite would work out every column of every
    row only to count them (a UNION that drops repeats needs them)."""
    if isinstance(statement, Select) or statement.keyword.value != "UNION ALL":
        return statement
    parts = [part.with_only_columns(literal(1), maintain_column_froms=True) for part in statement.selects]
    return union_all(*parts)
