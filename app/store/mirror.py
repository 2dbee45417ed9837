"""Apply rows pulled from the server to the local mirror tables, a page at a time.

Each entity kind is written with one multi-row upsert (a directory of thousands of people is one
statement, not thousands of ORM merges); tombstones are one DELETE per kind.
"""

import base64
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.domain.directory import search_keys
from app.store import file_index_sync, meta
from app.store.document_index_sync import reindex_document
from app.store.models import (
    BookingAnswerRow,
    BookingRow,
    BookingSlotRow,
    ConflictRow,
    DepartmentRow,
    DocumentBodyRow,
    DocumentRow,
    DriverRow,
    FileFolderRow,
    FileQuotaRow,
    FileRow,
    IncomingRow,
    InvitationRow,
    NoticeReadRow,
    NoticeRow,
    PersonRow,
    PortalTodoRow,
    ReceiptRow,
    ReminderRow,
    RoleGrantRow,
    RoleRow,
    RoomRow,
    SystemRow,
    UnitCertificateRow,
    UnitRow,
    VehicleRequestRow,
    VehicleRow,
)

OWNER_KEY = "user_id"
_NAMES_KEY = "mirror_names"
_OWNER_CACHE_KEY = "mirror_owner"
_OWN_READS_KEY = "mirror_own_reads"


class RowLike(Protocol):
    entity: str
    id: str
    version: int
    deleted: bool
    data: dict[str, Any]


@dataclass(frozen=True)
class PulledRow:
    entity: str
    id: str
    version: int
    deleted: bool
    data: dict[str, Any]


def apply_row(session: Session, entity: str, row_id: str, version: int, deleted: bool, data: dict[str, Any]) -> None:
    apply_rows(session, [PulledRow(entity, row_id, version, deleted, data)])


def apply_rows(session: Session, rows: Iterable[RowLike]) -> None:
    """Make the local mirror hold the server's latest state of these entities (or forget them)."""
    live: dict[str, list[RowLike]] = defaultdict(list)
    gone: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.entity in _KINDS:  # an entity this client version does not know: newer servers send more
            (gone[row.entity].append(row.id) if row.deleted else live[row.entity].append(row))
    if live["unit"] or live["department"]:
        session.info.pop(_NAMES_KEY, None)
    if live["notice"]:
        _load_own_reads(session, [r.id for r in live["notice"]])
    for entity, (model, to_values) in _KINDS.items():  # in dependency order: units before people
        if live[entity]:
            _upsert(session, model.__table__, [to_values(session, r) for r in live[entity]])
        if gone[entity]:
            key = model.__mapper__.primary_key[0]
            session.execute(delete(model).where(key.in_(gone[entity])))
    if live["notice_read"]:
        _mark_own_reads(session, live["notice_read"])
    _reindex(session, {entity: [r.id for r in rows] for entity, rows in live.items()}, gone)


def forget(session: Session, entity: str, ids: list[str]) -> None:
    """Remove these mirror rows (a scope being downloaded again); unknown kinds are ignored."""
    if entity not in _KINDS:
        return
    model = _KINDS[entity][0]
    key = model.__mapper__.primary_key[0]
    for i in range(0, len(ids), 500):
        session.execute(delete(model).where(key.in_(ids[i : i + 500])))
    _reindex(session, {entity: ids})


def _reindex(session: Session, *changed: dict[str, list[str]]) -> None:
    """Keep the search in step with the 发文, 收文, bodies and shared files just written or removed."""
    files = [i for ids in changed for i in ids.get("file", [])]
    if files:
        file_index_sync.reindex(session, files)
    rows = [i for ids in changed for entity in ("document", "incoming") for i in ids.get(entity, [])]
    bodies = [i.rpartition(":")[0] for ids in changed for i in ids.get("document_body", [])]  # "{document_id}:{version}"
    if rows or bodies:
        reindex_document(session, [*rows, *bodies])


def _upsert(session: Session, table: Table, values: list[dict[str, Any]]) -> None:
    keys = [c.name for c in table.primary_key.columns]
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=keys, set_={c: stmt.excluded[c] for c in values[0] if c not in keys})
    session.execute(stmt, values)


def _unit(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "name": d["name"], "level": d["level"], "parent": d["parent"], "sort_order": d["sort_order"], "version": r.version}


def _department(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "unit_id": d["unit_id"], "name": d["name"], "sort_order": d["sort_order"], "version": r.version}


