"""公文: 发文 with their routes and 正文 versions, 收文 per receiving unit, receipts (回执) and
催办 reminders; people's 密级 clearance.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_PENDING = sa.text("pending IS 1")
_EDITED = sa.text("server_values IS NOT NULL")


def upgrade() -> None:
    op.add_column("people", sa.Column("clearance", sa.String(8), nullable=False, server_default="秘密"))
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("drafter_id", sa.String(64), nullable=False),
        sa.Column("drafter_name", sa.String(64), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("classification", sa.String(8), nullable=False),
        sa.Column("urgency", sa.String(8), nullable=True),
        sa.Column("number_prefix", sa.String(64), nullable=False),
        sa.Column("doc_number", sa.String(100), nullable=True),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("route", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("body_version", sa.Integer, nullable=False),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.Column("signatures", sa.JSON, nullable=False),
        sa.Column("distributed", sa.JSON, nullable=False),
        sa.Column("todo", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("server_values", sa.JSON, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_documents_status_updated", "documents", ["status", "updated_at"])
    op.create_index("ix_documents_todo_updated", "documents", ["todo", "updated_at"])
    op.create_index("ix_documents_pending", "documents", ["id"], sqlite_where=_PENDING)
    op.create_index("ix_documents_server_values", "documents", ["id"], sqlite_where=_EDITED)
    op.create_table(
        "document_bodies",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("document_id", sa.String(64), nullable=False, index=True),
        sa.Column("body_version", sa.Integer, nullable=False),
        sa.Column("paragraphs", sa.JSON, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "incoming_documents",
        sa.Column("id", sa.String(140), primary_key=True),
        sa.Column("document_id", sa.String(64), nullable=False, index=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("sender_unit_id", sa.String(64), nullable=True),
        sa.Column("sender_name", sa.String(200), nullable=False),
        sa.Column("title", sa.String(400), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("classification", sa.String(8), nullable=False),
        sa.Column("doc_number", sa.String(100), nullable=True),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("register_no", sa.String(100), nullable=True),
        sa.Column("due", sa.String(40), nullable=True),
        sa.Column("body_version", sa.Integer, nullable=True),
        sa.Column("attachments", sa.JSON, nullable=False),
        sa.Column("todo", sa.Boolean, nullable=False),
        sa.Column("delivered_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("server_values", sa.JSON, nullable=True),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_incoming_status_delivered", "incoming_documents", ["status", "delivered_at"])
    op.create_index("ix_incoming_todo_due", "incoming_documents", ["todo", "due"])
    op.create_index("ix_incoming_pending", "incoming_documents", ["id"], sqlite_where=_PENDING)
    op.create_index("ix_incoming_server_values", "incoming_documents", ["id"], sqlite_where=_EDITED)
    op.create_table(
        "document_receipts",
        sa.Column("id", sa.String(140), primary_key=True),
        sa.Column("document_id", sa.String(64), nullable=False, index=True),
        sa.Column("unit_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.Float, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "document_reminders",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("incoming_id", sa.String(140), nullable=False, index=True),
        sa.Column("from_id", sa.String(64), nullable=False),
        sa.Column("from_name", sa.String(64), nullable=False),
        sa.Column("to_id", sa.String(64), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", sa.Float, nullable=False, index=True),
        sa.Column("pending", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("document_reminders", "document_receipts", "incoming_documents", "document_bodies", "documents"):
        op.drop_table(table)
    op.drop_column("people", "clearance")
