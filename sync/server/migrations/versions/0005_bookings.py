"""Meeting rooms, room bookings and their occurrences; the fleet, drivers and 用车申请. On
PostgreSQL exclusion constraints (btree_gist) make it impossible for two confirmed occurrences of
one room, or two trips of one car or one driver, to overlap.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rooms",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("building", sa.String(100), nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("needs_approval", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("equipment", sa.JSON, nullable=False),
    )
    op.create_table(
        "room_bookings",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("room_id", sa.String(64), sa.ForeignKey("rooms.id"), nullable=False, index=True),
        sa.Column("organiser_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("attendees", sa.Integer, nullable=False),
        sa.Column("equipment", sa.JSON, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("requested_at", sa.Float, nullable=False),
        sa.Column("cancelled", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "room_slots",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("booking_id", sa.String(64), sa.ForeignKey("room_bookings.id"), nullable=False, index=True),
        sa.Column("room_id", sa.String(64), sa.ForeignKey("rooms.id"), nullable=False),
        sa.Column("start_ts", sa.BigInteger, nullable=False),
        sa.Column("end_ts", sa.BigInteger, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("alternatives", sa.JSON, nullable=False),
    )
    op.create_index("ix_room_slots_room_start", "room_slots", ["room_id", "status", "start_ts"])
    op.create_table(
        "room_invitations",
        sa.Column("booking_id", sa.String(64), sa.ForeignKey("room_bookings.id"), primary_key=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("answer", sa.String(16), nullable=False),
    )
    _vehicles()
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        _exclude("room_slots", "room_slots_no_overlap", "room_id", "status IN ('confirmed', 'awaiting')")
        _exclude("vehicle_requests", "vehicle_requests_car_once", "vehicle_id", "status IN ('dispatched', 'out')")
        _exclude("vehicle_requests", "vehicle_requests_driver_once", "driver_id", "status IN ('dispatched', 'out')")


def _vehicles() -> None:
    op.create_table(
        "vehicles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("plate", sa.String(20), nullable=False),
        sa.Column("seats", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
    )
    op.create_table(
        "drivers",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
    )
    op.create_table(
        "vehicle_requests",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False),
        sa.Column("requester_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False),
        sa.Column("department_id", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(400), nullable=False),
        sa.Column("passengers", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(400), nullable=False),
        sa.Column("destination", sa.String(400), nullable=False),
        sa.Column("start_ts", sa.BigInteger, nullable=False),
        sa.Column("end_ts", sa.BigInteger, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("vehicle_id", sa.String(64), sa.ForeignKey("vehicles.id"), nullable=True),
        sa.Column("driver_id", sa.String(64), sa.ForeignKey("drivers.id"), nullable=True),
        sa.Column("depart_km", sa.Integer, nullable=True),
        sa.Column("return_km", sa.Integer, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_vehicle_requests_unit_start", "vehicle_requests", ["unit_id", "start_ts"])


def _exclude(table: str, name: str, key: str, holding: str) -> None:
    op.execute(
        f"ALTER TABLE {table} ADD CONSTRAINT {name} EXCLUDE USING gist "
        f"({key} WITH =, tstzrange(to_timestamp(start_ts), to_timestamp(end_ts), '[)') WITH &&) WHERE ({holding})"
    )


def downgrade() -> None:
    for table in ("vehicle_requests", "drivers", "vehicles", "room_invitations", "room_slots", "room_bookings", "rooms"):
        op.drop_table(table)