def _person(s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    units, departments = _names(s)
    return {
        "id": r.id,
        "login": d["login"],
        "name": d["name"],
        "unit_id": d["unit_id"],
        "department_id": d["department_id"],
        "title": d["title"],
        "phone": d["phone"],
        "roles": list(d["roles"]),
        "clearance": d.get("clearance", "秘密"),
        "search_keys": search_keys(d["name"], units.get(d["unit_id"], ""), departments.get(d["department_id"], "")),
        "version": r.version,
    }


def _names(s: Session) -> tuple[dict[str, str], dict[str, str]]:
    """Unit and department names, read once per session (one pull page)."""
    cached = s.info.get(_NAMES_KEY)
    if cached is None:
        cached = (dict(s.execute(select(UnitRow.id, UnitRow.name)).all()), dict(s.execute(select(DepartmentRow.id, DepartmentRow.name)).all()))
        s.info[_NAMES_KEY] = cached
    return cached


def _role(_s: Session, r: RowLike) -> dict[str, Any]:
    return {"name": r.id, "description": r.data["description"], "version": r.version}


def _notice(s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    owner, own_reads = _owner(s), s.info.get(_OWN_READS_KEY, {})
    own_read = own_reads.get(r.id)
    if own_read is None and d["publisher_id"] == owner:
        own_read = d["published_at"]  # one's own notice is never "unread"
    return {
        "id": r.id,
        "title": d["title"],
        "body": d["body"],
        "audience": d["audience"],
        "publisher_id": d["publisher_id"],
        "publisher_name": d["publisher_name"],
        "publisher_unit_id": d["publisher_unit_id"],
        "published_at": d["published_at"],
        "read_at": own_read,
        "pending": False,
        "version": r.version,
        "attachments": list(d.get("attachments", [])),
        "server_values": None,
    }


def _owner(s: Session) -> str:
    if _OWNER_CACHE_KEY not in s.info:
        s.info[_OWNER_CACHE_KEY] = meta.get(s, OWNER_KEY)
    return s.info[_OWNER_CACHE_KEY]


def _load_own_reads(s: Session, notice_ids: list[str]) -> None:
    """This user's read marks of a page's notices, in one query per 500 instead of one per row."""
    owner, found = _owner(s), {}
    for i in range(0, len(notice_ids), 500):
        chunk = notice_ids[i : i + 500]
        found.update(s.execute(select(NoticeReadRow.notice_id, NoticeReadRow.read_at).where(NoticeReadRow.reader_id == owner, NoticeReadRow.notice_id.in_(chunk))).all())
    s.info[_OWN_READS_KEY] = found


def _notice_read(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "notice_id": d["notice_id"], "reader_id": d["reader_id"], "reader_name": d["reader_name"], "read_at": d["read_at"], "pending": False, "version": r.version}


def _mark_own_reads(s: Session, receipts: list[RowLike]) -> None:
    owner = _owner(s)
    for r in receipts:
        if r.data["reader_id"] == owner:
            s.execute(update(NoticeRow).where(NoticeRow.id == r.data["notice_id"]).values(read_at=r.data["read_at"]))


def _conflict(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "entity": d["entity"], "entity_id": d["entity_id"], "title": d["title"], "fields": d["fields"], "at": d["at"], "version": r.version}


def _room(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "unit_id": d["unit_id"], "name": d["name"], "building": d["building"], "location": d["location"], "capacity": d["capacity"], "needs_approval": d["needs_approval"], "equipment": list(d["equipment"]), "version": r.version}


def _room_booking(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    keys = ("room_id", "title", "organiser_id", "organiser_name", "attendees", "rule", "requested_at", "cancelled")
    return {"id": r.id, **{k: d[k] for k in keys}, "pending": False, "version": r.version}


def _room_slot(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    keys = ("booking_id", "room_id", "start", "end", "status", "reason", "title", "organiser_id", "organiser_name")
    return {"id": r.id, **{k: d[k] for k in keys}, "alternatives": list(d["alternatives"]), "pending": False, "server_values": None, "version": r.version}


def _invitation(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    keys = ("title", "room_name", "location", "organiser_name", "cancelled", "answer")
    return {"id": r.id, **{k: d[k] for k in keys}, "occurrences": [list(o) for o in d["occurrences"]], "server_answer": None, "version": r.version}


def _booking_answer(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "booking_id": d["booking_id"], "person_name": d["person_name"], "answer": d["answer"], "version": r.version}


def _vehicle(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "unit_id": d["unit_id"], "plate": d["plate"], "seats": d["seats"], "kind": d["kind"], "status": d["status"], "version": r.version}


def _driver(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "unit_id": d["unit_id"], "name": d["name"], "phone": d["phone"], "person_id": d.get("person_id"), "version": r.version}


def _vehicle_request(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    keys = ("requester_id", "requester_name", "department_id", "purpose", "passengers", "origin", "destination", "start", "end", "status", "reason", "vehicle_id", "driver_id", "depart_km", "return_km")
    return {"id": r.id, **{k: d[k] for k in keys}, "pending": False, "server_values": None, "version": r.version}


def _portal_todo(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, **{k: d[k] for k in ("system", "title", "link", "deadline", "urgency", "updated_at")}, "version": r.version}


_DOCUMENT_KEYS = ("unit_id", "drafter_id", "drafter_name", "title", "kind", "classification", "urgency", "number_prefix", "doc_number", "meta", "route", "status", "body_version", "created_at", "updated_at")
_INCOMING_KEYS = ("document_id", "unit_id", "sender_unit_id", "sender_name", "title", "kind", "classification", "doc_number", "meta", "state", "status", "register_no", "due", "body_version", "delivered_at", "updated_at")


def _document(s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    lists = {k: list(d[k]) for k in ("attachments", "signatures", "distributed")}
    return {"id": r.id, **{k: d[k] for k in _DOCUMENT_KEYS}, **lists, "todo": _owner(s) in d["todo_users"], "pending": False, "server_values": None, "version": r.version}


def _document_body(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "document_id": d["document_id"], "body_version": d["body_version"], "paragraphs": list(d["paragraphs"]), "sha256": d["sha256"], "pending": False, "version": r.version}


def _incoming(s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    todo = _owner(s) in d["todo_users"]
    return {"id": r.id, **{k: d[k] for k in _INCOMING_KEYS}, "attachments": list(d["attachments"]), "todo": todo, "pending": False, "server_values": None, "version": r.version}


def _receipt(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, **{k: d[k] for k in ("document_id", "unit_id", "status", "reason", "at")}, "version": r.version}


def _reminder(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, **{k: d[k] for k in ("incoming_id", "from_id", "from_name", "to_id", "text", "at")}, "pending": False, "version": r.version}


def _file_folder(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "cabinet": d["cabinet"], "parent_id": d["parent_id"], "name": d["name"], "grants": d["grants"], "shares": d["shares"], "pending": False, "server_values": None, "version": r.version}


def _file(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    keys = ("container", "cabinet", "name", "level", "sha256", "size", "saved_at", "author_name", "grants", "versions")
    return {"id": r.id, **{k: d[k] for k in keys}, "pending": False, "server_values": None, "version": r.version}


def _file_quota(_s: Session, r: RowLike) -> dict[str, Any]:
    return {"unit_id": r.id, "used": r.data["used"], "limit_bytes": r.data["limit"], "version": r.version}


def _role_grant(_s: Session, r: RowLike) -> dict[str, Any]:
    return {"id": r.id, "role": r.data["role"], "permission": r.data["permission"], "version": r.version}


def _system(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, **{k: d[k] for k in ("name", "icon", "launch_url", "unit_id")}, "roles": list(d["roles"]), "version": r.version}


def _unit_certificate(_s: Session, r: RowLike) -> dict[str, Any]:
    d = r.data
    return {"id": r.id, "unit_id": d["unit_id"], "certificate": base64.b64decode(d["certificate"]), "chain": list(d["chain"]),
            "seal_png": base64.b64decode(d["seal_png"]), "version": r.version}


ToValues = Callable[[Session, RowLike], dict[str, Any]]
_KINDS: dict[str, tuple[type, ToValues]] = {
    "unit": (UnitRow, _unit),
    "department": (DepartmentRow, _department),
    "role": (RoleRow, _role),
    "person": (PersonRow, _person),
    "notice": (NoticeRow, _notice),
    "notice_read": (NoticeReadRow, _notice_read),
    "conflict": (ConflictRow, _conflict),
    "room": (RoomRow, _room),
    "room_booking": (BookingRow, _room_booking),
    "room_slot": (BookingSlotRow, _room_slot),
    "invitation": (InvitationRow, _invitation),
    "booking_answer": (BookingAnswerRow, _booking_answer),
    "vehicle": (VehicleRow, _vehicle),
    "driver": (DriverRow, _driver),
    "vehicle_request": (VehicleRequestRow, _vehicle_request),
    "portal_todo": (PortalTodoRow, _portal_todo),
    "document": (DocumentRow, _document),
    "document_body": (DocumentBodyRow, _document_body),
    "incoming": (IncomingRow, _incoming),
    "document_receipt": (ReceiptRow, _receipt),
    "document_reminder": (ReminderRow, _reminder),
    "file_folder": (FileFolderRow, _file_folder),
    "file": (FileRow, _file),
    "file_quota": (FileQuotaRow, _file_quota),
    "role_grant": (RoleGrantRow, _role_grant),
    "system": (SystemRow, _system),
    "unit_certificate": (UnitCertificateRow, _unit_certificate),
}
