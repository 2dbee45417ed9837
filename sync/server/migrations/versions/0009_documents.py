"""公文: documents, body versions, 收文 per unit, 催办 reminders, 文号/收文编号 counters; people's
密级 clearance.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("people", sa.Column("clearance", sa.String(8), nullable=False, server_default="秘密"))
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False, index=True),
        sa.Column("drafter_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("number_prefix", sa.String(64), nullable=False),
        sa.Column("classification", sa.String(8), nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("route", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("body_version", sa.Integer, nullable=False),
        sa.Column("doc_number", sa.String(100), nullable=True, unique=True),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.Column("signatures", sa.JSON, nullable=False),
        sa.Column("distributed", sa.JSON, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "document_bodies",
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("body_version", sa.Integer, primary_key=True),
        sa.Column("paragraphs", sa.JSON, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("author_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_table(
        "incoming_documents",
        sa.Column("id", sa.String(140), primary_key=True),
        sa.Column("document_id", sa.String(64), nullable=False, index=True),
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=False),
        sa.Column("sender_unit_id", sa.String(64), sa.ForeignKey("units.id"), nullable=True),
        sa.Column("classification", sa.String(8), nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("register_no", sa.String(100), nullable=True, unique=True),
        sa.Column("body_version", sa.Integer, nullable=True),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.Column("delivered_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_incoming_documents_unit_status", "incoming_documents", ["unit_id", "status"])
    op.create_table(
        "document_reminders",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("incoming_id", sa.String(140), sa.ForeignKey("incoming_documents.id"), nullable=False, index=True),
        sa.Column("from_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False),
        sa.Column("to_id", sa.String(64), sa.ForeignKey("people.id"), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_table(
        "document_counters",
        sa.Column("unit_id", sa.String(64), sa.ForeignKey("units.id"), primary_key=True),
        sa.Column("prefix", sa.String(64), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("document_counters", "document_reminders", "incoming_documents", "document_bodies", "documents"):
        op.drop_table(table)
    op.drop_column("people", "clearance")
