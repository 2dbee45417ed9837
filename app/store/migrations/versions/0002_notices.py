"""通知公告 and their read receipts.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("audience", sa.String(64), nullable=False),
        sa.Column("publisher_id", sa.String(64), nullable=False, index=True),
        sa.Column("publisher_name", sa.String(64), nullable=False),
        sa.Column("publisher_unit_id", sa.String(64), nullable=False),
        sa.Column("published_at", sa.Float, nullable=False, index=True),
        sa.Column("read_at", sa.Float, nullable=True),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "notice_reads",
        sa.Column("id", sa.String(160), primary_key=True),
        sa.Column("notice_id", sa.String(64), nullable=False, index=True),
        sa.Column("reader_id", sa.String(64), nullable=False),
        sa.Column("reader_name", sa.String(64), nullable=False),
        sa.Column("read_at", sa.Float, nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
