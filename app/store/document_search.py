"""全文检索 and the 收文/发文 lists of 公文 in the local cache, offline; one search for 公文 and
shared files alike. An entry has a kind: 收文 and 发文 (app/store/document_index_sync.py) or 文件
(app/store/file_index_sync.py: a file's name as the title, its extracted text as the body), so
one query over every kind finds both, and a filter on kind gives one list.

Chinese has no spaces between words, so the text is indexed by characters, not words. FTS5's
trigram tokenizer (document_text) finds any run of three or more characters, but never a shorter
one, and the commonest Chinese words have two characters (政务, 会签). A second, contentless
index (document_grams) holds each document's distinct characters and character pairs (of each run
of letters and digits), without positions, so a one- or two-character word is one token.
LIKE over the stored text would find them too, but reads every body in the file: see
bench/document_search.py for the figures.

A term of Latin letters also finds titles by their pinyin initials (tzgg finds 通知公告), as the
directory finds people: a stored column of one initial per title character, so it is marked too.

Search terms are separated by spaces and must all occur (in any of title, metadata, opinions,
body, 文号, or the title's initials). Hits come newest first, or sorted by any list column; each carries its title and a
snippet with the occurrences marked.

A document's `seq`, its rowid in all three tables, is its day followed by a counter, so rowid order
is date order: newest first is FTS5 walking its index backwards and stopping at a page, whether a
word is in 60,000 documents or in 6, instead of collecting every hit and sorting them.
"""

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import chain
from operator import add
from typing import Any

from sqlalchemy import Connection, Row, Select, TableClause, bindparam, column, delete, or_, select, table, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session, sessionmaker

from app.domain.directory import initials_per_character
from app.domain.documents.metadata import urgency_rank
from app.store.models import DocumentIndexRow
from app.store.paged_query import Directed, PagedQuery

TEXT_FIELDS = ("title", "number", "metadata", "opinions", "body")
LONG_FIELDS = TEXT_FIELDS[2:]  # kept only in document_text; the list shows title and number
SNIPPET_CHARS = 80
SNIPPET_BEFORE = 20
TRIGRAM = 3
CHUNK = 500
DAY_SLOTS = 1 << 20  # documents one day can hold: seq = day number * DAY_SLOTS + counter
_RUN = re.compile(r"[^\W_]+")  # what unicode61 keeps as one token: letters and digits
NO_DUE = "~"  # after every ISO date: no 时限 sorts last
NO_DEADLINE = 1e12  # after every deadline (seconds since 1970): 待办 without one last, oldest first
_SORT_COLUMNS = {
    "date": DocumentIndexRow.seq,
    **{c: getattr(DocumentIndexRow, c) for c in ("title", "number", "doc_type", "secrecy", "unit", "status", "urgency", "drafter", "updated")},
    "due": Directed(DocumentIndexRow.due_ascending, DocumentIndexRow.due_descending),
}
_LIST_COLUMNS = (DocumentIndexRow.seq, *(getattr(DocumentIndexRow, c) for c in ("doc_id", "kind", "number", "title", "doc_type", "secrecy", "unit", "date", "status")))

_STORED_TEXT = text("SELECT rowid, title, number, metadata, opinions, body FROM document_text WHERE rowid IN :seqs").bindparams(
    bindparam("seqs", expanding=True)
)

# the last seq taken on each of the days (their first seqs, a JSON list): one statement a chunk
_LAST_SEQS = text(
    "SELECT value, (SELECT max(seq) FROM document_index WHERE seq BETWEEN value AND value + :slots - 1) FROM json_each(:firsts)"
)

Db = Session | Connection


@dataclass(frozen=True)
class DocumentFields:
    """What of one 公文 is listed and searched; docflow fills it from the document and its route."""

    kind: str  # 收文, 发文 or 文件
    title: str
    number: str = ""  # 文号
    doc_type: str = ""  # 文种: 通知, 请示, 报告, 函…
    secrecy: str = ""  # 密级
    unit: str = ""  # 发文机关 or 来文单位
    date: dt.date | None = None  # 成文日期 or 收文日期
    status: str = ""
    metadata: str = ""  # the GB/T 33480 metadata as words (主送, 抄送, 主题词…)
    opinions: str = ""  # 拟办、批办、会签意见
    body: str = ""
    urgency: str = ""  # 紧急程度: 特急, 加急 or none
    drafter: str = ""  # 拟稿人
    due: str = ""  # 时限 as an aware ISO time
    updated: float = 0.0
    todo: bool = False  # in this user's 待办


