"""SQLAlchemy 2.0 models of the local cache (本地缓存). Mirrors of server rows carry `pending`."""

from sqlalchemy import JSON, Boolean, Float, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about this cache: its device id, owner, server, next client sequence."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class UnitRow(Base):
    __tablename__ = "units"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(64))
    parent: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=0)


class DepartmentRow(Base):
    __tablename__ = "departments"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=0)


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    login: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[str] = mapped_column(String(64), index=True)
    department_id: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(64))
    roles: Mapped[list[str]] = mapped_column(JSON)
    search_keys: Mapped[str] = mapped_column(Text)
    clearance: Mapped[str] = mapped_column(String(8), default="秘密")  # highest 密级 they may see
    version: Mapped[int] = mapped_column(Integer, default=0)


class RoleRow(Base):
    __tablename__ = "roles"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=0)


class NoticeRow(Base):
    """通知公告 as this user sees it; `read_at` is this user's own read mark."""

    __tablename__ = "notices"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(400))
    body: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(64))
    publisher_id: Mapped[str] = mapped_column(String(64), index=True)
    publisher_name: Mapped[str] = mapped_column(String(64))
    publisher_unit_id: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[float] = mapped_column(Float, index=True)
    read_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)
    attachments: Mapped[list[dict]] = mapped_column(JSON, default=list)  # [{name, sha256, size}]
    # The server's values of fields edited locally but not yet confirmed; rebase puts them back
    # before replaying the waiting edits, so a refused edit leaves no trace.
    server_values: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    # What rebase looks for after each pulled page, found without reading the whole mirror (0004).
    __table_args__ = (
        Index("ix_notices_pending", "id", sqlite_where=text("pending IS 1")),
        Index("ix_notices_server_values", "id", sqlite_where=text("server_values IS NOT NULL")),
        Index("ix_notices_read_at", "publisher_id", sqlite_where=text("read_at IS NOT NULL")),
    )


class NoticeReadRow(Base):
    """A read receipt (已读回执): who read which notice, when. No foreign key: a receipt may arrive
    in its scope before the notice arrives in another."""

    __tablename__ = "notice_reads"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    notice_id: Mapped[str] = mapped_column(String(64), index=True)
    reader_id: Mapped[str] = mapped_column(String(64))
    reader_name: Mapped[str] = mapped_column(String(64))
    read_at: Mapped[float] = mapped_column(Float)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (Index("ix_notice_reads_pending", "id", sqlite_where=text("pending IS 1")),)


class OutboxOp(Base):
    """发件箱: one queued user action. Rows leave when the server applied them; rejected ones stay
    with the server's reason so the user sees them."""

    __tablename__ = "outbox"
    client_seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    args: Mapped[dict] = mapped_column(JSON)
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    reject_code: Mapped[str] = mapped_column(String(64), default="")
    reject_message: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_outbox_status", "status", "client_seq"),)


class SyncCursor(Base):
    """Where the last pull of one scope ended (a server sequence number)."""

    __tablename__ = "sync_cursors"
    scope: Mapped[str] = mapped_column(String(128), primary_key=True)
    cursor: Mapped[int] = mapped_column(Integer, default=0)


class ScopeRow(Base):
    """Which pulled rows belong to which scope, at which server seq. Lets the client forget one
    scope (re-download after the retention horizon or a checksum mismatch) without touching the
    others or the outbox, and fold the scope checksum; kept for entity kinds this version does
    not mirror too, so the checksum still matches."""

    __tablename__ = "scope_rows"
    scope: Mapped[str] = mapped_column(String(128), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_scope_rows_entity_id", "entity", "id"),)


class ConflictRow(Base):
    """A conflict copy (冲突副本): one's edit that lost against a change made meanwhile on the
    server, kept with both values so the user can see and redo it."""

    __tablename__ = "conflicts"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(160))
    title: Mapped[str] = mapped_column(String(400))
    fields: Mapped[dict] = mapped_column(JSON)  # field -> {"server": ..., "mine": ...}
    at: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=0)


class RoomRow(Base):
    """A meeting room (会议室) of this user's unit."""

    __tablename__ = "rooms"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    building: Mapped[str] = mapped_column(String(100))
    location: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int] = mapped_column(Integer)
    needs_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    equipment: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, default=0)


class BookingRow(Base):
    """A room booking as requested; `pending` until the server's answer arrives (待确认)."""

    __tablename__ = "room_bookings"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(400))
    organiser_id: Mapped[str] = mapped_column(String(64), index=True)
    organiser_name: Mapped[str] = mapped_column(String(64))
    attendees: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(Text, default="")
    requested_at: Mapped[float] = mapped_column(Float)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)


