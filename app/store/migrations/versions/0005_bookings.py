"""Meeting rooms, room bookings and their occurrences (会议室预订).

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
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("building", sa.String(100), nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("equipment", sa.JSON, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "room_bookings",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("room_id", sa.String(64), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("organiser_id", sa.String(64), nullable=False, index=True),
        sa.Column("organiser_name", sa.String(64), nullable=False),
        sa.Column("attendees", sa.Integer, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("requested_at", sa.Float, nullable=False),
        sa.Column("cancelled", sa.Boolean, nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "room_slots",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("booking_id", sa.String(64), nullable=False, index=True),
        sa.Column("room_id", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("alternatives", sa.JSON, nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("organiser_id", sa.String(64), nullable=False),
        sa.Column("organiser_name", sa.String(64), nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("server_status", sa.String(16), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_room_slots_room_start", "room_slots", ["room_id", "start"])


def downgrade() -> None:
    for table in ("room_slots", "room_bookings", "rooms"):
        op.drop_table(table)