@dataclass(frozen=True)
class DocumentFilters:
    """Each set field narrows the list; dates are inclusive ISO dates."""

    kind: str | None = None
    doc_type: str | None = None
    secrecy: str | None = None
    unit: str | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class ListedDocument:
    doc_id: str
    kind: str
    number: str
    title: str
    doc_type: str
    secrecy: str
    unit: str
    date: str
    status: str


@dataclass(frozen=True)
class Highlighted:
    """Text with the places a search term was found, as (start, end) character offsets."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, start: str, end: str) -> str:
        out, at = [], 0
        for a, b in self.spans:
            out += [self.text[at:a], start, self.text[a:b], end]
            at = b
        return "".join(out + [self.text[at:]])


@dataclass(frozen=True)
class SearchHit:
    document: ListedDocument
    title: Highlighted
    snippet: Highlighted  # from the first of metadata, opinions, body holding a term


def index_document(db: Db, doc_id: str, doc: DocumentFields) -> None:
    """Add a document to the lists and the search, or bring its entry up to date."""
    index_documents(db, [(doc_id, doc)])


def index_documents(db: Db, docs: Sequence[tuple[str, DocumentFields]]) -> None:
    """The same for many at once (a first sync), a few statements per chunk rather than per document."""
    for first in range(0, len(docs), CHUNK):
        _index_chunk(db, docs[first : first + CHUNK])


def remove_document(db: Db, doc_id: str) -> None:
    _remove(db, [doc_id])


def search(db: Db, query: str, filters: DocumentFilters = DocumentFilters(), limit: int = 50, offset: int = 0) -> list[SearchHit]:
    """One page of the documents holding every term of `query`, newest first."""
    return _search(None, query, filters).page_in(db, offset, limit)


def search_query(sessions: sessionmaker[Session], query: str, filters: DocumentFilters = DocumentFilters()) -> PagedQuery[SearchHit]:
    """The same hits as a list a view can page through and sort by its columns."""
    return _search(sessions, query, filters)


def document_list(sessions: sessionmaker[Session], filters: DocumentFilters = DocumentFilters()) -> PagedQuery[ListedDocument]:
    """收文 or 发文 (filters.kind) as a list, newest first."""
    statement = _filtered(select(*_LIST_COLUMNS), filters)
    return PagedQuery(sessions, statement, _SORT_COLUMNS, DocumentIndexRow.seq, lambda _db, rows: [_listed(r) for r in rows], "date", True)


def character_grams(values: Sequence[str]) -> str:
    """政务公开 → "政 务 公 开 政务 务公 公开": the tokens of document_grams, each once."""
    runs = [run for value in values for run in _RUN.findall(value.lower())]
    return " ".join(dict.fromkeys(chain(*runs, *(map(add, run, run[1:]) for run in runs))))


def search_terms(query: str) -> list[str]:
    return list(dict.fromkeys(query.split()))


def _search(sessions: sessionmaker[Session] | None, query: str, filters: DocumentFilters) -> PagedQuery[SearchHit]:
    terms = search_terms(query)
    latin = [t for t in terms if _is_initials(t)]
    words = [t for t in terms if t not in latin]
    long_query = " AND ".join(_quoted(t) for t in words if len(t) >= TRIGRAM)
    short_query = " AND ".join(_quoted(w) for w in (_word(t) for t in words if len(t) < TRIGRAM) if w)
    matches = [_match(name, q) for name, q in (("document_text", long_query), ("document_grams", short_query)) if q]
    statement, key = select(*_LIST_COLUMNS), DocumentIndexRow.seq
    if matches:
        # The first full-text table drives the loop in its rowid order; everything else is looked up.
        outer, condition = matches[0]
        key = outer.c.rowid
        statement = statement.select_from(outer).join(DocumentIndexRow, DocumentIndexRow.seq == key).where(condition)
        for fts, condition in matches[1:]:
            statement = statement.join(fts, fts.c.rowid == key).where(condition)
    for term in latin:
        statement = statement.where(or_(DocumentIndexRow.initials.contains(term.lower(), autoescape=True), DocumentIndexRow.seq.in_(_holding(term))))
    statement = _filtered(statement, filters, key)
    sort_columns = {**_SORT_COLUMNS, "date": key}
    return PagedQuery(sessions, statement, sort_columns, key, lambda db, rows: _hits(db, rows, terms), "date", True)


def _match(fts_table: str, expression: str) -> tuple[TableClause, Any]:
    """Phrases for document_text; characters and pairs, each a token, for document_grams."""
    fts = table(fts_table, column("rowid"), column(fts_table))
    return fts, fts.c[fts_table].op("MATCH")(expression)


def _holding(term: str) -> Select[Any]:
    """The seqs of the documents holding one term in their text."""
    fts, condition = _match("document_text", _quoted(term)) if len(term) >= TRIGRAM else _match("document_grams", _quoted(_word(term)))
    return select(fts.c.rowid).where(condition)


def _is_initials(term: str) -> bool:
    return term.isascii() and term.isalpha()


def _filtered(statement: Select[Any], filters: DocumentFilters, seq: Any = DocumentIndexRow.seq) -> Select[Any]:
    """`seq` is the column that drives the loop, so a date range narrows it, not the rows after it."""
    for name in ("kind", "doc_type", "secrecy", "unit", "status"):
        value = getattr(filters, name)
        if value is not None:
            statement = statement.where(getattr(DocumentIndexRow, name) == value)
    if filters.date_from:
        statement = statement.where(seq >= _first_seq(filters.date_from))
    if filters.date_to:
        statement = statement.where(seq < _first_seq(filters.date_to + dt.timedelta(days=1)))
    return statement


def _hits(db: Db, rows: Sequence[Row[Any]], terms: list[str]) -> list[SearchHit]:
    texts = _texts(db, [r.seq for r in rows])
    pattern = _pattern(terms)
    initials = _pattern([t.lower() for t in terms if _is_initials(t)])
    return [_hit(row, texts.get(row.seq, ("",) * len(LONG_FIELDS)), pattern, initials) for row in rows]


def _pattern(terms: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE) if terms else None


def _hit(row: Row[Any], values: Sequence[str], pattern: re.Pattern[str] | None, initials: re.Pattern[str] | None) -> SearchHit:
    found_initials = _spans(initials, initials_per_character(row.title)) if initials else ()
    title = Highlighted(row.title, _merged([*_spans(pattern, row.title), *found_initials]))
    found = [v for v in values if pattern and pattern.search(v)]
    return SearchHit(_listed(row), title, _snippet(found[0] if found else values[-1], pattern))


def _snippet(value: str, pattern: re.Pattern[str] | None) -> Highlighted:
    first = pattern.search(value) if pattern else None
    start = max(0, first.start() - SNIPPET_BEFORE) if first else 0
    window = value[start : start + SNIPPET_CHARS]
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET_CHARS < len(value) else ""
    shown = prefix + window + suffix
    return Highlighted(shown, tuple((a + len(prefix), b + len(prefix)) for a, b in _spans(pattern, window)))


def _spans(pattern: re.Pattern[str] | None, value: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in pattern.finditer(value)) if pattern else ()


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Spans found by the text and by the initials, in order and without overlaps."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return tuple(out)


def _texts(db: Db, seqs: list[int]) -> dict[int, tuple[str, ...]]:
    if not seqs:
        return {}
    statement = text("SELECT rowid, metadata, opinions, body FROM document_text WHERE rowid IN :seqs")
    rows = db.execute(statement.bindparams(bindparam("seqs", expanding=True)), {"seqs": seqs})
    return {r[0]: tuple(r[1:]) for r in rows}


def _index_chunk(db: Db, docs: Sequence[tuple[str, DocumentFields]]) -> None:
    # A changed date moves the document in the order, so an update is a removal and a new entry.
    _remove(db, [doc_id for doc_id, _ in docs])
    seqs = _new_seqs(db, [doc.date for _, doc in docs])
    db.execute(insert(DocumentIndexRow), [{"seq": seq, "doc_id": doc_id, **_listed_values(doc)} for seq, (doc_id, doc) in zip(seqs, docs)])
    texts = [_params(seq, [getattr(doc, name) for name in TEXT_FIELDS]) for seq, (_, doc) in zip(seqs, docs)]
    grams = [{"s": seq, "g": character_grams([getattr(doc, name) for name in TEXT_FIELDS])} for seq, (_, doc) in zip(seqs, docs)]
    db.execute(text("INSERT INTO document_text(rowid, title, number, metadata, opinions, body) VALUES (:s, :t, :n, :m, :o, :b)"), texts)
    db.execute(text("INSERT INTO document_grams(rowid, grams) VALUES (:s, :g)"), grams)


def _new_seqs(db: Db, dates: list[dt.date | None]) -> list[int]:
    """The next free seq of each document's day, in the order given."""
    firsts = [_first_seq(date) for date in dates]
    taken = db.execute(_LAST_SEQS, {"firsts": json.dumps(sorted(set(firsts))), "slots": DAY_SLOTS})
    last = {first: first - 1 if seq is None else seq for first, seq in taken}
    seqs = []
    for first in firsts:
        last[first] += 1
        seqs.append(last[first])
    return seqs


