"""Meeting rooms, room bookings and their occurrences (会议室预订), invitations and answers; the unit's cars, drivers and
用车申请.

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
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("building", sa.String(100), nullable=False),
        sa.Column("location", sa.String(200), nullable=False),
        sa.Column("capacity", sa.Integer, nullable=False),
        sa.Column("needs_approval", sa.Boolean, nullable=False),
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
        sa.Column("server_values", sa.JSON, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_room_slots_room_start", "room_slots", ["room_id", "start"])
    op.create_table(
        "invitations",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("room_name", sa.String(100), nullable=False),
        sa.Column("location", sa.String(300), nullable=False),
        sa.Column("organiser_name", sa.String(64), nullable=False),
        sa.Column("occurrences", sa.JSON, nullable=False),
        sa.Column("cancelled", sa.Boolean, nullable=False),
        sa.Column("answer", sa.String(16), nullable=False),
        sa.Column("server_answer", sa.String(16), nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "booking_answers",
        sa.Column("id", sa.String(140), primary_key=True),
        sa.Column("booking_id", sa.String(64), nullable=False, index=True),
        sa.Column("person_name", sa.String(64), nullable=False),
        sa.Column("answer", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    _vehicles()


def _vehicles() -> None:
    op.create_table(
        "vehicles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("plate", sa.String(20), nullable=False),
        sa.Column("seats", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "drivers",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "vehicle_requests",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("requester_id", sa.String(64), nullable=False),
        sa.Column("requester_name", sa.String(64), nullable=False),
        sa.Column("department_id", sa.String(64), nullable=False),
        sa.Column("purpose", sa.String(400), nullable=False),
        sa.Column("passengers", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(400), nullable=False),
        sa.Column("destination", sa.String(400), nullable=False),
        sa.Column("start", sa.Integer, nullable=False, index=True),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("vehicle_id", sa.String(64), nullable=True),
        sa.Column("driver_id", sa.String(64), nullable=True),
        sa.Column("depart_km", sa.Integer, nullable=True),
        sa.Column("return_km", sa.Integer, nullable=True),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("server_values", sa.JSON, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("vehicle_requests", "drivers", "vehicles", "booking_answers", "invitations", "room_slots", "room_bookings", "rooms"):
        op.drop_table(table)