class BookingSlotRow(Base):
    """One occurrence of a booking (场次) with the server's decision, or `pending` while it waits.
    `server_values` keeps the server's values of fields changed locally (a cancel, a new time, an
    审批) not yet confirmed, so rebase can put them back if the change is refused."""

    __tablename__ = "room_slots"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    booking_id: Mapped[str] = mapped_column(String(64), index=True)
    room_id: Mapped[str] = mapped_column(String(64))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[list[dict]] = mapped_column(JSON, default=list)  # [{room_id, room_name, start, end}]
    title: Mapped[str] = mapped_column(String(400))
    organiser_id: Mapped[str] = mapped_column(String(64))
    organiser_name: Mapped[str] = mapped_column(String(64))
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    server_values: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_room_slots_room_start", "room_id", "start"),)


class VehicleRow(Base):
    """A car of this user's unit (公务车辆)."""

    __tablename__ = "vehicles"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(64))
    plate: Mapped[str] = mapped_column(String(20))
    seats: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=0)


class DriverRow(Base):
    __tablename__ = "drivers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(64))
    person_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # the driver's own login, if any
    version: Mapped[int] = mapped_column(Integer, default=0)


class VehicleRequestRow(Base):
    """A 用车申请 as the unit sees it; `pending` while one's own new request waits for the server,
    `server_values` the server's fields under a local step (审批, 派车, 出车…) not yet confirmed."""

    __tablename__ = "vehicle_requests"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    requester_id: Mapped[str] = mapped_column(String(64))
    requester_name: Mapped[str] = mapped_column(String(64))
    department_id: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(String(400))
    passengers: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(400))
    destination: Mapped[str] = mapped_column(String(400))
    start: Mapped[int] = mapped_column(Integer, index=True)
    end: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    vehicle_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    driver_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    depart_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    return_km: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    server_values: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)


class InvitationRow(Base):
    """会议通知: a booking this user is invited to, with the confirmed occurrences and their own
    answer; `server_answer` keeps the server's answer under a local one not yet confirmed."""

    __tablename__ = "invitations"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the booking's id
    title: Mapped[str] = mapped_column(String(400))
    room_name: Mapped[str] = mapped_column(String(100))
    location: Mapped[str] = mapped_column(String(300))
    organiser_name: Mapped[str] = mapped_column(String(64))
    occurrences: Mapped[list[list[int]]] = mapped_column(JSON)  # [[start, end], ...]
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    answer: Mapped[str] = mapped_column(String(16), default="")
    server_answer: Mapped[str | None] = mapped_column(String(16), nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)


class BookingAnswerRow(Base):
    """An invitee's answer to one of this user's bookings."""

    __tablename__ = "booking_answers"
    id: Mapped[str] = mapped_column(String(140), primary_key=True)
    booking_id: Mapped[str] = mapped_column(String(64), index=True)
    person_name: Mapped[str] = mapped_column(String(64))
    answer: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer, default=0)


class PortalTodoRow(Base):
    """A 待办 another intranet system put into the portal; it opens at `link`, in that system."""

    __tablename__ = "portal_todos"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    system: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(400))
    link: Mapped[str] = mapped_column(Text)
    deadline: Mapped[float | None] = mapped_column(Float, nullable=True)
    urgency: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=0)


class DocumentRow(Base):
    """A 发文 as this user sees it: GB/T 33480 metadata (`meta`, keyed as in the samples), its
    route (app.domain.documents.route JSON), the 文号 once 签发. `todo`: this user has it in 待办."""

    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_id: Mapped[str] = mapped_column(String(64))
    drafter_id: Mapped[str] = mapped_column(String(64))
    drafter_name: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(16))
    classification: Mapped[str] = mapped_column(String(8))
    urgency: Mapped[str | None] = mapped_column(String(8), nullable=True)
    number_prefix: Mapped[str] = mapped_column(String(64))
    doc_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    meta: Mapped[dict] = mapped_column(JSON)
    route: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))  # route status: in_progress, signed, withdrawn
    body_version: Mapped[int] = mapped_column(Integer)
    attachments: Mapped[list[dict]] = mapped_column(JSON, default=list)  # [{name, sha256, size}]
    signatures: Mapped[list[dict]] = mapped_column(JSON, default=list)  # [{step_id, round, actor, body_version, signature}]
    distributed: Mapped[list[str]] = mapped_column(JSON, default=list)  # unit ids 分发 reached
    todo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    server_values: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        Index("ix_documents_status_updated", "status", "updated_at"),
        Index("ix_documents_todo_updated", "todo", "updated_at"),
        Index("ix_documents_pending", "id", sqlite_where=text("pending IS 1")),
        Index("ix_documents_server_values", "id", sqlite_where=text("server_values IS NOT NULL")),
    )