def _first_seq(date: dt.date | None) -> int:
    return (date.toordinal() if date else 0) * DAY_SLOTS


def _remove(db: Db, ids: list[str]) -> None:
    seqs = list(db.execute(select(DocumentIndexRow.seq).where(DocumentIndexRow.doc_id.in_(ids))).scalars())
    if not seqs:
        return
    # document_grams keeps no text: FTS5 forgets a row when told the tokens it indexed, which are
    # the grams of the text document_text still holds (so character_grams must not change without
    # a migration that rebuilds the index).
    stored = db.execute(_STORED_TEXT, {"seqs": seqs}).all()
    forget = [{"s": row[0], "g": character_grams(row[1:])} for row in stored]
    db.execute(text("INSERT INTO document_grams(document_grams, rowid, grams) VALUES ('delete', :s, :g)"), forget)
    db.execute(text("DELETE FROM document_text WHERE rowid = :s"), [{"s": seq} for seq in seqs])
    db.execute(delete(DocumentIndexRow).where(DocumentIndexRow.seq.in_(seqs)))


def _listed_values(doc: DocumentFields) -> dict[str, Any]:
    values = {f.name: getattr(doc, f.name) for f in fields(DocumentFields) if f.name not in (*LONG_FIELDS, "due")}
    return {
        **values, "date": doc.date.isoformat() if doc.date else "", "urgency": urgency_rank(doc.urgency),
        "due_ascending": doc.due or NO_DUE, "due_descending": doc.due, "initials": initials_per_character(doc.title),
        "todo_order": todo_order(doc.due, doc.updated),
    }


def todo_order(due: str, updated: float) -> float:
    """Where a 公文 sorts in 待办: by its 时限, those without one after every 时限 by when they changed.
    Read as SQLite's strftime('%s', …) reads it (migration 0015 fills old rows that way): a time
    without a zone is UTC, one that is not a time is no 时限."""
    try:
        deadline = dt.datetime.fromisoformat(due)
    except ValueError:
        return NO_DEADLINE + updated
    return (deadline if deadline.tzinfo else deadline.replace(tzinfo=dt.UTC)).timestamp()


def _listed(row: Row[Any]) -> ListedDocument:
    return ListedDocument(row.doc_id, row.kind, row.number, row.title, row.doc_type, row.secrecy, row.unit, row.date, row.status)


def _word(term: str) -> str:
    return "".join(_RUN.findall(term.lower()))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _params(seq: int, values: Sequence[str]) -> dict[str, Any]:
    return {"s": seq, **dict(zip(("t", "n", "m", "o", "b"), values))}
