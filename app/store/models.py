"""SQLAlchemy 2.0 models of the local cache (本地缓存). Mirrors of server rows carry `pending`."""

from sqlalchemy import JSON, Boolean, Float, Index, Integer, String, Text, text
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