class DocumentBodyRow(Base):
    """One 正文 version of a document (each step keeps the version it saw)."""

    __tablename__ = "document_bodies"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)  # "{document_id}:{body_version}"
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    body_version: Mapped[int] = mapped_column(Integer)
    paragraphs: Mapped[list[str]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)


class IncomingRow(Base):
    """A 收文 of one receiving unit: the sender's metadata and the unit's own handling state
    (app.domain.documents.incoming JSON), 收文编号 once 登记, 时限 as an aware ISO time."""

    __tablename__ = "incoming_documents"
    id: Mapped[str] = mapped_column(String(140), primary_key=True)  # "{document_id}:{unit_id}"
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    unit_id: Mapped[str] = mapped_column(String(64))
    sender_unit_id: Mapped[str | None] = mapped_column(String(64), nullable=True)  # None: 纸质来文
    sender_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(400))
    kind: Mapped[str] = mapped_column(String(16))
    classification: Mapped[str] = mapped_column(String(8))
    doc_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    meta: Mapped[dict] = mapped_column(JSON)
    state: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16))
    register_no: Mapped[str | None] = mapped_column(String(100), nullable=True)
    due: Mapped[str | None] = mapped_column(String(40), nullable=True)
    body_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    attachments: Mapped[list[dict]] = mapped_column(JSON, default=list)
    todo: Mapped[bool] = mapped_column(Boolean, default=False)
    delivered_at: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[float] = mapped_column(Float)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    server_values: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        Index("ix_incoming_status_delivered", "status", "delivered_at"),
        Index("ix_incoming_todo_due", "todo", "due"),
        Index("ix_incoming_pending", "id", sqlite_where=text("pending IS 1")),
        Index("ix_incoming_server_values", "id", sqlite_where=text("server_values IS NOT NULL")),
    )


class ReceiptRow(Base):
    """What the sender sees of each receiving unit: 已送达, 已签收 or 已退回 (with the reason)."""

    __tablename__ = "document_receipts"
    id: Mapped[str] = mapped_column(String(140), primary_key=True)  # "{document_id}:{unit_id}"
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    unit_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # delivered, received, returned
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=0)


class ReminderRow(Base):
    """催办: a reminder to a handler about a 收文 (it shows in their 待办)."""

    __tablename__ = "document_reminders"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    incoming_id: Mapped[str] = mapped_column(String(140), index=True)
    from_id: Mapped[str] = mapped_column(String(64))
    from_name: Mapped[str] = mapped_column(String(64))
    to_id: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[float] = mapped_column(Float, index=True)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=0)


class FileFolderRow(Base):
    """A folder of a file cabinet (文件柜) the user may see. `grants` are the effective rights
    on it ([kind, id, right]); `shares` the ones given on this folder itself."""

    __tablename__ = "file_folders"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    cabinet: Mapped[str] = mapped_column(String(80), index=True)
    parent_id: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    grants: Mapped[list] = mapped_column(JSON, default=list)
    shares: Mapped[list] = mapped_column(JSON, default=list)
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    server_values: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)


class FileRow(Base):
    """A shared file's current version and its history; the content is the blob `sha256`."""

    __tablename__ = "files"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    container: Mapped[str] = mapped_column(String(80), index=True)
    cabinet: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[float] = mapped_column(Float)
    author_name: Mapped[str] = mapped_column(String(64))
    grants: Mapped[list] = mapped_column(JSON, default=list)
    versions: Mapped[list] = mapped_column(JSON, default=list)  # [{number, sha256, size, author_name, saved_at}]
    pending: Mapped[bool] = mapped_column(Boolean, default=False)
    server_values: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer, default=0)


class FileTextRow(Base):
    """The text of one blob for the search (cache migration 0013): extracted once, kept so a
    renamed or re-synced file is indexed again without reading its content."""

    __tablename__ = "file_texts"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    body: Mapped[str] = mapped_column(Text)


class OfflineFolderRow(Base):
    """A folder marked 保持离线 on this computer: its files' blobs are kept in the local store."""

    __tablename__ = "file_offline"
    folder_id: Mapped[str] = mapped_column(String(80), primary_key=True)


