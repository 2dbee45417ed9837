"""Directory, login, change log, notices and applied ops.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _directory()
    _auth()
    _changelog()
    _notices()
    op.create_table(
        "applied_ops",
        sa.Column("device_id", sa.String(64), sa.ForeignKey("devices.device_id"), primary_key=True),
        sa.Column("client_seq", sa.Integer, primary_key=True),
        sa.Column("op_id", sa.String(64), nullable=False, unique=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.Column("applied_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    for table in ("applied_ops", "notice_reads", "notices", "changes", "change_counter", "access_tokens", "devices", "challenges", "credentials", "roles", "people", "departments", "units"):
        op.drop_table(table)


def _directory() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("level", sa.String(64), nullable=False),
        sa.Column("parent", sa.String(200), nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
    )
    op.create_table(
        "departments",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sort_order", sa.Integer, nullable=False),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("department_id", sa.String(64), sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("title", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(64), nullable=False),
        sa.Column("roles", sa.JSON, nullable=False),
    )
    op.create_table(
        "roles",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("description", sa.Text, nullable=False),
    )


def _auth() -> None:
    op.create_table(
        "credentials",
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("public_key", sa.Text, nullable=False),
    )
    op.create_table(
        "challenges",
        sa.Column("nonce", sa.String(128), primary_key=True),
        sa.Column("login", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
        sa.Column("used", sa.Boolean, nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("last_client_seq", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "access_tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("person_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("device_id", sa.String(64), sa.ForeignKey("devices.device_id"), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False, index=True),
    )


def _changelog() -> None:
    counter = op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(counter, [{"id": 1, "value": 0}])
    op.create_table(
        "changes",
        sa.Column("scope", sa.String(128), primary_key=True),
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("entity_id", sa.String(160), primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_changes_scope_seq", "changes", ["scope", "seq"])


def _notices() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("audience", sa.String(64), nullable=False),
        sa.Column("publisher_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("publisher_unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False),
        sa.Column("published_at", sa.Float, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "notice_reads",
        sa.Column("notice_id", sa.String(64), sa.ForeignKey("notices.id"), primary_key=True),
        sa.Column("reader_id", sa.String(64), sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("read_at", sa.Float, nullable=False),
    )
