"""Meeting rooms, room bookings and their occurrences; on PostgreSQL an exclusion constraint
(btree_gist) so that two confirmed occurrences of one room can never overlap.

Revision ID: 0005_bookings
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_bookings"
down_revision = "0003"
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
        sa.Column("equipment", sa.JSON, nullable=False),
    )
    op.create_table(
        "room_bookings",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("room_id", sa.String(64), sa.ForeignKey("rooms.id"), nullable=False, index=True),
        sa.Column("organiser_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("attendees", sa.Integer, nullable=False),
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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(
            "ALTER TABLE room_slots ADD CONSTRAINT room_slots_no_overlap EXCLUDE USING gist "
            "(room_id WITH =, tstzrange(to_timestamp(start_ts), to_timestamp(end_ts), '[)') WITH &&) "
            "WHERE (status = 'confirmed')"
        )


def downgrade() -> None:
    for table in ("room_slots", "room_bookings", "rooms"):
        op.drop_table(table)