class FileQuotaRow(Base):
    """How full a unit's file cabinets are (已用/上限), as the server last said."""

    __tablename__ = "file_quotas"
    unit_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    used: Mapped[int] = mapped_column(Integer)
    limit_bytes: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=0)


# what 待办 reads of a waiting 公文, in its default order (cache migration 0015)
TODO_INDEX_COLUMNS = ("kind", "todo_order", "seq", "doc_id", "title", "unit", "drafter", "updated", "urgency", "secrecy", "initials")


class DocumentIndexRow(Base):
    """One 公文 or shared file as the 收文/发文 lists and the search show it (cache migration 0010); `seq` (its day, then a counter:
    date order) is also its rowid in the full-text tables document_text (trigrams) and
    document_grams (its characters and character pairs), which app/store/document_search.py keeps beside it."""

    __tablename__ = "document_index"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    doc_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # 收文, 发文 or 文件
    number: Mapped[str] = mapped_column(String(100))  # 文号
    title: Mapped[str] = mapped_column(String(400))
    doc_type: Mapped[str] = mapped_column(String(32))  # 文种
    secrecy: Mapped[str] = mapped_column(String(16))  # 密级
    unit: Mapped[str] = mapped_column(String(200))
    date: Mapped[str] = mapped_column(String(10))  # ISO date, so text order is date order
    status: Mapped[str] = mapped_column(String(32))
    urgency: Mapped[int] = mapped_column(Integer, default=0)  # 紧急程度 as a rank (0014): 特急 2, 加急 1, none 0
    drafter: Mapped[str] = mapped_column(String(64), default="")  # 拟稿人
    # 时限 sorts with the documents that have none last both ways: one column for each direction
    due_ascending: Mapped[str] = mapped_column(String(40), default="")  # the 时限, or "~" (after every date)
    due_descending: Mapped[str] = mapped_column(String(40), default="")  # the 时限, or "" (before every date)
    updated: Mapped[float] = mapped_column(Float, default=0.0)
    initials: Mapped[str] = mapped_column(String(400), default="")  # the title's pinyin initials, a letter a character
    todo: Mapped[bool] = mapped_column(Boolean, default=False)  # in this user's 待办
    # 待办's default order (0015): the 时限 in seconds, or NO_DEADLINE + updated when there is none
    todo_order: Mapped[float] = mapped_column(Float, default=0.0)

    __table_args__ = (
        Index("ix_document_index_kind", "kind"),
        *(
            Index(f"ix_document_index_kind_{c}", "kind", c)
            for c in ("title", "number", "doc_type", "secrecy", "unit", "status", "urgency", "drafter", "due_ascending", "due_descending", "updated")
        ),
        # 待办 merges each kind's waiting rows in (todo_order, seq) order straight from this index,
        # which holds every column 待办 reads: deep pages and searches never jump about the table
        Index("ix_document_index_kind_todo_order", *TODO_INDEX_COLUMNS, sqlite_where=text("todo IS 1")),
        Index("ix_document_index_kind_todo", "kind", sqlite_where=text("todo IS 1")),  # narrow: 待办 counted
    )


class RoleGrantRow(Base):
    """统一授权: a permission a role holds, as the server grants it."""

    __tablename__ = "role_grants"
    id: Mapped[str] = mapped_column(String(300), primary_key=True)  # "<role>|<permission>"
    role: Mapped[str] = mapped_column(String(64), index=True)
    permission: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=0)


class SystemRow(Base):
    """An intranet system in the portal's launcher; `roles` empty: everyone sees it."""

    __tablename__ = "systems"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # its OIDC client_id
    name: Mapped[str] = mapped_column(String(200))
    icon: Mapped[str] = mapped_column(String(64))
    launch_url: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[str] = mapped_column(String(64))
    roles: Mapped[list[str]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=0)


class UnitCertificateRow(Base):
    """单位电子印章 as the server registered it: the unit's seal certificate, its issuing CAs
    (DER, nearest first) and the seal image 用印 places."""

    __tablename__ = "unit_certificates"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the certificate
    unit_id: Mapped[str] = mapped_column(String(64), index=True)
    certificate: Mapped[bytes] = mapped_column(LargeBinary)
    chain: Mapped[list[str]] = mapped_column(JSON)  # base64 DER
    seal_png: Mapped[bytes] = mapped_column(LargeBinary)
    version: Mapped[int] = mapped_column(Integer, default=0)
